import { planFileSizeProblem, planSizeProblem, type Problem } from '../../domain';
import { usePlanner } from '../state';
import { arrangeOpened, arrangedNote } from './arrange';
import { showImportFailure } from './files';

/** Opens a plan file (see importPlanFile in files.ts). */
export async function openPlanFile(file: File): Promise<void> {
  const fail = (problems: Problem[]) => showImportFailure(file.name, problems);
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
  const arranged = await arrangeOpened(result.value);
  const state = usePlanner.getState();
  if (!state.replacePlan(arranged.plan)) return;
  state.notify({
    tone: 'success',
    title: `Opened “${result.value.name}” from ${file.name}.`,
    detail: [arrangedNote(arranged), 'Undo brings back the plan you had open.'].filter(Boolean).join(' '),
  });
}
