import { useEffect, useId, useRef } from 'react';
import {
  ROLES,
  ROLE_IDS,
  canBeInArray,
  visibleText,
  type Host,
  type Plan,
  type RoleId,
} from '../../../domain';
import { isEnabled, run } from '../../commands';
import { Button, Field, Icon, RoleIcon, inputClass, roleTone } from '../../ui';
import { ArrayManagerOptions, hostsWith } from './HostDetails';

/** A role checkbox for several hosts: ticked when all have it, half when some do. */
function RoleBox({ ids, role, count }: { ids: readonly string[]; role: RoleId; count: number }) {
  const ref = useRef<HTMLInputElement>(null);
  const all = count === ids.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  const on = !all;
  return (
    <label className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
      <input
        ref={ref}
        type="checkbox"
        checked={all}
        disabled={!isEnabled('setHostsRole', { ids, role, on })}
        onChange={() => run('setHostsRole', { ids, role, on })}
        className="accent-teal-700"
      />
      <span className={roleTone(role)}>
        <RoleIcon role={role} className="size-4" />
      </span>
      {ROLES[role].label}
      {count > 0 && !all && (
        <span className="text-xs text-slate-500">
          ({count} of {ids.length})
        </span>
      )}
    </label>
  );
}

/**
 * The array of every selected processing node and web components host, chosen once for all (one
 * undo step); the other hosts selected are left alone. As in a single host's panel, an array is a
 * choice only with two Array Managers or more: with one, every host is in it.
 */
function HostsArray({ hosts, plan }: { hosts: readonly Host[]; plan: Plan }) {
  const id = useId();
  const managers = hostsWith(plan, 'array-manager');
  const fit = hosts.filter(canBeInArray);
  const note = (text: string) => (
    <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
      {text}
    </p>
  );
  if (managers.length < 2) {
    return (
      <div className="flex flex-col gap-1">
        <p className="text-xs font-semibold text-slate-600 dark:text-slate-300">Array</p>
        {note(
          managers.length === 0
            ? 'No Array Manager in the plan: add one to put processing nodes and web components in its array.'
            : `One Array Manager in the plan (${visibleText(managers[0]!.name)}): every processing node and web components host is in its array.`,
        )}
      </div>
    );
  }
  const arrays = new Set(fit.map((h) => (h.array && managers.some((m) => m.id === h.array) ? h.array : '')));
  const shared = arrays.size === 1 ? [...arrays][0]! : undefined;
  const ids = fit.map((h) => h.id);
  const hint =
    fit.length === 0
      ? `None of the ${hosts.length} selected hosts can be in an array: only processing nodes and web components can.`
      : fit.length < hosts.length
        ? `Applies to ${fit.length} of the ${hosts.length} selected hosts: processing nodes and web components.`
        : shared === ''
          ? 'In no array, they talk to every Array Manager.'
          : undefined;
  return (
    <Field label="Array" htmlFor={id} hint={hint && note(hint)}>
      <select
        id={id}
        className={inputClass}
        value={fit.length === 0 ? '' : (shared ?? 'mixed')}
        disabled={fit.length === 0}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => run('setHostsArray', { ids, arrayManagerId: e.target.value || undefined })}
      >
        {fit.length > 0 && shared === undefined && (
          <option value="mixed" disabled>
            Mixed
          </option>
        )}
        <ArrayManagerOptions managers={managers} />
      </select>
    </Field>
  );
}

/**
 * Several hosts selected: their zone, roles and array set for all at once (one undo step each), or
 * deleted.
 */
export function HostsDetails({ ids, plan }: { ids: readonly string[]; plan: Plan }) {
  const zoneId = useId();
  const hosts = plan.hosts.filter((h) => ids.includes(h.id));
  const zones = new Set(hosts.map((h) => h.zone ?? ''));
  const shared = zones.size === 1 ? [...zones][0]! : undefined;
  return (
    <div className="space-y-4 px-4 py-3">
      <h2 className="text-base font-semibold">{hosts.length} hosts selected</h2>
      <Field label="Zone of all" htmlFor={zoneId}>
        <select
          id={zoneId}
          className={inputClass}
          value={shared ?? 'mixed'}
          onChange={(e) => run('setHostsZone', { ids, zone: e.target.value || undefined })}
        >
          {shared === undefined && (
            <option value="mixed" disabled>
              Several zones
            </option>
          )}
          <option value="">No zone</option>
          {plan.zones.map((z) => (
            <option key={z.id} value={z.id}>
              {visibleText(z.name)} ({z.trust === 'dmz' ? 'DMZ' : z.trust})
            </option>
          ))}
        </select>
      </Field>
      <HostsArray hosts={hosts} plan={plan} />
      <fieldset>
        <legend className="mb-1 text-xs font-semibold text-slate-600 dark:text-slate-300">
          Roles of all
        </legend>
        <div className="grid grid-cols-1 gap-0.5">
          {ROLE_IDS.map((role) => (
            <RoleBox
              key={role}
              ids={ids}
              role={role}
              count={hosts.filter((h) => h.roles.includes(role)).length}
            />
          ))}
        </div>
      </fieldset>
      <Button variant="danger" onClick={() => run('deleteSelection')}>
        <Icon name="trash" />
        Delete {hosts.length} hosts
      </Button>
    </div>
  );
}
