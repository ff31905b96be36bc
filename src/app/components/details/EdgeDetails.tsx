import { visibleText, type Host, type Plan } from '../../../domain';
import { NO_PATH, explainFlows, firewallPaths, pathLabel } from '../../../domain/engine';
import { useMemo } from 'react';
import { buildStacks } from '../../../domain/grouping';
import { exclusionOf } from '../../../domain/edit';
import { useDelta, useDerivation, usePlanner } from '../../state';
import { ExclusionControl } from '../ExclusionForm';
import { Icon } from '../../ui';
import { Section } from './Section';

export function EdgeDetails({ source, target, plan }: { source: Host; target: Host; plan: Plan }) {
  const derivation = useDerivation();
  // While an upgrade is compared, an arrow may hold flows only the version run now needs.
  const delta = useDelta();
  const flows = delta ? delta.flows : derivation.flows;
  const change = (id: string) => delta?.change.get(id);
  // Exclusions name a flow by rule, hosts and service, whichever version needs it.
  const exclusion = (f: (typeof flows)[number]) => exclusionOf(plan, f);
  const excluded = { has: (id: string) => delta?.excluded.has(id) ?? derivation.excluded.has(id) };
  const groupHosts = usePlanner((s) => s.groupHosts);
  const expanded = usePlanner((s) => s.expandedStacks);
  // With "Group similar hosts" on, the arrow runs between stacks: its flows are those between
  // any of their hosts, and the heading names the stacks.
  const stacks = useMemo(
    () => (groupHosts ? buildStacks(plan, new Set(expanded)) : undefined),
    [groupHosts, plan, expanded],
  );
  const from = stacks?.stackOf.get(source.id);
  const to = stacks?.stackOf.get(target.id);
  const sources = new Set(from?.hostIds ?? [source.id]);
  const targets = new Set(to?.hostIds ?? [target.id]);
  const mine = flows.filter((f) => sources.has(f.sourceHostId) && targets.has(f.destinationHostId));
  const crossing = mine.some((f) => f.crossesFirewall);
  const left = mine.filter((f) => excluded.has(f.id)).length;
  // An arrow between stacks holds flows of several host pairs: each flow then names its hosts.
  const pairs = new Set(mine.map((f) => `${f.sourceHostId}\u0000${f.destinationHostId}`)).size;
  const hostName = (id: string) => visibleText(plan.hosts.find((h) => h.id === id)?.name ?? id);
  const flowName = (f: (typeof mine)[number]) =>
    `${pairs > 1 ? `${hostName(f.sourceHostId)} → ${hostName(f.destinationHostId)} ` : ''}${f.protocol}/${f.port}`;
  const title = (host: Host, stack: typeof from) =>
    stack && stack.hostIds.length > 1 ? stack.label : visibleText(host.name);
  // With devices in the plan: the ones its flows pass (a stack's hosts share their zone).
  const paths = useMemo(() => firewallPaths(plan), [plan]);
  const hops = paths.devices && crossing ? paths.between(source.zone, target.zone) : undefined;
  const place = (zone: string | undefined) =>
    zone === undefined
      ? 'the hosts in no zone'
      : visibleText(plan.zones.find((z) => z.id === zone)?.name ?? zone);
  return (
    <>
      <div className="px-4 py-3">
        <h2 className="text-base font-semibold">
          {title(source, from)} → {title(target, to)}
        </h2>
        <p className="mt-1 flex items-center gap-1.5 text-sm text-slate-600 dark:text-slate-300">
          {crossing ? (
            <>
              <Icon name="firewall" className="size-4 shrink-0 text-orange-600 dark:text-orange-400" />
              {!paths.devices
                ? 'Crosses a firewall'
                : hops
                  ? `Passes ${pathLabel(hops)}`
                  : `${NO_PATH}: no firewall of this plan joins ${place(source.zone)} ${
                      source.zone === target.zone ? 'with each other' : `and ${place(target.zone)}`
                    }`}
            </>
          ) : (
            'Inside one zone: no firewall in between'
          )}
        </p>
        {left > 0 && (
          <p className="mt-1 text-sm text-slate-600 italic dark:text-slate-300">
            {left === mine.length
              ? 'Excluded from the change request'
              : `${left} of ${mine.length} flows excluded from the change request`}
          </p>
        )}
      </div>
      {explainFlows(plan, mine).map((e) => (
        <Section key={e.rule.id} title={e.rule.title}>
          <dl className="grid grid-cols-[6.5rem_1fr] gap-x-2 gap-y-1 text-sm">
            <dt className="text-slate-500 dark:text-slate-400">Services</dt>
            <dd className="font-mono">{e.services}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Rule</dt>
            <dd className="font-mono">{e.rule.id}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Versions</dt>
            <dd>{e.versions}</dd>
            <dt className="text-slate-500 dark:text-slate-400">When</dt>
            <dd>{e.text.condition}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Addresses</dt>
            <dd className="font-mono text-xs break-all">
              {[...new Set(e.flows.map((f) => f.sourceAddress || '(no address)'))].join(', ')} →{' '}
              {[...new Set(e.flows.map((f) => f.destinationAddress || '(no address)'))].join(', ')}
            </dd>
          </dl>
          <ul className="mt-2 space-y-1" aria-label={`Flows of ${e.rule.title} in the change request`}>
            {e.flows.map((f) => (
              <li key={f.id} className="flex items-start gap-2 text-sm">
                <span
                  className={`pt-0.5 font-mono text-xs ${excluded.has(f.id) ? 'text-slate-500 line-through dark:text-slate-400' : ''}`}
                >
                  {flowName(f)}
                </span>
                {change(f.id) && change(f.id) !== 'keep' && (
                  <span className="pt-0.5 text-xs font-semibold text-slate-600 dark:text-slate-300">
                    {change(f.id) === 'add' ? 'To add' : 'To remove'}
                  </span>
                )}
                <div className="min-w-0 flex-1">
                  <ExclusionControl flows={[f]} what={flowName(f)} exclusion={exclusion(f)} />
                </div>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm leading-relaxed text-slate-700 dark:text-slate-200">
            {e.text.explanation}
          </p>
          {e.notes.map((n) => (
            <p
              key={n.text}
              className="mt-2 border-l-2 border-amber-400 pl-2 text-sm text-slate-700 dark:text-slate-200"
            >
              {n.text}
            </p>
          ))}
          <p className="mt-2 flex items-center gap-1 text-xs text-slate-500 dark:text-slate-400">
            <Icon name="book" className="size-3.5" />
            Source: {e.rule.source.citation}
          </p>
        </Section>
      ))}
    </>
  );
}
