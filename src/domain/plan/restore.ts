import { fail, ok, type Problem, type Result } from '../problems';
import { migrate } from './migrate';
import { semanticProblems, shapeProblems } from './schema';
import type { Plan } from './types';

/**
 * Reads a plan from untrusted input (a file, local storage, a share link): checks that it is a
 * Portolan plan, migrates older format versions, then validates it. Never throws.
 */
export function restorePlan(input: unknown): Result<Plan> {
  const migrated = migrate(input);
  if (!migrated.ok) return migrated;
  // Both passes run, so a file's problems are all reported at once. Problem lists can be long:
  // the result is built directly rather than by spreading them into fail().
  const { plan, problems } = shapeProblems(migrated.value);
  const all = [...problems, ...semanticProblems(migrated.value)];
  if (all.length > 0 || !plan) return { ok: false, problems: all };
  return ok(plan);
}

/** Same as restorePlan, from JSON text. */
export function parsePlanText(text: string): Result<Plan> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    // Parsers word a cut-off file differently; an error at the very end of the text means one.
    const at = /position (\d+)/.exec(detail);
    const truncated =
      /end of (JSON )?input|Unterminated/i.test(detail) ||
      (at !== null && Number(at[1]) >= text.trimEnd().length);
    const problem: Problem = {
      path: '',
      message: truncated
        ? `the file ends too early; it may be truncated (${detail})`
        : `the file is not valid JSON (${detail})`,
    };
    return fail(problem);
  }
  return restorePlan(json);
}
