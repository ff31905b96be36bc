/**
 * iptables / ip6tables restore files: golden files, and a full restore in a fresh network
 * namespace read back with iptables-save and compared with the grouped rules.
 *
 * Regenerate the golden files (then review the diff):
 *   UPDATE_GOLDEN=1 npx vitest run src/domain/export/firewall/iptables.test.ts
 *
 * Needs Debian's `iptables` package (iptables-restore, ip6tables-restore, iptables-save) and
 * `unshare` (util-linux) run as root. Without them the validator tests skip locally and fail
 * under CI=true.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveFlows } from '../../engine';
import type { GroupedRule } from '../../grouping';
import type { Plan } from '../../plan';
import { DMZ_RELAY, SINGLE_SERVER } from '../../plan/examples';
import type { ExportInput } from '../types';
import { rulesFor } from './common';
import { CHAIN, commentArgument, exportIp6tables, exportIptables, ruleLines } from './iptables';
import { EXAMPLE_PLANS, expectGolden, skipsValidator } from './validators.testing';

const DATE = new Date('2026-11-28T00:00:00Z');
const INSTALL = 'apt-get install -y iptables';

/** Two processing nodes on IPv6 and one on IPv4, mail servers of both families and one without an address. */
const DUAL_STACK: Plan = {
  format: 'portolan-plan',
  version: 2,
  name: 'Dual "stack"',
  productVersion: '10.0',
  changeRequest: { ticket: 'CHG-6' },
  zones: [
    { id: 'dmz', name: 'DMZ', trust: 'dmz', position: { x: 300, y: 0 }, size: { width: 300, height: 400 } },
    {
      id: 'lan',
      name: 'LAN',
      trust: 'trusted',
      position: { x: 700, y: 0 },
      size: { width: 300, height: 400 },
    },
  ],
  hosts: [
    { id: 'i', name: 'Internet', roles: ['internet'], position: { x: 0, y: 100 } },
    {
      id: 'n1',
      name: 'NODE1',
      roles: ['processing-node'],
      zone: 'dmz',
      address: '2001:db8:1::11',
      position: { x: 320, y: 50 },
    },
    {
      id: 'n2',
      name: 'NODE2',
      roles: ['processing-node'],
      zone: 'dmz',
      address: '2001:db8:1::12',
      position: { x: 320, y: 150 },
    },
    {
      id: 'n3',
      name: 'NODE3',
      roles: ['processing-node'],
      zone: 'dmz',
      address: '192.0.2.13',
      position: { x: 320, y: 250 },
    },
    {
      id: 'm1',
      name: 'MAIL1',
      roles: ['mail-server'],
      zone: 'lan',
      address: '2001:db8:2::/64',
      position: { x: 720, y: 50 },
    },
    {
      id: 'm2',
      name: 'MAIL2',
      roles: ['mail-server'],
      zone: 'lan',
      address: '10.0.1.26',
      position: { x: 720, y: 150 },
    },
    { id: 'm3', name: 'MAIL3', roles: ['mail-server'], zone: 'lan', position: { x: 720, y: 250 } },
  ],
};

const PLANS: [string, Plan][] = [...EXAMPLE_PLANS, ['dual-stack', DUAL_STACK]];

const inputFor = (plan: Plan): ExportInput => ({
  plan,
  derivation: deriveFlows(plan),
  scope: { includeInternal: false },
  date: DATE,
});

const FAMILIES = [
  { family: 'ipv4', tool: 'iptables', exporter: exportIptables },
  { family: 'ipv6', tool: 'ip6tables', exporter: exportIp6tables },
] as const;

// ---- the validator ---------------------------------------------------------------------------

const TOOLS = ['unshare', 'iptables-restore', 'iptables-save', 'ip6tables-restore', 'ip6tables-save'];
function missingTools(): string | null {
  const absent = TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  if (absent.length > 0) return `${absent.join(', ')} not found: ${INSTALL} (and util-linux for unshare)`;
  const probe = spawnSync('unshare', ['-n', 'iptables-save', '-t', 'filter'], { encoding: 'utf8' });
  if (probe.status !== 0) return `unshare -n iptables-save failed (root needed): ${probe.stderr.trim()}`;
  return null;
}
const MISSING = missingTools();
const UNAVAILABLE = skipsValidator('iptables validator', MISSING);

const work = mkdtempSync(join(tmpdir(), 'portolan-iptables-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let fileCount = 0;

/** Restores `text` in a fresh network namespace and returns iptables-save's filter table. */
function restore(tool: 'iptables' | 'ip6tables', text: string): string {
  if (MISSING !== null) throw new Error(`iptables validator missing under CI: ${MISSING}`);
  const file = join(work, `f${fileCount++}.rules`);
  writeFileSync(file, text);
  const run = spawnSync(
    'unshare',
    ['-n', 'sh', '-c', `${tool}-restore "$1" && ${tool}-save -t filter`, 'sh', file],
    {
      encoding: 'utf8',
    },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

/** Splits a saved rule into words, a quoted comment being one word. */
function words(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) =>
    m[1] === undefined ? m[2]! : m[1].replace(/\\(.)/g, '$1'),
  );
}

/** `rule source destination protocol/port` for every packet class each saved chain rule accepts. */
function savedTuples(saved: string): string[] {
  const out: string[] = [];
  for (const line of saved.split('\n').filter((l) => l.startsWith('-A '))) {
    const w = words(line);
    expect(w[1]).toBe(CHAIN);
    const opt = (name: string) => (w.includes(name) ? w[w.indexOf(name) + 1]! : undefined);
    expect(opt('-j')).toBe('ACCEPT');
    expect(opt('-s') ?? opt('-d')).toBeDefined();
    const rule = /^Rule (\d+):/.exec(opt('--comment') ?? '')?.[1];
    expect(rule).toBeDefined();
    const protocol = opt('-p');
    const ports = (opt('--dports') ?? opt('--dport'))?.split(',') ?? [];
    expect(['tcp', 'udp']).toContain(protocol);
    expect(ports.length).toBeGreaterThan(0);
    // Nothing else may narrow or widen the rule: every word is one of these.
    const known = ['-A', CHAIN, '-s', '-d', '-p', '-m', '--dport', '--dports', '--comment', '-j', 'ACCEPT'];
    const values = new Set([
      opt('-s'),
      opt('-d'),
      protocol,
      opt('--dports'),
      opt('--dport'),
      opt('--comment'),
    ]);
    for (const x of w)
      expect(known.includes(x) || values.has(x) || ['tcp', 'udp', 'multiport', 'comment'].includes(x)).toBe(
        true,
      );
    for (const port of ports) out.push(`${rule} ${opt('-s') ?? '*'} ${opt('-d') ?? '*'} ${protocol}/${port}`);
  }
  return out.sort();
}

/** What the grouped rules allow that this family can express, written from the grouping alone. */
function expectedTuples(rules: GroupedRule[], family: 'ipv4' | 'ipv6'): string[] {
  const ofFamily = (a: string) =>
    family === 'ipv4' ? /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(a) : a.includes(':');
  const canonical = (a: string) => (a.includes('/') ? a : `${a}/${family === 'ipv4' ? 32 : 128}`);
  const side = (addresses: string[]) =>
    addresses.includes('any') ? ['*'] : [...new Set(addresses.filter(ofFamily).map(canonical))];
  const out = new Set<string>();
  for (const r of rules)
    for (const s of side(r.source.addresses))
      for (const d of side(r.destination.addresses))
        for (const x of r.services)
          if (s !== '*' || d !== '*') out.add(`${r.number} ${s} ${d} ${x.protocol}/${x.port}`);
  return [...out].sort();
}

// ---- the tests -------------------------------------------------------------------------------

describe.each(PLANS)('iptables export of %s', (id, plan) => {
  const input = inputFor(plan);
  const grouping = rulesFor(input);

  describe.each(FAMILIES)('$tool', ({ family, tool, exporter }) => {
    const file = exporter(input);
    const text = file.data as string;

    it('is named after the plan and matches its golden file', () => {
      expect(file.filename.endsWith(`-${tool}.rules`)).toBe(true);
      expect(file.mime.startsWith('text/plain')).toBe(true);
      expectGolden(`${id}-${tool}.rules`, text);
    });

    it('writes every note as a comment in the file, and keeps to its limits', () => {
      for (const note of file.notes ?? []) expect(text).toContain(note);
      for (const line of text.split('\n')) {
        if (!line.startsWith('-A ')) continue;
        const comment = /--comment "([^"]*)"/.exec(line)![1]!;
        expect(new TextEncoder().encode(comment).length).toBeLessThanOrEqual(255);
        const dports = /--dports (\S+)/.exec(line)?.[1];
        if (dports) expect(dports.split(',').length).toBeLessThanOrEqual(15);
      }
      expect(CHAIN.length).toBeLessThanOrEqual(28);
    });

    it.skipIf(UNAVAILABLE)('restores in a fresh namespace and allows exactly the grouped rules', () => {
      const saved = restore(tool, text);
      expect(saved).toContain(`:${CHAIN} - [0:0]`);
      expect(savedTuples(saved)).toEqual(expectedTuples(grouping.rules, family));
    });
  });
});

describe('what iptables cannot express', () => {
  it('names the DNS name of SpamCensor updates and writes it where the rule would be', () => {
    const file = exportIptables(inputFor(SINGLE_SERVER));
    expect(file.notes).toEqual([
      'Rule 2: destination WWW-MARSHAL-COM: Internet is a DNS name (www.marshal.com), and iptables matches addresses only',
    ]);
    expect(file.data).toContain(
      '# NOT WRITTEN: Rule 2: destination WWW-MARSHAL-COM: Internet is a DNS name (www.marshal.com), and iptables matches addresses only\n',
    );
  });

  it('splits the dual-stack plan between the two files and says so', () => {
    const v4 = exportIptables(inputFor(DUAL_STACK));
    const v6 = exportIp6tables(inputFor(DUAL_STACK));
    expect(v4.filename).toBe('Dual -stack--iptables.rules');
    expect(v4.notes).toContain(
      'Rule 4: the IPv6 destinations NODE1 (2001:db8:1::11), NODE2 (2001:db8:1::12) are in the ip6tables file',
    );
    expect(v6.notes).toContain('Rule 4: the IPv4 destination NODE3 (192.0.2.13) is in the iptables file');
    expect(
      v4.notes!.some((n) =>
        n.includes('LAN-MAIL-SERVERS: MAIL3 has no address, and iptables matches addresses only'),
      ),
    ).toBe(true);
    expect(
      v6.notes!.some((n) =>
        n.includes('LAN-MAIL-SERVERS: MAIL3 has no address, and ip6tables matches addresses only'),
      ),
    ).toBe(true);
    expect(
      v4.notes!.some((n) =>
        /IPv4 sources \(NODE3 \(192\.0\.2\.13\)\) cannot reach IPv6 destinations/.test(n),
      ),
    ).toBe(true);
    expect(v6.data).toContain(
      '-A PORTOLAN-RULES -s 2001:db8:1::11 -d 2001:db8:2::/64 -p tcp -m tcp --dport 25 ',
    );
    expect(v4.data).not.toMatch(/-[sd] [0-9a-f]*:/);
    expect(v6.data).not.toMatch(/-[sd] \d+\.\d+\.\d+\.\d+/);
  });
});

describe('a rule between two sides that are any', () => {
  it('is not written, and says so, rather than match every forwarded packet', () => {
    const internet = rulesFor(inputFor(SINGLE_SERVER)).rules[2]!.source;
    expect(internet.addresses).toEqual(['any']);
    const base = rulesFor(inputFor(SINGLE_SERVER)).rules[2]!;
    const { lines, notes } = ruleLines(SINGLE_SERVER, { ...base, destination: internet }, 'ipv4');
    expect(lines.filter((l) => !l.startsWith('#'))).toEqual([]);
    expect(notes).toEqual([
      'Rule 3: both sides are any: a rule with neither -s nor -d would match every forwarded packet',
    ]);
  });
});

describe('hostile names and long service lists', () => {
  const base = rulesFor(inputFor(DMZ_RELAY)).rules[0]!;
  const rule: GroupedRule = {
    ...base,
    source: { ...base.source, name: 'A"B\\C\nD' },
    services: Array.from({ length: 20 }, (_, i) => ({ protocol: 'tcp' as const, port: 1000 + i })),
    justification: `Ünïcödé ${'x'.repeat(400)}`,
  };

  it('quotes the comment safely within 255 bytes', () => {
    const arg = commentArgument(rule);
    expect(arg).toMatch(/^"Rule 1: A'B\/C D -> EXCH01, Ünïcödé x+\.\.\."$/);
    expect(new TextEncoder().encode(arg.slice(1, -1)).length).toBeLessThanOrEqual(255);
  });

  it.skipIf(UNAVAILABLE)(
    'splits 20 ports into runs of 15 and 5, and iptables takes the comment whole',
    () => {
      const { lines } = ruleLines(DMZ_RELAY, rule, 'ipv4');
      const rules = lines.filter((l) => l.startsWith('-A '));
      expect(rules.map((l) => /--dports (\S+)/.exec(l)![1]!.split(',').length)).toEqual([15, 5, 15, 5]);
      const saved = restore('iptables', ['*filter', `:${CHAIN} - [0:0]`, ...lines, 'COMMIT', ''].join('\n'));
      const tuples = savedTuples(saved);
      expect(tuples).toHaveLength(40);
      expect(tuples).toEqual(expectedTuples([rule], 'ipv4'));
      const comments = saved
        .split('\n')
        .filter((l) => l.startsWith('-A '))
        .map((l) => words(l).at(-3));
      expect(comments).toEqual(Array(4).fill(commentArgument(rule).slice(1, -1)));
    },
  );
});
