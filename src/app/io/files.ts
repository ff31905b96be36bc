import { formatProblem, type Problem } from '../../domain';
import { usePlanner } from '../state';

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
 * changes nothing and every problem is shown with its path. The code that reads it loads with the
 * first file (openFile.ts).
 */
export async function importPlanFile(file: File): Promise<void> {
  const { openPlanFile } = await import('./openFile');
  return openPlanFile(file);
}

/** Shows why a file could not be opened: in the dialog when the app is up, else as a notice. */
export function showImportFailure(fileName: string, problems: Problem[]) {
  if (showFailure) showFailure({ fileName, problems });
  else
    usePlanner.getState().notify({
      tone: 'error',
      title: `${fileName} cannot be opened`,
      detail: problems.map(formatProblem).join('\n'),
    });
}
