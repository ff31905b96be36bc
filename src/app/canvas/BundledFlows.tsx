import { useStore } from '@xyflow/react';
import { memo, useMemo, type ReactNode } from 'react';
import type { Point } from '../../domain';
import { LABEL_ZOOM, type CanvasEdge } from './graph';

/*
 * Past a few thousand arrows (a 1,000-host estate has about 13,000) one element per arrow is more
 * than the browser can build in a frame: mounting them froze the tab for seconds, and every
 * re-render of the page went over them. Then the arrows are drawn together, one <path> per look
 * (crossing, inside a zone, removed or kept by an upgrade, excluded), with their arrowheads drawn
 * as one more path each. A click still picks the arrow it means (FlowLayer's onClick); what is
 * lost is one tab stop per arrow, which at that size no one could use: the flow table lists them.
 * Labels are drawn only where the view is (see visibleLabels). Below that, arrows stay elements:
 * a dragged card then repaints only the arrows it crosses, where one path of every arrow would be
 * painted whole each frame (at 300 hosts, 40 ms frames instead of 6).
 */

/** Labels drawn at once in the bundled view: those in view, up to this many. */
const LABELS_MAX = 600;
/** The view is rounded out to squares of this size (flow units), so panning re-filters rarely. */
const TILE = 800;

export interface ArrowLine {
  edge: CanvasEdge;
  points: readonly Point[];
  label: Point | undefined;
  /** Classes of the arrow's line (its look), as FlowEdge gives a one-by-one arrow. */
  lineClass: string;
  /** Classes of its arrowhead's fill. */
  headClass: string;
  /** Drawn again as rose dashes: some of its services go with the upgrade. */
  partlyRemoved: boolean;
}

const HEAD_LENGTH = 11;
const HEAD_HALF_WIDTH = 4.5;
/** How far the tip reaches past the line's end, as the one-by-one arrows' marker does. */
const HEAD_REACH = 1.5;

/** Whole flow units: half a unit off is at most a screen pixel at the largest zoom, and short strings are cheap. */
const num = Math.round;

function polyline(points: readonly Point[]): string {
  let d = '';
  for (let i = 0; i < points.length; i++) d += (i ? 'L' : 'M') + num(points[i]!.x) + ',' + num(points[i]!.y);
  return d;
}

/** A filled triangle at the line's end, pointing along its last segment. */
function head(points: readonly Point[]): string {
  const end = points[points.length - 1]!;
  const before = points[points.length - 2] ?? end;
  const len = Math.hypot(end.x - before.x, end.y - before.y) || 1;
  const ux = (end.x - before.x) / len;
  const uy = (end.y - before.y) / len;
  const tip = { x: end.x + ux * HEAD_REACH, y: end.y + uy * HEAD_REACH };
  const base = { x: tip.x - ux * HEAD_LENGTH, y: tip.y - uy * HEAD_LENGTH };
  // Tenths here: a head rounded to whole units would lean to one side.
  const at = (x: number, y: number) => `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`;
  return (
    `M${at(tip.x, tip.y)}` +
    `L${at(base.x - uy * HEAD_HALF_WIDTH, base.y + ux * HEAD_HALF_WIDTH)}` +
    `L${at(base.x + uy * HEAD_HALF_WIDTH, base.y - ux * HEAD_HALF_WIDTH)}Z`
  );
}

interface Bundle {
  lineClass: string;
  headClass: string;
  lines: string[];
  heads: string[];
}

/** The arrows by look, in the order of their first arrow: one path for the lines, one for the heads. */
export function bundleArrows(arrows: readonly ArrowLine[]): {
  bundles: Bundle[];
  partlyRemoved: string;
  everyLine: string;
} {
  const byLook = new Map<string, Bundle>();
  const partly: string[] = [];
  const every: string[] = [];
  for (const a of arrows) {
    if (a.points.length < 2) continue;
    const key = `${a.lineClass}|${a.headClass}`;
    let bundle = byLook.get(key);
    if (!bundle)
      byLook.set(key, (bundle = { lineClass: a.lineClass, headClass: a.headClass, lines: [], heads: [] }));
    const d = polyline(a.points);
    bundle.lines.push(d);
    bundle.heads.push(head(a.points));
    every.push(d);
    if (a.partlyRemoved) partly.push(d);
  }
  return { bundles: [...byLook.values()], partlyRemoved: partly.join(''), everyLine: every.join('') };
}

/** The arrows of one layer, drawn together. */
export const BundledArrows = memo(function BundledArrows({ arrows }: { arrows: readonly ArrowLine[] }) {
  const { bundles, partlyRemoved, everyLine } = useMemo(() => bundleArrows(arrows), [arrows]);
  return (
    <>
      {bundles.map((b) => (
        <g key={`${b.lineClass}|${b.headClass}`}>
          <path d={b.lines.join('')} fill="none" className={b.lineClass} />
          <path d={b.heads.join('')} className={b.headClass} />
        </g>
      ))}
      {partlyRemoved && (
        <path d={partlyRemoved} fill="none" className="react-flow__edge-path portolan-edge-partly-removed" />
      )}
      {/* What takes the clicks: wider than the lines, invisible; FlowLayer picks the arrow meant. */}
      {everyLine && (
        <path
          d={everyLine}
          fill="none"
          strokeOpacity={0}
          strokeWidth={14}
          className="portolan-bundle-interaction"
        />
      )}
    </>
  );
});

/**
 * The view's rectangle in flow units, rounded out to whole tiles and one tile more on each side,
 * as a string that changes only when the view crosses a tile's edge; empty while zoomed out too
 * far for labels (the canvas hides them then).
 */
const selectTiles = (s: { transform: [number, number, number]; width: number; height: number }) => {
  const [tx, ty, zoom] = s.transform;
  if (zoom < LABEL_ZOOM) return '';
  const x0 = Math.floor(-tx / zoom / TILE) - 1;
  const y0 = Math.floor(-ty / zoom / TILE) - 1;
  const x1 = Math.ceil((s.width - tx) / zoom / TILE) + 1;
  const y1 = Math.ceil((s.height - ty) / zoom / TILE) + 1;
  return `${x0},${y0},${x1},${y1}`;
};

/** The arrows whose label falls in the view (rounded out, see selectTiles), at most LABELS_MAX. */
export function visibleLabels(arrows: readonly ArrowLine[], tiles: string): ArrowLine[] {
  if (!tiles) return [];
  const [x0, y0, x1, y1] = tiles.split(',').map((n) => Number(n) * TILE) as [number, number, number, number];
  const shown: ArrowLine[] = [];
  for (const a of arrows) {
    if (!a.label) continue;
    const { x, y } = a.label;
    if (x < x0 || x > x1 || y < y0 || y > y1) continue;
    shown.push(a);
    if (shown.length === LABELS_MAX) break;
  }
  return shown;
}

/** The labels of the bundled arrows that are in view; `render` draws one (FlowEdge's FlowLabel). */
export function BundledLabels({
  arrows,
  render,
}: {
  arrows: readonly ArrowLine[];
  render: (arrow: ArrowLine) => ReactNode;
}) {
  const tiles = useStore(selectTiles);
  const shown = useMemo(() => visibleLabels(arrows, tiles), [arrows, tiles]);
  return shown.map(render);
}
