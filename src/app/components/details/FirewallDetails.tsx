import { useId } from 'react';
import {
  FIREWALL_VENDORS,
  FIREWALL_VENDOR_LABELS,
  updateFirewall,
  updateInterface,
  visibleText,
  type Firewall,
  type FirewallVendor,
  type Plan,
} from '../../../domain';
import { deviceProblems, run } from '../../commands';
import { Button, Field, Icon, inputClass } from '../../ui';
import { useDraft } from '../useDraft';
import { Section } from './Section';

/**
 * The plan format's sentence for a field, with the plan's own words for what it points at:
 * `firewalls[0]` becomes the device's name, `interfaces[1]` "interface 2".
 */
function problemOf(plan: Plan, next: Plan, id: string, path: string): string | undefined {
  const message = deviceProblems(next, id).find((p) => p.path === path)?.message;
  return message
    ?.replace(/firewalls\[(\d+)\]/g, (all, i: string) =>
      visibleText(plan.firewalls?.[Number(i)]?.name ?? all),
    )
    .replace(/interfaces\[(\d+)\]/g, (_all, k: string) => `interface ${Number(k) + 1}`);
}

/** A field's error, as the host fields show theirs. */
function Problem({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p id={id} aria-live="polite" className="text-xs text-red-700 dark:text-red-400">
      {text}
    </p>
  ) : null;
}

function DeviceName({ firewall, plan }: { firewall: Firewall; plan: Plan }) {
  const [draft, setDraft] = useDraft(firewall.name);
  const id = useId();
  const value = draft.trim();
  const problem =
    value === ''
      ? 'The name must not be empty.'
      : problemOf(plan, updateFirewall(plan, firewall.id, { name: value }), firewall.id, 'name');
  return (
    <Field label="Name" htmlFor={id} hint={<Problem id={`${id}-err`} text={problem} />}>
      <input
        id={id}
        className={inputClass}
        value={draft}
        maxLength={120}
        aria-invalid={!!problem}
        aria-describedby={problem ? `${id}-err` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          run('renameFirewall', { id: firewall.id, name: e.target.value });
        }}
      />
    </Field>
  );
}

function InterfaceRow({ firewall, plan, index }: { firewall: Firewall; plan: Plan; index: number }) {
  const iface = firewall.interfaces[index]!;
  const [draft, setDraft] = useDraft(iface.name);
  const zoneId = useId();
  const nameId = useId();
  const path = `interfaces[${index}]`;
  const problem = problemOf(
    plan,
    updateInterface(plan, firewall.id, index, { name: draft.trim() }),
    firewall.id,
    `${path}.name`,
  );
  // The zone an interface faces is picked from those no other interface of the device faces.
  const facedElsewhere = new Set(firewall.interfaces.filter((_, k) => k !== index).map((i) => i.zone ?? ''));
  const legend = `Interface ${index + 1}`;
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-2 dark:border-slate-800">
      <legend className="px-1 text-xs font-semibold text-slate-600 dark:text-slate-300">{legend}</legend>
      <Field label="Zone" htmlFor={zoneId}>
        <select
          id={zoneId}
          className={inputClass}
          value={iface.zone ?? ''}
          onChange={(e) => run('setInterfaceZone', { id: firewall.id, index, zone: e.target.value || null })}
        >
          <option value="" disabled={facedElsewhere.has('')}>
            (no zone)
          </option>
          {plan.zones.map((z) => (
            <option key={z.id} value={z.id} disabled={facedElsewhere.has(z.id)}>
              {visibleText(z.name)}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Interface name" htmlFor={nameId} hint={<Problem id={`${nameId}-err`} text={problem} />}>
        <input
          id={nameId}
          className={`${inputClass} font-mono`}
          value={draft}
          placeholder="e.g. outside, port1, ethernet1/1"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={!!problem}
          aria-describedby={problem ? `${nameId}-err` : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            run('setInterfaceName', { id: firewall.id, index, name: e.target.value });
          }}
        />
      </Field>
      <Button
        variant="ghost"
        aria-label={`Remove ${legend.toLowerCase()}`}
        onClick={() => run('removeFirewallInterface', { id: firewall.id, index })}
      >
        <Icon name="trash" />
        Remove
      </Button>
    </fieldset>
  );
}

/** A selected firewall device: its name, vendor and interfaces, each bound to a zone. */
export function FirewallDetails({ firewall, plan }: { firewall: Firewall; plan: Plan }) {
  const vendorId = useId();
  const faced = new Set(firewall.interfaces.map((i) => i.zone ?? ''));
  // A new interface faces the first zone the device does not face yet (then the hosts in no zone).
  const free = [...plan.zones.map((z) => z.id), ''].find((z) => !faced.has(z));
  return (
    <>
      <div className="flex items-center gap-2 px-4 py-3">
        <Icon name="firewall" className="size-6 text-orange-600 dark:text-orange-400" />
        <h2 className="min-w-0 flex-1 truncate text-base font-semibold">{visibleText(firewall.name)}</h2>
        <Button variant="danger" onClick={() => run('deleteSelection')} title="Delete firewall (Delete)">
          <Icon name="trash" />
          Delete firewall
        </Button>
      </div>
      <div className="space-y-3 px-4 pb-3">
        <DeviceName key={firewall.id} firewall={firewall} plan={plan} />
        <Field label="Vendor" htmlFor={vendorId}>
          <select
            id={vendorId}
            className={inputClass}
            value={firewall.vendor}
            onChange={(e) =>
              run('setFirewallVendor', { id: firewall.id, vendor: e.target.value as FirewallVendor })
            }
          >
            {FIREWALL_VENDORS.map((v) => (
              <option key={v} value={v}>
                {FIREWALL_VENDOR_LABELS[v]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Section title={`Interfaces (${firewall.interfaces.length})`}>
        <p className="mb-2 text-xs text-slate-600 dark:text-slate-300">
          A flow passes the devices on the shortest way from its source’s zone to its destination’s.
        </p>
        <div className="space-y-2">
          {firewall.interfaces.map((_, k) => (
            <InterfaceRow key={k} firewall={firewall} plan={plan} index={k} />
          ))}
          <Button
            disabled={free === undefined}
            title={free === undefined ? 'The device already faces every zone' : undefined}
            onClick={() => run('addFirewallInterface', { id: firewall.id, zone: free || undefined })}
          >
            <Icon name="plus" />
            Add interface
          </Button>
        </div>
      </Section>
    </>
  );
}
