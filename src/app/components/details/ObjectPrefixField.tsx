import { useId } from 'react';
import { defaultObjectPrefix, objectPrefix, objectPrefixProblem, type Plan } from '../../../domain';
import { run } from '../../commands';
import { Field, inputClass } from '../../ui';
import { useDraft } from '../useDraft';

/**
 * "Object prefix": the start of every name the firewall files create, so they cannot collide
 * with objects already on a device. Empty means the default made from the plan's name, shown as
 * the placeholder. A prefix being typed is kept in the plan only once it is valid.
 */
export function ObjectPrefixField({ plan }: { plan: Plan }) {
  const id = useId();
  const chosen = plan.changeRequest?.objectPrefix ?? '';
  const [draft, setDraft] = useDraft(chosen);
  const typed = draft.trim();
  const problem = typed === '' ? null : objectPrefixProblem(typed);
  const fallback = defaultObjectPrefix(plan.name);
  return (
    <Field
      label="Object prefix"
      htmlFor={id}
      hint={
        <>
          {problem && (
            <p id={`${id}-err`} aria-live="polite" className="text-xs text-red-700 dark:text-red-400">
              {problem}. Not kept: the files use <span className="font-mono">{objectPrefix(plan)}</span>.
            </p>
          )}
          <p id={`${id}-help`} className="text-xs text-slate-500 dark:text-slate-400">
            Starts every name the firewall files create.{' '}
            {chosen ? 'Clear it for the default from the plan name: ' : 'Default from the plan name: '}
            <span className="font-mono">{fallback}</span>.
          </p>
        </>
      }
    >
      <input
        id={id}
        className={`${inputClass} font-mono`}
        value={draft}
        placeholder={fallback}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={!!problem}
        aria-describedby={problem ? `${id}-err ${id}-help` : `${id}-help`}
        onChange={(e) => {
          setDraft(e.target.value);
          run('changeObjectPrefix', { prefix: e.target.value });
        }}
      />
    </Field>
  );
}
