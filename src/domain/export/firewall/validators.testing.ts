import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

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
