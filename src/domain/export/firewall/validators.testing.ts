import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { DMZ_RELAY, ENTERPRISE, SINGLE_SERVER, TWO_SITES } from '../../plan/examples';
import type { Plan } from '../../plan/types';

/**
 * What the firewall target tests share: golden files, and the Debian tools that check the
 * generated files. A missing tool skips its tests locally, with a word naming the package, and
 * fails them under CI=true (.ci/run installs the tools).
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

/** Whether a validator's tests skip here: only outside CI, and saying why. */
export function skipsValidator(label: string, missing: string | null | undefined): boolean {
  const skip = !!missing && process.env.CI !== 'true';
  if (skip) console.warn(`${label} tests skipped: ${missing}`);
  return skip;
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

/** The plans every target's golden files and validators cover: the examples by file name. */
export const EXAMPLE_PLANS: [string, Plan][] = [
  ['single-server', SINGLE_SERVER],
  ['dmz-relay', DMZ_RELAY],
  ['two-sites', TWO_SITES],
  ['enterprise', ENTERPRISE],
];
/** IPv6 variants: a v6 single server, and a v4 node group meeting a v6-only mail server. */
export const V6_SINGLE = withAddress(SINGLE_SERVER, 'seg01', '2001:db8:1::10');
export const MIXED_RELAY = withAddress(DMZ_RELAY, 'exch', '2001:db8::25');
