import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { DMZ_RELAY, ENTERPRISE, SINGLE_SERVER, TWO_SITES } from '../../plan';
import type { Plan } from '../../plan';
import type { QuickExporter, RefusingExporter } from '../types';

/**
 * What the firewall target tests share: golden files, and the Debian tools that check the
 * generated files. A missing tool skips its tests, with the reason naming the package, unless
 * PORTOLAN_REQUIRE_VALIDATORS=1 (.ci/run sets it, and installs the tools): then it fails them.
 */

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');

/** `text` equals golden/`name`; with UPDATE_GOLDEN=1 the file is written first. */
export function expectGolden(name: string, text: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, text);
  expect(existsSync(path), `${path} missing: run UPDATE_GOLDEN=1`).toBe(true);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

/** The commands not on PATH, with the Debian packages that hold them; null when all are there. */
export function absentCommands(
  commands: readonly (readonly [command: string, pkg: string])[],
): string | null {
  const absent = commands.filter(([c]) => spawnSync('sh', ['-c', `command -v ${c}`]).status !== 0);
  if (absent.length === 0) return null;
  const packages = [...new Set(absent.map(([, p]) => p))].join(' ');
  return `${absent.map(([c]) => c).join(', ')} not found: apt-get install -y ${packages}`;
}

/** Set where the validators must run (.ci/run): a missing tool then fails instead of skipping. */
export const VALIDATORS_REQUIRED = process.env.PORTOLAN_REQUIRE_VALIDATORS === '1';

/**
 * Whether a validator's tests skip here: whenever `missing` says a tool is absent (and which
 * package holds it). The one way the firewall tests skip: the validator's own test, added here,
 * shows why, skipped with that reason, or failing with it when PORTOLAN_REQUIRE_VALIDATORS=1;
 * the tests that need the validator skip behind it (`it.skipIf(skipsValidator(…))`).
 */
export function skipsValidator(label: string, missing: string | null | undefined): boolean {
  if (!missing) return false;
  it(`${label} is installed`, (context) => {
    if (VALIDATORS_REQUIRED)
      throw new Error(`${label} is required (PORTOLAN_REQUIRE_VALIDATORS=1) but missing: ${missing}`);
    context.skip(`${label} tests skipped: ${missing}`);
  });
  return true;
}

/** `plan` with one host's address replaced (undefined: removed). */
export const withAddress = (plan: Plan, id: string, address: string | undefined): Plan => ({
  ...plan,
  hosts: plan.hosts.map((h) => {
    if (h.id !== id) return h;
    const { address: _, ...rest } = h;
    return address === undefined ? rest : { ...rest, address };
  }),
});

/** `plan` without firewall devices: exported exactly as before devices existed. */
export function withoutDevices(plan: Plan): Plan {
  const { firewalls: _, ...rest } = plan;
  return rest;
}

/**
 * The DMZ relay and Two sites examples without their devices: the golden files written before
 * devices existed still hold for them byte for byte (the proof that a plan without devices exports
 * as before).
 */
export const DMZ_RELAY_NO_DEVICES = withoutDevices(DMZ_RELAY);
export const TWO_SITES_NO_DEVICES = withoutDevices(TWO_SITES);

/** An exporter that may refuse, for plans that must give a file: a refusal fails the test. */
export const asFile =
  (exporter: RefusingExporter): QuickExporter =>
  (input) => {
    const result = exporter(input);
    if ('refused' in result) throw new Error(`refused: ${result.refused}`);
    return result;
  };

/** The plans every target's golden files and validators cover: the examples by file name. */
export const EXAMPLE_PLANS: [string, Plan][] = [
  ['single-server', SINGLE_SERVER],
  ['dmz-relay', DMZ_RELAY_NO_DEVICES],
  ['two-sites', TWO_SITES_NO_DEVICES],
  ['enterprise', ENTERPRISE],
];
/**
 * Each plan's object prefix, written by hand from its name (the default when none is chosen):
 * "Single server" → SINGLE, "DMZ relay with internal array" → DMZ-RELAY, "Two sites, 40 hosts" →
 * TWO-SITES-40, the hostile plan's 'Evil "plan"\n$(touch …' → EVIL-PLAN. Targets add their own
 * suffixes (`-RULES`) or spell `-` as `_` (nft).
 */
export const PREFIXES: Readonly<Record<string, string>> = {
  'single-server': 'SINGLE',
  'dmz-relay': 'DMZ-RELAY',
  'two-sites': 'TWO-SITES-40',
  enterprise: 'ENTERPRISE',
  'v6-single': 'SINGLE',
  'mixed-relay': 'DMZ-RELAY',
  'dual-relay': 'DMZ-RELAY',
  hostile: 'EVIL-PLAN',
};

/** The prefix of a plan of PREFIXES, by its test name. */
export function prefixOf(name: string): string {
  const prefix = PREFIXES[name];
  if (!prefix) throw new Error(`write the prefix of ${name} in PREFIXES`);
  return prefix;
}

/** IPv6 variants: a v6 single server, and a v4 node group meeting a v6-only mail server. */
export const V6_SINGLE = withAddress(SINGLE_SERVER, 'seg01', '2001:db8:1::10');
export const MIXED_RELAY = withAddress(DMZ_RELAY_NO_DEVICES, 'exch', '2001:db8::25');

/**
 * An address as a number, for tests that expand what a validator reads back (sets, networks):
 * IPv4 dotted quads and IPv6 in full or with "::". Written apart from the code under test.
 */
export function ipToBig(address: string): { family: 'ipv4' | 'ipv6'; value: bigint } {
  if (!address.includes(':')) {
    const parts = address.split('.').map(Number);
    if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255))
      throw new Error(address);
    return { family: 'ipv4', value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n) };
  }
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const h = head ? head.split(':') : [];
  const t = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  if (groups.length !== 8) throw new Error(address);
  return { family: 'ipv6', value: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
}
