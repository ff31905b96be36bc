import { formatProblem, planFileSizeProblem, planSizeProblem, type Problem } from '../../domain';
import { usePlanner } from '../store';

export interface ImportFailure {
  fileName: string;
  problems: Problem[];
}

let showFailure: ((f: ImportFailure) => void) | undefined;

/** How the app asks before saving a file with notes (see ExportFile.notes); set by the dialog host. */
let askAboutNotes: ((title: string, message: string) => Promise<boolean>) | undefined;
export function onExportNotes(handler: typeof askAboutNotes) {
  askAboutNotes = handler;
}
/** The dialog that asks before saving a file with notes, once the dialog host has set it. */
export const notesAsker = () => askAboutNotes;
export function onImportFailure(handler: ((f: ImportFailure) => void) | undefined) {
  showFailure = handler;
}

/**
 * Opens a plan file. A good file replaces the open plan (Undo brings the old one back); a bad one
 * changes nothing and every problem is shown with its path.
 */
export async function importPlanFile(file: File): Promise<void> {
  const fail = (problems: Problem[]) => {
    if (showFailure) showFailure({ fileName: file.name, problems });
    else
      usePlanner.getState().notify({
        tone: 'error',
        title: `${file.name} cannot be opened`,
        detail: problems.map(formatProblem).join('\n'),
      });
  };
  // Larger than any plan the format allows (MAX_PLAN_FILE_BYTES): refused before reading.
  const tooBig = planFileSizeProblem(file.size);
  if (tooBig) return fail([tooBig]);
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return fail([
      { path: '', message: `the file could not be read (${e instanceof Error ? e.message : String(e)})` },
    ]);
  }
  const { parsePlanText } = await import('../../domain/plan/restore');
  const result = parsePlanText(text);
  if (!result.ok) return fail(result.problems);
  const tooLarge = planSizeProblem(result.value);
  if (tooLarge) return fail([tooLarge]);
  // Loaded with the plan it arranges: opening is rare, the page load is not.
  const { arrangeOpened, arrangedNote } = await import('./arrange');
  const arranged = await arrangeOpened(result.value);
  const state = usePlanner.getState();
  if (!state.replacePlan(arranged.plan)) return;
  state.notify({
    tone: 'success',
    title: `Opened “${result.value.name}” from ${file.name}.`,
    detail: [arrangedNote(arranged), 'Undo brings back the plan you had open.'].filter(Boolean).join(' '),
  });
}
