import { describe, expect, it } from 'vitest';
import { testPlan } from './plan.testing';
import { ROLE_IDS } from '../catalog';
import {
  MAX_HOSTS,
  MAX_PLAN_FILE_BYTES,
  MAX_ZONES,
  parsePlanText,
  planFileSizeProblem,
  restorePlan,
  serializePlan,
  type Host,
  type Plan,
  type Zone,
} from './index';

/*
 * The characters that cost the most in a plan file: JSON writes control characters (other than
 * \b \t \n \f \r) and unpaired surrogates as six-byte `\u001f` escapes. The schema counts
 * characters (code points), and an unpaired surrogate is one.
 */
const ESCAPED = [...Array(32).keys()]
  .filter((c) => ![8, 9, 10, 12, 13].includes(c))
  .map((c) => String.fromCharCode(c));
const LONE_SURROGATE = '\uDC00';

/** `length` escaped characters, distinct for each `n` (its digits in base 27 come first). */
function costly(n: number, length: number): string {
  let out = '';
  for (let rest = n; out.length < length; rest = Math.floor(rest / ESCAPED.length))
    out += ESCAPED[rest % ESCAPED.length];
  return out;
}

/** The longest valid address: a host name of 253 characters in labels of 63, and its final dot. */
const LONGEST_ADDRESS = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}.`;
/** The longest numbers within ±1,000,000 (25 and 24 characters as JSON). */
const LONGEST_COORDINATE = -0.0000012345678901234567;
const LONGEST_EXTENT = 0.0000012345678901234567;

function largestPlan(): Plan {
  const zones: Zone[] = Array.from({ length: MAX_ZONES }, (_, i) => ({
    id: costly(i, 64),
    name: LONE_SURROGATE.repeat(120),
    trust: 'untrusted',
    position: { x: LONGEST_COORDINATE, y: LONGEST_COORDINATE },
    size: { width: LONGEST_EXTENT, height: LONGEST_EXTENT },
  }));
  const hosts: Host[] = Array.from({ length: MAX_HOSTS }, (_, i) => ({
    id: costly(i, 64),
    name: costly(i, 120),
    roles: [...ROLE_IDS],
    zone: zones[i % MAX_ZONES]!.id,
    address: LONGEST_ADDRESS,
    position: { x: LONGEST_COORDINATE, y: LONGEST_COORDINATE },
  }));
  return testPlan({
    name: LONE_SURROGATE.repeat(120),
    productVersion: '100.100',
    zones,
    hosts,
    changeRequest: {
      title: costly(1, 200),
      requester: costly(2, 200),
      ticket: costly(3, 200),
      window: costly(4, 200),
      notes: costly(5, 4000),
      paper: 'letter',
    },
  });
}

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

describe('plan file size limit', () => {
  it('the pieces of the largest plan are each at the most the schema allows', () => {
    expect(JSON.stringify(LONGEST_COORDINATE)).toHaveLength(25);
    expect(JSON.stringify(LONGEST_EXTENT)).toHaveLength(24);
    expect(LONGEST_ADDRESS).toHaveLength(254);
    expect(JSON.stringify(costly(9999, 64))).toHaveLength(2 + 64 * 6);
    expect(JSON.stringify(LONE_SURROGATE.repeat(120))).toHaveLength(2 + 120 * 6);
    expect(ESCAPED).toHaveLength(27);
    // Longer text or another address is refused, so these are the largest.
    const plan = largestPlan();
    plan.hosts = plan.hosts.slice(0, 2);
    plan.zones = plan.zones.slice(0, 2);
    const longer = structuredClone(plan);
    longer.zones[1]!.name += LONE_SURROGATE;
    longer.hosts[0]!.id += 'x';
    longer.hosts[0]!.name += 'x';
    longer.hosts[1]!.address = `${LONGEST_ADDRESS}e`;
    longer.changeRequest!.notes += 'x';
    const refused = restorePlan(longer);
    expect(refused.ok || refused.problems.map((p) => p.path)).toEqual([
      'changeRequest.notes',
      'zones[1].name',
      'hosts[0].id',
      'hosts[0].name',
      'hosts[1].address',
    ]);
  });

  it('a name of 120 four-byte characters fits, and costs less than 120 escaped ones', () => {
    const plan = largestPlan();
    plan.hosts = plan.hosts.slice(0, 1);
    plan.zones = plan.zones.slice(0, 1);
    plan.hosts[0]!.zone = plan.zones[0]!.id;
    plan.hosts[0]!.name = '\u{1F4E7}'.repeat(121);
    expect(restorePlan(plan).ok).toBe(false);
    plan.hosts[0]!.name = '\u{1F4E7}'.repeat(120);
    expect(restorePlan(plan).ok).toBe(true);
    expect(utf8Bytes(JSON.stringify(plan.hosts[0]!.name))).toBe(2 + 480);
    expect(utf8Bytes(JSON.stringify(costly(0, 120)))).toBe(2 + 720);
    expect(utf8Bytes(JSON.stringify('\u4E2D'.repeat(120)))).toBe(2 + 360);
  });

  it('the largest plan the schema accepts exports within the limit, and imports again', () => {
    const plan = largestPlan();
    expect(restorePlan(plan).ok).toBe(true);
    const text = serializePlan(plan);
    // 2,000 zones of 1,397 bytes, 10,000 hosts of 2,228, 29,788 for the rest, less two commas.
    expect(utf8Bytes(text)).toBe(25_103_786);
    expect(utf8Bytes(text)).toBeLessThanOrEqual(MAX_PLAN_FILE_BYTES);
    expect(planFileSizeProblem(utf8Bytes(text))).toBeUndefined();
    const back = parsePlanText(text);
    expect(back.ok && back.value.hosts.length).toBe(MAX_HOSTS);
    expect(back.ok && back.value.hosts[MAX_HOSTS - 1]).toEqual(plan.hosts[MAX_HOSTS - 1]);
  }, 60_000);

  it('refuses larger files with their size and the limit', () => {
    expect(MAX_PLAN_FILE_BYTES).toBe(26_000_000);
    expect(planFileSizeProblem(26_000_000)).toBeUndefined();
    expect(planFileSizeProblem(26_000_001)).toEqual({
      path: '',
      message: 'the file is 26.1 MB; a plan file is at most 26 MB',
    });
    expect(planFileSizeProblem(53_400_000)?.message).toBe(
      'the file is 53.4 MB; a plan file is at most 26 MB',
    );
  });
});
