import type { Warning } from '../../domain';
import { useDerivation, usePlanner } from '../state';
import { Icon } from '../ui';

const TONE = {
  error: { icon: 'error', cls: 'text-red-700 dark:text-red-400', label: 'Error' },
  warning: { icon: 'warning', cls: 'text-amber-700 dark:text-amber-400', label: 'Warning' },
  info: { icon: 'info', cls: 'text-sky-700 dark:text-sky-400', label: 'Advice' },
} as const;

export function WarningItem({ warning, compact = false }: { warning: Warning; compact?: boolean }) {
  const tone = TONE[warning.severity];
  return (
    <li>
      <button
        type="button"
        onClick={() => {
          if (warning.hostIds.length)
            usePlanner.getState().select({ kind: 'hosts', ids: [...new Set(warning.hostIds)] });
        }}
        className={`flex w-full items-start gap-2 rounded-md text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-600 dark:hover:bg-slate-800 ${compact ? 'px-1 py-1' : 'px-2 py-1.5'}`}
      >
        <span className={`mt-0.5 shrink-0 ${tone.cls}`}>
          <Icon name={tone.icon} />
        </span>
        <span className="min-w-0">
          <span className="sr-only">{tone.label}: </span>
          <span className="text-slate-800 dark:text-slate-100">{warning.message}</span>
          {warning.reference && (
            <span className="ml-1 text-xs whitespace-nowrap text-slate-500 dark:text-slate-400">
              ({warning.reference})
            </span>
          )}
        </span>
      </button>
    </li>
  );
}

export function WarningList() {
  const { warnings } = useDerivation();
  if (warnings.length === 0) {
    return (
      <p className="p-4 text-sm text-slate-600 dark:text-slate-300">
        No warnings: the plan follows the vendor’s advice as far as Portolan can tell.
      </p>
    );
  }
  return (
    <ul aria-label="Warnings" className="space-y-0.5 p-2">
      {warnings.map((w) => (
        <WarningItem key={w.id} warning={w} />
      ))}
    </ul>
  );
}
