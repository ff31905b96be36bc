import { Panel, useReactFlow, useStore, type FitViewOptions } from '@xyflow/react';
import { useRef, useState, type KeyboardEvent } from 'react';

const PATHS = {
  zoomIn: 'M12 5v14M5 12h14',
  zoomOut: 'M5 12h14',
  fitView: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
} as const;

/**
 * Zoom in, zoom out and fit view, as one toolbar: one stop of the Tab key, the arrow keys go from
 * button to button (React Flow's Controls make each button a tab stop).
 */
export function CanvasControls({ fitViewOptions }: { fitViewOptions: FitViewOptions }) {
  const rf = useReactFlow();
  const zoom = useStore((s) => s.transform[2]);
  const minZoom = useStore((s) => s.minZoom);
  const maxZoom = useStore((s) => s.maxZoom);
  const [current, setCurrent] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const items = [
    { id: 'zoomIn', label: 'Zoom In', run: () => void rf.zoomIn(), disabled: zoom >= maxZoom },
    { id: 'zoomOut', label: 'Zoom Out', run: () => void rf.zoomOut(), disabled: zoom <= minZoom },
    { id: 'fitView', label: 'Fit View', run: () => void rf.fitView(fitViewOptions), disabled: false },
  ] as const;
  const onKeyDown = (e: KeyboardEvent) => {
    const step =
      e.key === 'ArrowDown' || e.key === 'ArrowRight'
        ? 1
        : e.key === 'ArrowUp' || e.key === 'ArrowLeft'
          ? -1
          : 0;
    const to =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? items.length - 1
          : (current + step + items.length) % items.length;
    if (!step && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    e.stopPropagation();
    setCurrent(to);
    buttons.current[to]?.focus();
  };
  return (
    <Panel
      position="bottom-left"
      className="react-flow__controls overflow-hidden rounded-md border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900"
      role="toolbar"
      aria-label="View"
      aria-orientation="vertical"
      onKeyDown={onKeyDown}
    >
      {items.map((item, i) => (
        <button
          type="button"
          key={item.id}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          className="react-flow__controls-button border-b border-slate-200 text-slate-700 last:border-b-0 hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-teal-600 aria-disabled:text-slate-300 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-disabled:text-slate-600"
          title={item.label}
          aria-label={item.label}
          // A disabled button cannot take focus, so the roving stop never rests on one.
          aria-disabled={item.disabled || undefined}
          tabIndex={i === current ? 0 : -1}
          onFocus={() => setCurrent(i)}
          onClick={() => !item.disabled && item.run()}
        >
          <svg
            viewBox="0 0 24 24"
            aria-hidden="true"
            fill="none"
            stroke="currentColor"
            strokeWidth={2.5}
            className="!size-3.5 !max-h-none !max-w-none !fill-none"
          >
            <path d={PATHS[item.id]} />
          </svg>
        </button>
      ))}
    </Panel>
  );
}
