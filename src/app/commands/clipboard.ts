import { copyOf, pasteClip, pasteOffset, removeHosts, removeZones, type Clip } from '../../domain/edit';
import type { PlannerState } from '../state';
import { defineCommand, focusOnCanvas } from './command';

/*
 * Copy, cut, paste, duplicate and select all, as in any drawing tool. The clipboard is the page's
 * own (plans hold internal addresses: nothing goes to the system clipboard unasked). These load
 * with the panels, which register them; their keys work from then on.
 */

let clip: Clip | undefined;
/** How many times the clip has been pasted: each paste lands one step further. */
let pasted = 0;

function selected(s: PlannerState): { hosts: string[]; zones: string[] } {
  if (s.selection.kind === 'hosts') return { hosts: s.selection.ids, zones: [] };
  if (s.selection.kind === 'zone') return { hosts: [], zones: [s.selection.id] };
  return { hosts: [], zones: [] };
}

const hasSelection = (s: PlannerState) => s.selection.kind === 'hosts' || s.selection.kind === 'zone';

/** Text selected on the page (in the flow table, say): Ctrl+C and Ctrl+X then copy that text. */
const textSelected = () => typeof window !== 'undefined' && !!window.getSelection()?.toString();
const canTake = (s: PlannerState) => hasSelection(s) && !textSelected();

function take(s: PlannerState): boolean {
  const { hosts, zones } = selected(s);
  const next = copyOf(s.plan, hosts, zones);
  if (!next.hosts.length && !next.zones.length) return false;
  clip = next;
  pasted = 0;
  return true;
}

function put(s: PlannerState, what: Clip, n: number): boolean {
  const result = pasteClip(s.plan, what, pasteOffset(what, n));
  if (!s.commit(result.plan)) return false;
  // A pasted zone is selected as a zone (its hosts go where it goes); hosts alone as hosts.
  if (result.zoneIds.length) s.select({ kind: 'zone', id: result.zoneIds[0]! });
  else s.select({ kind: 'hosts', ids: result.hostIds });
  const count = what.hosts.length;
  if (count)
    s.announce(
      `Pasted ${count} host${count === 1 ? '' : 's'}${what.zones.length ? ` and ${what.zones.length} zone` : ''}, without addresses: give each its own.`,
    );
  return true;
}

export const CLIPBOARD_COMMANDS = {
  copy: defineCommand({
    id: 'copy',
    label: 'Copy',
    keys: ['Mod+C'],
    enabled: canTake,
    perform: (s) => take(s),
  }),
  cut: defineCommand({
    id: 'cut',
    label: 'Cut',
    keys: ['Mod+X'],
    enabled: canTake,
    perform: (s) => {
      if (!take(s)) return false;
      const { hosts, zones } = selected(s);
      // A cut zone takes its hosts with it, as its copy does.
      const inZones = new Set(zones);
      const gone = new Set([
        ...hosts,
        ...s.plan.hosts.filter((h) => h.zone && inZones.has(h.zone)).map((h) => h.id),
      ]);
      if (!s.commit(removeZones(removeHosts(s.plan, gone), inZones))) return false;
      // Pasted, it lands where it was cut from.
      pasted = -1;
      s.select({ kind: 'none' });
    },
  }),
  paste: defineCommand({
    id: 'paste',
    label: 'Paste',
    keys: ['Mod+V'],
    enabled: () => !!clip,
    perform: (s) => {
      if (!clip) return false;
      pasted++;
      return put(s, clip, pasted);
    },
  }),
  duplicate: defineCommand({
    id: 'duplicate',
    label: 'Duplicate',
    keys: ['Mod+D'],
    enabled: hasSelection,
    perform: (s) => {
      const { hosts, zones } = selected(s);
      const what = copyOf(s.plan, hosts, zones);
      if (!what.hosts.length && !what.zones.length) return false;
      return put(s, what, 1);
    },
  }),
  selectAll: defineCommand({
    id: 'selectAll',
    label: 'Select all hosts',
    keys: ['Mod+A'],
    enabled: (s) => s.plan.hosts.length > 0 && focusOnCanvas(),
    perform: (s) => s.select({ kind: 'hosts', ids: s.plan.hosts.map((h) => h.id) }),
  }),
};
