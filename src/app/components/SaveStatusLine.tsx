import { downloadPlan, saved, type Unsaved } from '../persistence';
import { usePlanner } from '../state';
import { Button } from '../ui';

const WHY: Record<Unsaved, string> = {
  full: 'storage is full',
  failed: 'storage is not available',
  conflict: 'another tab saved a different plan',
  'unsaved-original': 'a saved plan that could not be opened is kept until you download or discard it',
};

/** The line SaveStatus shows while edits are not saved: why, and what the person can do. */
export function SaveStatusLine({ why }: { why: Unsaved }) {
  return (
    <div className="flex items-center gap-2 border-b border-red-300 bg-red-50 px-3 py-1 text-sm text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50">
      <span className="min-w-0 flex-1">
        <strong className="font-semibold">Not saved in this browser:</strong> {WHY[why]}.
      </span>
      {(why === 'conflict' || why === 'unsaved-original') && (
        <Button className="py-0.5" onClick={() => saved.ask?.()}>
          Show the choices
        </Button>
      )}
      <Button className="py-0.5" onClick={() => downloadPlan(usePlanner.getState().plan)}>
        Download plan
      </Button>
    </div>
  );
}
