import { Suspense, lazy, useSyncExternalStore } from 'react';
import { unsavedStatus } from '../persistence';

// Its words and buttons load the first time saving fails (most visits it never does).
const SaveStatusLine = lazy(() => import('./SaveStatusLine').then((m) => ({ default: m.SaveStatusLine })));

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
        <Suspense fallback={null}>
          <SaveStatusLine why={why} />
        </Suspense>
      )}
    </div>
  );
}
