import { Fragment, useId, useMemo, useState } from 'react';
import { visibleText, type Plan } from '../../domain';
import { requestFlows } from '../../domain/export';
import { groupFlows, ruleSections, type AddressGroup, type Grouping } from '../../domain/grouping';
import { validGroupName } from '../../domain/plan';
import { run } from '../commands';
import { derive, useDerivation, usePlanner } from '../state';
import { ExclusionForm } from './ExclusionForm';
import { Button, inputClass } from '../ui';

const groupings = new WeakMap<object, { plan: Plan; internal: boolean; grouping: Grouping }>();

/**
 * The grouped rules of the change request (the flows in scope but the excluded ones, as the
 * grouped CSV has them), once per plan and scope.
 */
function useGrouping(): Grouping {
  const plan = usePlanner((s) => s.plan);
  const derivation = useDerivation();
  const internal = usePlanner((s) => s.includeInternal);
  return useMemo(() => {
    const hit = groupings.get(derivation);
    if (hit?.plan === plan && hit.internal === internal) return hit.grouping;
    const grouping = groupFlows(plan, requestFlows(derivation, { includeInternal: internal }));
    groupings.set(derivation, { plan, internal, grouping });
    return grouping;
  }, [plan, derivation, internal]);
}

/**
 * The names the plan keeps when one is saved: those of groups that still exist in either scope
 * (names of groups gone from the plan are dropped, so it does not fill up with them).
 */
function keptNames(plan: Plan): [string, string][] {
  const flows = derive(plan).flows;
  const crossing = flows.filter((f) => f.crossesFirewall);
  const used = new Set(
    [...groupFlows(plan, flows).groups, ...groupFlows(plan, crossing).groups].map((g) => g.key),
  );
  return Object.entries(plan.groupNames ?? {}).filter(([key]) => used.has(key));
}

/**
 * Why `name` cannot name `group` in this plan, or undefined. It must be unique among the groups
 * shown and among the names the plan keeps for groups of the other scope, as the plan format
 * requires.
 */
function nameProblem(name: string, group: AddressGroup, grouping: Grouping, plan: Plan): string | undefined {
  const invalid = validGroupName(name);
  if (invalid) return invalid;
  const same = (other: string) => other.toLowerCase() === name.toLowerCase();
  const taken =
    grouping.groups.some((g) => g.key !== group.key && same(g.name)) ||
    keptNames(plan).some(([key, other]) => key !== group.key && same(other));
  return taken ? `"${name}" already names another group` : undefined;
}

/** A group's name, which the architect can change; the name is kept in the plan. */
function GroupName({ group, grouping }: { group: AddressGroup; grouping: Grouping }) {
  const [draft, setDraft] = useState<string>();
  const id = useId();
  if (draft === undefined) {
    return (
      <span className="flex items-center gap-1">
        <span className="font-mono text-xs font-semibold">{group.name}</span>
        <Button
          variant="ghost"
          className="px-1 py-0 text-xs"
          aria-label={`Rename group ${group.name}`}
          onClick={() => setDraft(group.name)}
        >
          Rename
        </Button>
      </span>
    );
  }
  const problem = nameProblem(draft.trim(), group, grouping, usePlanner.getState().plan);
  const save = () => {
    const name = draft.trim();
    if (problem) return;
    run('renameGroup', { key: group.key, name, keep: keptNames(usePlanner.getState().plan) });
    setDraft(undefined);
  };
  return (
    <span className="flex flex-col gap-0.5">
      <span className="flex items-center gap-1">
        <input
          autoFocus
          aria-label={`New name for group ${group.name}`}
          aria-invalid={!!problem}
          aria-describedby={problem ? `${id}-err` : undefined}
          value={draft}
          maxLength={64}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
            else if (e.key === 'Escape') setDraft(undefined);
          }}
          className={`${inputClass} w-56 py-0.5 font-mono text-xs`}
        />
        <Button className="px-1.5 py-0.5 text-xs" onClick={save} disabled={!!problem}>
          Save
        </Button>
        <Button variant="ghost" className="px-1.5 py-0.5 text-xs" onClick={() => setDraft(undefined)}>
          Cancel
        </Button>
      </span>
      {problem && (
        <span id={`${id}-err`} className="text-xs text-red-700 dark:text-red-400">
          {problem}
        </span>
      )}
    </span>
  );
}

/**
 * The change request as grouped rules: numbered rules over address groups, and the groups
 * themselves with their members. The same rules as the grouped CSV, the PDF and the generated
 * configurations; with firewall devices, listed under each device they pass.
 */
export function GroupedRules() {
  const plan = usePlanner((s) => s.plan);
  const grouping = useGrouping();
  const { flows } = useDerivation();
  const byId = useMemo(() => new Map(flows.map((f) => [f.id, f])), [flows]);
  const ruleFlows = (ids: readonly string[]) => ids.flatMap((id) => byId.get(id) ?? []);
  const sections = useMemo(() => ruleSections(plan, grouping), [plan, grouping]);
  const devices = !!plan.firewalls?.length;
  // The rule whose "Exclude…" form is open, by its section and first flow (rule numbers move as
  // rules go; a rule on two devices is listed twice).
  const [excluding, setExcluding] = useState<string>();
  const formId = useId();
  const closeForm = (key: string) => {
    setExcluding(undefined);
    // Back to the rule's button, or, when the rule left the request, to the table.
    requestAnimationFrame(() =>
      (document.getElementById(`${formId}-${key}`) ?? document.getElementById(formId))?.focus(),
    );
  };
  const hosts = useMemo(() => new Map(plan.hosts.map((h) => [h.id, h.name])), [plan]);
  const zones = useMemo(() => new Map(plan.zones.map((z) => [z.id, z.name])), [plan]);
  const zone = (id: string | undefined) => (id ? visibleText(zones.get(id) ?? '') : '(no zone)');
  const members = (g: AddressGroup) => g.hostIds.map((id) => visibleText(hosts.get(id) ?? id)).join(', ');
  if (grouping.rules.length === 0) {
    return (
      <p className="p-4 text-sm text-slate-600 dark:text-slate-300">
        No rules yet. Add at least two components that talk to each other.
      </p>
    );
  }
  const th = 'px-3 py-1.5 font-semibold';
  const columns = devices ? 7 : 6;
  return (
    <div className="space-y-4 p-3">
      <table
        id={formId}
        tabIndex={-1}
        className="w-full table-fixed border-collapse text-sm"
        aria-label="Grouped rules"
      >
        <thead className="bg-slate-100 text-left text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-300">
          <tr>
            <th className={`${th} w-12`}>Rule</th>
            {/* With devices, the interfaces take their room from the sides and services. */}
            <th className={`${th} ${devices ? 'w-[20%]' : 'w-[26%]'}`}>Source</th>
            <th className={`${th} ${devices ? 'w-[20%]' : 'w-[26%]'}`}>Destination</th>
            <th className={`${th} ${devices ? 'w-[13%]' : 'w-[16%]'}`}>Services</th>
            {devices && (
              <th
                className={`${th} w-[13%]`}
                title="The interface a rule enters the device by → the one it leaves by"
              >
                Interfaces
              </th>
            )}
            <th className={th}>Justification</th>
            <th className={`${th} w-24`}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        {sections.map((section) => (
          <tbody key={section.key}>
            {section.title !== undefined && (
              <tr className="border-b border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900/60">
                <th colSpan={columns} scope="colgroup" className="px-3 pt-2.5 pb-1 text-left text-xs">
                  <span className="font-semibold">{section.title}</span>
                  {section.detail && (
                    <span className="ml-2 font-normal text-slate-500 dark:text-slate-400">
                      {section.detail}
                    </span>
                  )}
                </th>
              </tr>
            )}
            {section.title !== undefined && section.rows.length === 0 && (
              <tr className="border-b border-slate-100 dark:border-slate-800">
                <td colSpan={columns} className="px-3 py-1 text-xs text-slate-500 dark:text-slate-400">
                  No rule of the request passes this device.
                </td>
              </tr>
            )}
            {section.rows.map(({ rule: r, hop }) => {
              const key = `${section.key}-${r.flowIds[0] ?? String(r.number)}`;
              return (
                <Fragment key={r.number}>
                  <tr className="border-b border-slate-100 align-top dark:border-slate-800">
                    <td className="px-3 py-1 font-mono text-xs">{r.number}</td>
                    <td className="px-3 py-1">
                      <div className="font-mono text-xs font-semibold">{r.source.name}</div>
                      <div className="text-xs text-slate-500 dark:text-slate-400">{zone(r.sourceZone)}</div>
                    </td>
                    <td className="px-3 py-1">
                      <div className="font-mono text-xs font-semibold">{r.destination.name}</div>
                      <div className="text-xs text-slate-500 dark:text-slate-400">
                        {zone(r.destinationZone)}
                      </div>
                    </td>
                    <td className="px-3 py-1 font-mono text-xs">
                      {r.services.map((s) => `${s.protocol}/${s.port}`).join(', ')}
                    </td>
                    {devices && (
                      <td className="px-3 py-1 font-mono text-xs">
                        {hop && `${hop.from.name} → ${hop.to.name}`}
                      </td>
                    )}
                    <td className="px-3 py-1 text-xs">{r.justification}</td>
                    <td className="px-3 py-1">
                      <Button
                        variant="ghost"
                        className="px-1 py-0 text-xs"
                        aria-label={`Exclude rule ${r.number}…`}
                        id={`${formId}-${key}`}
                        aria-expanded={excluding === key}
                        onClick={() => (excluding === key ? closeForm(key) : setExcluding(key))}
                      >
                        Exclude…
                      </Button>
                    </td>
                  </tr>
                  {excluding === key && (
                    <tr className="border-b border-slate-100 dark:border-slate-800">
                      <td colSpan={columns} className="px-3 pb-2">
                        <div className="max-w-md">
                          <ExclusionForm
                            flows={ruleFlows(r.flowIds)}
                            what={`rule ${r.number}`}
                            onDone={() => closeForm(key)}
                          />
                        </div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        ))}
      </table>
      <table className="w-full table-fixed border-collapse text-sm" aria-label="Address groups">
        <thead className="bg-slate-100 text-left text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-300">
          <tr>
            <th className={`${th} w-[34%]`}>Group</th>
            <th className={th}>Members</th>
          </tr>
        </thead>
        <tbody>
          {grouping.groups.map((g) => (
            <tr key={g.key} className="border-b border-slate-100 align-top dark:border-slate-800">
              <td className="px-3 py-1">
                <GroupName group={g} grouping={grouping} />
              </td>
              <td className="px-3 py-1 text-xs">
                {members(g)}
                <span className="ml-1 font-mono text-slate-500 dark:text-slate-400">
                  ({g.addresses.map(visibleText).join(', ')})
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
