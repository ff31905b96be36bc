import { useId } from 'react';
import {
  TRUST_LABELS,
  TRUST_LEVELS,
  updateZone,
  visibleText,
  type Plan,
  type Trust,
  type Zone,
} from '../../../domain';
import { deleteSelection } from '../../commands';
import { usePlanner } from '../../store';
import { Icon } from '../Icon';
import { Button, Field, inputClass } from '../ui';
import { useDraft } from '../useDraft';
import { Section } from './Section';

export function ZoneDetails({ zone, plan }: { zone: Zone; plan: Plan }) {
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
