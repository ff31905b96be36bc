import { formatProblem } from '../../domain';
import type { ImportFailure } from '../io';
import { Icon, Button } from '../ui';
import { useModal } from './useModal';

/** Shows why a plan file could not be opened: every problem (the first 200), with its path. */
export function ImportProblemsDialog({ failure, onDone }: { failure: ImportFailure; onDone: () => void }) {
  const { ref, close, onCancel } = useModal(onDone);
  const shown = failure.problems.slice(0, 200);
  return (
    <dialog
      ref={ref}
      aria-labelledby="import-title"
      onCancel={onCancel}
      className="m-auto w-[36rem] max-w-[92vw] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="import-title" className="flex items-center gap-2 text-base font-semibold">
        <Icon name="error" className="size-5 text-red-600 dark:text-red-400" />
        {failure.fileName} cannot be opened
      </h2>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
        {failure.problems.length === 1
          ? 'One problem was found'
          : `${failure.problems.length} problems were found`}
        . The plan you have open has not been changed.
      </p>
      <ul
        aria-label="Problems"
        className="mt-3 max-h-72 space-y-1 overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs dark:bg-slate-950"
      >
        {shown.map((p, i) => (
          <li key={i}>{formatProblem(p)}</li>
        ))}
        {failure.problems.length > shown.length && (
          <li>… and {failure.problems.length - shown.length} more</li>
        )}
      </ul>
      <div className="mt-5 flex justify-end">
        <Button variant="primary" onClick={close} autoFocus>
          Close
        </Button>
      </div>
    </dialog>
  );
}
