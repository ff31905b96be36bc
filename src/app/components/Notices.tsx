import { useState } from 'react';
import { type Notice, usePlanner } from '../state';
import { Button, Icon } from '../ui';

const TONE = {
  info: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50',
  success:
    'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50',
  error: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50',
} as const;

/** Needs the person: it stays until dismissed, offers a button or shows work under way. */
const held = (n: Notice) =>
  n.tone === 'error' || !!n.persist || n.progress !== undefined || (n.actions?.length ?? 0) > 0;

/** The folded line's two buttons. */
const LINK =
  'rounded py-0.5 font-medium hover:bg-black/5 focus-visible:outline-2 focus-visible:outline-teal-600 dark:hover:bg-white/10';

const dismiss = (id: number) => usePlanner.getState().dismiss(id);

/**
 * Messages for the person: kept until dismissed (or faded), announced to screen readers.
 *
 * Only the newest notice is shown in full, plus the newest one that needs the person when that is
 * older: news that fades never hides an error, a progress bar or a button. The rest fold into one
 * line, "N more messages", that opens them in place.
 */
export function Notices() {
  const notices = usePlanner((s) => s.notices);
  const [open, setOpen] = useState(false);
  const front = new Set([notices.at(-1)?.id, notices.findLast(held)?.id]);
  const more = notices.filter((n) => !front.has(n.id)).length;
  // Nothing left behind the line: the next notices start folded again.
  if (open && more === 0) setOpen(false);

  return (
    <div
      className={`pointer-events-none fixed top-16 left-1/2 z-50 flex w-[36rem] max-w-[90vw] -translate-x-1/2 flex-col gap-2 ${open ? 'max-h-[calc(100dvh-5rem)] overflow-y-auto' : ''}`}
    >
      {notices.map((n) => (
        // Folded notices stay mounted, hidden: shown again, none is inserted anew as if it were news.
        <NoticeCard key={n.id} notice={n} live={front.has(n.id)} hidden={!open && !front.has(n.id)} />
      ))}
      {more > 0 && (
        <div className="pointer-events-auto flex items-center gap-2 rounded-lg border border-slate-300 bg-white py-1 pr-1 pl-2 text-sm text-slate-800 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
          <button
            type="button"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
            className={`flex min-w-0 flex-1 items-center gap-2 px-1 text-left ${LINK}`}
          >
            <Icon name="chevron" className={`size-4 shrink-0 ${open ? 'rotate-180' : ''}`} />
            {more === 1 ? '1 more message' : `${more} more messages`}
          </button>
          <button
            type="button"
            onClick={() => notices.forEach((n) => dismiss(n.id))}
            className={`shrink-0 px-2 ${LINK}`}
          >
            Dismiss all
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * One notice. Those shown up front are live regions (status or alert); those opened from the line
 * are plain labelled groups, so opening them does not read them out again.
 */
function NoticeCard({ notice: n, live, hidden }: { notice: Notice; live: boolean; hidden: boolean }) {
  const titleId = `notice-${n.id}`;
  const role = !live || n.silent ? 'group' : n.tone === 'error' ? 'alert' : 'status';
  return (
    <div
      role={role}
      aria-labelledby={role === 'group' ? titleId : undefined}
      hidden={hidden}
      className={`pointer-events-auto rounded-lg border p-3 shadow-lg ${TONE[n.tone]}`}
    >
      <div className="flex items-start gap-2">
        <Icon name={n.tone === 'error' ? 'error' : 'info'} className="mt-0.5 size-4 shrink-0" />
        <div className="min-w-0 flex-1">
          <p id={titleId} className="text-sm font-semibold">
            {n.title}
          </p>
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
                    if (!a.keepOpen) dismiss(n.id);
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
          onClick={() => dismiss(n.id)}
          className="rounded p-0.5 hover:bg-black/10 focus-visible:outline-2 focus-visible:outline-teal-600"
        >
          <Icon name="close" />
        </button>
      </div>
    </div>
  );
}
