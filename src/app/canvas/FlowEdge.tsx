import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { edgeSegment } from '../../domain';
import type { FlowEdge as FlowEdgeType } from './graph';
/**
 * A straight edge from border to border of two host cards. When flows also run the other way,
 * both edges shift sideways so the two arrows sit side by side. It reads only its own props (the
 * handle positions React Flow already tracks), so a large canvas keeps few store subscriptions.
 */
function FlowEdgeView({ id, sourceX, sourceY, targetX, targetY, data, selected }: EdgeProps<FlowEdgeType>) {
  if (!data) return null;
  const { pair } = data;
  // Source and target handles sit at the cards' centres.
  const { start, end, label } = edgeSegment(
    { x: sourceX, y: sourceY },
    { x: targetX, y: targetY },
    pair.hasReverse,
  );

  const crossing = pair.crossesFirewall;
  const marker = selected
    ? 'url(#portolan-arrow-selected)'
    : crossing
      ? 'url(#portolan-arrow-crossing)'
      : 'url(#portolan-arrow-internal)';
  return (
    <>
      <BaseEdge
        id={id}
        path={`M ${start.x},${start.y} L ${end.x},${end.y}`}
        markerEnd={marker}
        interactionWidth={14}
        className={`portolan-edge ${crossing ? 'portolan-edge-crossing' : 'portolan-edge-internal'} ${selected ? 'portolan-edge-selected' : ''}`}
      />
      <EdgeLabelRenderer>
        <div
          className={`portolan-edge-label nodrag nopan pointer-events-none absolute rounded px-1 font-mono text-[10px] leading-4 whitespace-nowrap ${
            selected
              ? 'bg-teal-700 text-white'
              : crossing
                ? 'border border-orange-300 bg-orange-50 text-orange-900 dark:border-orange-700 dark:bg-orange-950 dark:text-orange-100'
                : 'border border-slate-200 bg-white/90 text-slate-600 dark:border-slate-700 dark:bg-slate-900/90 dark:text-slate-300'
          }`}
          style={{ transform: `translate(-50%, -50%) translate(${label.x}px, ${label.y}px)` }}
        >
          {pair.label}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);

/** Arrowheads shared by every edge (one <defs> for the canvas). */
export function ArrowMarkers() {
  const arrow = (id: string, cls: string) => (
    <marker
      id={id}
      viewBox="0 0 10 10"
      refX="9"
      refY="5"
      markerWidth="7"
      markerHeight="7"
      orient="auto-start-reverse"
    >
      <path d="M0,0 L10,5 L0,10 z" className={cls} />
    </marker>
  );
  return (
    <svg className="absolute size-0" aria-hidden="true">
      <defs>
        {arrow('portolan-arrow-crossing', 'fill-orange-600 dark:fill-orange-400')}
        {arrow('portolan-arrow-internal', 'fill-slate-400 dark:fill-slate-500')}
        {arrow('portolan-arrow-selected', 'fill-teal-600 dark:fill-teal-400')}
      </defs>
    </svg>
  );
}
