/*
 * Golden files: src/domain/export/firewall/golden/*.nft. After an intended change, regenerate them with
 *   UPDATE_GOLDEN=1 npx vitest run src/domain/export/firewall/nftables.test.ts
 * and review the diff.
 *
 * Every output is also loaded by the real nft (Debian package `nftables`) in a fresh network
 * namespace (`unshare -n`, needs root): `nft -c -f`, then `nft -f` and `nft -j list ruleset`, and
 * what it reads back is expanded to (source, destination, service) triples and compared with the
 * grouped rules.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveFlows } from '../../engine';
import { DMZ_RELAY, SINGLE_SERVER } from '../../plan/examples';
import type { Plan } from '../../plan/types';
import type { ExportInput } from '../types';
import { rulesFor } from './common';
import { exportNftables, NFT_CHAIN, NFT_TABLE } from './nftables';
import {
  EXAMPLE_PLANS,
  MIXED_RELAY,
  V6_SINGLE,
  absentCommands,
  expectGolden,
  ipToBig as addressNumber,
} from './validators.testing';

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
const ALL: [string, Plan][] = [...EXAMPLES, ['v6-single', V6_SINGLE], ['mixed-relay', MIXED_RELAY]];

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

if (MISSING_TOOL && process.env.CI === 'true') {
  describe('nftables validator', () => {
    it('is installed (apt-get install -y nftables)', () => {
      throw new Error(`nft validation cannot run under CI: ${MISSING_TOOL}`);
    });
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'portolan-nft-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

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

function actualTriples(json: NftJson): string[] {
  const sets = new Map<string, string[]>();
  const referenced = new Set<string>();
  const out: string[] = [];
  for (const item of json.nftables) {
    if (item.set) {
      const s = item.set as { name: string; table: string; elem?: unknown[] };
      expect(s.table).toBe(NFT_TABLE);
      sets.set(s.name, (s.elem ?? []).flatMap(expand));
    }
  }
  for (const item of json.nftables) {
    if (!item.rule) continue;
    const rule = item.rule as { chain: string; expr: Record<string, unknown>[]; comment?: string };
    expect(rule.chain).toBe(NFT_CHAIN);
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

// ---------- the tests ----------

describe('nftables export', () => {
  it.each(EXAMPLES)('%s matches its golden file', (name, plan) => {
    const file = text(plan);
    expect(file.filename).toBe(`${plan.name}-nftables.nft`);
    expect(file.mime).toMatch(/^text\/plain/);
    expectGolden(`${name}.nft`, file.data as string);
  });

  it.skipIf(MISSING_TOOL !== undefined).each(ALL)(
    '%s loads in nft and allows exactly the grouped rules',
    (name, plan) => {
      const file = join(tmp, `${name}.nft`);
      writeFileSync(file, text(plan).data as string);
      const actual = actualTriples(nftJson(file));
      expect(actual.length).toBeGreaterThan(0);
      expect(actual).toEqual(expectedTriples(plan));
    },
  );

  it.skipIf(MISSING_TOOL !== undefined)('both ways of hooking it in, as the header says, load', () => {
    const data = text(DMZ_RELAY).data as string;
    // 2. The commented-out base chain, uncommented.
    const own = join(tmp, 'own-forward.nft');
    writeFileSync(own, data.replace(/^\t# ?/gm, '\t'));
    const forward = spawnSync(
      'unshare',
      ['-n', 'sh', '-c', `nft -f "$1" && nft -j list chain inet ${NFT_TABLE} forward`, 'sh', own],
      {
        encoding: 'utf8',
      },
    );
    expect(forward.stderr).toBe('');
    expect(forward.stdout).toContain('"hook": "forward"');
    expect(forward.stdout).toContain(`"jump": {"target": "${NFT_CHAIN}"}`);
    // 1. Into an existing Debian-style table inet filter, with the sed and the jump from the header.
    const file = join(tmp, 'into-filter.nft');
    writeFileSync(file, data);
    const debian =
      'table inet filter { chain forward { type filter hook forward priority filter; policy drop; }; }';
    const sed = data.match(/^# +(sed .*) FILE \| nft -f -$/m)![1]!;
    const jump = data.match(/^# +(nft add rule inet filter forward jump \w+)$/m)![1]!;
    const merged = spawnSync(
      'unshare',
      [
        '-n',
        'sh',
        '-c',
        `echo "$2" | nft -f - && ${sed} "$1" | nft -f - && ${jump} && nft -j list ruleset`,
        'sh',
        file,
        debian,
      ],
      { encoding: 'utf8' },
    );
    expect(merged.stderr).toBe('');
    const json = JSON.parse(merged.stdout) as NftJson;
    expect(json.nftables.filter((i) => i.table).map((i) => i.table!.name)).toEqual(['filter']);
    const jumps = json.nftables.filter((i) => i.rule && i.rule.chain === 'forward');
    expect(JSON.stringify(jumps)).toContain(`"jump":{"target":"${NFT_CHAIN}"}`);
    const renamed = { nftables: json.nftables.filter((i) => !(i.rule && i.rule.chain === 'forward')) };
    for (const i of renamed.nftables) for (const v of Object.values(i)) if ('table' in v) v.table = NFT_TABLE;
    expect(actualTriples(renamed)).toEqual(expectedTriples(DMZ_RELAY));
  });

  if (MISSING_TOOL && process.env.CI !== 'true') it.skip(`nft validation skipped: ${MISSING_TOOL}`, () => {});

  it('notes the DNS name and writes it where the rule would be, without a broader rule', () => {
    const file = text(SINGLE_SERVER);
    const data = file.data as string;
    expect(file.notes).toEqual([
      'Rule 2: destination WWW-MARSHAL-COM: Internet is a DNS name (www.marshal.com); nftables matches addresses only (no statement written for this rule).',
    ]);
    expect(data).toContain(`\t\t# ${file.notes![0]}\n`);
    expect(data).not.toMatch(/comment "Rule 2:/);
    expect(data).toContain('\t\tip saddr @SEG01_v4 tcp dport { 25, 80, 443 } accept comment "Rule 1: ');
    expect(data).toContain('\t\tip daddr @SEG01_v4 tcp dport 25 accept comment "Rule 3: ');
  });

  it('writes IPv6 with ip6 and never mixes families in one rule', () => {
    const v6 = text(V6_SINGLE).data as string;
    expect(v6).toContain(
      '\tset SEG01_v6 {\n\t\ttype ipv6_addr\n\t\tflags interval\n\t\tauto-merge\n\t\telements = { 2001:db8:1::10 }\n',
    );
    expect(v6).toContain('\t\tip6 daddr @SEG01_v6 tcp dport 25 accept comment "Rule 3: ');
    expect(v6).not.toMatch(/ ip saddr| ip daddr/);

    const mixed = text(MIXED_RELAY);
    const notes = mixed.notes ?? [];
    expect(notes.filter((n) => n.startsWith('Rule 1: '))).toEqual([
      'Rule 1: the IPv4 members of source DMZ-PROCESSING-NODES have no IPv4 destination (one rule cannot match IPv4 and IPv6 together) (no statement written for this rule).',
      'Rule 1: the IPv6 members of destination EXCH01 have no IPv6 source (one rule cannot match IPv4 and IPv6 together) (no statement written for this rule).',
    ]);
    expect(mixed.data as string).not.toMatch(/ip6? saddr @DMZ_PROCESSING_NODES_v4 ip6/);
  });

  it('keeps every comment within 128 bytes and set names to letters, digits and _', () => {
    for (const [, plan] of ALL) {
      const data = text(plan).data as string;
      for (const [, c] of data.matchAll(/comment "([^"]*)"/g))
        expect(new TextEncoder().encode(c).length).toBeLessThanOrEqual(128);
      for (const [, n] of data.matchAll(/\bset (\S+) \{/g)) expect(n).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,43}$/);
    }
  });
});
