/**
 * Errors in Portolan are values, not exceptions: each one says where (a path into the
 * document, such as `hosts[3].address`) and what is wrong, in words a person understands.
 */
export interface Problem {
  /** Path into the document, e.g. `hosts[3].address`; empty for the document as a whole. */
  path: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...problems: Problem[]): Result<T> => ({ ok: false, problems });

/** Renders a path made of keys and indexes the way people read it: `hosts[3].address`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${String(s)}` : String(s);
  }
  return out;
}

/** `hosts[3].address: 10.0.0.300 is not an IPv4 address` */
export function formatProblem(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}
