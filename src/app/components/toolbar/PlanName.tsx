import { run } from '../../commands';
import { usePlanner } from '../../state';
import { useDraft } from '../useDraft';

/** The plan's name, edited in place; typing makes one undo step, and an empty name is not taken. */
export function PlanName() {
  const name = usePlanner((s) => s.plan.name);
  const [draft, setDraft] = useDraft(name);
  const empty = draft.trim() === '';
  return (
    <input
      aria-label="Plan name"
      aria-invalid={empty}
      title={empty ? 'The plan needs a name' : undefined}
      value={draft}
      maxLength={120}
      onChange={(e) => {
        setDraft(e.target.value);
        run('renamePlan', { name: e.target.value });
      }}
      onBlur={() => setDraft(name)}
      className="w-44 min-w-20 shrink rounded-md border border-transparent bg-transparent px-2 py-1 text-sm font-semibold text-slate-900 hover:border-slate-300 focus:border-teal-600 focus:bg-white focus:outline-none aria-[invalid=true]:border-red-500 dark:text-slate-100 dark:hover:border-slate-700 dark:focus:bg-slate-900"
    />
  );
}
