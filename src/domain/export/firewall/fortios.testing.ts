import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A strict reader of FortiOS CLI configuration text (`config` / `edit` / `set` / `next` / `end`
 * blocks, `#` comment lines), and a check of what it read against the FortiOS schema that the
 * Ansible collection fortinet.fortios carries (Debian package `ansible`), dumped at run time by
 * fortios_schema.py with the system Python.
 *
 * The schema gives attribute names, types, enumerated values and the FortiOS releases each exists
 * in; it has no sizes, so the sizes below are written by hand from the FortiOS CLI reference.
 */

export interface SetStatement {
  attribute: string;
  values: string[];
  line: number;
}

export interface Entry {
  /** The `edit` argument, unquoted. */
  key: string;
  line: number;
  sets: SetStatement[];
}

export interface Table {
  /** `firewall address`, `firewall policy`… */
  path: string;
  line: number;
  entries: Entry[];
}

export class FortiosSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** The words of one line: bare words, and double-quoted strings where `\` escapes `"` and `\`. */
export function tokenize(text: string, line: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FortiosSyntaxError(line, 'unterminated quoted string');
        const d = text[i]!;
        if (d === '"') break;
        if (d === '\\') {
          const next = text[i + 1];
          if (next !== '"' && next !== '\\')
            throw new FortiosSyntaxError(line, `bad escape \\${next ?? ''} in a quoted string`);
          value += next;
          i += 2;
          continue;
        }
        value += d;
        i++;
      }
      i++;
      if (i < text.length && text[i] !== ' ' && text[i] !== '\t')
        throw new FortiosSyntaxError(line, 'text right after a closing quote');
      out.push(value);
      continue;
    }
    let word = '';
    while (i < text.length && text[i] !== ' ' && text[i] !== '\t') {
      const d = text[i]!;
      if (d === '"' || d === '\\') throw new FortiosSyntaxError(line, `stray ${d} in a bare word`);
      word += d;
      i++;
    }
    out.push(word);
  }
  return out;
}

/**
 * The tables of a configuration script. Strict: every `config` closed by `end`, every `edit` by
 * `next` inside a `config`, `set` only inside an `edit`, no other statements, no control characters.
 */
export function parseFortios(text: string): Table[] {
  const tables: Table[] = [];
  let table: Table | null = null;
  let entry: Entry | null = null;
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    // eslint-disable-next-line no-control-regex -- a control character in a line is an error
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(raw))
      throw new FortiosSyntaxError(line, 'control character');
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const words = tokenize(trimmed, line);
    const [statement, ...args] = words;
    switch (statement) {
      case 'config':
        if (table)
          throw new FortiosSyntaxError(
            line,
            `config inside config ${table.path} (nested tables are not used)`,
          );
        if (args.length === 0) throw new FortiosSyntaxError(line, 'config without a path');
        table = { path: args.join(' '), line, entries: [] };
        tables.push(table);
        return;
      case 'edit':
        if (!table) throw new FortiosSyntaxError(line, 'edit outside config');
        if (entry) throw new FortiosSyntaxError(line, `edit before next of edit ${entry.key}`);
        if (args.length !== 1) throw new FortiosSyntaxError(line, 'edit takes one name or id');
        entry = { key: args[0]!, line, sets: [] };
        table.entries.push(entry);
        return;
      case 'set':
        if (!entry) throw new FortiosSyntaxError(line, 'set outside edit');
        if (args.length < 2) throw new FortiosSyntaxError(line, 'set without a value');
        if (entry.sets.some((s) => s.attribute === args[0]))
          throw new FortiosSyntaxError(line, `${args[0]!} set twice in edit ${entry.key}`);
        entry.sets.push({ attribute: args[0]!, values: args.slice(1), line });
        return;
      case 'next':
        if (!entry) throw new FortiosSyntaxError(line, 'next without edit');
        if (args.length > 0) throw new FortiosSyntaxError(line, 'next takes nothing');
        entry = null;
        return;
      case 'end':
        if (!table) throw new FortiosSyntaxError(line, 'end without config');
        if (entry) throw new FortiosSyntaxError(line, `end before next of edit ${entry.key}`);
        if (args.length > 0) throw new FortiosSyntaxError(line, 'end takes nothing');
        table = null;
        return;
      default:
        throw new FortiosSyntaxError(line, `unknown statement ${statement ?? ''}`);
    }
  });
  if (entry) throw new FortiosSyntaxError(lines.length, `edit ${(entry as Entry).key} not closed by next`);
  if (table) throw new FortiosSyntaxError(lines.length, `config ${(table as Table).path} not closed by end`);
  return tables;
}

// ---------- the schema ----------

interface AttributeSchema {
  type: string;
  elements?: string;
  revisions: string[];
  options?: Record<string, string[]>;
  children?: Record<string, AttributeSchema>;
}

export type Schema = Record<string, { revisions: string[]; attributes: Record<string, AttributeSchema> }>;

/** CLI table path → Ansible module (fortios_<module>.py) and the attribute `edit` names. */
export const TABLES: Record<string, { module: string; key: string }> = {
  'firewall address': { module: 'firewall_address', key: 'name' },
  'firewall address6': { module: 'firewall_address6', key: 'name' },
  'firewall addrgrp': { module: 'firewall_addrgrp', key: 'name' },
  'firewall addrgrp6': { module: 'firewall_addrgrp6', key: 'name' },
  'firewall service custom': { module: 'firewall_service_custom', key: 'name' },
  'firewall service group': { module: 'firewall_service_group', key: 'name' },
  'firewall policy': { module: 'firewall_policy', key: 'policyid' },
};

/** Sizes in bytes from the FortiOS CLI reference (not in the schema), by table path and attribute. */
export const SIZES: Record<string, Record<string, number>> = {
  'firewall address': { name: 79, fqdn: 255, comment: 255 },
  'firewall address6': { name: 79, fqdn: 255, comment: 255 },
  'firewall addrgrp': { name: 79, comment: 255 },
  'firewall addrgrp6': { name: 79, comment: 255 },
  'firewall service custom': { name: 79, comment: 255 },
  'firewall service group': { name: 79, comment: 255 },
  'firewall policy': { name: 35, comments: 1023, schedule: 35 },
};
/** Names of list entries (members, srcaddr…): the size of the names they refer to. */
const REFERENCE_SIZE = 79;

/** String attributes FortiOS takes as several words: `subnet <ip> <mask>`, port ranges. */
const MULTI_WORD: Record<string, (values: string[]) => boolean> = {
  subnet: (v) => v.length === 2 && v.every((x) => /^\d{1,3}(\.\d{1,3}){3}$/.test(x)),
  'tcp-portrange': (v) => v.every((x) => /^\d{1,5}(-\d{1,5})?(:\d{1,5}(-\d{1,5})?)?$/.test(x)),
  'udp-portrange': (v) => v.every((x) => /^\d{1,5}(-\d{1,5})?(:\d{1,5}(-\d{1,5})?)?$/.test(x)),
};

export const SCHEMA_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'fortios_schema.py');
export const PYTHON = '/usr/bin/python3';

/** Why the schema cannot be read here (naming the package), or null. */
export function schemaMissing(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import ansible_collections.fortinet.fortios'], {
    encoding: 'utf8',
  });
  if (probe.error || probe.status !== 0)
    return `${PYTHON} cannot import ansible_collections.fortinet.fortios: apt-get install -y ansible`;
  return null;
}

/** The schema of every table in TABLES, dumped by the system Python from the Ansible modules. */
export function loadSchema(): Schema {
  const run = spawnSync(PYTHON, [SCHEMA_SCRIPT, ...Object.values(TABLES).map((t) => t.module)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`fortios_schema.py failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Schema;
}

/** v7.0.0 → [7, 0, 0]. */
const version = (v: string) => v.replace(/^v/, '').split('.').map(Number);
function atLeast(v: string, min: string): boolean {
  const a = version(v);
  const b = version(min);
  for (let i = 0; i < 3; i++) if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  return true;
}

/**
 * Every problem with the tables against the schema, as "line N: …": tables and attributes the
 * schema does not have (or not in every release from `since`), enumerated values it does not list,
 * integers that are not, lists of names, single words where one is expected, and sizes.
 */
export function schemaProblems(tables: Table[], schema: Schema, since = 'v7.0.0'): string[] {
  const problems: string[] = [];
  for (const table of tables) {
    const known = TABLES[table.path];
    const spec = known && schema[known.module];
    if (!known || !spec) {
      problems.push(`line ${table.line}: unknown table config ${table.path}`);
      continue;
    }
    const releases = spec.revisions.filter((r) => atLeast(r, since));
    const missingIn = (revisions: string[]) => releases.filter((r) => !revisions.includes(r));
    const sizes = SIZES[table.path] ?? {};
    const checkSize = (line: number, attribute: string, value: string, size: number | undefined) => {
      if (size !== undefined && new TextEncoder().encode(value).length > size)
        problems.push(`line ${line}: ${attribute} longer than ${size} bytes: ${value}`);
    };
    for (const entry of table.entries) {
      const keySpec = spec.attributes[known.key]!;
      if (keySpec.type === 'integer' && !/^\d+$/.test(entry.key))
        problems.push(`line ${entry.line}: edit ${entry.key}: ${known.key} is an integer`);
      checkSize(entry.line, known.key, entry.key, sizes[known.key]);
      for (const s of entry.sets) {
        const where = `line ${s.line}: ${table.path} ${s.attribute}`;
        const attr = spec.attributes[s.attribute];
        if (!attr || s.attribute === known.key) {
          problems.push(`${where}: unknown attribute`);
          continue;
        }
        const absent = missingIn(attr.revisions);
        if (absent.length > 0) problems.push(`${where}: not in FortiOS ${absent.join(', ')}`);
        if (attr.type === 'list' && attr.elements === 'dict') {
          const children = Object.keys(attr.children ?? {});
          if (children.length !== 1 || children[0] !== 'name')
            problems.push(`${where}: a table, not a list of names`);
          for (const v of s.values) checkSize(s.line, s.attribute, v, REFERENCE_SIZE);
        } else if (attr.type === 'list') {
          // A list of enumerated words.
          for (const v of s.values)
            if (attr.options && !(v in attr.options))
              problems.push(`${where}: ${v} is not one of its values`);
        } else if (attr.type === 'integer') {
          if (s.values.length !== 1 || !/^\d+$/.test(s.values[0]!))
            problems.push(`${where}: not one integer`);
        } else if (attr.type === 'string') {
          const multi = MULTI_WORD[s.attribute];
          if (multi) {
            if (!multi(s.values)) problems.push(`${where}: bad value ${s.values.join(' ')}`);
          } else if (s.values.length !== 1) problems.push(`${where}: takes one value`);
          if (attr.options) {
            const value = s.values[0]!;
            const revisions = attr.options[value];
            if (!revisions)
              problems.push(`${where}: ${value} is not one of ${Object.keys(attr.options).join(', ')}`);
            else if (missingIn(revisions).length > 0)
              problems.push(`${where}: ${value} not in FortiOS ${missingIn(revisions).join(', ')}`);
          }
          checkSize(s.line, s.attribute, s.values.join(' '), sizes[s.attribute]);
        } else problems.push(`${where}: schema type ${attr.type} not handled`);
      }
    }
  }
  return problems;
}

// ---------- policies by name ----------

/**
 * The entries of the `firewall policy` tables by their `set name`. A script that adds policies
 * writes `edit 0` (FortiOS takes the next free id), so the edit id says nothing about which policy
 * is which: the name does. Throws when a policy has no name, or two have the same name (FortiOS
 * refuses a name already used in the VDOM; compared without regard to case, as the names are made).
 */
export function policiesByName(tables: Table[]): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const seen = new Map<string, number>();
  for (const entry of tables.filter((t) => t.path === 'firewall policy').flatMap((t) => t.entries)) {
    const name = entry.sets.find((s) => s.attribute === 'name');
    if (!name || name.values.length !== 1)
      throw new Error(`line ${entry.line}: policy edit ${entry.key} without one set name`);
    const value = name.values[0]!;
    const earlier = seen.get(value.toLowerCase());
    if (earlier !== undefined)
      throw new Error(`line ${entry.line}: policy name ${value} already used on line ${earlier}`);
    seen.set(value.toLowerCase(), entry.line);
    out.set(value, entry);
  }
  return out;
}

/** The tables whose `edit` names an object the script creates (addresses, groups, services). */
export const OBJECT_TABLES = [
  'firewall address',
  'firewall address6',
  'firewall addrgrp',
  'firewall addrgrp6',
  'firewall service custom',
  'firewall service group',
] as const;

/** Every name the script creates: the `edit` names of OBJECT_TABLES and the policies' `set name`. */
export function createdNames(tables: Table[]): string[] {
  const objects = tables
    .filter((t) => (OBJECT_TABLES as readonly string[]).includes(t.path))
    .flatMap((t) => t.entries.map((e) => e.key));
  return [...objects, ...policiesByName(tables).keys()];
}
