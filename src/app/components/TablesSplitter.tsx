import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { TABLES_DEFAULT, TABLES_HEIGHT_KEY, TABLES_MIN, tablesMax } from './tablesHeight';

const STEP = 16;

function keep(height: number) {
  try {
    localStorage.setItem(TABLES_HEIGHT_KEY, String(Math.round(height)));
  } catch {
    // Not kept; the height still applies to this visit.
  }
}

/**
 * The bar between the canvas and the tables below it: dragged, or moved with the arrow keys (Shift
 * for larger steps, Home for the smallest tables, End for the largest), it sets how tall the tables
 * are (its value, as the window-splitter pattern has it).
 */
export function TablesSplitter({ height, onHeight }: { height: number; onHeight: (h: number) => void }) {
  const drag = useRef<{ y: number; height: number } | undefined>(undefined);
  const set = (h: number) => {
    const next = Math.round(Math.min(tablesMax(), Math.max(TABLES_MIN, h)));
    onHeight(next);
    keep(next);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? STEP * 4 : STEP;
    const to =
      e.key === 'ArrowUp'
        ? height + step
        : e.key === 'ArrowDown'
          ? height - step
          : e.key === 'Home'
            ? TABLES_MIN
            : e.key === 'End'
              ? tablesMax()
              : undefined;
    if (to === undefined) return;
    e.preventDefault();
    set(to);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { y: e.clientY, height };
  };
  const onPointerMove = (e: PointerEvent) => {
    if (drag.current) set(drag.current.height + drag.current.y - e.clientY);
  };
  const onPointerUp = () => (drag.current = undefined);
  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label="Height of the tables"
      aria-valuemin={TABLES_MIN}
      aria-valuemax={tablesMax()}
      aria-valuenow={height}
      aria-valuetext={`${height} pixels`}
      tabIndex={0}
      title="Drag, or use the arrow keys, to resize the tables"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => set(TABLES_DEFAULT)}
      className="group relative z-10 -my-1 h-2 cursor-row-resize touch-none outline-none"
    >
      <div className="absolute inset-x-0 top-1/2 h-px bg-slate-200 group-hover:h-1 group-hover:-translate-y-1/2 group-hover:bg-teal-500 group-focus-visible:h-1 group-focus-visible:-translate-y-1/2 group-focus-visible:bg-teal-600 dark:bg-slate-800" />
    </div>
  );
}
