/**
 * iptables / ip6tables restore files: golden files, and a full restore in a fresh network
 * namespace read back with iptables-save and compared with the grouped rules.
 *
 * Regenerate the golden files (then review the diff):
 *   UPDATE_GOLDEN=1 npx vitest run src/domain/export/firewall/iptables.test.ts
 *
 * Loading again is checked the same way, with the commands the header gives: a file restored twice
 * with --noflush (the jumps added once in between), and a changed plan's file restored over the
 * original, each give the iptables-save output (comments dropped) of a single load, each scenario
 * in fresh namespaces started by one spawn; chains of other names are left as they were.
 *
 * Needs Debian's `iptables` package (iptables-restore, ip6tables-restore, iptables-save) and
 * `unshare` (util-linux) run as root. Without them the validator tests skip, saying why, and fail
 * under PORTOLAN_REQUIRE_VALIDATORS=1.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testPlan } from '../../plan/plan.testing';
import { deriveFlows } from '../../engine';
import type { GroupedRule } from '../../grouping';
import type { Plan } from '../../plan';
import { SINGLE_SERVER } from '../../plan';
import type { ExportInput } from '../types';
import { rulesFor } from './common';
import {
  commentArgument,
  exportIp6tables as ip6tablesResult,
  exportIptables as iptablesResult,
  ruleLines,
} from './iptables';
import { HOSTILE } from './hostile.testing';
import {
  DMZ_RELAY_NO_DEVICES,
  EXAMPLE_PLANS,
  asFile,
  expectGolden,
  prefixOf,
  skipsValidator,
  withAddress,
} from './validators.testing';

const exportIptables = asFile(iptablesResult);
const exportIp6tables = asFile(ip6tablesResult);

const DATE = new Date('2026-11-28T00:00:00Z');
const INSTALL = 'apt-get install -y iptables';

/** Two processing nodes on IPv6 and one on IPv4, mail servers of both families and one without an address. */
const DUAL_STACK: Plan = testPlan({
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
});

/** Each plan's chain: its object prefix (PREFIXES, or written here), then -RULES. */
const chainOf = (id: string): string =>
  id === 'dual-stack' ? 'DUAL-STACK-RULES' /* 'Dual "stack"' */ : `${prefixOf(id)}-RULES`;

const PLANS: [string, Plan, string][] = [
  ...EXAMPLE_PLANS,
  ['dual-stack', DUAL_STACK] as [string, Plan],
  ['hostile', HOSTILE] as [string, Plan],
].map(([id, plan]) => [id, plan, chainOf(id)]);

/** `plan` with one host moved to another address and one host removed: same name, so same chain. */
function changed(plan: Plan, moved: string, address: string, removed: string): Plan {
  const edited = withAddress(plan, moved, address);
  return { ...edited, hosts: edited.hosts.filter((h) => h.id !== removed) };
}

/**
 * Names made to break a file: line breaks (LF, CR, U+2028, U+2029), a tab, quotes, a backslash,
 * command substitutions and a bidirectional override. A plan named `Relay<this>` gets the object
 * prefix RELAY-A-B-C, so the chain RELAY-A-B-C-RULES.
 */
const NASTY = ' a\nb\rc\td"e\\f $(touch pwned) `touch pwned2` g\u2028h\u2029i\u202Ej';
const NASTY_CHAIN = 'RELAY-A-B-C-RULES';
/** The dual-stack plan (whose notes name hosts) with every name, the ticket and a group's name made nasty. */
const NASTY_PLAN: Plan = {
  ...DUAL_STACK,
  name: `Relay${NASTY}`,
  changeRequest: { ticket: `CHG-9${NASTY}` },
  zones: DUAL_STACK.zones.map((z) => ({ ...z, name: `${z.name}${NASTY}` })),
  hosts: DUAL_STACK.hosts.map((h) => ({ ...h, name: `${h.name}${NASTY}` })),
  groupNames: { 'n1,n2,n3': `NODES${NASTY}` },
};

const inputFor = (plan: Plan): ExportInput => ({
  plan,
  derivation: deriveFlows(plan),
  scope: { includeInternal: false },
  date: DATE,
});

const FAMILIES = [
  {
    family: 'ipv4',
    tool: 'iptables',
    exporter: exportIptables,
    // EXCH01 moved from 10.0.1.25, SEG-NODE02 (192.0.2.12) gone.
    original: DMZ_RELAY_NO_DEVICES,
    changed: changed(DMZ_RELAY_NO_DEVICES, 'exch', '10.0.1.99', 'node2'),
    chain: 'DMZ-RELAY-RULES',
    moved: ['10.0.1.99', '10.0.1.25'],
    gone: '192.0.2.12',
    other: '198.51.100.7',
  },
  {
    family: 'ipv6',
    tool: 'ip6tables',
    exporter: exportIp6tables,
    // NODE1 moved from 2001:db8:1::11, NODE2 (2001:db8:1::12) gone.
    original: DUAL_STACK,
    changed: changed(DUAL_STACK, 'n1', '2001:db8:1::99', 'n2'),
    chain: 'DUAL-STACK-RULES',
    moved: ['2001:db8:1::99', '2001:db8:1::11'],
    gone: '2001:db8:1::12',
    other: '2001:db8:ff::7',
  },
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

/** Writes `text` into the temporary directory and returns its path. */
function write(text: string): string {
  const file = join(work, `f${fileCount++}.rules`);
  writeFileSync(file, text);
  return file;
}

/** Restores `text` in a fresh network namespace and returns iptables-save's filter table. */
function restore(tool: 'iptables' | 'ip6tables', text: string): string {
  if (MISSING !== null) throw new Error(`iptables validator missing: ${MISSING}`);
  const file = write(text);
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

const NEXT = '@@ next namespace @@';
/**
 * Runs each script with `sh -e` in a fresh network namespace of its own, all from one spawn, and
 * returns what each printed. `files` are the scripts' "$1", "$2"…
 */
function inNamespaces<const S extends readonly string[]>(
  scripts: S,
  files: readonly string[],
): { [K in keyof S]: string } {
  if (MISSING !== null) throw new Error(`iptables validator missing: ${MISSING}`);
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

/** iptables-save output without its comments (they hold the time). */
const uncommented = (saved: string) =>
  saved
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');

/** The commands the header gives, as written in the file ("FILE" made "$1"). */
function headerCommands(text: string, tool: string) {
  const line = (re: RegExp) => {
    const found = re.exec(text)?.[1];
    expect(found, String(re)).toBeDefined();
    return found!;
  };
  return {
    load: line(new RegExp(`^# {3}(${tool}-restore --noflush) FILE$`, 'm')) + ' "$1"',
    jump: line(new RegExp(`^# {3}(${tool} -I FORWARD -j [A-Za-z0-9-]+)$`, 'm')),
    replies: line(
      new RegExp(`^# {3}(${tool} -I FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT)$`, 'm'),
    ),
    remove: line(/^# Remove everything: (.*)$/m),
  };
}

/** Splits a saved rule into words, a quoted comment being one word. */
function words(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) =>
    m[1] === undefined ? m[2]! : m[1].replace(/\\(.)/g, '$1'),
  );
}

/** `rule source destination protocol/port` for every packet class each saved rule accepts; all must be in `chain`. */
function savedTuples(saved: string, chain: string): string[] {
  const out: string[] = [];
  for (const line of saved.split('\n').filter((l) => l.startsWith('-A '))) {
    const w = words(line);
    expect(w[1]).toBe(chain);
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
    const known = ['-A', chain, '-s', '-d', '-p', '-m', '--dport', '--dports', '--comment', '-j', 'ACCEPT'];
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

describe.each(PLANS)('iptables export of %s', (id, plan, chain) => {
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
      // Notes are there only when there is something to say.
      if ('notes' in file) expect(file.notes!.length).toBeGreaterThan(0);
      // In the file a note is a comment line: its line breaks and control characters are spaces.
      for (const note of file.notes ?? [])
        // eslint-disable-next-line no-control-regex -- the characters a comment line cannot hold
        expect(text).toContain(note.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' '));
      for (const line of text.split('\n')) {
        if (!line.startsWith('-A ')) continue;
        const comment = /--comment "([^"]*)"/.exec(line)![1]!;
        expect(new TextEncoder().encode(comment).length).toBeLessThanOrEqual(255);
        const dports = /--dports (\S+)/.exec(line)?.[1];
        if (dports) expect(dports.split(',').length).toBeLessThanOrEqual(15);
      }
      expect(chain.length).toBeLessThanOrEqual(28);
      expect(text).toContain(`\n*filter\n:${chain} - [0:0]\n`);
    });

    it.skipIf(UNAVAILABLE)('restores in a fresh namespace and allows exactly the grouped rules', () => {
      const saved = restore(tool, text);
      expect(saved).toContain(`:${chain} - [0:0]`);
      expect(savedTuples(saved, chain)).toEqual(expectedTuples(grouping.rules, family));
    });

    it.skipIf(UNAVAILABLE)(
      'restored again as the header says, the jumps added once in between, gives what once gives',
      () => {
        const { load, jump, replies } = headerCommands(text, tool);
        expect(jump).toBe(`${tool} -I FORWARD -j ${chain}`);
        const [once, twice] = inNamespaces(
          [
            `${load}; ${jump}; ${replies}; ${tool}-save`,
            `${load}; ${jump}; ${replies}; ${load}; ${tool}-save`,
          ],
          [write(text)],
        );
        expect(uncommented(twice)).toBe(uncommented(once));
        const forward = [
          '-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
          `-A FORWARD -j ${chain}`,
        ];
        const lines = twice.split('\n');
        expect(lines.filter((l) => l.startsWith('-A FORWARD '))).toEqual(forward);
        const rules = lines.filter((l) => !forward.includes(l)).join('\n');
        expect(savedTuples(rules, chain)).toEqual(expectedTuples(grouping.rules, family));
      },
    );
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
      '-A DUAL-STACK-RULES -s 2001:db8:1::11 -d 2001:db8:2::/64 -p tcp -m tcp --dport 25 ',
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
  const base = rulesFor(inputFor(DMZ_RELAY_NO_DEVICES)).rules[0]!;
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
      const { lines } = ruleLines(DMZ_RELAY_NO_DEVICES, rule, 'ipv4');
      const rules = lines.filter((l) => l.startsWith('-A '));
      expect(rules.map((l) => /--dports (\S+)/.exec(l)![1]!.split(',').length)).toEqual([15, 5, 15, 5]);
      const saved = restore(
        'iptables',
        ['*filter', ':DMZ-RELAY-RULES - [0:0]', ...lines, 'COMMIT', ''].join('\n'),
      );
      const tuples = savedTuples(saved, 'DMZ-RELAY-RULES');
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

describe('the header', () => {
  it("gives the commands to load, hook in, accept replies and remove, for the plan's own chain", () => {
    const text = exportIptables(inputFor(DMZ_RELAY_NO_DEVICES)).data as string;
    expect(headerCommands(text, 'iptables')).toEqual({
      load: 'iptables-restore --noflush "$1"',
      jump: 'iptables -I FORWARD -j DMZ-RELAY-RULES',
      replies: 'iptables -I FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
      remove:
        'iptables -D FORWARD -j DMZ-RELAY-RULES; iptables -F DMZ-RELAY-RULES; iptables -X DMZ-RELAY-RULES',
    });
  });

  it('has no notes at all when everything is expressible', () => {
    const file = exportIptables(inputFor({ ...SINGLE_SERVER, features: { 'spamcensor-updates': false } }));
    expect(file).not.toHaveProperty('notes');
    expect(file.data).not.toContain('NOT WRITTEN');
  });
});

describe.each(FAMILIES)('$tool files loaded again', (f) => {
  const original = f.exporter(inputFor(f.original)).data as string;
  const changedText = f.exporter(inputFor(f.changed)).data as string;

  it.skipIf(UNAVAILABLE)(
    "a changed plan's file restored over the original leaves exactly the changed plan",
    () => {
      const { load, jump } = headerCommands(original, f.tool);
      expect(headerCommands(changedText, f.tool).jump).toBe(jump);
      const load2 = load.replace('"$1"', '"$2"');
      const [over, alone] = inNamespaces(
        [`${load}; ${jump}; ${load2}; ${f.tool}-save`, `${load2}; ${jump}; ${f.tool}-save`],
        [write(original), write(changedText)],
      );
      expect(uncommented(over)).toBe(uncommented(alone));
      const [now, before] = f.moved;
      expect(over).toContain(` ${now}/`);
      for (const stale of [` ${before}/`, ` ${f.gone}/`]) expect(over).not.toContain(stale);
      const rules = over
        .split('\n')
        .filter((l) => l !== `-A FORWARD -j ${f.chain}`)
        .join('\n');
      expect(savedTuples(rules, f.chain)).toEqual(
        expectedTuples(rulesFor(inputFor(f.changed)).rules, f.family),
      );
    },
  );

  it.skipIf(UNAVAILABLE)('leaves chains of other names, and their rules, as they were', () => {
    const { load, jump, remove } = headerCommands(original, f.tool);
    // A chain of the host's own, jumped to from FORWARD, and one named after the bare prefix.
    const prefix = f.chain.replace(/-RULES$/, '');
    const setup = [
      `${f.tool} -P FORWARD DROP`,
      `${f.tool} -N OTHER`,
      `${f.tool} -A OTHER -s ${f.other} -p tcp --dport 22 -j ACCEPT`,
      `${f.tool} -A FORWARD -j OTHER`,
      `${f.tool} -N ${prefix}`,
      `${f.tool} -A ${prefix} -p udp --dport 514 -j ACCEPT`,
    ].join('; ');
    const [before, loaded, after] = inNamespaces(
      [
        `${setup}; ${f.tool}-save`,
        `${setup}; ${load}; ${jump}; ${load}; ${f.tool}-save`,
        `${setup}; ${load}; ${jump}; ${load}; ${remove}; ${f.tool}-save`,
      ],
      [write(original)],
    );
    expect(before).toContain(`-A OTHER -s ${f.other}/`);
    expect(before).toContain(`-A ${prefix} -p udp -m udp --dport 514 -j ACCEPT`);
    expect(loaded).toContain(`-A ${f.chain} `);
    // Loaded, every line of before is still there, in its order.
    const kept = uncommented(before).split('\n');
    expect(
      uncommented(loaded)
        .split('\n')
        .filter((l) => kept.includes(l)),
    ).toEqual(kept);
    expect(uncommented(after)).toBe(uncommented(before));
  });
});

// ---- names that try to break out ------------------------------------------------------------

/** Every kind of line a file holds. A name that broke out of its comment or quotes would make another. */
const ACCEPT_TAIL = String.raw`-m comment --comment "[^"\\\t]*" -j ACCEPT$`;
const ADDRESSES = String.raw`-A [A-Za-z0-9-]{1,28}( -s [0-9a-f.:/]+)?( -d [0-9a-f.:/]+)?`;
const LINE_SHAPES: readonly RegExp[] = [
  /^$/,
  /^#$/,
  /^# [^\t]*$/,
  /^\*filter$/,
  /^:[A-Za-z0-9-]{1,28} - \[0:0\]$/,
  new RegExp(String.raw`^${ADDRESSES} -p (tcp -m tcp|udp -m udp) --dport \d+ ${ACCEPT_TAIL}`),
  new RegExp(String.raw`^${ADDRESSES} -p (tcp|udp) -m multiport --dports \d+(,\d+)* ${ACCEPT_TAIL}`),
  /^COMMIT$/,
];
/** What no line may hold: control characters but the tab, other line breaks, bidirectional controls. */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The lines of `text` of no known shape, or holding a character no line may hold. */
const strayLines = (text: string) =>
  text.split('\n').filter((line) => UNSAFE.test(line) || !LINE_SHAPES.some((shape) => shape.test(line)));

describe.each(FAMILIES)('names that try to break out of a comment or quotes, in $tool', (f) => {
  const file = f.exporter(inputFor(NASTY_PLAN));
  const text = file.data as string;

  it('stay on their line: every line of every file is of a known shape', () => {
    // The nasty text is in the file, made one line, its bidirectional override shown.
    expect(text).toContain('MAIL3 a b c d"e\\f $(touch pwned) `touch pwned2` g h i<U+202E>j has no address');
    for (const [, plan] of [...PLANS, ['nasty', NASTY_PLAN] as const])
      expect(strayLines(f.exporter(inputFor(plan)).data as string)).toEqual([]);
    // What the file would hold if a name kept its line break:
    expect(strayLines('# NOT WRITTEN: MAIL3 a\n-A FORWARD -j ACCEPT\n# b\u2028c')).toEqual([
      '-A FORWARD -j ACCEPT',
      '# b\u2028c',
    ]);
  });

  it.skipIf(UNAVAILABLE)('restore, and iptables-save reads back exactly the grouped rules', () => {
    expect(text).toContain(`\n*filter\n:${NASTY_CHAIN} - [0:0]\n`);
    const saved = restore(f.tool, text);
    const tuples = savedTuples(saved, NASTY_CHAIN);
    expect(tuples.length).toBeGreaterThan(0);
    expect(tuples).toEqual(expectedTuples(rulesFor(inputFor(NASTY_PLAN)).rules, f.family));
    expect(strayLines(uncommented(saved).replace(/^:(INPUT|FORWARD|OUTPUT) ACCEPT \[0:0\]$/gm, ''))).toEqual(
      [],
    );
  });
});
