import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { firewallPaths, flowRows, pathLabel, visibleText, type FlowChange, type FlowRow } from '../../domain';
import { deltaSummary, versionStep } from '../../domain/upgrade';
import { useDerivation, usePlanner, useScopedDelta, type ChangeFilter } from '../state';
import { exclusionText } from './ExclusionForm';
import { Icon } from '../ui';
import { inputClass } from '../ui';

const ROW_HEIGHT = 30;
const OVERSCAN = 10;

const CHANGE_LABEL: Record<FlowChange, string> = { add: 'Add', remove: 'Remove', keep: 'Keep' };
const CHANGE_TONE: Record<FlowChange, string> = {
  add: 'font-semibold text-emerald-700 dark:text-emerald-300',
  remove: 'font-semibold text-rose-700 dark:text-rose-300',
  keep: 'text-slate-500 dark:text-slate-400',
};
const CHANGE_RANK: Record<FlowChange, number> = { add: 0, remove: 1, keep: 2 };
const CHANGE_FILTERS: { value: ChangeFilter; label: string }[] = [
  { value: 'all', label: 'All changes' },
  { value: 'add', label: 'Add' },
  { value: 'remove', label: 'Remove' },
  { value: 'keep', label: 'Keep' },
];

function matches(row: FlowRow, needle: string, devices: string): boolean {
  if (!needle) return true;
  // Names as the table shows them, so typing what is on screen finds the row.
  const hay = `${devices} ${visibleText(row.source.name)} ${row.flow.sourceAddress} ${visibleText(row.sourceZone)} ${visibleText(row.destination.name)} ${row.flow.destinationAddress} ${visibleText(row.destinationZone)} ${row.service} ${row.rule.id} ${row.rule.title} ${row.flow.crossesFirewall ? 'firewall crosses yes' : 'inside no'}`;
  return needle
    .toLowerCase()
    .split(/\s+/)
    .every((word) => hay.toLowerCase().includes(word));
}

/**
 * The flows of the change request's scope in a table with a text filter. Only the rows in view are in the page, so plans with
 * thousands of flows stay quick. Selecting a row selects its edge on the canvas.
 */
export function FlowTable() {
  const plan = usePlanner((s) => s.plan);
  const filter = usePlanner((s) => s.flowFilter);
  const selection = usePlanner((s) => s.selection);
  const includeInternal = usePlanner((s) => s.includeInternal);
  const { flows: everyFlow, excluded } = useDerivation();
  // Flows excluded from the change request (already allowed, not needed) are left out unless asked for.
  const [showExcluded, setShowExcluded] = useState(false);
  // While an upgrade is compared, the table lists the flows to add, to remove and to keep.
  const delta = useScopedDelta();
  const changeFilter = usePlanner((s) => s.changeFilter);
  const inScope = useMemo(
    () => (delta ? delta.flows : includeInternal ? everyFlow : everyFlow.filter((f) => f.crossesFirewall)),
    [delta, includeInternal, everyFlow],
  );
  const excludedCount = useMemo(
    () => (excluded.size ? inScope.filter((f) => excluded.has(f.id)).length : 0),
    [inScope, excluded],
  );
  const flows = useMemo(
    () => (showExcluded || !excludedCount ? inScope : inScope.filter((f) => !excluded.has(f.id))),
    [inScope, excluded, excludedCount, showExcluded],
  );
  const showStatus = showExcluded && excludedCount > 0;
  const hidden = delta ? 0 : everyFlow.length - inScope.length;
  const all = useMemo(() => {
    const rows = flowRows(plan, flows);
    // While comparing, what changes comes first: flows to add, then to remove, then the rest.
    return delta
      ? rows.sort(
          (a, b) =>
            CHANGE_RANK[delta.change.get(a.flow.id) ?? 'keep'] -
            CHANGE_RANK[delta.change.get(b.flow.id) ?? 'keep'],
        )
      : rows;
  }, [plan, flows, delta]);
  // With devices in the plan, the ones each crossing flow passes ("FW-EDGE > FW-CORE", "(no path)").
  const passes = useMemo(() => {
    const paths = firewallPaths(plan);
    return paths.devices
      ? (r: FlowRow) =>
          r.flow.crossesFirewall
            ? visibleText(pathLabel(paths.between(r.source.zone, r.destination.zone)))
            : ''
      : undefined;
  }, [plan]);
  const rows = useMemo(
    () =>
      all.filter(
        (r) =>
          matches(r, filter.trim(), passes?.(r) ?? '') &&
          (!delta || changeFilter === 'all' || delta.change.get(r.flow.id) === changeFilter),
      ),
    [all, filter, delta, changeFilter, passes],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  // The table is one stop of the Tab key (roving focus): the row last focused, or the drawn row
  // nearest it; the arrow keys, Home and End go from row to row.
  const [current, setCurrent] = useState(0);
  const tabStop = Math.min(Math.max(current, first), last - 1);

  const selectRow = (row: FlowRow) =>
    usePlanner
      .getState()
      .select({ kind: 'edge', source: row.flow.sourceHostId, target: row.flow.destinationHostId });

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, row: FlowRow, index: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      selectRow(row);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      const next =
        e.key === 'Home' ? 0 : e.key === 'End' ? rows.length - 1 : index + (e.key === 'ArrowDown' ? 1 : -1);
      if (next < 0 || next >= rows.length) return;
      const el = scroller.current;
      if (el) {
        const top = next * ROW_HEIGHT;
        if (top < el.scrollTop) el.scrollTop = top;
        else if (top + ROW_HEIGHT * 2 > el.scrollTop + el.clientHeight)
          el.scrollTop = top + ROW_HEIGHT * 2 - el.clientHeight;
      }
      // The row is drawn once the scroll has been rendered: a few frames at most.
      const focusRow = (tries: number) =>
        requestAnimationFrame(() => {
          const el = scroller.current?.querySelector<HTMLElement>(`[data-row="${next}"]`);
          if (el) el.focus();
          else if (tries > 0) focusRow(tries - 1);
        });
      focusRow(10);
    }
  };

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex items-center gap-3 px-3 py-2">
        <div className="relative w-80 min-w-48 shrink">
          <Icon name="search" className="pointer-events-none absolute top-2 left-2 size-4 text-slate-400" />
          <input
            type="search"
            aria-label="Filter flows"
            placeholder="Filter: host, address, zone, port, rule…"
            value={filter}
            onChange={(e) => usePlanner.getState().setFlowFilter(e.target.value)}
            className={`${inputClass} pl-8`}
          />
        </div>
        <label className="flex shrink-0 items-center gap-1.5 text-sm whitespace-nowrap text-slate-700 dark:text-slate-200">
          <input
            type="checkbox"
            checked={includeInternal}
            onChange={(e) => usePlanner.getState().setIncludeInternal(e.target.checked)}
            className="accent-teal-700"
          />
          Include flows inside a zone
        </label>
        <label className="flex shrink-0 items-center gap-1.5 text-sm whitespace-nowrap text-slate-700 dark:text-slate-200">
          <input
            type="checkbox"
            checked={showExcluded}
            onChange={(e) => setShowExcluded(e.target.checked)}
            className="accent-teal-700"
          />
          Show excluded flows
        </label>
        {delta && (
          <select
            aria-label="Filter by change"
            value={changeFilter}
            onChange={(e) => usePlanner.getState().setChangeFilter(e.target.value as ChangeFilter)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            {CHANGE_FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        )}
        <p className="text-xs text-slate-600 dark:text-slate-300" aria-live="polite">
          {delta && (
            <strong className="mr-2 font-semibold text-teal-800 dark:text-teal-300">
              {`${versionStep(delta.from, delta.to)}: ${deltaSummary(delta)}`}
            </strong>
          )}
          {rows.length === all.length ? `${all.length} flows` : `${rows.length} of ${all.length} flows`}
          {excludedCount > 0 &&
            (showExcluded ? `, ${excludedCount} excluded` : ` (${excludedCount} excluded, not shown)`)}
          {hidden > 0 && ` (${hidden} inside a zone not shown)`}
        </p>
      </div>
      <div
        ref={(el) => {
          scroller.current = el;
          if (el && el.clientHeight !== viewport) setViewport(el.clientHeight);
        }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        className="min-h-0 flex-1 overflow-auto"
        tabIndex={-1}
      >
        <table
          className="w-full table-fixed border-collapse text-sm"
          aria-label="Flows"
          aria-rowcount={rows.length + 1}
        >
          <thead className="sticky top-0 z-10 bg-slate-100 text-left text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-300">
            <tr>
              {delta && <th className="w-[8%] px-3 py-1.5 font-semibold">Change</th>}
              <th className="w-[18%] px-3 py-1.5 font-semibold">Source</th>
              <th className="w-[18%] px-3 py-1.5 font-semibold">Destination</th>
              <th className="w-[10%] px-3 py-1.5 font-semibold">Service</th>
              <th className="w-[30%] px-3 py-1.5 font-semibold">Rule</th>
              <th className="w-[14%] px-3 py-1.5 font-semibold">Crosses firewall</th>
              {passes && <th className="w-[16%] px-3 py-1.5 font-semibold">Firewalls</th>}
              {showStatus && <th className="w-[22%] px-3 py-1.5 font-semibold">Change request</th>}
            </tr>
          </thead>
          <tbody>
            {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />}
            {rows.slice(first, last).map((row, i) => {
              const index = first + i;
              const exclusion = showStatus ? excluded.get(row.flow.id) : undefined;
              const selected =
                selection.kind === 'edge' &&
                selection.source === row.flow.sourceHostId &&
                selection.target === row.flow.destinationHostId;
              return (
                <tr
                  key={row.flow.id}
                  data-row={index}
                  aria-rowindex={index + 2}
                  aria-selected={selected}
                  tabIndex={index === tabStop ? 0 : -1}
                  onFocus={() => setCurrent(index)}
                  onClick={() => selectRow(row)}
                  onKeyDown={(e) => onRowKey(e, row, index)}
                  style={{ height: ROW_HEIGHT }}
                  className={`cursor-pointer border-b border-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-teal-600 dark:border-slate-800 ${
                    selected ? 'bg-teal-50 dark:bg-teal-950' : 'hover:bg-slate-50 dark:hover:bg-slate-900'
                  } ${exclusion ? 'text-slate-500 italic dark:text-slate-400' : ''}`}
                >
                  {delta && (
                    <td className={`px-3 ${CHANGE_TONE[delta.change.get(row.flow.id) ?? 'keep']}`}>
                      {CHANGE_LABEL[delta.change.get(row.flow.id) ?? 'keep']}
                    </td>
                  )}
                  <td className="truncate px-3">{visibleText(row.source.name)}</td>
                  <td className="truncate px-3">{visibleText(row.destination.name)}</td>
                  <td className="px-3 font-mono text-xs">{row.service}</td>
                  <td className="truncate px-3">
                    {row.rule.title}{' '}
                    <span className="font-mono text-xs text-slate-500 dark:text-slate-400">
                      {row.rule.id}
                    </span>
                  </td>
                  <td className="px-3">
                    {row.flow.crossesFirewall ? (
                      <span className="inline-flex items-center gap-1 text-orange-700 dark:text-orange-300">
                        <Icon name="firewall" className="size-3.5" /> Yes
                      </span>
                    ) : (
                      <span className="text-slate-600 dark:text-slate-400">No</span>
                    )}
                  </td>
                  {passes && (
                    <td className="truncate px-3 font-mono text-xs" title={passes(row)}>
                      {passes(row)}
                    </td>
                  )}
                  {showStatus && (
                    <td className="truncate px-3 text-xs" title={exclusion && exclusionText(exclusion)}>
                      {exclusion ? exclusionText(exclusion) : 'Requested'}
                    </td>
                  )}
                </tr>
              );
            })}
            {last < rows.length && (
              <tr aria-hidden="true" style={{ height: (rows.length - last) * ROW_HEIGHT }} />
            )}
          </tbody>
        </table>
        {all.length === 0 && (
          <p className="p-4 text-sm text-slate-600 dark:text-slate-300">
            No flows yet. Add at least two components that talk to each other.
          </p>
        )}
      </div>
    </div>
  );
}
