/*
 * Golden files: src/domain/export/firewall/golden/*.nft. After an intended change, regenerate them with
 *   UPDATE_GOLDEN=1 npx vitest run src/domain/export/firewall/nftables.test.ts
 * and review the diff.
 *
 * Every output is also loaded by the real nft (Debian package `nftables`) in a fresh network
 * namespace (`unshare -n`, needs root): `nft -c -f`, then `nft -f` and `nft -j list ruleset`, and
 * what it reads back is expanded to (source, destination, service) triples and compared with the
 * grouped rules.
 *
 * Loading again is checked the same way: a file loaded twice, a changed plan's file loaded over the
 * original, and the header's merge recipe run twice each give the ruleset (`nft list ruleset`) of a
 * single load, each scenario in fresh namespaces started by one spawn; tables of other names are
 * left as they were.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveFlows } from '../../engine';
import { SINGLE_SERVER } from '../../plan';
import type { Plan } from '../../plan';
import type { ExportInput } from '../types';
import { rulesFor } from './common';
import { HOSTILE } from './hostile.testing';
import { exportNftables as nftablesResult } from './nftables';
import {
  DMZ_RELAY_NO_DEVICES,
  TWO_SITES_NO_DEVICES,
  asFile,
  EXAMPLE_PLANS,
  prefixOf,
  MIXED_RELAY,
  V6_SINGLE,
  absentCommands,
  expectGolden,
  ipToBig as addressNumber,
  skipsValidator,
  withAddress,
} from './validators.testing';

const exportNftables = asFile(nftablesResult);
const DATE = new Date('2026-03-02T10:00:00Z');

const input = (plan: Plan): ExportInput => ({
  plan,
  derivation: deriveFlows(plan),
  scope: { includeInternal: false },
  date: DATE,
});

const text = (plan: Plan) => {
  const file = exportNftables(input(plan));
  if (file instanceof Promise) throw new Error('nftables export is synchronous');
  return file;
};

/** Variants that exercise IPv6: a v6 mail server, and a v4 node group meeting a v6-only host. */

const EXAMPLES = EXAMPLE_PLANS;

/**
 * Each plan's prefix in nft names: its object prefix (PREFIXES) with `-` made `_`. Its table is
 * `<prefix>_portolan`, its rule chain `<prefix>_rules`, its sets `<prefix>_<GROUP>_v4`/`_v6`.
 */
const tableOf = (name: string): string => prefixOf(name).replace(/-/g, '_');

const ALL: [string, Plan, string][] = [
  ...EXAMPLES,
  ['hostile', HOSTILE] as [string, Plan],
  ['v6-single', V6_SINGLE] as [string, Plan],
  ['mixed-relay', MIXED_RELAY] as [string, Plan],
].map(([name, plan]) => [name, plan, tableOf(name)]);

/** `plan` with one host moved to another address and one host removed: same name, so same table. */
function changed(plan: Plan, moved: string, address: string, removed: string): Plan {
  const edited = withAddress(plan, moved, address);
  return { ...edited, hosts: edited.hosts.filter((h) => h.id !== removed) };
}
/** EXCH01 moved from 10.0.1.25 to 10.0.1.99, SEG-NODE02 (192.0.2.12) gone. */
const RELAY_CHANGED = changed(DMZ_RELAY_NO_DEVICES, 'exch', '10.0.1.99', 'node2');
/** SEG-NODE05 moved from 10.20.0.11 to 10.20.0.99, SEG-NODE08 (10.20.0.14) gone: the branch nodes stay a group. */
const SITES_CHANGED = changed(TWO_SITES_NO_DEVICES, 'seg-node05', '10.20.0.99', 'seg-node08');

/**
 * Names made to break a file: line breaks (LF, CR, U+2028, U+2029), a tab, quotes, a backslash,
 * command substitutions and a bidirectional override. A plan named `Relay<this>` gets the object
 * prefix RELAY-A-B-C, so the table RELAY_A_B_C_portolan.
 */
const NASTY = ' a\nb\rc\td"e\\f $(touch pwned) `touch pwned2` g\u2028h\u2029i\u202Ej';
const NASTY_TABLE = 'RELAY_A_B_C';
/** The mixed relay (so notes name hosts) with every name, the ticket and a group's name made nasty. */
const NASTY_PLAN: Plan = {
  ...MIXED_RELAY,
  name: `Relay${NASTY}`,
  changeRequest: { ticket: `CHG-9${NASTY}` },
  zones: MIXED_RELAY.zones.map((z) => ({ ...z, name: `${z.name}${NASTY}` })),
  hosts: MIXED_RELAY.hosts.map((h) => ({ ...h, name: `${h.name}${NASTY}` })),
  groupNames: { 'node1,node2': `NODES${NASTY}` },
};

// ---------- the tool ----------

const MISSING_TOOL = (() => {
  const absent = absentCommands([
    ['nft', 'nftables'],
    ['unshare', 'util-linux'],
  ]);
  if (absent) return absent;
  const probe = spawnSync('unshare', ['-n', 'nft', 'list', 'ruleset'], { encoding: 'utf8' });
  if (probe.status !== 0) return `unshare -n nft does not run here (root needed): ${probe.stderr}`;
  return undefined;
})();

const UNAVAILABLE = skipsValidator('nftables validator', MISSING_TOOL);

const tmp = mkdtempSync(join(tmpdir(), 'portolan-nft-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes the plan's nftables file into the temporary directory and returns its path. */
function fileOf(name: string, plan: Plan): string {
  const file = join(tmp, `${name}.nft`);
  writeFileSync(file, text(plan).data as string);
  return file;
}

/** Debian's /etc/nftables.conf, the table the header's recipe 1 merges into. */
const DEBIAN = join(tmp, 'debian.nft');
writeFileSync(
  DEBIAN,
  'table inet filter {\n\tchain forward {\n\t\ttype filter hook forward priority filter; policy drop;\n\t}\n}\n',
);

const NEXT = '@@ next namespace @@';
/**
 * Runs each script with `sh -e` in a fresh network namespace of its own, all from one spawn, and
 * returns what each printed. `files` are the scripts' "$1", "$2"…
 */
function inNamespaces<const S extends readonly string[]>(
  scripts: S,
  files: readonly string[],
): { [K in keyof S]: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, N: String(scripts.length) };
  scripts.forEach((script, i) => (env[`S${i}`] = script));
  const run = spawnSync(
    'sh',
    [
      '-c',
      `i=0; while [ "$i" -lt "$N" ]; do eval "s=\\$S$i"; unshare -n sh -ec "$s" sh "$@" || exit $?; printf '\\n%s\\n' '${NEXT}'; i=$((i + 1)); done`,
      'sh',
      ...files,
    ],
    { encoding: 'utf8', env },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const out = run.stdout.split(`\n${NEXT}\n`);
  expect(out.pop()).toBe('');
  expect(out).toHaveLength(scripts.length);
  return out as { [K in keyof S]: string };
}

/** The header's recipe 1, as written in the file: the sed that merges into table inet filter, and the jump. */
function recipe(data: string): { sed: string; jump: string } {
  const sed = data.match(/^# +(sed .*) FILE \| nft -f -$/m)?.[1];
  const jump = data.match(/^# +(nft add rule inet filter forward jump \w+) +\(once\)$/m)?.[1];
  expect(sed).toBeDefined();
  expect(jump).toBeDefined();
  return { sed: sed!, jump: jump! };
}

// ---------- addresses as numbers, to expand sets ----------

/** An address as a number, in nft's family names (ip, ip6). */
function ipToBig(address: string): { family: 'ip' | 'ip6'; value: bigint } {
  const { family, value } = addressNumber(address);
  return { family: family === 'ipv4' ? 'ip' : 'ip6', value };
}

/** Every single address an element (string, prefix or range, as plan text or nft JSON) covers. */
function expand(element: unknown): string[] {
  let lo: bigint;
  let hi: bigint;
  let family: 'ip' | 'ip6';
  if (typeof element === 'string') {
    const [addr, len] = element.split('/');
    if (len === undefined) {
      ({ family, value: lo } = ipToBig(addr!));
      hi = lo;
    } else return expand({ prefix: { addr, len: Number(len) } });
  } else if (element && typeof element === 'object' && 'prefix' in element) {
    const { addr, len } = (element as { prefix: { addr: string; len: number } }).prefix;
    const base = ipToBig(addr);
    family = base.family;
    const bits = BigInt((family === 'ip' ? 32 : 128) - len);
    lo = (base.value >> bits) << bits;
    hi = lo + (1n << bits) - 1n;
  } else if (element && typeof element === 'object' && 'range' in element) {
    const [a, b] = (element as { range: [string, string] }).range;
    ({ family, value: lo } = ipToBig(a));
    hi = ipToBig(b).value;
  } else throw new Error(`unexpected element ${JSON.stringify(element)}`);
  if (hi - lo > 65536n) throw new Error(`element too large to expand: ${JSON.stringify(element)}`);
  const out: string[] = [];
  for (let v = lo; v <= hi; v++) out.push(`${family}:${v.toString(16)}`);
  return out;
}

// ---------- what the plan says ----------

/** "family src dst proto/port", `*` for any, for every flow the grouped rules allow that nft can match. */
function expectedTriples(plan: Plan): string[] {
  const out: string[] = [];
  for (const rule of rulesFor(input(plan)).rules) {
    const atoms = (addresses: string[]) =>
      [...new Set(addresses)].flatMap((a) => {
        if (a === 'any') return [{ family: '*', value: '*' }];
        if (!/^[0-9a-f.:/]+$/i.test(a)) return []; // DNS names and missing addresses: notes, not rules
        return expand(a).map((x) => ({ family: x.split(':')[0]!, value: x }));
      });
    for (const s of atoms(rule.source.addresses))
      for (const d of atoms(rule.destination.addresses)) {
        if (s.family === '*' && d.family === '*') continue;
        const family = s.family === '*' ? d.family : s.family;
        if (d.family !== '*' && d.family !== family) continue;
        for (const svc of rule.services)
          out.push(`${family} ${s.value} ${d.value} ${svc.protocol}/${svc.port}`);
      }
  }
  return out.sort();
}

// ---------- what nft read back ----------

interface NftJson {
  nftables: Record<string, Record<string, unknown>>[];
}

/** The triples the rules of `chain` accept; every set and rule read back must be in `table`. */
function actualTriples(json: NftJson, table: string, chain: string): string[] {
  const sets = new Map<string, string[]>();
  const referenced = new Set<string>();
  const out: string[] = [];
  for (const item of json.nftables) {
    if (item.set) {
      const s = item.set as { name: string; table: string; elem?: unknown[] };
      expect(s.table).toBe(table);
      sets.set(s.name, (s.elem ?? []).flatMap(expand));
    }
  }
  for (const item of json.nftables) {
    if (!item.rule) continue;
    const rule = item.rule as {
      table: string;
      chain: string;
      expr: Record<string, unknown>[];
      comment?: string;
    };
    expect(rule.table).toBe(table);
    expect(rule.chain).toBe(chain);
    expect(rule.comment).toMatch(/^Rule \d+: /);
    let family: string | undefined;
    const addr: Record<string, string[]> = { saddr: ['*'], daddr: ['*'] };
    let protocol: string | undefined;
    let ports: number[] = [];
    let accepted = false;
    for (const e of rule.expr) {
      if ('accept' in e) {
        expect(accepted).toBe(false);
        accepted = true;
        continue;
      }
      const m = e.match as {
        op: string;
        left: { payload: { protocol: string; field: string } };
        right: unknown;
      };
      expect(m, JSON.stringify(e)).toBeDefined();
      expect(m.op).toBe('==');
      const { protocol: p, field } = m.left.payload;
      if (p === 'ip' || p === 'ip6') {
        expect(family === undefined || family === p).toBe(true);
        family = p;
        const name = String(m.right).replace(/^@/, '');
        expect(sets.has(name), name).toBe(true);
        referenced.add(name);
        expect(addr[field]).toEqual(['*']);
        addr[field] = sets.get(name)!;
        expect(addr[field].every((a) => a.startsWith(`${p}:`))).toBe(true);
      } else {
        expect(['tcp', 'udp']).toContain(p);
        expect(field).toBe('dport');
        protocol = p;
        const r = m.right as number | { set: number[] };
        ports = typeof r === 'number' ? [r] : r.set;
      }
    }
    expect(accepted).toBe(true);
    expect(family, 'a rule with no address match').toBeDefined();
    expect(protocol).toBeDefined();
    expect(ports.length).toBeGreaterThan(0);
    for (const s of addr.saddr!)
      for (const d of addr.daddr!)
        for (const port of ports) out.push(`${family} ${s} ${d} ${protocol}/${port}`);
  }
  expect([...sets.keys()].sort()).toEqual([...referenced].sort());
  return out.sort();
}

function nftJson(file: string): NftJson {
  const check = spawnSync('unshare', ['-n', 'nft', '-c', '-f', file], { encoding: 'utf8' });
  expect(check.stderr).toBe('');
  expect(check.status).toBe(0);
  const load = spawnSync('unshare', ['-n', 'sh', '-c', 'nft -f "$1" && nft -j list ruleset', 'sh', file], {
    encoding: 'utf8',
  });
  expect(load.stderr).toBe('');
  expect(load.status).toBe(0);
  return JSON.parse(load.stdout) as NftJson;
}

// ---------- what a file may hold ----------

/** Every kind of line a file holds. A name that broke out of its comment or string would make another. */
const LINE_SHAPES: readonly RegExp[] = [
  /^$/,
  /^#$/,
  /^# [^\t]*$/,
  /^table inet \w+ \{$/,
  /^\tchain \w+ \{$/,
  /^\tset \w+ \{$/,
  /^\tset \w+ \{ type ipv[46]_addr; flags interval; auto-merge; \}$/,
  /^\t\ttype ipv[46]_addr$/,
  /^\t\tflags interval$/,
  /^\t\tauto-merge$/,
  /^\t\telements = \{ [0-9a-f.:/]+(, [0-9a-f.:/]+)* \}$/,
  /^\t\t(ip6? saddr @\w+ )?(ip6? daddr @\w+ )?(tcp|udp) dport (\d+|\{ \d+(, \d+)* \}) accept comment "[^"\t]*"$/,
  /^\t\t# Rule \d+: [^\t]*$/,
  /^\t\}$/,
  /^\}$/,
  /^flush chain inet \w+ \w+$/,
  /^flush set inet \w+ \w+$/,
  /^delete table inet \w+$/,
  /^\t# chain forward \{$/,
  /^\t# \ttype filter hook forward priority filter; policy drop;$/,
  /^\t# \tct state established,related accept$/,
  /^\t# \tjump \w+$/,
  /^\t# \}$/,
];
/** What no line may hold: control characters but the tab, other line breaks, bidirectional controls. */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The lines of `data` of no known shape, or holding a character no line may hold. */
const strayLines = (data: string) =>
  data.split('\n').filter((line) => UNSAFE.test(line) || !LINE_SHAPES.some((shape) => shape.test(line)));

/** Tables, chains and a set of other names, and a table of the plan's name in another family. */
const OTHERS = join(tmp, 'others.nft');
writeFileSync(
  OTHERS,
  `table inet filter {
	set admins {
		type ipv4_addr
		elements = { 198.51.100.7 }
	}

	chain forward {
		type filter hook forward priority filter; policy drop;
		ct state established,related accept
		ip saddr @admins tcp dport 22 accept comment "admin"
	}
}
table inet DMZ {
	chain DMZ_rules {
		tcp dport 8080 accept
	}
}
table ip DMZ_RELAY_portolan {
	chain DMZ_RELAY_rules {
		udp dport 514 accept
	}
}
`,
);

// ---------- the tests ----------

describe('nftables export', () => {
  it.each(EXAMPLES)('%s matches its golden file', (name, plan) => {
    const file = text(plan);
    expect(file.filename).toBe(`${plan.name}-nftables.nft`);
    expect(file.mime).toMatch(/^text\/plain/);
    expectGolden(`${name}.nft`, file.data as string);
  });

  it.skipIf(UNAVAILABLE).each(ALL)(
    '%s loads in nft and allows exactly the grouped rules',
    (name, plan, table) => {
      const actual = actualTriples(nftJson(fileOf(name, plan)), `${table}_portolan`, `${table}_rules`);
      expect(actual.length).toBeGreaterThan(0);
      expect(actual).toEqual(expectedTriples(plan));
    },
  );

  it.skipIf(UNAVAILABLE)('both ways of hooking it in, as the header says, load', () => {
    const data = text(DMZ_RELAY_NO_DEVICES).data as string;
    const { sed, jump } = recipe(data);
    expect(sed).toBe(
      `sed -e '/^delete table inet DMZ_RELAY_portolan$/d' -e 's/inet DMZ_RELAY_portolan /inet filter /'`,
    );
    expect(jump).toBe('nft add rule inet filter forward jump DMZ_RELAY_rules');
    // 2. The commented-out base chain, uncommented.
    const own = join(tmp, 'own-forward.nft');
    writeFileSync(own, data.replace(/^\t# ?/gm, '\t'));
    const forward = spawnSync(
      'unshare',
      ['-n', 'sh', '-c', 'nft -f "$1" && nft -j list chain inet DMZ_RELAY_portolan forward', 'sh', own],
      { encoding: 'utf8' },
    );
    expect(forward.stderr).toBe('');
    expect(forward.stdout).toContain('"hook": "forward"');
    expect(forward.stdout).toContain('"jump": {"target": "DMZ_RELAY_rules"}');
    // 1. Into an existing Debian-style table inet filter, with the sed and the jump from the header.
    const merged = spawnSync(
      'unshare',
      [
        '-n',
        'sh',
        '-c',
        `nft -f "$2" && ${sed} "$1" | nft -f - && ${jump} && nft -j list ruleset`,
        'sh',
        fileOf('into-filter', DMZ_RELAY_NO_DEVICES),
        DEBIAN,
      ],
      { encoding: 'utf8' },
    );
    expect(merged.stderr).toBe('');
    const json = JSON.parse(merged.stdout) as NftJson;
    expect(json.nftables.filter((i) => i.table).map((i) => i.table!.name)).toEqual(['filter']);
    const jumps = json.nftables.filter((i) => i.rule && i.rule.chain === 'forward');
    expect(JSON.stringify(jumps)).toContain('"jump":{"target":"DMZ_RELAY_rules"}');
    const rest = { nftables: json.nftables.filter((i) => !(i.rule && i.rule.chain === 'forward')) };
    expect(actualTriples(rest, 'filter', 'DMZ_RELAY_rules')).toEqual(expectedTriples(DMZ_RELAY_NO_DEVICES));
  });

  it('notes the DNS name and writes it where the rule would be, without a broader rule', () => {
    const file = text(SINGLE_SERVER);
    const data = file.data as string;
    expect(file.notes).toEqual([
      'Rule 2: destination WWW-MARSHAL-COM: Internet is a DNS name (www.marshal.com); nftables matches addresses only (no statement written for this rule).',
    ]);
    expect(data).toContain(`\t\t# ${file.notes![0]}\n`);
    expect(data).not.toMatch(/comment "Rule 2:/);
    expect(data).toContain(
      '\t\tip saddr @SINGLE_SEG01_v4 tcp dport { 25, 80, 443 } accept comment "Rule 1: ',
    );
    expect(data).toContain('\t\tip daddr @SINGLE_SEG01_v4 tcp dport 25 accept comment "Rule 3: ');
  });

  it('has no notes at all when everything is expressible', () => {
    const file = text({ ...SINGLE_SERVER, features: { 'spamcensor-updates': false } });
    expect(file).not.toHaveProperty('notes');
    expect(file.data as string).not.toContain('Not expressible');
  });

  it('writes IPv6 with ip6 and never mixes families in one rule', () => {
    const v6 = text(V6_SINGLE).data as string;
    expect(v6).toContain(
      '\tset SINGLE_SEG01_v6 {\n\t\ttype ipv6_addr\n\t\tflags interval\n\t\tauto-merge\n\t\telements = { 2001:db8:1::10 }\n',
    );
    expect(v6).toContain('\t\tip6 daddr @SINGLE_SEG01_v6 tcp dport 25 accept comment "Rule 3: ');
    expect(v6).not.toMatch(/ ip saddr| ip daddr/);

    const mixed = text(MIXED_RELAY);
    const notes = mixed.notes ?? [];
    expect(notes.filter((n) => n.startsWith('Rule 1: '))).toEqual([
      'Rule 1: the IPv4 members of source DMZ-PROCESSING-NODES have no IPv4 destination (one rule cannot match IPv4 and IPv6 together) (no statement written for this rule).',
      'Rule 1: the IPv6 members of destination EXCH01 have no IPv6 source (one rule cannot match IPv4 and IPv6 together) (no statement written for this rule).',
    ]);
    expect(mixed.data as string).not.toMatch(/ip6? saddr @DMZ_RELAY_DMZ_PROCESSING_NODES_v4 ip6/);
  });

  it('keeps every comment within 128 bytes, and set names to the table, letters, digits and _', () => {
    for (const [, plan, table] of ALL) {
      const data = text(plan).data as string;
      for (const [, c] of data.matchAll(/comment "([^"]*)"/g))
        expect(new TextEncoder().encode(c).length).toBeLessThanOrEqual(128);
      // The table's name, `_`, the group's name: 52 characters at most, then `_v4` or `_v6`.
      for (const [, n] of data.matchAll(/\bset (\S+) \{/g)) {
        expect(n).toMatch(new RegExp(`^${table}_[A-Za-z0-9_]+_v[46]$`));
        expect(n!.length).toBeLessThanOrEqual(55);
      }
    }
  });
});

describe.skipIf(UNAVAILABLE)('nftables files loaded again', () => {
  it.each(ALL)('%s: loaded twice gives the ruleset of once', (name, plan, table) => {
    const [once, twice, json] = inNamespaces(
      [
        'nft -f "$1"; nft list ruleset',
        'nft -f "$1"; nft -f "$1"; nft list ruleset',
        'nft -f "$1"; nft -f "$1"; nft -j list ruleset',
      ],
      [fileOf(name, plan)],
    );
    expect(once).toContain(`table inet ${table}_portolan {\n`);
    expect(twice).toBe(once);
    const read = JSON.parse(json) as NftJson;
    expect(actualTriples(read, `${table}_portolan`, `${table}_rules`)).toEqual(expectedTriples(plan));
  });

  it("a changed plan's file over the original leaves exactly the changed plan", () => {
    const [over, alone, json] = inNamespaces(
      [
        'nft -f "$1"; nft -f "$2"; nft list ruleset',
        'nft -f "$2"; nft list ruleset',
        'nft -f "$1"; nft -f "$2"; nft -j list ruleset',
      ],
      [fileOf('relay', DMZ_RELAY_NO_DEVICES), fileOf('relay-changed', RELAY_CHANGED)],
    );
    expect(over).toBe(alone);
    expect(over).toContain(
      '\tset DMZ_RELAY_EXCH01_v4 {\n\t\ttype ipv4_addr\n\t\tflags interval\n\t\tauto-merge\n\t\telements = { 10.0.1.99 }\n',
    );
    expect(over).toContain('\tset DMZ_RELAY_SEG_NODE01_v4 {');
    for (const stale of ['10.0.1.25', '192.0.2.12', 'DMZ_RELAY_DMZ_PROCESSING_NODES_v4'])
      expect(over).not.toContain(stale);
    const read = JSON.parse(json) as NftJson;
    expect(actualTriples(read, 'DMZ_RELAY_portolan', 'DMZ_RELAY_rules')).toEqual(
      expectedTriples(RELAY_CHANGED),
    );
  });

  it.each(ALL)(
    "%s: the header's merge into table inet filter, run twice, gives the ruleset of once",
    (name, plan, table) => {
      const { sed, jump } = recipe(text(plan).data as string);
      const merge = `${sed} "$1" | nft -f -`;
      const [once, twice, json] = inNamespaces(
        [
          `nft -f "$2"; ${merge}; ${jump}; nft list ruleset`,
          `nft -f "$2"; ${merge}; ${jump}; ${merge}; nft list ruleset`,
          `nft -f "$2"; ${merge}; ${jump}; ${merge}; nft -j list ruleset`,
        ],
        [fileOf(name, plan), DEBIAN],
      );
      expect(twice).toBe(once);
      const read = JSON.parse(json) as NftJson;
      expect(read.nftables.filter((i) => i.table).map((i) => i.table!.name)).toEqual(['filter']);
      // The jump, once, and nothing else in forward.
      const forward = read.nftables.filter((i) => i.rule?.chain === 'forward');
      expect(forward.map((i) => i.rule!.expr)).toEqual([[{ jump: { target: `${table}_rules` } }]]);
      const rest = { nftables: read.nftables.filter((i) => i.rule?.chain !== 'forward') };
      expect(actualTriples(rest, 'filter', `${table}_rules`)).toEqual(expectedTriples(plan));
    },
  );

  it('a changed plan merged over the original leaves exactly its rules and set elements', () => {
    const { sed, jump } = recipe(text(TWO_SITES_NO_DEVICES).data as string);
    expect(recipe(text(SITES_CHANGED).data as string)).toEqual({ sed, jump });
    const [over, alone] = inNamespaces(
      [
        `nft -f "$3"; ${sed} "$1" | nft -f -; ${jump}; ${sed} "$2" | nft -f -; nft list ruleset`,
        `nft -f "$3"; ${sed} "$2" | nft -f -; ${jump}; nft list ruleset`,
      ],
      [fileOf('sites', TWO_SITES_NO_DEVICES), fileOf('sites-changed', SITES_CHANGED), DEBIAN],
    );
    expect(over).toBe(alone);
    expect(over).toContain('TWO_SITES_40_BRANCH_OFFICE_PROCESSING_NODES_v4 {');
    expect(over).toContain('10.20.0.99');
    for (const stale of ['10.20.0.11', '10.20.0.14']) expect(over).not.toContain(stale);
  });

  it('a group gone from a changed plan leaves only its own set behind when merged, used by no rule', () => {
    // Merged, the file flushes the chain and the sets it makes (as its header says) and cannot name
    // a set an earlier file made: with SEG-NODE02 gone, DMZ-PROCESSING-NODES became SEG-NODE01.
    const orphan =
      '\tset DMZ_RELAY_DMZ_PROCESSING_NODES_v4 {\n\t\ttype ipv4_addr\n\t\tflags interval\n\t\tauto-merge\n' +
      '\t\telements = { 192.0.2.11-192.0.2.12 }\n\t}\n\n';
    const { sed, jump } = recipe(text(DMZ_RELAY_NO_DEVICES).data as string);
    const [over, alone] = inNamespaces(
      [
        `nft -f "$3"; ${sed} "$1" | nft -f -; ${jump}; ${sed} "$2" | nft -f -; nft list ruleset`,
        `nft -f "$3"; ${sed} "$2" | nft -f -; ${jump}; nft list ruleset`,
      ],
      [fileOf('relay', DMZ_RELAY_NO_DEVICES), fileOf('relay-changed', RELAY_CHANGED), DEBIAN],
    );
    expect(over).toContain(orphan);
    expect(over.replace(orphan, '')).toBe(alone);
    expect(over).not.toContain('@DMZ_RELAY_DMZ_PROCESSING_NODES_v4');
  });

  it("with a prefix chosen as filter or drop, neither replaces the admin's table nor reads as a keyword", () => {
    for (const prefix of ['filter', 'drop']) {
      const plan: Plan = { ...DMZ_RELAY_NO_DEVICES, changeRequest: { objectPrefix: prefix } };
      const data = text(plan).data as string;
      expect(data).toContain(`\ntable inet ${prefix}_portolan {\n`);
      expect(data).not.toMatch(/^(delete )?table inet (filter|drop)( |$)/m);
      const [before, loaded] = inNamespaces(
        ['nft -f "$2"; nft list ruleset', 'nft -f "$2"; nft -f "$1"; nft -f "$1"; nft list ruleset'],
        [fileOf(`prefix-${prefix}`, plan), OTHERS],
      );
      expect(before).toContain('ip saddr @admins tcp dport 22 accept comment "admin"');
      expect(loaded.startsWith(before)).toBe(true);
      expect(loaded).toContain(`table inet ${prefix}_portolan {`);
    }
  });

  it('leaves tables of other names, and a table of its name in another family, as they were', () => {
    const data = text(DMZ_RELAY_NO_DEVICES).data as string;
    const remove = data.match(/Remove everything: (nft delete table inet \w+)$/m)?.[1];
    expect(remove).toBe('nft delete table inet DMZ_RELAY_portolan');
    const [before, loaded, after] = inNamespaces(
      [
        'nft -f "$2"; nft list ruleset',
        'nft -f "$2"; nft -f "$1"; nft -f "$1"; nft list ruleset',
        `nft -f "$2"; nft -f "$1"; nft -f "$1"; ${remove}; nft list ruleset`,
      ],
      [fileOf('relay', DMZ_RELAY_NO_DEVICES), OTHERS],
    );
    expect(before).toContain('ip saddr @admins tcp dport 22 accept comment "admin"');
    expect(loaded).toContain('table inet DMZ_RELAY_portolan {');
    expect(loaded.startsWith(before)).toBe(true);
    expect(after).toBe(before);
  });

  it('merged into table inet filter, leaves its other sets, chains and rules as they were', () => {
    const { sed, jump } = recipe(text(DMZ_RELAY_NO_DEVICES).data as string);
    const show =
      'nft list set inet filter admins; nft list chain inet filter forward; nft list table inet DMZ; nft list table ip DMZ_RELAY_portolan';
    const [before, after] = inNamespaces(
      [
        `nft -f "$2"; ${show}`,
        `nft -f "$2"; ${sed} "$1" | nft -f -; ${jump}; ${sed} "$1" | nft -f -; ${show}`,
      ],
      [fileOf('relay', DMZ_RELAY_NO_DEVICES), OTHERS],
    );
    expect(before).toContain('\t\tip saddr @admins tcp dport 22 accept comment "admin"\n');
    expect(after).toBe(
      before.replace('accept comment "admin"\n', 'accept comment "admin"\n\t\tjump DMZ_RELAY_rules\n'),
    );
  });
});

describe('names that try to break out of a comment or a string', () => {
  const data = text(NASTY_PLAN).data as string;

  it('stay on their line: every line of every file is of a known shape', () => {
    // The nasty text is in the file, made one line, its bidirectional override shown.
    expect(data).toContain(
      ' Internet a b c d"e\\f $(touch pwned) `touch pwned2` g h i<U+202E>j is a DNS name (www.marshal.com)',
    );
    for (const [, plan] of [...ALL, ['nasty', NASTY_PLAN] as const])
      expect(strayLines(text(plan).data as string)).toEqual([]);
    // What the file would hold if a name kept its line break:
    expect(strayLines('# Rule 7: Internet a\nflush ruleset\n\t\t# b\rc')).toEqual([
      'flush ruleset',
      '\t\t# b\rc',
    ]);
  });

  it.skipIf(UNAVAILABLE)(
    'load, and nft reads back exactly the grouped rules and the comments as written',
    () => {
      expect(data).toContain(`\ntable inet ${NASTY_TABLE}_portolan {\n`);
      const json = nftJson(fileOf('nasty', NASTY_PLAN));
      const actual = actualTriples(json, `${NASTY_TABLE}_portolan`, `${NASTY_TABLE}_rules`);
      expect(actual.length).toBeGreaterThan(0);
      expect(actual).toEqual(expectedTriples(NASTY_PLAN));
      const comments = json.nftables.flatMap((i) => (i.rule ? [i.rule.comment] : []));
      expect(comments.length).toBeGreaterThan(0);
      expect(comments).toEqual([...data.matchAll(/ comment "([^"]*)"$/gm)].map((m) => m[1]));
    },
  );
});
