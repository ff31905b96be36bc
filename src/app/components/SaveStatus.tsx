import { useSyncExternalStore } from 'react';
import { downloadPlan, saved, unsavedStatus, type Unsaved } from '../persistence';
import { usePlanner } from '../state';
import { Button } from '../ui';

const WHY: Record<Unsaved, string> = {
  full: 'storage is full',
  failed: 'storage is not available',
  conflict: 'another tab saved a different plan',
  'unsaved-original': 'a saved plan that could not be opened is kept until you download or discard it',
};

/**
 * Says, for as long as it lasts, that the plan's latest edits are not in this browser's storage:
 * a notice can be dismissed, this cannot. The live region stays in the page so the words are read
 * when they appear.
 */
export function SaveStatus() {
  const why = useSyncExternalStore(unsavedStatus.subscribe, unsavedStatus.get);
  return (
    <div role="status">
      {why && (
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
      )}
    </div>
  );
}
