import { useId, type ReactNode } from 'react';
import {
  ROLES,
  ROLE_IDS,
  TRUST_LABELS,
  TRUST_LEVELS,
  addressProblem,
  explainFlows,
  productName,
  updateHost,
  updateZone,
  type Flow,
  type Host,
  type Plan,
  type ChangeRequest,
  type Trust,
  type Zone,
  visibleText,
} from '../../domain';
import { deleteSelection } from '../commands';
import { useDerivation, usePlanner } from '../store';
import { Icon } from './Icon';
import { RoleIcon, roleTone } from './RoleIcon';
import { Button, Field, inputClass } from './ui';
import { useDraft } from './useDraft';
import { WarningItem } from './WarningList';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-slate-200 px-4 py-3 dark:border-slate-800">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {title}
      </h3>
      {children}
    </section>
  );
}

function HostName({ host }: { host: Host }) {
  const [draft, setDraft] = useDraft(host.name);
  const problem = draft.trim() === '' ? 'The name must not be empty.' : undefined;
  const id = useId();
  return (
    <Field
      label="Name"
      htmlFor={id}
      hint={
        problem && (
          <p id={`${id}-err`} className="text-xs text-red-700 dark:text-red-400">
            {problem}
          </p>
        )
      }
    >
      <input
        id={id}
        className={inputClass}
        value={draft}
        maxLength={120}
        aria-invalid={!!problem}
        aria-describedby={problem ? `${id}-err` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          const name = e.target.value.trim();
          const { plan, commit } = usePlanner.getState();
          if (name) commit(updateHost(plan, host.id, { name }), { mergeKey: `name:${host.id}` });
        }}
      />
    </Field>
  );
}

function HostAddress({ host }: { host: Host }) {
  const [draft, setDraft] = useDraft(host.address ?? '');
  const trimmed = draft.trim();
  const problem = trimmed === '' ? null : addressProblem(trimmed);
  const id = useId();
  const internet = host.roles.includes('internet');
  return (
    <Field
      label="Address"
      htmlFor={id}
      hint={
        problem ? (
          <p id={`${id}-msg`} aria-live="polite" className="text-xs text-red-700 dark:text-red-400">
            {problem}
          </p>
        ) : (
          <p id={`${id}-msg`} className="text-xs text-slate-500 dark:text-slate-400">
            IPv4, IPv6, CIDR block, host name or “any”
            {internet ? '. Left empty, the Internet is “any”.' : '.'}
          </p>
        )
      }
    >
      <input
        id={id}
        className={`${inputClass} font-mono`}
        value={draft}
        placeholder={internet ? 'any' : 'e.g. 10.0.0.5'}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={!!problem}
        aria-describedby={`${id}-msg`}
        onChange={(e) => {
          setDraft(e.target.value);
          const value = e.target.value.trim();
          if (value !== '' && addressProblem(value)) return;
          const { plan, commit } = usePlanner.getState();
          commit(updateHost(plan, host.id, { address: value || undefined }), {
            mergeKey: `address:${host.id}`,
          });
        }}
      />
    </Field>
  );
}

function HostRoles({ host }: { host: Host }) {
  return (
    <fieldset>
      <legend className="mb-1 text-xs font-semibold text-slate-600 dark:text-slate-300">Roles</legend>
      <div className="grid grid-cols-1 gap-0.5">
        {ROLE_IDS.map((role) => {
          const checked = host.roles.includes(role);
          const last = checked && host.roles.length === 1;
          return (
            <label
              key={role}
              className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              <input
                type="checkbox"
                checked={checked}
                disabled={last}
                title={last ? 'A host needs at least one role' : undefined}
                onChange={() => {
                  const roles = checked
                    ? host.roles.filter((r) => r !== role)
                    : ROLE_IDS.filter((r) => r === role || host.roles.includes(r));
                  const { plan, commit } = usePlanner.getState();
                  commit(updateHost(plan, host.id, { roles }));
                }}
                className="accent-teal-700"
              />
              <span className={roleTone(role)}>
                <RoleIcon role={role} className="size-4" />
              </span>
              {ROLES[role].label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

function HostZone({ host, plan }: { host: Host; plan: Plan }) {
  const id = useId();
  return (
    <Field label="Zone" htmlFor={id}>
      <select
        id={id}
        className={inputClass}
        value={host.zone ?? ''}
        onChange={(e) => {
          const { plan, commit } = usePlanner.getState();
          commit(updateHost(plan, host.id, { zone: e.target.value || undefined }));
        }}
      >
        <option value="">No zone</option>
        {plan.zones.map((z) => (
          <option key={z.id} value={z.id}>
            {visibleText(z.name)} ({TRUST_LABELS[z.trust]})
          </option>
        ))}
      </select>
    </Field>
  );
}

function FlowList({ flows, plan, empty }: { flows: Flow[]; plan: Plan; empty: string }) {
  if (flows.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p>;
  return (
    <ul className="space-y-2">
      {explainFlows(plan, flows).map((e) => (
        <li key={e.rule.id} className="text-sm">
          <div className="font-medium">
            {e.rule.title}{' '}
            <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{e.services}</span>
          </div>
          <div className="text-xs text-slate-600 dark:text-slate-400">
            {[...new Set(e.flows.flatMap((f) => f.sourceRoles.map((r) => ROLES[r].label)))].join(', ')} →{' '}
            {[...new Set(e.flows.flatMap((f) => f.destinationRoles.map((r) => ROLES[r].label)))].join(', ')}
          </div>
        </li>
      ))}
    </ul>
  );
}

function HostDetails({ host, plan }: { host: Host; plan: Plan }) {
  const { flows, localFlows, warnings } = useDerivation();
  const mine = flows.filter((f) => f.sourceHostId === host.id || f.destinationHostId === host.id);
  const local = localFlows.filter((f) => f.sourceHostId === host.id);
  const concerns = warnings.filter((w) => w.hostIds.includes(host.id));
  return (
    <>
      <div className="flex items-center gap-2 px-4 py-3">
        <span className={roleTone(host.roles[0]!)}>
          <RoleIcon role={host.roles[0]!} className="size-6" />
        </span>
        <h2 className="min-w-0 flex-1 truncate text-base font-semibold">{visibleText(host.name)}</h2>
        <Button variant="danger" onClick={deleteSelection} title="Delete host (Delete)">
          <Icon name="trash" />
          Delete host
        </Button>
      </div>
      <div className="space-y-3 px-4 pb-3">
        <HostName host={host} />
        <HostAddress host={host} />
        <HostZone host={host} plan={plan} />
        <HostRoles host={host} />
      </div>
      {concerns.length > 0 && (
        <Section title={`Warnings (${concerns.length})`}>
          <ul className="space-y-1">
            {concerns.map((w) => (
              <WarningItem key={w.id} warning={w} compact />
            ))}
          </ul>
        </Section>
      )}
      <Section title={`Network flows (${mine.length})`}>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {mine.filter((f) => f.sourceHostId === host.id).length} outgoing,{' '}
          {mine.filter((f) => f.destinationHostId === host.id).length} incoming,{' '}
          {mine.filter((f) => f.crossesFirewall).length} through a firewall. Select an arrow on the canvas for
          details.
        </p>
      </Section>
      {host.roles.length > 1 && (
        <Section title={`Local flows (${local.length})`}>
          <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">
            Between roles on this host. They never leave it, so no firewall rule is needed.
          </p>
          <FlowList flows={local} plan={plan} empty="None." />
        </Section>
      )}
    </>
  );
}

function ZoneDetails({ zone, plan }: { zone: Zone; plan: Plan }) {
  const [draft, setDraft] = useDraft(zone.name);
  const nameId = useId();
  const trustId = useId();
  const members = plan.hosts.filter((h) => h.zone === zone.id);
  const problem = draft.trim() === '' ? 'The name must not be empty.' : undefined;
  return (
    <>
      <div className="flex items-center gap-2 px-4 py-3">
        <Icon name="zone" className="size-6 text-slate-500" />
        <h2 className="min-w-0 flex-1 truncate text-base font-semibold">{visibleText(zone.name)}</h2>
        <Button
          variant="danger"
          onClick={deleteSelection}
          title="Delete zone; its hosts stay, in no zone (Delete)"
        >
          <Icon name="trash" />
          Delete zone
        </Button>
      </div>
      <div className="space-y-3 px-4 pb-3">
        <Field
          label="Zone name"
          htmlFor={nameId}
          hint={problem && <p className="text-xs text-red-700 dark:text-red-400">{problem}</p>}
        >
          <input
            id={nameId}
            className={inputClass}
            value={draft}
            maxLength={120}
            aria-invalid={!!problem}
            onChange={(e) => {
              setDraft(e.target.value);
              const name = e.target.value.trim();
              const { plan, commit } = usePlanner.getState();
              if (name) commit(updateZone(plan, zone.id, { name }), { mergeKey: `zone-name:${zone.id}` });
            }}
          />
        </Field>
        <Field label="Trust" htmlFor={trustId}>
          <select
            id={trustId}
            className={inputClass}
            value={zone.trust}
            onChange={(e) => {
              const { plan, commit } = usePlanner.getState();
              commit(updateZone(plan, zone.id, { trust: e.target.value as Trust }));
            }}
          >
            {TRUST_LEVELS.map((t) => (
              <option key={t} value={t}>
                {TRUST_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Section title={`Hosts in this zone (${members.length})`}>
        {members.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">
            Drag hosts into the zone’s area to add them.
          </p>
        ) : (
          <ul className="space-y-0.5 text-sm">
            {members.map((h) => (
              <li key={h.id}>
                <button
                  type="button"
                  className="text-teal-800 underline-offset-2 hover:underline dark:text-teal-300"
                  onClick={() => usePlanner.getState().select({ kind: 'hosts', ids: [h.id] })}
                >
                  {visibleText(h.name)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

function EdgeDetails({ source, target, plan }: { source: Host; target: Host; plan: Plan }) {
  const { flows } = useDerivation();
  const mine = flows.filter((f) => f.sourceHostId === source.id && f.destinationHostId === target.id);
  const crossing = mine.some((f) => f.crossesFirewall);
  return (
    <>
      <div className="px-4 py-3">
        <h2 className="text-base font-semibold">
          {visibleText(source.name)} → {visibleText(target.name)}
        </h2>
        <p className="mt-1 flex items-center gap-1.5 text-sm text-slate-600 dark:text-slate-300">
          {crossing ? (
            <>
              <Icon name="firewall" className="size-4 text-orange-600 dark:text-orange-400" />
              Crosses a firewall
            </>
          ) : (
            'Inside one zone: no firewall in between'
          )}
        </p>
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
            <dd>{e.rule.condition}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Addresses</dt>
            <dd className="font-mono text-xs break-all">
              {e.flows[0]!.sourceAddress || '(no address)'} →{' '}
              {e.flows[0]!.destinationAddress || '(no address)'}
            </dd>
          </dl>
          <p className="mt-2 text-sm leading-relaxed text-slate-700 dark:text-slate-200">
            {e.rule.explanation}
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

function LegendLine({
  className,
  width,
  dash,
  label,
}: {
  className: string;
  width: number;
  dash?: string;
  label: string;
}) {
  return (
    <li className="flex items-center gap-2">
      <svg width="36" height="8" aria-hidden="true">
        <line x1="0" y1="4" x2="36" y2="4" className={className} strokeWidth={width} strokeDasharray={dash} />
      </svg>
      {label}
    </li>
  );
}

function PlanSummary({ plan }: { plan: Plan }) {
  const { flows, localFlows, warnings } = useDerivation();
  const crossing = flows.filter((f) => f.crossesFirewall).length;
  const stats: [string, number][] = [
    ['Hosts', plan.hosts.length],
    ['Zones', plan.zones.length],
    ['Flows', flows.length],
    ['Through a firewall', crossing],
    ['Local (same host)', localFlows.length],
    ['Warnings', warnings.length],
  ];
  return (
    <>
      <div className="px-4 py-3">
        <h2 className="text-base font-semibold">{visibleText(plan.name)}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {productName(plan.productVersion)} {plan.productVersion}
        </p>
      </div>
      <Section title="Plan">
        <dl className="grid grid-cols-2 gap-y-1 text-sm">
          {stats.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600 dark:text-slate-300">{k}</dt>
              <dd className="text-right font-semibold tabular-nums">{v}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section title="Legend">
        <ul className="space-y-1.5 text-sm text-slate-700 dark:text-slate-200">
          <LegendLine
            className="stroke-orange-600 dark:stroke-orange-400"
            width={2}
            label="Flow through a firewall"
          />
          <LegendLine className="stroke-slate-400" width={1.5} dash="6 4" label="Flow inside a zone" />
        </ul>
      </Section>
      <ChangeRequestForm plan={plan} />
      {plan.hosts.length === 0 && (
        <Section title="Getting started">
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Drag components from the left onto the canvas, or select one and press Enter. Add zones for your
            networks, then pick the product version. Or open one of the Examples.
          </p>
        </Section>
      )}
    </>
  );
}

const CR_FIELDS = [
  ['title', 'Title', 'e.g. Open ports for the SEG upgrade'],
  ['requester', 'Requester', 'Name and team'],
  ['ticket', 'Ticket or reference', 'e.g. CHG-1042'],
  ['window', 'Change window', 'e.g. Sat 02:00–04:00 UTC'],
] as const;

/** The change-request details printed on the PDF's cover, saved with the plan. */
function ChangeRequestForm({ plan }: { plan: Plan }) {
  const id = useId();
  const cr = plan.changeRequest ?? {};
  const update = (patch: ChangeRequest, key: string) => {
    const { plan, commit } = usePlanner.getState();
    const next: ChangeRequest = { ...plan.changeRequest, ...patch };
    for (const k of Object.keys(next) as (keyof ChangeRequest)[]) if (!next[k]) delete next[k];
    const { changeRequest: _old, ...rest } = plan;
    commit(Object.keys(next).length ? { ...rest, changeRequest: next } : rest, { mergeKey: `cr:${key}` });
  };
  return (
    <Section title="Change request">
      <div className="space-y-2">
        {CR_FIELDS.map(([key, label, placeholder]) => (
          <Field key={key} label={label} htmlFor={`${id}-${key}`}>
            <input
              id={`${id}-${key}`}
              className={inputClass}
              value={cr[key] ?? ''}
              placeholder={placeholder}
              maxLength={200}
              onChange={(e) => update({ [key]: e.target.value }, key)}
            />
          </Field>
        ))}
        <Field label="Notes" htmlFor={`${id}-notes`}>
          <textarea
            id={`${id}-notes`}
            className={`${inputClass} min-h-16`}
            value={cr.notes ?? ''}
            maxLength={4000}
            onChange={(e) => update({ notes: e.target.value }, 'notes')}
          />
        </Field>
        <Field label="PDF paper" htmlFor={`${id}-paper`}>
          <select
            id={`${id}-paper`}
            className={inputClass}
            value={cr.paper ?? 'a4'}
            onChange={(e) => update({ paper: e.target.value === 'letter' ? 'letter' : undefined }, 'paper')}
          >
            <option value="a4">A4 landscape</option>
            <option value="letter">US Letter landscape</option>
          </select>
        </Field>
      </div>
    </Section>
  );
}

/** Details of what is selected: a host, a zone, an edge's flows, or the plan itself. */
export function SidePanel() {
  const plan = usePlanner((s) => s.plan);
  const selection = usePlanner((s) => s.selection);
  let body: ReactNode;
  if (selection.kind === 'hosts' && selection.ids.length === 1) {
    const host = plan.hosts.find((h) => h.id === selection.ids[0]);
    body = host && <HostDetails key={host.id} host={host} plan={plan} />;
  } else if (selection.kind === 'hosts') {
    body = (
      <div className="space-y-3 px-4 py-3">
        <h2 className="text-base font-semibold">{selection.ids.length} hosts selected</h2>
        <Button variant="danger" onClick={deleteSelection}>
          <Icon name="trash" />
          Delete {selection.ids.length} hosts
        </Button>
      </div>
    );
  } else if (selection.kind === 'zone') {
    const zone = plan.zones.find((z) => z.id === selection.id);
    body = zone && <ZoneDetails key={zone.id} zone={zone} plan={plan} />;
  } else if (selection.kind === 'edge') {
    const source = plan.hosts.find((h) => h.id === selection.source);
    const target = plan.hosts.find((h) => h.id === selection.target);
    body = source && target && <EdgeDetails source={source} target={target} plan={plan} />;
  }
  return (
    <aside aria-label="Details" className="h-full overflow-y-auto text-slate-900 dark:text-slate-100">
      {body ?? <PlanSummary plan={plan} />}
    </aside>
  );
}
