import { useId, useRef, useState, type FormEvent } from 'react';
import type { Exclusion, ExclusionKind } from '../../domain/plan';
import type { FlowRef } from '../../domain/edit';
import { run } from '../commands';
import { Button, inputClass } from '../ui';

const KINDS: { value: ExclusionKind; label: string; field: string }[] = [
  { value: 'allowed', label: 'Already allowed', field: 'Reference to the existing rule' },
  { value: 'not-needed', label: 'Not needed', field: 'Reason' },
];

/** "Already allowed: FW-2019-044", "Not needed: <reason>": an excluded flow's decision in words. */
export function exclusionText(e: Pick<Exclusion, 'kind' | 'note'>): string {
  const label = e.kind === 'allowed' ? 'Already allowed' : 'Not needed';
  return e.note ? `${label}: ${e.note}` : label;
}

/**
 * Leaves flows out of the change request: already allowed (with a reference to the existing
 * firewall rule, optional) or not needed (with the reason, required). One undo step.
 */
export function ExclusionForm({
  flows,
  what,
  onDone,
}: {
  flows: readonly FlowRef[];
  /** What is excluded, for the form's name ("tcp/53", "rule 4"). */
  what: string;
  onDone: () => void;
}) {
  const id = useId();
  const [kind, setKind] = useState<ExclusionKind>('allowed');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const missing = kind === 'not-needed' && note.trim() === '';
  const problem = tried && missing ? 'A reason is required' : undefined;
  const field = KINDS.find((k) => k.value === kind)!.field;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missing || !run('excludeFromRequest', { flows, kind, note })) {
      input.current?.focus();
      return;
    }
    onDone();
  };

  return (
    <form
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
      aria-label={`Exclude ${what} from the change request`}
      className="mt-1 flex flex-col gap-2 rounded-md border border-slate-200 bg-slate-50 p-2 dark:border-slate-700 dark:bg-slate-900"
    >
      <fieldset className="flex flex-wrap gap-x-3 gap-y-1">
        <legend className="sr-only">Why it is left out</legend>
        {KINDS.map((k) => (
          <label
            key={k.value}
            className="flex items-center gap-1.5 text-sm text-slate-700 dark:text-slate-200"
          >
            <input
              type="radio"
              name={`${id}-kind`}
              value={k.value}
              checked={kind === k.value}
              onChange={() => setKind(k.value)}
              className="accent-teal-700"
            />
            {k.label}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-note`} className="text-xs font-semibold text-slate-600 dark:text-slate-300">
          {field}
          {kind === 'allowed' && <span className="font-normal"> (optional)</span>}
        </label>
        <input
          ref={input}
          id={`${id}-note`}
          autoFocus
          value={note}
          maxLength={200}
          aria-invalid={!!problem}
          aria-describedby={problem ? `${id}-err` : undefined}
          onChange={(e) => setNote(e.target.value)}
          placeholder={kind === 'allowed' ? 'e.g. FW-2019-044' : 'e.g. no DNS lookups from the DMZ'}
          className={`${inputClass} py-1`}
        />
        {problem && (
          <span id={`${id}-err`} className="text-xs text-red-700 dark:text-red-400">
            {problem}
          </span>
        )}
      </div>
      <div className="flex gap-1.5">
        <Button type="submit" variant="primary" className="px-2 py-1 text-xs">
          Exclude
        </Button>
        <Button variant="ghost" className="px-2 py-1 text-xs" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/**
 * A flow's (or a grouped rule's flows') place in the change request: an "Exclude…" button that
 * opens the form, or, once excluded, the decision and an "Include again" button.
 */
export function ExclusionControl({
  flows,
  what,
  exclusion,
}: {
  flows: readonly FlowRef[];
  what: string;
  /** The flows' exclusion, when they are excluded. */
  exclusion?: Pick<Exclusion, 'kind' | 'note'> | undefined;
}) {
  const [open, setOpen] = useState(false);
  // The button shown (Exclude… or Include again) keeps the keyboard when the other one goes.
  const button = useRef<HTMLButtonElement>(null);
  const refocus = () => requestAnimationFrame(() => button.current?.focus());
  const close = () => {
    setOpen(false);
    refocus();
  };
  if (exclusion) {
    return (
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="text-xs text-slate-600 italic dark:text-slate-300">{exclusionText(exclusion)}</span>
        <Button
          variant="ghost"
          className="px-1 py-0 text-xs"
          ref={button}
          aria-label={`Include ${what} again`}
          onClick={() => {
            run('includeInRequest', { flows });
            refocus();
          }}
        >
          Include again
        </Button>
      </div>
    );
  }
  return (
    <div>
      <Button
        ref={button}
        variant="ghost"
        className="px-1 py-0 text-xs"
        aria-label={`Exclude ${what}…`}
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Exclude…
      </Button>
      {open && <ExclusionForm flows={flows} what={what} onDone={close} />}
    </div>
  );
}
