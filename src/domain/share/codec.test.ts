import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testPlan } from '../plan/plan.testing';
import { FEATURE_IDS, ROLE_IDS } from '../catalog';
import { formatProblem } from '../problems';
import { deriveFlows } from '../engine';
import {
  DMZ_RELAY,
  EXAMPLE_PLANS,
  FIREWALL_VENDORS,
  TRUST_LEVELS,
  TWO_SITES,
  COUNTERPART_ROLES,
  TWO_SITES_TWO_ARRAYS,
  restorePlan,
  type Firewall,
  type Host,
  type Plan,
} from '../plan';
import { MAX_FRAGMENT_CHARS, decodeShare, encodeShare, looksLikeShare, shareUrl } from './index';
import { MAX_INFLATED_BYTES, UNEXPECTED_FAILURE, inflateLimited } from './codec';

const toB64Url = (bytes: Uint8Array) =>
  Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The compact data a link carries, unpacked. */
const unpack = (fragment: string) =>
  JSON.parse(
    new TextDecoder().decode(inflateLimited(Buffer.from(fragment.slice(3), 'base64url')).bytes),
  ) as unknown[];

/** The DMZ relay example as it was before devices: links made then hold none. */
const { firewalls: _relayDevices, ...RELAY_WITHOUT_DEVICES } = DMZ_RELAY;

const point = fc.record({
  x: fc.integer({ min: -50_000, max: 50_000 }),
  y: fc.integer({ min: -50_000, max: 50_000 }),
});
const text = (max: number) => fc.string({ minLength: 1, maxLength: max, unit: 'binary' });
const address = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.constantFrom('any', 'mail.example.com', '10.0.5.0/24', '2001:db8::/48', 'SEG-AM01'),
);

/** Valid plans of every shape the format allows. */
const planArb: fc.Arbitrary<Plan> = fc
  .record({
    name: text(60),
    productVersion: fc.oneof(
      fc.constantFrom('6.0', '6.5', '7.0', '7.1', '8.0', '10.0'),
      fc.tuple(fc.nat(99), fc.nat(99)).map(([a, b]) => `${a}.${b}`),
    ),
    zones: fc.uniqueArray(
      fc.record(
        {
          id: text(12),
          name: text(30),
          trust: fc.constantFrom(...TRUST_LEVELS),
          position: point,
          size: fc.record({
            width: fc.integer({ min: 1, max: 5000 }),
            height: fc.integer({ min: 1, max: 5000 }),
          }),
        },
        { requiredKeys: ['id', 'name', 'trust'] },
      ),
      { maxLength: 5, selector: (z) => z.id },
    ),
    hosts: fc.uniqueArray(
      fc.record(
        {
          id: text(12),
          name: text(40),
          roles: fc.shuffledSubarray([...ROLE_IDS], { minLength: 1 }),
          address,
          position: point,
          zoneIndex: fc.nat(6),
        },
        { requiredKeys: ['id', 'name', 'roles', 'zoneIndex'] },
      ),
      { maxLength: 14, selector: (h) => h.id },
    ),
    changeRequest: fc.option(
      fc.record(
        {
          title: fc.string({ maxLength: 50 }),
          requester: fc.string({ maxLength: 30 }),
          ticket: fc.string({ maxLength: 20 }),
          window: fc.string({ maxLength: 30 }),
          notes: fc.string({ maxLength: 200 }),
          paper: fc.constantFrom('a4' as const, 'letter' as const),
          objectPrefix: fc.stringMatching(/^[A-Za-z](?:[A-Za-z0-9-]{0,10}[A-Za-z0-9])?$/),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
    upgradeFrom: fc.option(fc.constantFrom('6.0', '6.5', '7.0', '7.1', '8.0', '10.0', '12.34'), {
      nil: undefined,
    }),
    // Devices: each interface faces a zone by index (past the last zone: no zone).
    firewalls: fc.uniqueArray(
      fc.record(
        {
          id: text(12),
          name: text(40),
          vendor: fc.constantFrom(...FIREWALL_VENDORS),
          interfaces: fc.uniqueArray(
            fc.record({ zoneIndex: fc.nat(5), name: fc.stringMatching(/^[A-Za-z0-9._/:-]{1,12}$/) }),
            { maxLength: 6, selector: (i) => i.zoneIndex },
          ),
          position: point,
        },
        { requiredKeys: ['id', 'name', 'vendor', 'interfaces'] },
      ),
      { maxLength: 4, selector: (f) => f.id },
    ),
    // Numbers that pick the decisions once the hosts are known (see withDecisions).
    picks: fc.array(fc.nat(1000), { maxLength: 40 }),
  })
  .map(({ zones, hosts, firewalls, changeRequest, upgradeFrom, picks, ...rest }) => {
    const plan: Plan = testPlan({
      ...rest,
      zones: zones,
      hosts: hosts.map(({ zoneIndex, ...h }) => {
        const host: Host = { ...h };
        const zone = zones[zoneIndex];
        if (zone) host.zone = zone.id;
        return host;
      }),
    });
    if (changeRequest) plan.changeRequest = changeRequest;
    const devices = withDevices(firewalls, zones);
    if (devices.length > 0) plan.firewalls = devices;
    if (upgradeFrom && upgradeFrom !== plan.productVersion) plan.upgradeFrom = upgradeFrom;
    return withDecisions(plan, picks);
  });

/** Generated devices made valid: names unique regardless of case, one interface name per device. */
function withDevices(
  firewalls: (Omit<Firewall, 'interfaces'> & { interfaces: { zoneIndex: number; name: string }[] })[],
  zones: { id: string }[],
): Firewall[] {
  const names = new Set<string>();
  return firewalls.flatMap(({ interfaces, ...f }) => {
    const key = f.name.trim().toLowerCase();
    if (names.has(key)) return [];
    names.add(key);
    const taken = new Set<string>();
    const faced = new Set<string | undefined>();
    const list = interfaces.flatMap(({ zoneIndex, name }) => {
      const zone = zones[zoneIndex]?.id;
      if (taken.has(name.toLowerCase()) || faced.has(zone)) return [];
      taken.add(name.toLowerCase());
      faced.add(zone);
      return [zone === undefined ? { name } : { zone, name }];
    });
    return [{ ...f, interfaces: list }];
  });
}

/**
 * Valid decisions for a plan, chosen by `picks`: features off, arrays for nodes and web
 * components, counterparts used, and exclusions of flows the plan has.
 */
function withDecisions(plan: Plan, picks: number[]): Plan {
  let k = 0;
  const pick = () => picks[k++ % Math.max(1, picks.length)] ?? 0;
  if (picks.length === 0) return plan;
  // Only features switched off: one marked in use is the default, which restoring drops.
  const off = FEATURE_IDS.filter(() => pick() % 4 === 0);
  if (off.length) plan.features = Object.fromEntries(off.map((id) => [id, false]));
  const managers = plan.hosts.filter((h) => h.roles.includes('array-manager'));
  for (const h of plan.hosts) {
    if (
      managers.length &&
      (h.roles.includes('processing-node') || h.roles.includes('web-components')) &&
      pick() % 2
    )
      h.array = managers[pick() % managers.length]!.id;
    for (const role of COUNTERPART_ROLES) {
      const all = plan.hosts.filter((x) => x.roles.includes(role));
      // A proper subset (a list of all would be the default, which is not kept).
      const chosen = all.filter(() => pick() % 2 === 1).slice(0, all.length - 1);
      if (all.length > 1 && chosen.length > 0 && pick() % 3 === 0)
        h.uses = { ...h.uses, [role]: chosen.map((x) => x.id) };
    }
    if (h.uses && Object.keys(h.uses).length === 0) delete h.uses;
  }
  const flows = deriveFlows(plan).flows;
  const excluded = flows.filter(() => pick() % 5 === 0).slice(0, 6);
  if (excluded.length)
    plan.exclusions = excluded.map((f) => ({
      rule: f.ruleId,
      source: f.sourceHostId,
      destination: f.destinationHostId,
      protocol: f.protocol,
      port: f.port,
      ...(pick() % 2
        ? { kind: 'allowed' as const }
        : { kind: 'not-needed' as const, note: `reason ${pick()}` }),
    }));
  return plan;
}

describe('share links', () => {
  it('generated plans are valid (the generator is sound)', () => {
    fc.assert(
      fc.property(planArb, (plan) => restorePlan(plan).ok),
      { numRuns: 300 },
    );
  });

  it('decode(encode(plan)) equals the plan, and gives the same flows', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const back = decodeShare(encodeShare(plan));
        expect(back).toEqual({ ok: true, value: plan });
        const derived = deriveFlows(back.ok ? back.value : plan);
        expect(derived.flows).toEqual(deriveFlows(plan).flows);
        expect([...derived.excluded.keys()]).toEqual([...deriveFlows(plan).excluded.keys()]);
      }),
      { numRuns: 1000 },
    );
    // 1,000 plans take about 3 s alone; room for a machine busy with a build or the browser tests.
  }, 30_000);

  it('round-trips the examples, with a version marker first', () => {
    for (const { plan } of EXAMPLE_PLANS) {
      const fragment = encodeShare(plan);
      expect(fragment.startsWith('p3.')).toBe(true);
      expect(fragment).toMatch(/^p3\.[A-Za-z0-9_-]+$/);
      expect(decodeShare(`#${fragment}`)).toEqual({ ok: true, value: plan });
    }
  });

  it('carries renamed groups, and leaves links of plans without them as they were', () => {
    const named: Plan = {
      ...RELAY_WITHOUT_DEVICES,
      groupNames: { 'node1,node2': 'DMZ-RELAYS', exch: 'EXCHANGE' },
    };
    expect(decodeShare(encodeShare(named))).toEqual({ ok: true, value: named });
    expect(unpack(encodeShare(RELAY_WITHOUT_DEVICES))).toHaveLength(6);
    expect(unpack(encodeShare(named))[6]).toEqual([
      ['node1,node2', 'DMZ-RELAYS'],
      ['exch', 'EXCHANGE'],
    ]);
    const bad: Plan = { ...DMZ_RELAY, groupNames: { exch: 'not valid' } };
    const result = decodeShare(encodeShare(bad));
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'groupNames["exch"]: "not valid" is not a valid group name: use letters, digits, "-" and "_", ' +
        'starting with a letter or digit (in the shared plan)',
    ]);
  });

  it('carries the version upgraded from after the group names, where earlier readers ignore it', () => {
    const compared: Plan = { ...RELAY_WITHOUT_DEVICES, productVersion: '10.0', upgradeFrom: '8.0' };
    expect(decodeShare(encodeShare(compared))).toEqual({ ok: true, value: compared });
    const data = unpack(encodeShare(compared));
    // No renamed groups: an empty list holds their place, as a reader of names expects a list.
    expect(data.slice(6)).toEqual([[], '8.0']);
    // A reader that stops at the names sees the target version's plan.
    const older = `p3.${toB64Url(deflateSync(new TextEncoder().encode(JSON.stringify(data.slice(0, 7)))))}`;
    const { upgradeFrom: _dropped, ...target } = compared;
    expect(decodeShare(older)).toEqual({ ok: true, value: target });
    // A version that is not one, or the plan's own, is refused with its path.
    const wrong = decodeShare(encodeShare({ ...compared, upgradeFrom: '10.0' }));
    expect(wrong.ok ? [] : wrong.problems.map(formatProblem)).toEqual([
      "upgradeFrom: 10.0 is the plan's own product version; an upgrade compares two different versions (in the shared plan)",
    ]);
  });

  it('opens a link made before plan format 2 (p1) as it meant then', () => {
    // Made by the p1 encoder from the DMZ relay example (plan format 1) with a renamed group and
    // an upgrade from 8.0: a link people may still hold.
    const OLD =
      'p1.bZLLboMwEEV_BXntUo95hSWLqrv-gMXCCkhBCkEFqj6-vneMHVtRVh5b93hm7owh12O2jlf7m31P-yWbggt2XS3bciQ0RgzzX7CEpNGtkoXqEZwQnFSPUPCfz4zU0tTQa9ZX0FeIGDDiSOemEAdiCMIXkpxBUsuUuC3DSKnZuBjqobm3R3gqQERApwAujwCeGEAvTNg5jpV_V7Lu0WpwuRKyKe_1bJ9XP2OW6lRYwyBFSjZOOJyPJWBZIctUiPRO6L8cf86XsBusbqOWcu3TF77WYZ7Y647PjF3edrtPy20DWEWwytWrLn2egn01Yh039rv72pfZMUCaiDQ5BaDEhNkxDCoprvt4fxN4d0vY_wM';
    const expected: Plan = { ...RELAY_WITHOUT_DEVICES, groupNames: { exch: 'EXCHANGE' }, upgradeFrom: '8.0' };
    const result = decodeShare(OLD);
    expect(result).toEqual({ ok: true, value: expected });
    expect(deriveFlows(result.ok ? result.value : DMZ_RELAY).flows).toEqual(deriveFlows(expected).flows);
  });

  it('carries the object prefix at the end of the change request; older p2 links read as before', () => {
    // Made by the p2 encoder before the object prefix, from the DMZ relay example with a change request.
    const OLD =
      'p2.bZLJbsQgEER_BXFmHBpv4-Moh-SWD0AcrDHSWPIysYmyfH2qvQxWlBMNqkfR1Viz9Cgm39Xf4rMNN9HuKdTTVHMsq6G1sul_9khIWVNplWqH4ozirB1KyXf-F6RRtoDesD6HPkfFgJWr3TKFOBBLEJ5IsYOiiik5jI2nY9jYWHLQPNojHKUgImCOADZ_ARwxgF6YqPs4Vr5dq8Kh1T3lXKoye7xnfu-2GbPUHIUFAtKkVbkIm-v6CViWquwohP0i3K70X9fb_jdYXUUtJWazT7e3Nn3LWV94FZzyHOrQjsMMMI9gnugnk20-Kedq5eRnzvvyEcZ-YYCUESkT2oEME2bi7e4HgWTEfZwCHJDh8-vLiXSGFjRvOx8wPencLw';
    const before: Plan = {
      ...RELAY_WITHOUT_DEVICES,
      changeRequest: { title: 'Open SEG ports', ticket: 'CHG-1042', paper: 'letter' },
    };
    expect(decodeShare(OLD)).toEqual({ ok: true, value: before });
    // A plan without a prefix still writes the six fields it wrote before, and only those.
    expect(unpack(encodeShare(before))[5]).toEqual(['Open SEG ports', 0, 'CHG-1042', 0, 0, 'letter']);
    expect(unpack(encodeShare(before)).slice(1)).toEqual(unpack(OLD).slice(1));

    const prefixed: Plan = { ...before, changeRequest: { ...before.changeRequest, objectPrefix: 'ACME-FW' } };
    expect(decodeShare(encodeShare(prefixed))).toEqual({ ok: true, value: prefixed });
    const data = unpack(encodeShare(prefixed));
    expect(data[5]).toEqual(['Open SEG ports', 0, 'CHG-1042', 0, 0, 'letter', 'ACME-FW']);
    // A prefix alone is a change request of its own.
    const alone: Plan = { ...RELAY_WITHOUT_DEVICES, changeRequest: { objectPrefix: 'ACME-FW' } };
    expect(decodeShare(encodeShare(alone))).toEqual({ ok: true, value: alone });
    expect(unpack(encodeShare(alone))[5]).toEqual([0, 0, 0, 0, 0, 0, 'ACME-FW']);
    // A reader that knows six fields reads the rest of the plan and takes the default prefix.
    const six = [...data.slice(0, 5), (data[5] as unknown[]).slice(0, 6)];
    const older = `p3.${toB64Url(deflateSync(new TextEncoder().encode(JSON.stringify(six))))}`;
    expect(decodeShare(older)).toEqual({ ok: true, value: before });
    // A prefix that breaks the rule is refused with its path.
    const bad = decodeShare(
      encodeShare({ ...RELAY_WITHOUT_DEVICES, changeRequest: { objectPrefix: '9bad' } }),
    );
    expect(bad.ok ? [] : bad.problems.map(formatProblem)).toEqual([
      'changeRequest.objectPrefix: "9bad" is not a prefix: use letters, digits and "-", starting with a letter ' +
        'and not ending with "-" (in the shared plan)',
    ]);
  });

  it('carries the decisions: features, arrays, counterparts and exclusions', () => {
    const plan = TWO_SITES_TWO_ARRAYS;
    expect(plan.exclusions).toHaveLength(1);
    expect(plan.hosts.some((h) => h.array && h.uses)).toBe(true);
    const withFeature: Plan = { ...plan, features: { ldap: false, 'spamcensor-updates': false } };
    for (const p of [plan, withFeature]) {
      const back = decodeShare(encodeShare(p));
      expect(back).toEqual({ ok: true, value: p });
      expect(deriveFlows(back.ok ? back.value : plan).flows).toEqual(deriveFlows(p).flows);
    }
    // Decisions that name hosts a plan does not have are refused with their paths.
    const dangling: Plan = structuredClone(plan);
    dangling.hosts[3]!.uses = { 'dns-server': ['sql01'] };
    const result = decodeShare(encodeShare(dangling));
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      `hosts[3].uses.dns-server[0]: SQL01 is not a dns-server (in the shared plan)`,
    ]);
  });

  it('builds the whole link on the page address, replacing any old fragment', () => {
    const url = shareUrl('https://portolan.example.org/app/#p1.old', DMZ_RELAY);
    expect(url).toBe(`https://portolan.example.org/app/#${encodeShare(DMZ_RELAY)}`);
    expect(looksLikeShare(new URL(url).hash)).toBe(true);
    expect(looksLikeShare('#section-2')).toBe(false);
  });

  it('meets the size targets for the DMZ relay example', () => {
    const fragment = encodeShare(DMZ_RELAY);
    expect(fragment.length).toBeLessThanOrEqual(600);
    const base64 = Buffer.from(JSON.stringify(DMZ_RELAY)).toString('base64');
    expect(base64.length / fragment.length).toBeGreaterThanOrEqual(3);
  });
});

describe('share links with firewall devices (p3)', () => {
  it('carries the devices as compact rows: vendor index, interfaces as zone index and name, position', () => {
    const plan: Plan = {
      ...RELAY_WITHOUT_DEVICES,
      firewalls: [
        {
          id: 'fw-edge',
          name: 'FW-EDGE',
          vendor: 'fortigate',
          interfaces: [{ name: 'wan1' }, { zone: 'dmz', name: 'dmz' }],
          position: { x: 130, y: 450 },
        },
        {
          id: 'fw-core',
          name: 'FW-CORE',
          vendor: 'cisco-asa',
          interfaces: [
            { zone: 'dmz', name: 'dmz' },
            { zone: 'lan', name: 'inside' },
          ],
          position: { x: 560, y: 450 },
        },
      ],
    };
    const back = decodeShare(encodeShare(plan));
    expect(back).toEqual({ ok: true, value: plan });
    // The same paths, so the same flows on the same devices.
    expect(deriveFlows(back.ok ? back.value : RELAY_WITHOUT_DEVICES).flows).toEqual(deriveFlows(plan).flows);
    // And so for the example.
    expect(decodeShare(encodeShare(DMZ_RELAY))).toEqual({ ok: true, value: DMZ_RELAY });
    const data = unpack(encodeShare(plan));
    // No names, no upgrade, no decisions: [], 0 and 0 hold their places before the devices.
    expect(data.slice(6)).toEqual([
      [],
      0,
      0,
      [
        // FW-EDGE, FortiGate (1): wan1 faces the hosts in no zone (-1), dmz the DMZ (zone 0).
        ['fw-edge', 'FW-EDGE', 1, [-1, 'wan1', 0, 'dmz'], 130, 450],
        // FW-CORE, Cisco ASA (0): dmz faces the DMZ (0), inside the internal network (1).
        ['fw-core', 'FW-CORE', 0, [0, 'dmz', 1, 'inside'], 560, 450],
      ],
    ]);
  });

  it('round-trips devices next to decisions, names and an upgrade, and without positions', () => {
    const plan: Plan = {
      ...TWO_SITES_TWO_ARRAYS,
      groupNames: { exch01: 'EXCHANGE' },
      productVersion: '10.0',
      upgradeFrom: '8.0',
      firewalls: [
        { id: 'a', name: 'A', vendor: 'panos', interfaces: [{ name: 'ethernet1/1' }] },
        { id: 'b', name: 'B', vendor: 'other', interfaces: [] },
        {
          id: 'c',
          name: 'C',
          vendor: 'iptables',
          interfaces: [
            { zone: 'branch', name: 'eth1' },
            { zone: 'internet', name: 'eth0' },
          ],
        },
      ],
    };
    expect(decodeShare(encodeShare(plan))).toEqual({ ok: true, value: plan });
    expect(unpack(encodeShare(plan))[9]).toEqual([
      ['a', 'A', 2, [-1, 'ethernet1/1']],
      ['b', 'B', 5, []],
      ['c', 'C', 4, [4, 'eth1', 0, 'eth0']],
    ]);
  });

  it('leaves a plan without devices without a devices element, and opens it without a firewalls key', () => {
    for (const plan of [RELAY_WITHOUT_DEVICES, { ...DMZ_RELAY, firewalls: [] }]) {
      const fragment = encodeShare(plan);
      expect(unpack(fragment)).toHaveLength(6);
      const back = decodeShare(fragment);
      expect(back).toEqual({ ok: true, value: RELAY_WITHOUT_DEVICES });
      expect(back.ok && 'firewalls' in back.value).toBe(false);
    }
  });

  it('meets the size target for the Two sites example with its devices', () => {
    // 1,146 characters of fragment when measured; 1,035 without the devices.
    const fragment = encodeShare(TWO_SITES);
    expect(TWO_SITES.firewalls).toHaveLength(2);
    expect(shareUrl('https://portolan.example.com/', TWO_SITES).length).toBeLessThanOrEqual(1400);
    expect(fragment.length).toBeLessThanOrEqual(1200);
  });

  it('says what is wrong with damaged devices, with paths where the plan is wrong', () => {
    const link = (devices: unknown) => {
      const data = [3, 'D', '10.0', [['d', 'D', 1, 0, 0]], [], 0, [], 0, 0, devices];
      return `p3.${toB64Url(deflateSync(new TextEncoder().encode(JSON.stringify(data))))}`;
    };
    const problems = (fragment: string) => {
      const r = decodeShare(fragment);
      return r.ok ? [] : r.problems.map(formatProblem);
    };
    expect(problems(link([['f', 'F', 0, [0]]]))).toEqual([
      'the link is damaged or cut short (the interfaces of firewall 1 is not in the expected shape). Ask for the link again, and copy all of it.',
    ]);
    expect(problems(link({}))).toEqual([
      'the link is damaged or cut short (the firewalls is not in the expected shape). Ask for the link again, and copy all of it.',
    ]);
    expect(problems(link([['f', 'F', 6, [3, 'x', -1, 'bad name']]]))).toEqual([
      'firewalls[0].vendor: 6 is not one of: cisco-asa, fortigate, panos, nftables, iptables, other (in the shared plan)',
      'firewalls[0].interfaces[0].zone: no zone has the id "#3" (in the shared plan)',
      'firewalls[0].interfaces[1].name: "bad name" is not an interface name: 1 to 64 letters, digits and . _ - / : (in the shared plan)',
    ]);
  });
});

describe('bad links', () => {
  const message = (fragment: string) => {
    const r = decodeShare(fragment);
    return r.ok ? 'ok' : r.problems.map(formatProblem).join('\n');
  };
  const good = encodeShare(DMZ_RELAY);

  it('says what is wrong, in words', () => {
    expect(message('hello')).toMatch(/not a Portolan share link/);
    expect(message('p4.AAAA')).toMatch(/made by a newer Portolan \(link format 4; this one reads up to 3\)/);
    expect(message('p0.AAAA')).toMatch(/link format 0 does not exist/);
    expect(message(good.slice(0, good.length - 40))).toMatch(/damaged or cut short/);
    expect(message(`${good.slice(0, 20)}*${good.slice(21)}`)).toMatch(/damaged or cut short/);
    expect(message('p1.')).toMatch(/damaged or cut short/);
    expect(message(`p1.${'A'.repeat(MAX_FRAGMENT_CHARS)}`)).toMatch(/too long/);
  });

  it('refuses a payload that unpacks to too much, stopping at the ceiling', () => {
    // About 76 MB of zeros packs into a link of about 100,000 characters.
    const packed = deflateSync(new Uint8Array(76_000_000), { level: 9 });
    const bomb = `p1.${toB64Url(packed)}`;
    expect(bomb.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    expect(message(bomb)).toMatch(/unpacks to more than any plan needs/);
    const result = inflateLimited(packed);
    expect(result.tooLarge).toBe(true);
    // One input step past the ceiling at most, never the whole 76 MB.
    expect(result.inflated).toBeGreaterThan(MAX_INFLATED_BYTES);
    expect(result.inflated).toBeLessThan(MAX_INFLATED_BYTES + 600_000);
  });

  it('reports every problem of a short link that expands to a huge number of them', () => {
    // 10,000 hosts (the most a plan may hold), each wrong in every field it has: 170,000
    // problems, far more than a spread into function arguments survives.
    const host = () => [5, 5, Array.from({ length: 11 }, () => 99), 'z', 7, 'x', 'y'];
    const doc = [1, 'x', '10.0', [], Array.from({ length: 10_000 }, host), 0];
    const fragment = `p1.${toB64Url(deflateSync(new TextEncoder().encode(JSON.stringify(doc)), { level: 9 }))}`;
    expect(fragment.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    const result = decodeShare(fragment);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map(formatProblem);
    expect(problems).toHaveLength(170_000);
    expect(problems.slice(0, 3)).toEqual([
      'hosts[0].id: must be text, not 5 (in the shared plan)',
      'hosts[0].name: must be text, not 5 (in the shared plan)',
      'hosts[0].roles[0]: 99 is not one of: array-manager, processing-node, sql-server, directory-server, dns-server, admin-workstation, web-components, rest-client, pop3-client, mail-server, internet (in the shared plan)',
    ]);
    expect(problems.at(-1)).toBe('hosts[9999].zone: no zone has the id "z" (in the shared plan)');
  });

  it('reports a tampered plan with paths', () => {
    const tampered = structuredClone(DMZ_RELAY);
    tampered.hosts[2]!.address = '10.0.0.999';
    // Encode without validation, as an attacker could.
    expect(message(encodeShare(tampered))).toBe(
      'hosts[2].address: 10.0.0.999 is not an IPv4 address (in the shared plan)',
    );
  });

  it('turns 10,000 corrupt or random fragments into error values, never exceptions', () => {
    const mutated = fc
      .tuple(
        fc.nat(good.length - 1),
        fc.string({ minLength: 1, maxLength: 3, unit: 'binary' }),
        fc.constantFrom('replace', 'insert', 'cut'),
      )
      .map(([at, s, how]) =>
        how === 'cut'
          ? good.slice(0, at)
          : how === 'insert'
            ? good.slice(0, at) + s + good.slice(at)
            : good.slice(0, at) + s + good.slice(at + 1),
      );
    const fragments = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.uint8Array({ maxLength: 300 }).map((b) => `p1.${toB64Url(b)}`),
      fc.uint8Array({ maxLength: 300 }).map((b) => `p1.${toB64Url(deflateSync(b))}`),
      fc.json().map((j) => `p1.${toB64Url(deflateSync(new TextEncoder().encode(j)))}`),
      fc.json().map((j) => `p3.${toB64Url(deflateSync(new TextEncoder().encode(j)))}`),
      fc.tuple(fc.nat(), fc.string()).map(([n, s]) => `p${n}.${s}`),
      mutated,
    );
    fc.assert(
      fc.property(fragments, (fragment) => {
        const r = decodeShare(fragment);
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) {
            expect(p.message.length).toBeGreaterThan(10);
            // Every failure is an expected one, named; the last-resort guard never had to act.
            expect(p.message).not.toContain(UNEXPECTED_FAILURE);
          }
        } else {
          // What decodes is a valid plan, and it travels again unchanged.
          expect(restorePlan(r.value)).toEqual({ ok: true, value: r.value });
          expect(decodeShare(encodeShare(r.value))).toEqual(r);
        }
      }),
      { numRuns: 10_000 },
    );
  });
});
