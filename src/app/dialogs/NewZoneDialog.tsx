import { useId, useRef, useState, type FormEvent } from 'react';
import { NAME_MAX, TRUST_LABELS, TRUST_LEVELS, zoneNameProblem, type Trust } from '../../domain';
import { run } from '../commands';
import { usePlanner } from '../state';
import { Button, inputClass } from '../ui';
import { useModal } from './useModal';

/** What each trust level means for the flows: the person picks with this in front of them. */
const TRUST_MEANING: Record<Trust, string> = {
  untrusted: 'Outside your control, such as the Internet.',
  dmz: 'Screened from both sides: the relays and gateways that face the Internet.',
  trusted: 'Your internal network: servers, directory, mail servers, workstations.',
};

/**
 * "New zone": its name and how far it is trusted, asked at once (a zone silently called "Zone 1"
 * and trusted would put flows on the wrong side). Enter adds it; Escape adds nothing.
 */
export function NewZoneDialog({ onDone }: { onDone: () => void }) {
  const plan = usePlanner((s) => s.plan);
  const { ref, close, onCancel } = useModal(onDone);
  const id = useId();
  const [name, setName] = useState('');
  const [trust, setTrust] = useState<Trust>();
  const [tried, setTried] = useState(false);
  const nameField = useRef<HTMLInputElement>(null);
  const firstTrust = useRef<HTMLInputElement>(null);
  const nameProblem = zoneNameProblem(plan, name);
  const trustProblem = trust ? undefined : 'Choose how far the zone is trusted.';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (nameProblem) return nameField.current?.focus();
    if (!trust) return firstTrust.current?.focus();
    run('addZone', { name: name.trim(), trust });
    close();
  };
  const shownName = tried || name ? nameProblem : undefined;
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      onCancel={onCancel}
      className="m-auto mt-24 w-[30rem] max-w-[92vw] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`} className="text-base font-semibold">
          New zone
        </h2>
        <label htmlFor={`${id}-name`} className="mt-3 block text-sm font-medium">
          Name
        </label>
        <input
          ref={nameField}
          id={`${id}-name`}
          className={`${inputClass} mt-1 w-full`}
          value={name}
          autoFocus
          autoComplete="off"
          maxLength={NAME_MAX}
          placeholder="e.g. DMZ, Server network, Internet"
          aria-invalid={!!shownName}
          aria-describedby={shownName ? `${id}-name-problem` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {shownName && (
          <p id={`${id}-name-problem`} className="mt-1 text-xs text-red-700 dark:text-red-300">
            {shownName}
          </p>
        )}
        <fieldset
          className="mt-4"
          aria-invalid={tried && !!trustProblem}
          aria-describedby={tried && trustProblem ? `${id}-trust-problem` : undefined}
        >
          <legend className="text-sm font-medium">Trust</legend>
          <div className="mt-1 flex flex-col gap-1">
            {TRUST_LEVELS.map((t, i) => (
              <label
                key={t}
                className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 px-3 py-2 has-checked:border-teal-600 has-checked:bg-teal-50 dark:border-slate-700 dark:has-checked:border-teal-500 dark:has-checked:bg-teal-950"
              >
                <input
                  ref={i === 0 ? firstTrust : undefined}
                  type="radio"
                  name={`${id}-trust`}
                  value={t}
                  checked={trust === t}
                  onChange={() => setTrust(t)}
                  className="mt-1 accent-teal-700"
                />
                <span className="text-sm">
                  <span className="font-medium">{TRUST_LABELS[t]}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-300">{TRUST_MEANING[t]}</span>
                </span>
              </label>
            ))}
          </div>
          {tried && trustProblem && (
            <p id={`${id}-trust-problem`} className="mt-1 text-xs text-red-700 dark:text-red-300">
              {trustProblem}
            </p>
          )}
        </fieldset>
        <div className="mt-5 flex justify-end gap-2">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary">
            Add zone
          </Button>
        </div>
      </form>
    </dialog>
  );
}
