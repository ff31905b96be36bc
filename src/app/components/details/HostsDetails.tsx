import { useEffect, useId, useRef } from 'react';
import { ROLES, ROLE_IDS, visibleText, type Plan, type RoleId } from '../../../domain';
import { isEnabled, run } from '../../commands';
import { Button, Field, Icon, RoleIcon, inputClass, roleTone } from '../../ui';

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

/** Several hosts selected: their zone and roles set for all at once (one undo step each), or deleted. */
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
