import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { HOST_SIZE } from '../../domain';
import type { FlowEdge as FlowEdgeType } from './graph';

// Host cards are HOST_SIZE wide and about that tall; their one handle sits at the centre.
const HALF_W = HOST_SIZE.width / 2;
const HALF_H = HOST_SIZE.height / 2 + 1;

/** Distance from a card's centre to its border along the unit vector (dx, dy). */
function reach(dx: number, dy: number): number {
  const tx = dx === 0 ? Infinity : HALF_W / Math.abs(dx);
  const ty = dy === 0 ? Infinity : HALF_H / Math.abs(dy);
  return Math.min(tx, ty);
}

/**
 * A straight edge from border to border of two host cards. When flows also run the other way,
 * both edges shift sideways so the two arrows sit side by side. It reads only its own props (the
 * handle positions React Flow already tracks), so a large canvas keeps few store subscriptions.
 */
function FlowEdgeView({ id, sourceX, sourceY, targetX, targetY, data, selected }: EdgeProps<FlowEdgeType>) {
  if (!data) return null;
  const { pair } = data;
  const len = Math.hypot(targetX - sourceX, targetY - sourceY) || 1;
  const dx = (targetX - sourceX) / len;
  const dy = (targetY - sourceY) / len;
  const shift = pair.hasReverse ? 7 : 0;
  const nx = -dy * shift;
  const ny = dx * shift;
  const ra = reach(dx, dy);
  const rb = ra + 3;
  const sx = sourceX + dx * ra + nx;
  const sy = sourceY + dy * ra + ny;
  const tx = targetX - dx * rb + nx;
  const ty = targetY - dy * rb + ny;
  // Labels of a two-way pair sit nearer their own source so they do not cover each other.
  const at = pair.hasReverse ? 0.38 : 0.5;
  const lx = sx + (tx - sx) * at;
  const ly = sy + (ty - sy) * at;

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
        path={`M ${sx},${sy} L ${tx},${ty}`}
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
          style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}
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
