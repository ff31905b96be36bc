import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { TRUST_LABELS, ZONE_MIN_SIZE, visibleText } from '../../domain';
import { run } from '../commands';
import type { ZoneNode as ZoneNodeType } from './graph';

export const TRUST_STYLE = {
  untrusted: {
    area: 'border-red-400/80 bg-red-500/[0.04] dark:border-red-500/60 dark:bg-red-400/[0.05]',
    chip: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
  },
  dmz: {
    area: 'border-amber-400/90 bg-amber-400/[0.06] dark:border-amber-500/60 dark:bg-amber-300/[0.05]',
    chip: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  },
  trusted: {
    area: 'border-emerald-500/70 bg-emerald-500/[0.04] dark:border-emerald-500/50 dark:bg-emerald-400/[0.05]',
    chip: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  },
} as const;

function ZoneNodeView({ data, selected }: NodeProps<ZoneNodeType>) {
  const { zone } = data;
  const style = TRUST_STYLE[zone.trust];
  return (
    <div
      className={`h-full w-full rounded-xl border-2 border-dashed ${style.area} ${
        selected ? 'outline-2 outline-offset-2 outline-teal-500' : ''
      }`}
    >
      <NodeResizer
        isVisible={selected}
        minWidth={ZONE_MIN_SIZE.width}
        minHeight={ZONE_MIN_SIZE.height}
        color="#0d9488"
        onResizeEnd={(_e, p) => {
          // Refused (it would cover another zone): the box goes back to the size the plan has.
          run('resizeZone', { id: zone.id, rect: p });
        }}
      />
      <div className="flex items-center gap-2 px-3 py-2">
        <span className="truncate text-sm font-semibold text-slate-800 dark:text-slate-100">
          {visibleText(zone.name)}
        </span>
        <span className={`rounded px-1.5 text-[11px] leading-5 font-semibold uppercase ${style.chip}`}>
          {TRUST_LABELS[zone.trust]}
        </span>
      </div>
    </div>
  );
}

export const ZoneNode = memo(ZoneNodeView);
