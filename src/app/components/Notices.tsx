import { usePlanner } from '../state';
import { Icon } from '../ui';
import { Button } from '../ui';

const TONE = {
  info: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50',
  success:
    'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50',
  error: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50',
} as const;

/** Messages for the person: kept until dismissed, announced to screen readers. */
export function Notices() {
  const notices = usePlanner((s) => s.notices);
  return (
    <div className="pointer-events-none fixed top-16 left-1/2 z-50 flex w-[36rem] max-w-[90vw] -translate-x-1/2 flex-col gap-2">
      {notices.map((n) => (
        <div
          key={n.id}
          role={n.tone === 'error' ? 'alert' : n.silent ? undefined : 'status'}
          className={`pointer-events-auto rounded-lg border p-3 shadow-lg ${TONE[n.tone]}`}
        >
          <div className="flex items-start gap-2">
            <Icon name={n.tone === 'error' ? 'error' : 'info'} className="mt-0.5 size-4 shrink-0" />
            <div className="min-w-0 flex-1">
              <p className="text-sm font-semibold">{n.title}</p>
              {n.detail && <p className="mt-1 text-xs whitespace-pre-line opacity-90">{n.detail}</p>}
              {n.progress !== undefined && (
                <progress
                  className="mt-2 block h-1.5 w-full accent-teal-700"
                  aria-label={`${n.title} progress`}
                  max={1}
                  // No value: the bar says work goes on without saying how far.
                  {...(n.progress === null ? {} : { value: n.progress })}
                />
              )}
              {n.actions && n.actions.length > 0 && (
                <div className="mt-2 flex flex-wrap gap-2">
                  {n.actions.map((a) => (
                    <Button
                      key={a.label}
                      onClick={() => {
                        // Most actions can be used once: the notice closes so a later click
                        // cannot repeat them over newer work.
                        if (!a.keepOpen) usePlanner.getState().dismiss(n.id);
                        a.run();
                      }}
                    >
                      {a.label}
                    </Button>
                  ))}
                </div>
              )}
            </div>
            <button
              type="button"
              aria-label="Dismiss message"
              onClick={() => usePlanner.getState().dismiss(n.id)}
              className="rounded p-0.5 hover:bg-black/10 focus-visible:outline-2 focus-visible:outline-teal-600"
            >
              <Icon name="close" />
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
