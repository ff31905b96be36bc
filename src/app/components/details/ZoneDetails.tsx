import { useId } from 'react';
import {
  CANVAS_LIMIT,
  NAME_MAX,
  TRUST_LABELS,
  TRUST_LEVELS,
  ZONE_MIN_SIZE,
  zoneRect,
  visibleText,
  type Plan,
  type Trust,
  type Zone,
} from '../../../domain';
import { run } from '../../commands';
import { usePlanner } from '../../state';
import { Icon } from '../../ui';
import { Button, Field, inputClass } from '../../ui';
import { useDraft } from '../useDraft';
import { Section } from './Section';

type Axis = 'x' | 'y' | 'width' | 'height';

const AXES: { axis: Axis; label: string; min: number }[] = [
  { axis: 'x', label: 'Left', min: -CANVAS_LIMIT },
  { axis: 'y', label: 'Top', min: -CANVAS_LIMIT },
  { axis: 'width', label: 'Width', min: ZONE_MIN_SIZE.width },
  { axis: 'height', label: 'Height', min: ZONE_MIN_SIZE.height },
];

/**
 * Moves or resizes the zone by number: the keyboard's way to do what a drag of the zone or its
 * handles does. A move takes the zone's hosts along; a size that would leave a host outside is
 * made just large enough to hold them (the domain's resizeZone decides), and the field then shows
 * the size the zone really has.
 */
function ZoneGeometryField({
  zone,
  axis,
  label,
  min,
}: {
  zone: Zone;
  axis: Axis;
  label: string;
  min: number;
}) {
  const { position, size } = zoneRect(zone);
  const value = axis === 'x' || axis === 'y' ? position[axis] : size[axis];
  const [draft, setDraft] = useDraft(String(value));
  const id = useId();
  const parsed = Number(draft);
  const valid = draft.trim() !== '' && Number.isInteger(parsed) && parsed >= min && parsed <= CANVAS_LIMIT;
  const apply = (n: number) => {
    run('setZoneBox', { id: zone.id, axis, value: n });
    // Show what the zone took (a size is kept large enough for its hosts), even when unchanged.
    const after = usePlanner.getState().plan.zones.find((z) => z.id === zone.id);
    if (after) {
      const r = zoneRect(after);
      setDraft(String(axis === 'x' || axis === 'y' ? r.position[axis] : r.size[axis]));
    }
  };
  // Applied on Enter, on leaving the field and on the arrow keys, not on every keystroke: typing
  // "1500" must not move the zone to 1, 15 and 150 on the way, sweeping up hosts it passes over.
  const commitDraft = () => {
    if (valid && parsed !== value) apply(parsed);
    else setDraft(String(value));
  };
  return (
    <Field
      label={label}
      htmlFor={id}
      hint={
        !valid && (
          <p id={`${id}-err`} className="text-xs text-red-700 dark:text-red-400">
            {`A whole number from ${min.toLocaleString('en')} to ${CANVAS_LIMIT.toLocaleString('en')}.`}
          </p>
        )
      }
    >
      <input
        id={id}
        type="number"
        inputMode="numeric"
        step={10}
        min={min}
        max={CANVAS_LIMIT}
        className={inputClass}
        value={draft}
        aria-invalid={!valid}
        aria-describedby={!valid ? `${id}-err` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commitDraft();
          } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            const step = (e.shiftKey ? 100 : 10) * (e.key === 'ArrowUp' ? 1 : -1);
            const next = Math.min(CANVAS_LIMIT, Math.max(min, (valid ? parsed : value) + step));
            setDraft(String(next));
            apply(next);
          }
        }}
        onBlur={commitDraft}
      />
    </Field>
  );
}

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
          onClick={() => run('deleteSelection')}
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
            maxLength={NAME_MAX}
            aria-invalid={!!problem}
            onChange={(e) => {
              setDraft(e.target.value);
              run('renameZone', { id: zone.id, name: e.target.value });
            }}
          />
        </Field>
        <Field label="Trust" htmlFor={trustId}>
          <select
            id={trustId}
            className={inputClass}
            value={zone.trust}
            onChange={(e) => {
              run('setZoneTrust', { id: zone.id, trust: e.target.value as Trust });
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
      <Section title="Position and size">
        <div className="grid grid-cols-2 gap-2">
          {AXES.map((a) => (
            <ZoneGeometryField key={a.axis} zone={zone} {...a} />
          ))}
        </div>
      </Section>
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
