import { fail, ok, type Result } from '../problems';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT } from './types';

type Doc = Record<string, unknown>;

/**
 * Migrations from format version N (the key) to N + 1, so every older file keeps opening and
 * means what it meant.
 *
 * 1 → 2: version 2 adds the architect's decisions (features in use, arrays, counterparts,
 * exclusions), all optional, and their absence is version 1's meaning: every feature on, hosts
 * in no particular array, every counterpart used, nothing excluded. So a version 1 document is a
 * version 2 document as it stands; only its number changes.
 *
 * 2 → 3: version 3 adds firewall devices (`firewalls`), optional, and their absence is version 2's
 * meaning: every crossing flow goes to one unnamed firewall. Again only the number changes.
 */
const MIGRATIONS: Record<number, (doc: Doc) => Doc> = {
  1: (doc) => ({ ...doc, version: 2 }),
  2: (doc) => ({ ...doc, version: 3 }),
};

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
