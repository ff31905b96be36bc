import type { Plan } from './types';

/** The plan as the documented JSON file (kept apart from restore.ts so saving needs no validator). */
export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
