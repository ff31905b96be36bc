/**
 * Device-bound files: for a plan with firewall devices, each vendor's export writes the rules of
 * its own devices only, each rule bound to the interfaces the device's path enters and leaves by.
 *
 * The rule sets per device and their interfaces are written here by hand from the examples' zones
 * and devices (not computed with the code under test), then read back from each file by its
 * validator: the FortiOS schema, the cisco.asa parsers, nft and iptables in a fresh `unshare -n`
 * namespace (interfaces bound by name load without existing there).
 *
 * Regenerate the golden files (then review the diff):
 *   UPDATE_GOLDEN=1 npx vitest run src/domain/export/firewall/devices.test.ts
 */
import { unzipSync, strFromU8 } from 'fflate';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveFlows } from '../../engine';
import { DMZ_RELAY, TWO_SITES, type Firewall, type FirewallVendor, type Plan } from '../../plan';
import type { ExportFile, ExportInput, ExportResult } from '../types';
import { exportCiscoAsa } from './ciscoAsa';
import { exportFortigate } from './fortigate';
import {
  loadSchema,
  parseFortios,
  policiesByName,
  schemaMissing,
  schemaProblems,
  PYTHON,
} from './fortios.testing';
import { exportIp6tables, exportIptables } from './iptables';
import { exportNftables } from './nftables';
import { exportPanos } from './panos';
import { absentCommands, expectGolden, skipsValidator } from './validators.testing';

/** Reading an ASA file back runs Python's ansible parser: seconds, more on a busy machine. */
const ASA_READ_TIMEOUT = 30_000;

const DATE = new Date('2026-03-02T10:00:00Z');
const input = (plan: Plan): ExportInput => ({
  plan,
  derivation: deriveFlows(plan),
  scope: { includeInternal: false },
  date: DATE,
});
const fileOf = (result: ExportResult): ExportFile => {
  if ('refused' in result) throw new Error(`refused: ${result.refused}`);
  return result;
};
const textOf = (result: ExportResult) => {
  const file = fileOf(result);
  expect(typeof file.data).toBe('string');
  return file.data as string;
};

/** The plan with its devices' vendors replaced, by device id. */
const withVendors = (plan: Plan, vendors: Record<string, FirewallVendor>): Plan => ({
  ...plan,
  firewalls: plan.firewalls!.map((f): Firewall => ({ ...f, vendor: vendors[f.id] ?? f.vendor })),
});

/** Two sites with Linux devices: nftables at the edge, iptables inside. */
const SITES_LINUX = withVendors(TWO_SITES, { 'fw-edge': 'nftables', 'fw-core': 'iptables' });

/*
 * By hand, from the examples (crossing flows). DMZ relay: the Internet (no zone) - FW-EDGE
 * (wan1 | dmz) - DMZ - FW-CORE (dmz | inside) - internal network. Rules: 1-3 DMZ nodes to the
 * internal network, 4 nodes to the Internet, 5-6 internal to the nodes, 7 SEG-AM01 to
 * www.marshal.com (in no zone, so through both devices), 8 the Internet to the nodes.
 */
const RELAY_EDGE = { 4: 'dmz>wan1', 7: 'dmz>wan1', 8: 'wan1>dmz' };
const RELAY_CORE = {
  1: 'dmz>inside',
  2: 'dmz>inside',
  3: 'dmz>inside',
  5: 'inside>dmz',
  6: 'inside>dmz',
  7: 'inside>dmz',
};
/*
 * Two sites: zone Internet - FW-EDGE (wan1 | dmz) - DMZ - FW-CORE (dmz | inside: servers |
 * mgmt: management | branch). Rules from the Internet zone (1-3) and to it (4, 10, 20) pass the
 * edge; every rule between the DMZ, the servers, management and the branch passes the core, and
 * so do 2 (to SEG-AM01), 3 (to the branch nodes), 10 (from SEG-AM01) and 20 (from the branch).
 */
const SITES_EDGE = {
  1: 'wan1>dmz',
  2: 'wan1>dmz',
  3: 'wan1>dmz',
  4: 'dmz>wan1',
  10: 'dmz>wan1',
  20: 'dmz>wan1',
};
const SITES_CORE = {
  2: 'dmz>inside',
  3: 'dmz>branch',
  5: 'dmz>inside',
  6: 'dmz>inside',
  7: 'dmz>inside',
  8: 'dmz>branch',
  9: 'dmz>branch',
  10: 'inside>dmz',
  11: 'inside>dmz',
  12: 'inside>dmz',
  13: 'inside>dmz',
  14: 'inside>branch',
  15: 'inside>branch',
  16: 'inside>branch',
  17: 'inside>branch',
  18: 'mgmt>inside',
  19: 'mgmt>inside',
  20: 'branch>dmz',
  21: 'branch>dmz',
  22: 'branch>dmz',
  23: 'branch>inside',
  24: 'branch>inside',
  25: 'branch>inside',
  26: 'branch>inside',
};
/** Two sites' DMZ hosts: what the core's dmz interface faces besides the Internet. */
const SITES_DMZ = [
  '192.0.2.11',
  '192.0.2.12',
  '192.0.2.13',
  '192.0.2.14',
  '192.0.2.21',
  '192.0.2.22',
  '192.0.2.53',
];

const asMap = (o: Record<number, string>) => new Map(Object.entries(o).map(([k, v]) => [Number(k), v]));

// ---------- validators ----------

const FORTIOS_MISSING = schemaMissing();
const FORTIOS_UNAVAILABLE = skipsValidator('FortiOS schema (fortinet.fortios)', FORTIOS_MISSING);
const ASA_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'asa_parse.py');
const ASA_MISSING = (() => {
  const probe = spawnSync(PYTHON, ['-c', 'import ansible_collections.cisco.asa'], { encoding: 'utf8' });
  return probe.status === 0
    ? null
    : `${PYTHON} cannot import ansible_collections.cisco.asa: apt-get install -y ansible`;
})();
const ASA_UNAVAILABLE = skipsValidator('Cisco ASA validator (cisco.asa)', ASA_MISSING);
const LINUX_MISSING = (() => {
  const absent = absentCommands([
    ['unshare', 'util-linux'],
    ['nft', 'nftables'],
    ['iptables-restore', 'iptables'],
    ['iptables-save', 'iptables'],
  ]);
  if (absent) return absent;
  const probe = spawnSync('unshare', ['-n', 'nft', 'list', 'ruleset'], { encoding: 'utf8' });
  return probe.status === 0 ? null : `unshare -n nft failed (root needed): ${probe.stderr.trim()}`;
})();
const LINUX_UNAVAILABLE = skipsValidator('nft and iptables in unshare -n', LINUX_MISSING);

const dir = mkdtempSync(join(tmpdir(), 'portolan-devices-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const saved = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
/** Runs `script` in a fresh network namespace ($1… the arguments); its standard output. */
function inNamespace(script: string, ...args: string[]): string {
  const run = spawnSync('unshare', ['-n', 'sh', '-c', script, 'sh', ...args], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

/** FortiGate policies read back: rule number (from the name) → "srcintf>dstintf". */
function fortigatePolicies(text: string, prefix: string): Map<number, string> {
  const tables = parseFortios(text);
  expect(schemaProblems(tables, loadSchema())).toEqual([]);
  const out = new Map<number, string>();
  for (const [name, entry] of policiesByName(tables)) {
    const value = (attr: string) => entry.sets.find((s) => s.attribute === attr)?.values;
    expect(name.startsWith(`${prefix}-`)).toBe(true);
    const number = Number(/^(\d+)-/.exec(name.slice(prefix.length + 1))![1]);
    expect(value('srcintf')).toHaveLength(1);
    expect(value('dstintf')).toHaveLength(1);
    expect(out.has(number)).toBe(false);
    out.set(number, `${value('srcintf')![0]}>${value('dstintf')![0]}`);
  }
  return out;
}

interface AsaAce {
  remark?: string;
  grant?: string;
  source?: { any?: boolean; object_group?: string };
  destination?: { any?: boolean; object_group?: string };
}
/**
 * The ASA file read back by the cisco.asa parser: rule number → "ingress nameif>" with the ACL
 * it is in and that ACL's binding, and the deny lines by rule.
 */
function asaRules(text: string) {
  const run = spawnSync(PYTHON, [ASA_SCRIPT], { input: text, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const parsed = JSON.parse(run.stdout) as {
    acls: { acls?: Record<string, { name: string; aces: AsaAce[] }> };
    ogs: { ogs?: { network?: Record<string, { object?: string[] }> } };
    objects: Record<string, string[][]>;
  };
  // The parser does not read access-group lines: they are matched here, whole lines only.
  const bound = new Map<string, string>();
  for (const m of text.matchAll(/^access-group (\S+) in interface (\S+)$/gm)) bound.set(m[1]!, m[2]!);
  const ingress = new Map<number, string>();
  const denies = new Map<number, AsaAce[]>();
  const permitted = new Map<number, AsaAce[]>();
  for (const acl of Object.values(parsed.acls.acls ?? {})) {
    let rule = 0;
    for (const ace of acl.aces) {
      if (ace.remark !== undefined) {
        rule = Number(/^Rule (\d+):/.exec(ace.remark)![1]);
        expect(ingress.has(rule)).toBe(false);
        expect(bound.get(acl.name), `${acl.name} is bound`).toBeDefined();
        ingress.set(rule, bound.get(acl.name)!);
        continue;
      }
      const list = ace.grant === 'deny' ? denies : permitted;
      list.set(rule, [...(list.get(rule) ?? []), ace]);
    }
  }
  const members = (group: string) =>
    (parsed.ogs.ogs?.network?.[group]?.object ?? []).map((o) => parsed.objects[o]![0]![1]!).sort();
  return { ingress, denies, permitted, members, bound };
}

// ---------- (1) FortiGate at the edge, ASA inside ----------

describe('a plan with an edge FortiGate and an internal ASA', () => {
  for (const [name, plan, edge, core, prefix] of [
    ['dmz-relay', DMZ_RELAY, RELAY_EDGE, RELAY_CORE, 'DMZ-RELAY'],
    ['two-sites', TWO_SITES, SITES_EDGE, SITES_CORE, 'TWO-SITES-40'],
  ] as const) {
    it(`${name}: one FortiGate file for FW-EDGE and one ASA file for FW-CORE, golden`, () => {
      const fortigate = fileOf(exportFortigate(input(plan)));
      expect(fortigate.filename).toBe(`${plan.name}-FW-EDGE-fortigate.conf`);
      expectGolden(`${name}-FW-EDGE-fortigate.conf`, fortigate.data as string);
      const asa = fileOf(exportCiscoAsa(input(plan)));
      expect(asa.filename).toBe(`${plan.name}-FW-CORE-cisco-asa.txt`);
      expectGolden(`${name}-FW-CORE-cisco-asa.txt`, asa.data as string);
    });

    it.skipIf(FORTIOS_UNAVAILABLE)(
      `${name}: the FortiGate file fits the schema and holds exactly FW-EDGE's rules on its interfaces`,
      () => {
        const text = textOf(exportFortigate(input(plan)));
        expect(fortigatePolicies(text, prefix)).toEqual(asMap(edge));
        expect(text).not.toMatch(/set (src|dst)intf "any"/);
      },
    );

    it.skipIf(ASA_UNAVAILABLE)(
      `${name}: the ASA file reads back as exactly FW-CORE's rules, each list bound to its interface`,
      () => {
        const text = textOf(exportCiscoAsa(input(plan)));
        const { ingress, bound } = asaRules(text);
        const byIngress = new Map([...ingress].map(([rule, nameif]) => [rule, nameif]));
        const expected = new Map([...asMap(core)].map(([rule, hop]) => [rule, hop.split('>')[0]!]));
        expect(byIngress).toEqual(expected);
        expect(new Set(bound.values())).toEqual(new Set(Object.values(core).map((h) => h.split('>')[0])));
        expect(text).not.toMatch(/^! access-group/m);
      },
      ASA_READ_TIMEOUT,
    );
  }

  it.skipIf(ASA_UNAVAILABLE)(
    'two-sites: the ASA denies the DMZ hosts before a permit from or to any that enters or leaves by dmz',
    () => {
      const { denies, permitted, members } = asaRules(textOf(exportCiscoAsa(input(TWO_SITES))));
      // Rule 3: the Internet to the branch nodes enters by dmz; rule 20: the branch nodes to the
      // Internet leave by dmz. No other rule of the core has any on a side.
      expect([...denies.keys()].sort((a, b) => a - b)).toEqual([3, 20]);
      expect(
        denies
          .get(3)!
          .map((a) => a.source?.object_group)
          .map((g) => members(g!)),
      ).toEqual([SITES_DMZ]);
      expect(
        denies
          .get(20)!
          .map((a) => a.destination?.object_group)
          .map((g) => members(g!)),
      ).toEqual([SITES_DMZ, SITES_DMZ].slice(0, denies.get(20)!.length));
      expect(permitted.get(3)!.every((a) => a.source?.any)).toBe(true);
      expect(permitted.get(20)!.every((a) => a.destination?.any)).toBe(true);
      // Last in their lists, so a deny line never hides another rule's permit.
      const text = textOf(exportCiscoAsa(input(TWO_SITES)));
      for (const acl of ['TWO-SITES-40-dmz-in', 'TWO-SITES-40-branch-in']) {
        const lines = text.split('\n').filter((l) => l.startsWith(`access-list ${acl} `));
        const firstDeny = lines.findIndex((l) => l.includes(' extended deny '));
        expect(lines.slice(firstDeny).every((l) => !/remark Rule (?!3:|20:)/.test(l))).toBe(true);
      }
    },
    ASA_READ_TIMEOUT,
  );
});

// ---------- (2) nftables at the edge, iptables inside ----------

interface NftRule {
  chain: string;
  expr: Record<string, unknown>[];
}
/** Per nft rule: its iifname and oifname, whether it matches a destination set, and its verdict. */
function nftRules(json: string) {
  const { nftables } = JSON.parse(json) as { nftables: Record<string, unknown>[] };
  return nftables
    .filter((o): o is { rule: NftRule } => 'rule' in o)
    .map(({ rule }) => {
      const field = (key: string) =>
        rule.expr
          .map(
            (e) =>
              (e as { match?: { left?: { meta?: { key?: string } }; right?: unknown; op?: string } }).match,
          )
          .find((m) => m?.left?.meta?.key === key);
      const daddr = rule.expr
        .map((e) => (e as { match?: { left?: { payload?: { field?: string } }; op?: string } }).match)
        .filter((m) => m?.left?.payload?.field === 'daddr');
      return {
        iifname: field('iifname')?.right,
        oifname: field('oifname')?.right,
        /** A destination the rule must be in (not one it must not be in). */
        positiveDaddr: daddr.some((m) => m!.op !== '!='),
        comment: (rule as { comment?: string }).comment ?? '',
      };
    });
}

describe('a plan with an nftables edge and an iptables core', () => {
  it('gives one nftables file for FW-EDGE and one iptables and ip6tables file for FW-CORE, golden', () => {
    const nft = fileOf(exportNftables(input(SITES_LINUX)));
    expect(nft.filename).toBe('Two sites, 40 hosts-FW-EDGE-nftables.nft');
    expectGolden('two-sites-linux-FW-EDGE-nftables.nft', nft.data as string);
    const v4 = fileOf(exportIptables(input(SITES_LINUX)));
    expect(v4.filename).toBe('Two sites, 40 hosts-FW-CORE-iptables.rules');
    expectGolden('two-sites-linux-FW-CORE-iptables.rules', v4.data as string);
    const v6 = fileOf(exportIp6tables(input(SITES_LINUX)));
    expect(v6.filename).toBe('Two sites, 40 hosts-FW-CORE-ip6tables.rules');
    expectGolden('two-sites-linux-FW-CORE-ip6tables.rules', v6.data as string);
  });

  it.skipIf(LINUX_UNAVAILABLE)(
    'nftables: every rule is bound to FW-EDGE interfaces; one towards the Internet leaves only by wan1; twice is once',
    () => {
      const path = saved('edge.nft', textOf(exportNftables(input(SITES_LINUX))));
      const once = inNamespace('nft -f "$1" && nft list ruleset', path);
      const twice = inNamespace('nft -f "$1" && nft -f "$1" && nft list ruleset', path);
      expect(twice).toBe(once);
      const rules = nftRules(inNamespace('nft -f "$1" && nft -j list ruleset', path));
      const numbers = new Map<number, string>();
      for (const r of rules) {
        const number = Number(/^Rule (\d+):/.exec(r.comment)![1]);
        numbers.set(number, `${String(r.iifname)}>${String(r.oifname)}`);
        if (!r.positiveDaddr) expect(r.oifname, r.comment).toBe('wan1');
      }
      // Rule 10 (to www.marshal.com, a DNS name) cannot be matched by nft: a note, not a rule.
      const { 10: _, ...expected } = SITES_EDGE;
      expect(numbers).toEqual(asMap(expected));
    },
  );

  it.skipIf(LINUX_UNAVAILABLE)(
    'iptables: every line is bound to FW-CORE interfaces; towards the Internet only out of dmz, the DMZ hosts returned first; twice is once',
    () => {
      const path = saved('core.rules', textOf(exportIptables(input(SITES_LINUX))));
      const once = inNamespace('iptables-restore --noflush "$1" && iptables-save -t filter', path);
      const twice = inNamespace(
        'iptables-restore --noflush "$1" && iptables-restore --noflush "$1" && iptables-save -t filter',
        path,
      );
      const strip = (s: string) => s.replace(/^#.*\n/gm, '');
      expect(strip(twice)).toBe(strip(once));
      const lines = once.split('\n').filter((l) => l.startsWith('-A TWO-SITES-40-RULES '));
      const numbers = new Map<number, string>();
      /** Per rule, the sources and the destinations of its RETURN lines. */
      const returned = new Map<number, { s: Set<string>; d: Set<string> }>();
      const returnedOf = (n: number, side: 's' | 'd') => [...(returned.get(n)?.[side] ?? [])].sort();
      lines.forEach((line, i) => {
        const arg = (flag: string) => new RegExp(` ${flag} (\\S+)`).exec(line)?.[1];
        const number = Number(/--comment "Rule (\d+):/.exec(line)![1]);
        const hop = `${arg('-i')}>${arg('-o')}`;
        expect(numbers.get(number) ?? hop).toBe(hop);
        numbers.set(number, hop);
        const address = (a: string | undefined) => a?.replace(/\/32$/, '');
        if (line.endsWith('-j RETURN')) {
          const sides = returned.get(number) ?? { s: new Set<string>(), d: new Set<string>() };
          sides.s.add(address(arg('-s'))!);
          sides.d.add(address(arg('-d'))!);
          returned.set(number, sides);
          return;
        }
        expect(line.endsWith('-j ACCEPT')).toBe(true);
        if (arg('-d') === undefined) {
          // Towards the Internet: out of dmz, after every DMZ host is returned.
          expect(arg('-o'), line).toBe('dmz');
          expect(returnedOf(number, 'd'), line).toEqual(SITES_DMZ);
          expect(lines.slice(0, i).some((l) => l.endsWith('-j RETURN'))).toBe(true);
        }
        // From the Internet: in by dmz, after every DMZ host as a source is returned.
        if (arg('-s') === undefined) {
          expect(arg('-i'), line).toBe('dmz');
          expect(returnedOf(number, 's'), line).toEqual(SITES_DMZ);
        }
      });
      // Rule 10 (to www.marshal.com) cannot be matched by iptables: a note, not a rule.
      const { 10: _, ...expected } = SITES_CORE;
      expect(numbers).toEqual(asMap(expected));
      expect([...returned.keys()].sort((a, b) => a - b)).toEqual([3, 20]);
    },
  );
});

// ---------- (3) refusals, zips, interface names ----------

describe('which devices a vendor file is for', () => {
  it('refuses a vendor none of the devices is, naming the devices, as a value', () => {
    expect(exportNftables(input(DMZ_RELAY))).toEqual({
      refused:
        "The plan's firewalls are FW-EDGE (FortiGate) and FW-CORE (Cisco ASA): none is an nftables device. " +
        "Set a device's vendor to nftables to export its rules.",
    });
    expect(exportIp6tables(input(DMZ_RELAY))).toEqual({
      refused:
        "The plan's firewalls are FW-EDGE (FortiGate) and FW-CORE (Cisco ASA): none is an iptables device. " +
        "Set a device's vendor to iptables to export its rules.",
    });
    const other = withVendors(DMZ_RELAY, { 'fw-edge': 'other', 'fw-core': 'other' });
    for (const exporter of [exportFortigate, exportCiscoAsa, exportPanos, exportNftables, exportIptables])
      expect(exporter(input(other))).toHaveProperty('refused');
    const single: Plan = { ...DMZ_RELAY, firewalls: DMZ_RELAY.firewalls!.slice(0, 1) };
    expect(exportPanos(input(single))).toEqual({
      refused:
        "The plan's firewall is FW-EDGE (FortiGate): it is not a PAN-OS device. Set a device's vendor to PAN-OS to export its rules.",
    });
  });

  it('zips one file per device when several are of the vendor, each holding its own rules', () => {
    const plan = withVendors(TWO_SITES, { 'fw-edge': 'panos', 'fw-core': 'panos' });
    const file = fileOf(exportPanos(input(plan)));
    expect(file.filename).toBe('Two sites, 40 hosts-panos.zip');
    expect(file.mime).toBe('application/zip');
    expect(file.data).toBeInstanceOf(ArrayBuffer);
    const entries = unzipSync(new Uint8Array(file.data as ArrayBuffer));
    expect(Object.keys(entries)).toEqual([
      'Two sites, 40 hosts-FW-EDGE-panos.txt',
      'Two sites, 40 hosts-FW-CORE-panos.txt',
    ]);
    const rulesOf = (text: string) =>
      new Map(
        [...text.matchAll(/^set rulebase security rules \S+-R(\d+)-\S* from (\S+) to (\S+) /gm)].map((m) => [
          Number(m[1]),
          `${m[2]}>${m[3]}`,
        ]),
      );
    const edge = strFromU8(entries['Two sites, 40 hosts-FW-EDGE-panos.txt']!);
    const core = strFromU8(entries['Two sites, 40 hosts-FW-CORE-panos.txt']!);
    expect(edge).toContain('# Device: FW-EDGE (PAN-OS)');
    expect(rulesOf(edge)).toEqual(asMap(SITES_EDGE));
    expect(rulesOf(core)).toEqual(asMap(SITES_CORE));
    // An any side entering or leaving by dmz on the core: the DMZ hosts, negated.
    expect(core).toMatch(
      /R3-\S+ from dmz to branch rule-type interzone source \S+ destination \S+ negate-source yes /,
    );
    expect(core).toMatch(
      /R20-\S+ from branch to dmz rule-type interzone source \S+ destination \S+ negate-destination yes /,
    );
    // The same plan gives the same zip.
    expect(new Uint8Array(fileOf(exportPanos(input(plan))).data as ArrayBuffer)).toEqual(
      new Uint8Array(file.data as ArrayBuffer),
    );
  });

  it('writes no rule on an interface the platform cannot take, and says which device and interface', () => {
    const plan: Plan = {
      ...withVendors(DMZ_RELAY, { 'fw-edge': 'nftables', 'fw-core': 'iptables' }),
    };
    plan.firewalls = plan.firewalls!.map((f) =>
      f.id === 'fw-edge' ? { ...f, interfaces: [{ name: 'eth+' }, { zone: 'dmz', name: 'dmz' }] } : f,
    );
    const file = fileOf(exportNftables(input(plan)));
    const text = file.data as string;
    expect(text).not.toMatch(/ifname "eth\+"/);
    expect(text).not.toMatch(/^\t\t[^#].*accept/m);
    for (const rule of [4, 8])
      expect(file.notes).toContainEqual(
        expect.stringMatching(
          new RegExp(`^FW-EDGE: Rule ${rule}: interface "eth\\+" of FW-EDGE holds characters`),
        ),
      );
    const long = {
      ...plan,
      firewalls: plan.firewalls.map((f) =>
        f.id === 'fw-core'
          ? {
              ...f,
              interfaces: [
                { zone: 'dmz', name: 'dmz' },
                { zone: 'lan', name: 'inside-network-0' },
              ],
            }
          : f,
      ),
    };
    const core = fileOf(exportIptables(input(long)));
    expect(core.data as string).not.toMatch(/^-A /m);
    expect(core.notes).toContainEqual(
      expect.stringContaining('interface "inside-network-0" of FW-CORE is not 1 to 15'),
    );
  });

  it('names in the header and the notes the rules no device carries', () => {
    // Without FW-CORE, nothing joins the DMZ and the internal network.
    const plan: Plan = { ...DMZ_RELAY, firewalls: DMZ_RELAY.firewalls!.slice(0, 1) };
    const file = fileOf(exportFortigate(input(plan)));
    expect(file.data as string).toContain(
      "# Rules 1, 2, 3, 5, 6, 7 join places no device joins (no path): they are in no device's file.",
    );
    expect(file.notes?.[0]).toBe(
      "Rules 1, 2, 3, 5, 6, 7 join places no device of the plan joins (no path): they are in no device's file.",
    );
  });
});
