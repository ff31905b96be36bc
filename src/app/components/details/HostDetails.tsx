import { useEffect, useId, useRef, useState } from 'react';
import {
  CATALOG,
  COUNTERPART_ROLES,
  NAME_MAX,
  ROLES,
  ROLE_IDS,
  TRUST_LABELS,
  addressProblem,
  canBeInArray,
  featureOn,
  inRange,
  visibleText,
  type CounterpartRole,
  type Host,
  type Plan,
  type RoleId,
} from '../../../domain';
import { useDerivation } from '../../state';
import { Icon } from '../../ui';
import { RoleIcon, roleTone } from '../../ui';
import { Button, Field, inputClass } from '../../ui';
import { useDraft } from '../useDraft';
import { WarningItem } from '../WarningList';
import { FlowList, Section } from './Section';
import { run, takeNameFocus } from '../../commands';

function HostName({ host }: { host: Host }) {
  const [draft, setDraft] = useDraft(host.name);
  const problem = draft.trim() === '' ? 'The name must not be empty.' : undefined;
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // A host just added from the palette is named next: the keyboard goes straight to its name.
  useEffect(() => {
    if (takeNameFocus(host.id)) {
      input.current?.focus();
      input.current?.select();
    }
  }, [host.id]);
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
        ref={input}
        id={id}
        className={inputClass}
        value={draft}
        maxLength={NAME_MAX}
        aria-invalid={!!problem}
        aria-describedby={problem ? `${id}-err` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          run('renameHost', { id: host.id, name: e.target.value });
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
          run('setHostAddress', { id: host.id, address: value || undefined });
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
                  run('setHostRoles', { id: host.id, roles });
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
          run('setHostZone', { id: host.id, zone: e.target.value || undefined });
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

export const hostsWith = (plan: Plan, role: RoleId) => plan.hosts.filter((h) => h.roles.includes(role));

/** The choices of an Array select: every array (none chosen), then each Array Manager. */
export function ArrayManagerOptions({ managers }: { managers: readonly Host[] }) {
  return (
    <>
      <option value="">— (every array)</option>
      {managers.map((m) => (
        <option key={m.id} value={m.id}>
          {visibleText(m.name)}
        </option>
      ))}
    </>
  );
}

/**
 * The array of a processing node or web components host, when the plan has more than one Array
 * Manager (with one, every host is in it and there is nothing to choose).
 */
function HostArray({ host, plan }: { host: Host; plan: Plan }) {
  const id = useId();
  const managers = hostsWith(plan, 'array-manager');
  if (managers.length < 2) return null;
  if (!canBeInArray(host)) return null;
  const value = host.array && managers.some((m) => m.id === host.array) ? host.array : '';
  return (
    <Field
      label="Array"
      htmlFor={id}
      hint={
        value === '' && (
          <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
            In no array, it talks to every Array Manager.
          </p>
        )
      }
    >
      <select
        id={id}
        className={inputClass}
        value={value}
        aria-describedby={value === '' ? `${id}-hint` : undefined}
        onChange={(e) => {
          const to = e.target.value || undefined;
          run('setArrayOf', { hostId: host.id, arrayManagerId: to });
        }}
      >
        <ArrayManagerOptions managers={managers} />
      </select>
    </Field>
  );
}

const isCounterpart = (role: RoleId): role is CounterpartRole =>
  (COUNTERPART_ROLES as readonly RoleId[]).includes(role);

/**
 * The counterpart roles a host talks to in the plan's version, from the catalog (features the
 * plan does not use left out): its DNS servers, mail servers, domain controllers.
 */
function counterpartRoles(host: Host, plan: Plan): CounterpartRole[] {
  const found = new Set<CounterpartRole>();
  for (const rule of CATALOG) {
    if (rule.feature && !featureOn(plan.features, rule.feature)) continue;
    for (const e of rule.endpoints) {
      if (!inRange(plan.productVersion, e.versions)) continue;
      if (host.roles.includes(e.source) && isCounterpart(e.destination)) found.add(e.destination);
      if (host.roles.includes(e.destination) && isCounterpart(e.source)) found.add(e.source);
    }
  }
  return COUNTERPART_ROLES.filter((r) => found.has(r));
}

const USES_LEGEND: Record<CounterpartRole, string> = {
  'dns-server': 'Uses DNS servers',
  'mail-server': 'Uses mail servers',
  'directory-server': 'Uses domain controllers',
};

function UsesGroup({ host, plan, role }: { host: Host; plan: Plan; role: CounterpartRole }) {
  const id = useId();
  const [refused, setRefused] = useState(false);
  const all = hostsWith(plan, role);
  const stored = host.uses?.[role];
  const chosen = stored ? all.filter((h) => stored.includes(h.id)) : all;
  const toggle = (target: Host, on: boolean) => {
    if (!on && chosen.length === 1) {
      setRefused(true);
      return;
    }
    setRefused(false);
    const ids = all.filter((h) => (h === target ? on : chosen.includes(h))).map((h) => h.id);
    run('setCounterparts', { hostId: host.id, role, ids });
  };
  return (
    <fieldset aria-describedby={`${id}-note`}>
      <legend className="mb-1 text-xs font-semibold text-slate-600 dark:text-slate-300">
        {USES_LEGEND[role]}
      </legend>
      <div className="grid grid-cols-2 gap-x-2 gap-y-0.5">
        {all.map((h) => (
          <label
            key={h.id}
            className="flex min-w-0 items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            <input
              type="checkbox"
              className="accent-teal-700"
              checked={chosen.includes(h)}
              onChange={(e) => toggle(h, e.target.checked)}
            />
            <span className="truncate">{visibleText(h.name)}</span>
          </label>
        ))}
      </div>
      <p
        id={`${id}-note`}
        aria-live="polite"
        className={`mt-0.5 text-xs ${refused ? 'text-red-700 dark:text-red-400' : 'text-slate-500 dark:text-slate-400'}`}
      >
        {refused
          ? 'A host must use at least one.'
          : stored
            ? `${chosen.length} of ${all.length}: ${chosen.map((h) => visibleText(h.name)).join(', ')}.`
            : `All ${all.length}, the default.`}
      </p>
    </fieldset>
  );
}

/** "Uses": which of the plan's DNS servers, mail servers and domain controllers a host talks to. */
function HostUses({ host, plan }: { host: Host; plan: Plan }) {
  const roles = counterpartRoles(host, plan).filter((r) => hostsWith(plan, r).length > 1);
  if (roles.length === 0) return null;
  return (
    <>
      {roles.map((role) => (
        <UsesGroup key={`${host.id}:${role}`} host={host} plan={plan} role={role} />
      ))}
    </>
  );
}

export function HostDetails({ host, plan }: { host: Host; plan: Plan }) {
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
        <Button variant="danger" onClick={() => run('deleteSelection')} title="Delete host (Delete)">
          <Icon name="trash" />
          Delete host
        </Button>
      </div>
      <div className="space-y-3 px-4 pb-3">
        <HostName host={host} />
        <HostAddress host={host} />
        <HostZone host={host} plan={plan} />
        <HostArray host={host} plan={plan} />
        <HostRoles host={host} />
        <HostUses host={host} plan={plan} />
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
