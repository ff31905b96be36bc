import { run } from '../../commands';
import { usePlanner } from '../../state';
import { Icon, inputClass } from '../../ui';
import { useDraft } from '../useDraft';

/**
 * The plan's name, edited in place: a field with a pencil, as wide as the name (within limits) and
 * the first to give way when the bar is short, the full name then in its tooltip. Typing makes one
 * undo step, and an empty name is not taken.
 */
export function PlanName() {
  const name = usePlanner((s) => s.plan.name);
  const [draft, setDraft] = useDraft(name);
  const empty = draft.trim() === '';
  return (
    <div className="relative flex min-w-20 items-center xl:min-w-48">
      <input
        aria-label="Plan name"
        aria-invalid={empty}
        title={empty ? 'The plan needs a name' : `Rename the plan: ${draft}`}
        value={draft}
        maxLength={120}
        onChange={(e) => {
          setDraft(e.target.value);
          run('renamePlan', { name: e.target.value });
        }}
        onBlur={() => setDraft(name)}
        className={`${inputClass} field-sizing-content max-w-80 truncate pr-7 font-semibold hover:border-slate-400 dark:hover:border-slate-500`}
      />
      <Icon name="pencil" className="pointer-events-none absolute right-2 size-3.5 text-slate-400" />
    </div>
  );
}
