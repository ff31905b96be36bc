/**
 * The whole diagram on the printed page. The canvas shows only the part of the plan in view; for
 * print, public/print.css sizes the canvas to the page and, while <html> carries FIT_FLAG, draws
 * React Flow's viewport with a transform of its own, which fits the box named by the custom
 * properties set here (in flow coordinates) into the page, whatever the paper. React Flow's own
 * view is never changed, so there is nothing to put back after printing.
 */

export const FIT_FLAG = 'data-portolan-print-fit';
const PROPS = ['x', 'y', 'w', 'h'].map((p) => `--portolan-print-${p}`);

/** What the diagram draws: cards, zones and devices, the arrows and their labels. */
const DRAWN = '.react-flow__node, .portolan-flows .react-flow__edge-path, .portolan-edge-label';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The box, in flow coordinates, round everything the diagram draws, or undefined when it draws
 * nothing. Measured on the page as it is laid out now, so it holds whatever the view's transform.
 */
export function diagramBox(viewport: Element): Box | undefined {
  const origin = viewport.getBoundingClientRect();
  const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a || 1;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const el of viewport.querySelectorAll(DRAWN)) {
    const r = el.getBoundingClientRect();
    // Not drawn (hidden labels when zoomed out, cards not yet measured).
    if (r.width === 0 && r.height === 0) continue;
    left = Math.min(left, r.left);
    top = Math.min(top, r.top);
    right = Math.max(right, r.right);
    bottom = Math.max(bottom, r.bottom);
  }
  if (left > right) return undefined;
  return {
    x: (left - origin.left) / zoom,
    y: (top - origin.top) / zoom,
    width: (right - left) / zoom,
    height: (bottom - top) / zoom,
  };
}

/** Fits the diagram to the printed page (see print.css); false when there is nothing to fit. */
export function fitDiagram(): boolean {
  const viewport = document.querySelector('.portolan-canvas .react-flow__viewport');
  const box = viewport && diagramBox(viewport);
  if (!box) return false;
  const root = document.documentElement;
  [box.x, box.y, Math.max(box.width, 1), Math.max(box.height, 1)].forEach((v, i) =>
    root.style.setProperty(PROPS[i]!, `${Math.round(v * 100) / 100}px`),
  );
  root.setAttribute(FIT_FLAG, '');
  return true;
}

export function unfitDiagram() {
  const root = document.documentElement;
  root.removeAttribute(FIT_FLAG);
  for (const p of PROPS) root.style.removeProperty(p);
}
