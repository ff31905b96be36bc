import { useId } from 'react';
import {
  FEATURE_IDS,
  FEATURES,
  ROLES,
  featureOn,
  productName,
  visibleText,
  type ChangeRequest,
  type FeatureId,
  type Plan,
  type RoleId,
} from '../../../domain';
import { upgradeAdvisories } from '../../../domain/upgrade';
import { deltaSummary, versionStep } from '../../../domain/upgrade';
import { useDerivation, useScopedDelta } from '../../state';
import { Field, inputClass } from '../../ui';
import { ObjectPrefixField } from './ObjectPrefixField';
import { Section } from './Section';
import { run } from '../../commands';

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

/**
 * While an upgrade is compared: what it changes in the change request's scope, how the canvas
 * marks it, and what the change board should know (the advisories for the versions crossed).
 */
function UpgradeSection({ plan }: { plan: Plan }) {
  const delta = useScopedDelta();
  if (!delta) return null;
  const advisories = upgradeAdvisories(plan, delta.from, delta.to);
  return (
    <Section title="Upgrade">
      <p className="text-sm font-semibold text-teal-800 dark:text-teal-300">
        {versionStep(delta.from, delta.to)}
      </p>
      <p className="mb-2 text-sm text-slate-700 dark:text-slate-200">{deltaSummary(delta)}</p>
      <ul className="space-y-1.5 text-sm text-slate-700 dark:text-slate-200">
        <LegendLine
          className="stroke-orange-600 dark:stroke-orange-400"
          width={2}
          label="+ service: open before the upgrade"
        />
        <LegendLine
          className="stroke-rose-600 dark:stroke-rose-400"
          width={2}
          dash="7 4"
          label="− service: close once it is complete"
        />
        <li className="flex items-center gap-2">
          <svg width="36" height="8" aria-hidden="true">
            <line
              x1="0"
              y1="4"
              x2="36"
              y2="4"
              className="stroke-orange-600 dark:stroke-orange-400"
              strokeWidth={2}
            />
            <line
              x1="0"
              y1="4"
              x2="36"
              y2="4"
              className="stroke-rose-600 dark:stroke-rose-400"
              strokeWidth={2}
              strokeDasharray="3 9"
            />
          </svg>
          Some services go, some stay
        </li>
        <LegendLine className="stroke-orange-600 opacity-35" width={2} label="Unchanged (faded)" />
      </ul>
      {advisories.length > 0 && (
        <>
          <h4 className="mt-3 mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
            Advisories
          </h4>
          <ul className="space-y-2 text-sm text-slate-700 dark:text-slate-200">
            {advisories.map((a) => (
              <li key={a.id}>
                <p className="font-semibold">{a.title}</p>
                <p>{a.text}</p>
                {a.reference && (
                  <p className="text-xs text-slate-500 dark:text-slate-400">See {a.reference}.</p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

/** Features whose flows have nobody to serve without a host of this role. */
const CLIENT_ROLE: Partial<Record<FeatureId, RoleId>> = { pop3: 'pop3-client', 'rest-api': 'rest-client' };

/** "Features in use": the vendor table's conditional rules, switched on or off for the plan. */
function FeaturesInUse({ plan }: { plan: Plan }) {
  const id = useId();
  return (
    <Section title="Features in use">
      <ul className="space-y-0.5">
        {FEATURE_IDS.map((feature) => {
          const client = CLIENT_ROLE[feature];
          const missing = client && !plan.hosts.some((h) => h.roles.includes(client));
          return (
            <li key={feature} className="flex items-start gap-2 rounded px-1 py-0.5 text-sm">
              <input
                id={`${id}-${feature}`}
                type="checkbox"
                className="mt-1 accent-teal-700"
                checked={featureOn(plan.features, feature)}
                aria-describedby={missing ? `${id}-${feature}-hint` : undefined}
                onChange={(e) => {
                  const on = e.target.checked;
                  run('setFeatureInUse', { feature, on });
                }}
              />
              <div>
                <label htmlFor={`${id}-${feature}`}>{FEATURES[feature].label}</label>
                {missing && (
                  <p id={`${id}-${feature}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
                    no {ROLES[client].label} in the plan
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

export function PlanSummary({ plan }: { plan: Plan }) {
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
      <UpgradeSection plan={plan} />
      <FeaturesInUse plan={plan} />
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

export function ChangeRequestForm({ plan }: { plan: Plan }) {
  const id = useId();
  const cr = plan.changeRequest ?? {};
  const update = (field: keyof ChangeRequest, value: string) => run('setRequestField', { field, value });
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
              onChange={(e) => update(key, e.target.value)}
            />
          </Field>
        ))}
        <Field label="Notes" htmlFor={`${id}-notes`}>
          <textarea
            id={`${id}-notes`}
            className={`${inputClass} min-h-16`}
            value={cr.notes ?? ''}
            maxLength={4000}
            onChange={(e) => update('notes', e.target.value)}
          />
        </Field>
        <Field label="PDF paper" htmlFor={`${id}-paper`}>
          <select
            id={`${id}-paper`}
            className={inputClass}
            value={cr.paper ?? 'a4'}
            onChange={(e) => update('paper', e.target.value === 'letter' ? 'letter' : '')}
          >
            <option value="a4">A4 landscape</option>
            <option value="letter">US Letter landscape</option>
          </select>
        </Field>
        <ObjectPrefixField plan={plan} />
      </div>
    </Section>
  );
}

/** Details of what is selected: a host, a zone, an edge's flows, or the plan itself. */
