/*
 * The contract every output keeps over one hostile plan (hostile.testing.ts): names that are
 * keywords, names with line breaks, quotes, `$(…)`, backticks and bidi marks, a zone named `any`,
 * groups renamed to reserved words. Each target's own tests load the same plan in the real tools
 * (nft, iptables-restore, the cisco.asa parser, the FortiOS schema, tree-sitter-powershell, the
 * PAN-OS grammar) and compare what they read back with the grouped rules; this file checks what
 * holds for all of them: no plan text ever starts a line or escapes its quotes, every created
 * name carries the plan's prefix and equals no host name and no reserved word, the shell script
 * runs without executing anything from a name, and the CSVs and the SVG read back whole.
 */
import { DOMParser } from '@xmldom/xmldom';
import Papa from 'papaparse';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveFlows } from '../../engine';
import { groupFlows } from '../../grouping';
import type { Plan } from '../../plan';
import { EXPORT_FORMATS } from '../registry';
import { requestFlows } from '../rows';
import type { ExportFile, ExportInput } from '../types';
import { ciscoAsaTarget } from './ciscoAsa';
import type { FirewallTarget } from './common';
import { fortigateTarget } from './fortigate';
import { HOSTILE, HOSTILE_NAMES, HOSTILE_PREFIXED } from './hostile.testing';
import { ip6tablesTarget, iptablesTarget } from './iptables';
import { nftablesTarget } from './nftables';
import { panosTarget } from './panos';
import { windowsFirewallTarget } from './windowsFirewall';
import { absentCommands, skipsValidator } from './validators.testing';

const DATE = new Date('2026-03-02T10:00:00Z');
const input = (plan: Plan, includeInternal = false): ExportInput => ({
  plan,
  derivation: deriveFlows(plan),
  scope: { includeInternal },
  date: DATE,
});

async function exported(id: string, plan: Plan, includeInternal = false): Promise<ExportFile> {
  const format = EXPORT_FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`no format ${id}`);
  const result = await (await format.load())(input(plan, includeInternal));
  if ('refused' in result) throw new Error(`${id} refused: ${result.refused}`);
  return result;
}
const textOf = (file: ExportFile) => {
  expect(typeof file.data).toBe('string');
  return file.data as string;
};

/** The firewall targets and the connectivity scripts: every file pasted into or run on a device. */
const TARGETS = [
  'nftables',
  'iptables',
  'ip6tables',
  'windows-firewall',
  'cisco-asa',
  'fortigate',
  'panos',
  'connectivity-bash',
  'connectivity-powershell',
] as const;
const PLANS: [string, Plan][] = [
  ['hostile', HOSTILE],
  ['hostile with a prefix', HOSTILE_PREFIXED],
];

// Line breaks (CR, NEL, U+2028/9), other C0/C1 controls, and bidi controls; tabs are checked apart.
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('every firewall file over the hostile plan', () => {
  it('knows every target', () => {
    const ids = EXPORT_FORMATS.map((f) => f.id);
    for (const t of TARGETS) expect(ids).toContain(t);
  });

  describe.each(PLANS)('%s', (_, plan) => {
    it.each(TARGETS)('%s: no control or bidi character, and a tab only as indentation', async (id) => {
      const text = textOf(await exported(id, plan));
      const lines = text.split('\n');
      lines.forEach((line, i) => {
        expect(FORBIDDEN.test(line), `${id} line ${i + 1}: ${JSON.stringify(line)}`).toBe(false);
        // Indentation may sit behind a comment marker (nft's commented-out chain: "\t# \ttype …").
        expect(line.replace(/^\t*(# )?\t*/, ''), `${id} line ${i + 1}`).not.toContain('\t');
      });
    });

    it.each(TARGETS)('%s: what follows a line break in a name never starts a line', async (id) => {
      const text = textOf(await exported(id, plan));
      // "end\nexit", "MAIL\r\nset rulebase security rules X … action allow", "…\u2028next"
      for (const line of text.split('\n')) {
        expect(line).not.toMatch(/^(exit|next)$|^set rulebase security rules X\b/);
        expect(line).not.toMatch(/^\s*set rulebase security rules X from any to any/);
      }
    });

    it.each(TARGETS)('%s: a name is never a bare keyword that widens a rule', async (id) => {
      const text = textOf(await exported(id, plan));
      // The hosts named any/all/none and the groups renamed any/all are never written as a bare
      // name of a created object: every created name carries the prefix.
      for (const line of text.split('\n')) {
        expect(line).not.toMatch(/^set address (any|all|none) /);
        expect(line).not.toMatch(/^set address-group (any|all) /);
        expect(line).not.toMatch(/^object(-group)? network (any|all|none|host|object)\b/);
        expect(line).not.toMatch(/^\s*edit "(any|all|none)"$/);
      }
    });
  });
});

/** The names a file creates, by what creates them in each syntax. */
const CREATED: Record<string, RegExp[]> = {
  'cisco-asa': [
    /^object network (\S+)$/gm,
    /^object-group (?:network|service) (\S+)/gm,
    /^access-list (\S+) /gm,
  ],
  fortigate: [/^ {4}edit "([^"]+)"$/gm, /^ {8}set name "([^"]+)"$/gm],
  panos: [
    /^set address (\S+) /gm,
    /^set address-group (\S+) /gm,
    /^set service (\S+) /gm,
    /^set rulebase security rules (\S+) /gm,
  ],
  nftables: [/^table inet (\S+) \{$/gm, /^\tchain (\S+) \{$/gm, /^\tset (\S+) \{/gm],
  iptables: [/^:(\S+) - \[0:0\]$/gm],
  ip6tables: [/^:(\S+) - \[0:0\]$/gm],
  'windows-firewall': [/ -Group '([^']+)'/g],
};

describe('created names', () => {
  const hostNames = new Set(HOSTILE.hosts.map((h) => h.name.toLowerCase()));

  it.each([
    ['hostile', HOSTILE, 'EVIL-PLAN'],
    ['hostile with a prefix', HOSTILE_PREFIXED, 'ACME-FW'],
  ] as const)(
    '%s: every one carries the prefix, and none is a host name or a keyword',
    async (_, plan, prefix) => {
      for (const [id, patterns] of Object.entries(CREATED)) {
        const text = textOf(await exported(id, plan));
        const names = patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
        expect(names.length, id).toBeGreaterThan(0);
        // nft identifiers take `_` where the prefix has `-`.
        const own = id === 'nftables' ? prefix.replace(/-/g, '_') : prefix;
        for (const name of names) {
          expect(
            name === own || name.startsWith(`${own}-`) || name.startsWith(`${own}_`),
            `${id}: ${name}`,
          ).toBe(true);
          expect(hostNames.has(name.toLowerCase()), `${id}: ${name} is a host name`).toBe(false);
          expect(['any', 'all', 'none'], `${id}: ${name}`).not.toContain(name.toLowerCase());
        }
      }
    },
  );
});

describe('each target keeps the limits it declares', () => {
  const TARGET_OBJECTS: [string, FirewallTarget][] = [
    ['nftables', nftablesTarget],
    ['iptables', iptablesTarget],
    ['ip6tables', ip6tablesTarget],
    ['windows-firewall', windowsFirewallTarget],
    ['cisco-asa', ciscoAsaTarget],
    ['fortigate', fortigateTarget],
    ['panos', panosTarget],
  ];
  const hostile = Object.values(HOSTILE_NAMES);

  it.each(TARGET_OBJECTS)('%s: quote and comment keep any plan text on one line', (_, target) => {
    for (const text of hostile) {
      for (const out of [target.quote(text), target.comment(text)]) {
        expect(out).not.toMatch(FORBIDDEN);
        expect(out).not.toContain('\n');
      }
      const name = target.objectName(text);
      for (const ch of name) expect(ch).toMatch(target.limits.nameChar);
    }
  });

  it.each(TARGET_OBJECTS)('%s: nothing in plan text closes its quotes early', (id, target) => {
    for (const text of [...hostile, 'a"b', "a'b", 'a\\"b', 'a\u2019b', '"; accept; "']) {
      const q = target.quote(text);
      if (id === 'cisco-asa') {
        // ASA text has no quoting: it only reaches remarks and comments, as printable ASCII.
        expect(q).toMatch(/^[\x20-\x7e]*$/);
        continue;
      }
      const [open, inner, close] = [q[0], q.slice(1, -1), q.slice(-1)];
      expect(open).toBe(close);
      if (open === "'") expect(inner.replace(/''/g, ''), q).not.toMatch(/['\u2018\u2019\u201a\u201b]/);
      else {
        expect(open).toBe('"');
        // A quote inside is either gone or escaped by a backslash that is not itself escaped.
        expect(inner.replace(/\\[\\"]/g, ''), q).not.toContain('"');
      }
    }
  });

  it.each(TARGET_OBJECTS)(
    '%s: every created name within its length, of its characters, no reserved word',
    (id, target) => {
      for (const plan of [HOSTILE, HOSTILE_PREFIXED]) {
        const text = target.render(input(plan)).text;
        const names = CREATED[id]!.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
        expect(names.length).toBeGreaterThan(0);
        for (const name of names) {
          expect(name.length, name).toBeLessThanOrEqual(target.limits.nameMax);
          for (const ch of name) expect(ch, name).toMatch(target.limits.nameChar);
          expect(target.limits.reserved.map((w) => w.toLowerCase())).not.toContain(name.toLowerCase());
        }
        // Created names are unique without regard to case (a name is created once even if used twice).
        const lower = [...new Set(names)].map((n) => n.toLowerCase());
        expect(new Set(lower).size, id).toBe(lower.length);
      }
    },
  );
});

describe('connectivity test (bash) over the hostile plan', () => {
  const missing = absentCommands([
    ['bash', 'bash'],
    ['shellcheck', 'shellcheck'],
    ['unshare', 'util-linux'],
  ]);
  const work = mkdtempSync(join(tmpdir(), 'portolan-conformance-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.skipIf(skipsValidator('hostile bash script', missing))(
    'passes bash -n and shellcheck, and runs without executing anything from a name',
    async () => {
      const file = join(work, 'hostile.sh');
      writeFileSync(file, textOf(await exported('connectivity-bash', HOSTILE)));
      expect(spawnSync('bash', ['-n', file], { encoding: 'utf8' }).stderr).toBe('');
      const lint = spawnSync('shellcheck', ['-S', 'warning', file], { encoding: 'utf8' });
      expect(lint.stdout).toBe('');
      // In a network namespace of its own, every connection fails at once: nothing leaves here.
      for (const source of ['host', HOSTILE_NAMES.exch, 'nobody']) {
        const run = spawnSync('unshare', ['-n', 'bash', file, source], {
          cwd: work,
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect(run.error).toBeUndefined();
      }
      expect(readdirSync(work).filter((f) => f.startsWith('pwned'))).toEqual([]);
    },
  );
});

describe('CSVs and the SVG over the hostile plan', () => {
  const read = (text: string) => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    const result = Papa.parse<string[]>(text.slice(1).replace(/\r\n$/, ''), {
      delimiter: ',',
      newline: '\r\n',
    });
    expect(result.errors).toEqual([]);
    return result.data;
  };
  const FORMULA = /^[=+\-@\t\r]/;

  it('the per-flow CSV reads back one row per flow, no cell a formula', async () => {
    const rows = read(textOf(await exported('csv', HOSTILE, true)));
    const flows = requestFlows(deriveFlows(HOSTILE), { includeInternal: true });
    expect(rows.length - 1).toBe(flows.length);
    for (const row of rows) {
      expect(row.length).toBe(rows[0]!.length);
      for (const cell of row) expect(cell).not.toMatch(FORMULA);
    }
    // Names with line breaks stay in their cell, bidi marks shown.
    expect(rows.flat().join('|')).toContain('<U+202E>eton');
  });

  it('the grouped rules CSV reads back one row per grouped rule, no cell a formula', async () => {
    const rows = read(textOf(await exported('grouped-csv', HOSTILE)));
    const grouping = groupFlows(HOSTILE, requestFlows(deriveFlows(HOSTILE), { includeInternal: false }));
    expect(rows.length - 1).toBe(grouping.rules.length);
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(FORMULA);
    // The rule numbers are the grouping's, in order.
    expect(rows.slice(1).map((r) => r[0])).toEqual(grouping.rules.map((r) => String(r.number)));
  });

  it('the SVG parses as strict XML with every name escaped', async () => {
    const svg = textOf(await exported('diagram-svg', HOSTILE));
    // Characters XML 1.0 forbids, and bidi controls (shown as <U+202E> instead).
    // eslint-disable-next-line no-control-regex -- control characters are what is looked for
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/);
    const doc = new DOMParser({
      onError: (level, message) => {
        throw new Error(`${level}: ${message}`);
      },
    }).parseFromString(svg, 'image/svg+xml');
    expect(doc.documentElement?.tagName).toBe('svg');
    expect(svg).not.toMatch(/<script/i);
  });
});
