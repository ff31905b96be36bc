import type { NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef, useState } from 'react';
import { ROLES, visibleText } from '../../domain';
import type { HostNode as HostNodeType } from './graph';
import { Icon, RoleIcon, roleTone } from '../ui';

const BADGE = {
  error: 'bg-red-600 text-white',
  warning: 'bg-amber-400 text-amber-950',
  info: 'bg-sky-600 text-white',
} as const;

/** An array's colour on the cards, by its Array Manager's place in the plan (no array: slate). */
const TONES = [
  'text-teal-700 dark:text-teal-300',
  'text-sky-700 dark:text-sky-300',
  'text-amber-700 dark:text-amber-300',
  'text-violet-700 dark:text-violet-300',
  'text-rose-700 dark:text-rose-300',
  'text-emerald-700 dark:text-emerald-300',
];

const ALL_CLIPPED = [true, true, true] as const;

/** Whether a row's text is wider than its box (to the nearest pixel: both widths are rounded). */
const overflows = (row: HTMLElement | null) => !row || row.scrollWidth > row.clientWidth;

/*
 * Cards are measured when the page is idle, a few at a time, never while they are being drawn:
 * reading a width then makes the browser lay out the whole page at once, which for a plan just
 * opened was most of its first frame. Until measured, a card's rows clip (they look the same).
 */
const toMeasure = new Set<() => void>();
let measuring = false;
const whenIdle: (run: (deadline?: IdleDeadline) => void) => void =
  typeof requestIdleCallback === 'function'
    ? (run) => requestIdleCallback(run)
    : (run) => setTimeout(run, 50);

function measureSome(deadline?: IdleDeadline) {
  const until = performance.now() + 8;
  for (const job of toMeasure) {
    if (deadline ? deadline.timeRemaining() < 1 : performance.now() > until) break;
    toMeasure.delete(job);
    job();
  }
  if (toMeasure.size) whenIdle(measureSome);
  else measuring = false;
}

function measureLater(job: () => void): () => void {
  toMeasure.add(job);
  if (!measuring) {
    measuring = true;
    whenIdle(measureSome);
  }
  return () => toMeasure.delete(job);
}

function HostNodeView({ data, selected }: NodeProps<HostNodeType>) {
  const { host, warningCount, worst, stack, tag, tone = -1 } = data;
  const primary = host.roles[0]!;
  // A stack's card names what its hosts are and lists them; double-click or Enter opens it.
  const name = stack ? stack.label : visibleText(host.name);
  const roles = stack ? stack.names.join(', ') : host.roles.map((r) => ROLES[r].label).join(' · ');
  const address = stack
    ? stack.within.length
      ? `${stack.names.length} hosts · rule #${stack.within.join(', #')} among them`
      : `${stack.names.length} hosts · open to see each`
    : host.address !== undefined
      ? visibleText(host.address)
      : host.roles.includes('internet')
        ? 'any'
        : undefined;

  // A row that clips its text for the ellipsis (overflow: hidden) gets a paint property node of
  // its own, and while anything on the canvas moves the browser sorts every such node again each
  // frame. With hundreds of cards that is most of a frame, so only rows whose text does not fit
  // clip (measured when the page is idle, see measureLater; until then every row clips).
  const nameRow = useRef<HTMLSpanElement>(null);
  const rolesRow = useRef<HTMLDivElement>(null);
  const addressRow = useRef<HTMLDivElement>(null);
  // Which rows clip, for the texts they were measured with (other texts: all clip until measured).
  const measuredFor = `${name}\n${roles}\n${address}\n${warningCount}\n${tag}`;
  const [measured, setMeasured] = useState<{ for: string; clipped: readonly boolean[] }>({
    for: '',
    clipped: ALL_CLIPPED,
  });
  const clipped = measured.for === measuredFor ? measured.clipped : ALL_CLIPPED;
  useEffect(
    () =>
      measureLater(() => {
        const next = [overflows(nameRow.current), overflows(rolesRow.current), overflows(addressRow.current)];
        setMeasured({ for: measuredFor, clipped: next });
      }),
    [measuredFor],
  );
  const fit = (row: number) => (clipped[row] ? 'truncate' : 'whitespace-nowrap');
  return (
    <div
      className={`w-[200px] rounded-lg border bg-white px-3 py-2 shadow-sm transition-shadow dark:bg-slate-900 ${
        stack ? 'portolan-stack' : ''
      } ${
        selected
          ? 'border-teal-600 ring-2 ring-teal-500/50 dark:border-teal-400'
          : 'border-slate-300 hover:shadow-md dark:border-slate-700'
      }`}
    >
      <div className="relative flex items-center gap-2 pl-7">
        <span
          ref={nameRow}
          className={`min-w-0 flex-1 ${fit(0)} text-sm font-semibold text-slate-900 dark:text-slate-100`}
        >
          {name}
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
        {/* Placed last so it is painted after the text: the card then paints in fewer pieces. */}
        <span className={`absolute top-0 left-0 ${roleTone(primary)}`}>
          <RoleIcon role={primary} />
        </span>
      </div>
      <div ref={rolesRow} className={`mt-0.5 ${fit(1)} text-xs text-slate-600 dark:text-slate-300`}>
        {roles}
      </div>
      <div className="flex items-center gap-1">
        <div
          ref={addressRow}
          className={`min-w-0 flex-1 ${fit(2)} font-mono text-xs text-slate-500 dark:text-slate-400`}
        >
          {address ?? <span className="font-sans italic">no address</span>}
        </div>
        {tag && (
          // Cut short rather than clipped, which would cost every such card a paint layer (see above).
          <span
            className={`shrink-0 rounded border border-current px-1 text-[10px] leading-3.5 font-semibold whitespace-nowrap ${
              TONES[tone % TONES.length] ?? 'text-slate-500 dark:text-slate-400'
            }`}
          >
            {tag.length > 20 ? `${tag.slice(0, 19)}…` : tag}
          </span>
        )}
      </div>
    </div>
  );
}

export const HostNode = memo(HostNodeView);
