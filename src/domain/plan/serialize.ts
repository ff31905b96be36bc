import type { Problem } from '../problems';
import type { Plan } from './types';

/** The plan as the documented JSON file (kept apart from restore.ts so saving needs no validator). */
export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/*
 * The largest file serializePlan writes for a plan that restorePlan accepts, worked out from the
 * limits in schema.ts, so that every plan Portolan can export it can also import.
 *
 * Text is limited in characters (code points). The most UTF-8 one character can cost in the file is
 * 6 bytes: JSON writes control characters and unpaired surrogates as `\u001f` escapes. Any other
 * character costs at most 4 bytes (120 emoji in a name are 480 bytes; 120 escapes are 720). A number
 * within ±1,000,000 is at most 25 characters (`-0.0000012345678901234567`), a positive one 24.
 * Addresses are ASCII, at most 254 characters (a host name with its final dot). With two-space
 * indentation, one line per value:
 *
 *   host: braces 6 + 7, id 16 + 64×6, name 18 + 120×6, roles: all 11 once 17 + 267 + 9,
 *         zone 18 + 64×6, address 21 + 254, position 20 + 40 + 39 + 8              = 2,228 bytes
 *   zone: braces 6 + 7, id 400, name 738, trust "untrusted" 28, position 20 + 40 + 39 + 9,
 *         size 16 + 43 + 43 + 8                                                        = 1,397 bytes
 *   the rest: braces and format, version, name (120×6), productVersion ("100.100"), list brackets,
 *         change request (title, requester, ticket and window 200×6 each, notes 4,000×6, paper
 *         "letter") and the final line end                                             = 29,788 bytes
 *
 * 10,000 hosts and 2,000 zones (less the last comma of each list) come to 25,103,786 bytes; the
 * limit is that rounded up to whole megabytes. fileSize.test.ts builds that plan and measures it.
 */
export const MAX_PLAN_FILE_BYTES = 26_000_000;

/** Why a file of this many bytes is not read as a plan, or nothing when it may be. */
export function planFileSizeProblem(bytes: number): Problem | undefined {
  if (bytes <= MAX_PLAN_FILE_BYTES) return undefined;
  // Rounded up, so a file just past the limit never reads as the limit itself.
  const size = Math.ceil(bytes / 100_000) / 10;
  return {
    path: '',
    message: `the file is ${size.toFixed(1)} MB; a plan file is at most ${MAX_PLAN_FILE_BYTES / 1e6} MB`,
  };
}
