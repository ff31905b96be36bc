import { fail, ok, type Result } from '../problems';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT } from './types';

type Doc = Record<string, unknown>;

/**
 * Migrations from format version N (the key) to N + 1. Version 1 is the first, so the list is
 * empty; when version 2 arrives, add `1: (doc) => ({ ...doc, version: 2, … })` here and version 1
 * files keep opening.
 */
const MIGRATIONS: Record<number, (doc: Doc) => Doc> = {};

function isObject(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks the envelope (format and version) and brings an older document up to date. */
export function migrate(input: unknown): Result<unknown> {
  if (!isObject(input)) {
    return fail({ path: '', message: 'this is not a Portolan plan: expected a JSON object' });
  }
  if (input.format !== PLAN_FORMAT) {
    return fail({
      path: 'format',
      message:
        input.format === undefined
          ? `this is not a Portolan plan: "format" must be "${PLAN_FORMAT}"`
          : `this is not a Portolan plan: format is ${JSON.stringify(input.format)}, expected "${PLAN_FORMAT}"`,
    });
  }
  const version = input.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail({
      path: 'version',
      message: `must be a whole number from 1, not ${JSON.stringify(version)}`,
    });
  }
  if (version > CURRENT_PLAN_VERSION) {
    return fail({
      path: 'version',
      message:
        `this plan was saved by a newer Portolan (plan format version ${version}); this one reads ` +
        `versions up to ${CURRENT_PLAN_VERSION}. Open it in an up-to-date Portolan.`,
    });
  }
  let doc = input;
  for (let v = version; v < CURRENT_PLAN_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return fail({ path: 'version', message: `no migration from plan format version ${v}` });
    doc = step(doc);
  }
  return ok(doc);
}
