/**
 * Every benchmark figure with a target goes through `check`, which prints it with PASS or FAIL.
 * `npm run bench` exits non-zero when any target was missed (see run.ts).
 */
export interface Check {
  name: string;
  value: number;
  target: number;
  unit: string;
  /** 'max': the value must be at most the target; 'min': at least. */
  kind: 'max' | 'min';
  passed: boolean;
}

const checks: Check[] = [];

function show(value: number, unit: string): string {
  if (unit === 'ms') return `${value.toFixed(2)} ms`;
  if (unit === 'KB') return `${value.toFixed(1)} KB`;
  if (unit === 'x') return `${value.toFixed(1)}x`;
  return `${Number.isInteger(value) ? value : value.toFixed(2)} ${unit}`;
}

/** Records and prints one figure against its target. A NaN value fails. */
export function check(
  name: string,
  value: number,
  target: number,
  unit: string,
  kind: 'max' | 'min' = 'max',
) {
  const passed = Number.isFinite(value) && (kind === 'max' ? value <= target : value >= target);
  checks.push({ name, value, target, unit, kind, passed });
  const op = kind === 'max' ? '<=' : '>=';
  console.log(
    `${passed ? 'PASS' : 'FAIL'}  ${name}: ${show(value, unit)} (target ${op} ${show(target, unit)})`,
  );
  return passed;
}

/** Records a benchmark that could not run at all as a failure. */
export function broken(name: string, error: unknown) {
  checks.push({ name, value: NaN, target: NaN, unit: '', kind: 'max', passed: false });
  console.log(`FAIL  ${name}: did not run (${error instanceof Error ? error.message : String(error)})`);
}

export function summary(): { passed: number; failed: number } {
  const failed = checks.filter((c) => !c.passed);
  console.log(`\n== Summary ==`);
  for (const c of failed) console.log(`missed: ${c.name}`);
  console.log(`${checks.length - failed.length} passed, ${failed.length} failed`);
  return { passed: checks.length - failed.length, failed: failed.length };
}
