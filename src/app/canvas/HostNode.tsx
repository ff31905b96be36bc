import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { ROLES, visibleText } from '../../domain';
import { Icon } from '../components/Icon';
import { RoleIcon, roleTone } from '../components/RoleIcon';
import type { HostNode as HostNodeType } from './graph';

const BADGE = {
  error: 'bg-red-600 text-white',
  warning: 'bg-amber-400 text-amber-950',
  info: 'bg-sky-600 text-white',
} as const;

function HostNodeView({ data, selected }: NodeProps<HostNodeType>) {
  const { host, warningCount, worst } = data;
  const primary = host.roles[0]!;
  const address = host.address !== undefined ? visibleText(host.address) : host.roles.includes('internet') ? 'any' : undefined;
  return (
    <div
      className={`w-[200px] rounded-lg border bg-white px-3 py-2 shadow-sm transition-shadow dark:bg-slate-900 ${
        selected
          ? 'border-teal-600 ring-2 ring-teal-500/50 dark:border-teal-400'
          : 'border-slate-300 hover:shadow-md dark:border-slate-700'
      }`}
    >
      <div className="flex items-center gap-2">
        <span className={roleTone(primary)}>
          <RoleIcon role={primary} />
        </span>
        <span className="min-w-0 flex-1 truncate text-sm font-semibold text-slate-900 dark:text-slate-100">
          {visibleText(host.name)}
        </span>
        {warningCount > 0 && worst && (
          <span
            className={`inline-flex items-center gap-0.5 rounded-full px-1.5 text-[11px] leading-5 font-semibold ${BADGE[worst]}`}
            title={`${warningCount} warning${warningCount === 1 ? '' : 's'}`}
          >
            <Icon name={worst === 'info' ? 'info' : 'warning'} className="size-3" />
            {warningCount}
            <span className="sr-only"> warning{warningCount === 1 ? '' : 's'}</span>
          </span>
        )}
      </div>
      <div className="mt-0.5 truncate text-xs text-slate-600 dark:text-slate-300">
        {host.roles.map((r) => ROLES[r].label).join(' · ')}
      </div>
      <div className="truncate font-mono text-xs text-slate-500 dark:text-slate-400">
        {address ?? <span className="font-sans italic">no address</span>}
      </div>
    </div>
  );
}

export const HostNode = memo(HostNodeView);
