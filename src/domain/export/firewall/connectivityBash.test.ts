/**
 * The bash connectivity test: golden files, `bash -n` and `shellcheck` on every example's script,
 * and real runs against TCP listeners on loopback addresses (some ports open, some closed).
 *
 * Regenerate the golden files (then review the diff):
 *   UPDATE_GOLDEN=1 npx vitest run src/domain/export/firewall/connectivityBash.test.ts
 *
 * Needs `bash` and Debian's `shellcheck` (and `timeout`, from coreutils). Without them the
 * validator tests skip, saying why, and fail under PORTOLAN_REQUIRE_VALIDATORS=1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPlan } from '../../plan/plan.testing';
import { deriveFlows, type Derivation, type Flow } from '../../engine';
import { DMZ_RELAY, type Plan } from '../../plan';
import type { ExportFile, ExportInput } from '../types';
import { exportConnectivityBash, shellQuote } from './connectivityBash';
import { EXAMPLE_PLANS, absentCommands, expectGolden, skipsValidator } from './validators.testing';

const DATE = new Date('2026-11-28T00:00:00Z');

const PLANS = EXAMPLE_PLANS;

const inputFor = (plan: Plan, derivation: Derivation = deriveFlows(plan)): ExportInput => ({
  plan,
  derivation,
  scope: { includeInternal: false },
  date: DATE,
});

// ---- the validator ---------------------------------------------------------------------------

const MISSING = absentCommands([
  ['bash', 'bash'],
  ['shellcheck', 'shellcheck'],
  ['timeout', 'coreutils'],
]);
const UNAVAILABLE = skipsValidator('bash connectivity test validator', MISSING);
const requireTools = () => {
  if (MISSING !== null) throw new Error(`connectivity test validator missing: ${MISSING}`);
};

const work = mkdtempSync(join(tmpdir(), 'portolan-connectivity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let fileCount = 0;
function save(text: string): string {
  const file = join(work, `t${fileCount++}.sh`);
  writeFileSync(file, text);
  return file;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
/** Runs `bash FILE ARGS…` in `cwd` without blocking the listeners of this process. */
function run(file: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd = work): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [file, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

// ---- golden files and static checks ---------------------------------------------------------

describe.each(PLANS)('connectivity test of %s', (id, plan) => {
  const file = exportConnectivityBash(inputFor(plan)) as Awaited<ReturnType<typeof exportConnectivityBash>>;
  const text = file.data as string;

  it('is named after the plan and matches its golden file', () => {
    expect(file.filename.endsWith('-connectivity-test.sh')).toBe(true);
    expect(file.mime).toBe('text/x-shellscript');
    expectGolden(`${id}-connectivity-test.sh`, text);
  });

  it('has a check or a skip for every flow of every source host', () => {
    const flows = deriveFlows(plan).flows;
    for (const f of flows) expect(text).toContain(`${f.protocol}/${f.port} `);
    for (const h of plan.hosts) expect(text).toContain(`if is_source ${shellQuote(h.name)}; then`);
    for (const note of file.notes ?? []) expect(note).toMatch(/so the connectivity test skips it$/);
  });

  it.skipIf(UNAVAILABLE)('passes bash -n and shellcheck', () => {
    requireTools();
    const path = save(text);
    const syntax = spawnSync('bash', ['-n', path], { encoding: 'utf8' });
    expect(syntax.stderr).toBe('');
    expect(syntax.status).toBe(0);
    const lint = spawnSync('shellcheck', [path], { encoding: 'utf8' });
    expect(lint.stdout + lint.stderr).toBe('');
    expect(lint.status).toBe(0);
  });
});

describe('rule numbers', () => {
  it('are those of the change request, whatever its scope, with flows inside a zone after them', () => {
    const lines = (includeInternal: boolean) =>
      (exportConnectivityBash({ ...inputFor(DMZ_RELAY), scope: { includeInternal } }) as ExportFile)
        .data as string;
    for (const text of [lines(false), lines(true)]) {
      // Pinned from the DMZ relay's grouped rules: 1 nodes -> EXCH01, 2 nodes -> DC01 (DNS),
      // 3 nodes -> SEG-AM01, 4 nodes -> Internet, 8 Internet -> nodes; SEG-AM01 -> SQL01 is inside a
      // zone, so it follows the eight crossing rules.
      expect(text).toContain("  check_tcp tcp/25 'EXCH01' '10.0.1.25' '1 (smtp)' 25 '10.0.1.25'");
      expect(text).toContain("  check_dns udp/53 'DC01' '10.0.0.2' '2 (dns)' '10.0.0.2'");
      expect(text).toContain(
        "  check_tcp tcp/19001 'SEG-AM01' '10.0.0.5' '3 (array-manager-service)' 19001 '10.0.0.5'",
      );
      expect(text).toContain("  skip tcp/25 'Internet' 'any' '4 (smtp)' ");
      expect(text).toContain("  check_tcp tcp/25 'SEG-NODE01' '192.0.2.11' '8 (smtp)' 25 '192.0.2.11'");
      expect(text).toMatch(
        / {2}check_tcp tcp\/1433 'SQL01' '10\.0\.0\.6' '(9|1[0-9]) \(sql\)' 1433 '10\.0\.0\.6'/,
      );
    }
  });
});

describe('shell quoting', () => {
  it('keeps every character literal inside single quotes', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$(x) `y`')).toBe("'$(x) `y`'");
  });
});

// ---- real runs against loopback listeners ---------------------------------------------------

/** The source host's address and the destinations', all on loopback (any 127/8 address binds on Linux). */
const HOSTILE = "Evil'; touch PWNED-1; echo '$(touch PWNED-2)`touch PWNED-3`\nrm -rf x";
const HOSTILE_SHOWN = "Evil'; touch PWNED-1; echo '$(touch PWNED-2)`touch PWNED-3` rm -rf x";

const LOOP: Plan = testPlan({
  name: 'Loopback',
  productVersion: '10.0',
  zones: [],
  hosts: [
    {
      id: 'src',
      name: 'Client01',
      roles: ['processing-node'],
      address: '127.0.0.1',
      position: { x: 0, y: 0 },
    },
    { id: 'ok', name: 'OPEN-HOST', roles: ['mail-server'], address: '127.0.0.2', position: { x: 0, y: 0 } },
    { id: 'shut', name: 'SHUT-HOST', roles: ['mail-server'], address: '127.0.0.3', position: { x: 0, y: 0 } },
    { id: 'dns', name: 'DNS-HOST', roles: ['dns-server'], address: '127.0.0.4', position: { x: 0, y: 0 } },
    { id: 'blank', name: 'NO-ADDRESS', roles: ['mail-server'], position: { x: 0, y: 0 } },
    { id: 'net', name: 'Internet', roles: ['internet'], position: { x: 0, y: 0 } },
    {
      id: 'blk',
      name: 'BLOCK',
      roles: ['admin-workstation'],
      address: '127.0.0.0/24',
      position: { x: 0, y: 0 },
    },
    {
      id: 'good',
      name: 'AllOpen',
      roles: ['processing-node'],
      address: '127.0.0.5',
      position: { x: 0, y: 0 },
    },
    { id: 'evil', name: HOSTILE, roles: ['processing-node'], address: '127.0.0.6', position: { x: 0, y: 0 } },
  ],
});

/**
 * A hand-written derivation: exactly these flows, so the expected lines are known.
 *
 * Their grouped rules, worked out by hand (no zones, so every rule crosses a firewall and they are
 * ordered by their first catalog rule, smtp before dns before node-http, then by the source
 * group's key, then the destination's). Per (source, destination) pair the services are
 * src→ok, src→blank, src→blk {tcp/open0}; src→shut {tcp/closed}; src→dns {udp/53, udp/514};
 * src→net {tcp/443}; src→evil {tcp/open1}; good→ok {tcp/open0, tcp/open1}; evil→ok {tcp/open1}:
 *   1 evil → ok                     tcp/open1           smtp
 *   2 good → ok                     tcp/open0, open1    smtp, ldap
 *   3 src → blank, blk, ok          tcp/open0           smtp, management-console
 *   4 src → evil                    tcp/open1           smtp
 *   5 src → shut                    tcp/closed          smtp
 *   6 src → dns                     udp/53, udp/514     dns
 *   7 src → net                     tcp/443             node-http
 */
function loopDerivation(open: number[], closed: number): Derivation {
  const address = new Map(LOOP.hosts.map((h) => [h.id, h.address ?? '']));
  address.set('net', 'any');
  let n = 0;
  const flow = (from: string, to: string, protocol: 'tcp' | 'udp', port: number, ruleId: string): Flow =>
    ({
      id: `f${n++}`,
      ruleId,
      sourceHostId: from,
      destinationHostId: to,
      sourceRoles: [],
      destinationRoles: [],
      protocol,
      port,
      sourceAddress: address.get(from)!,
      destinationAddress: address.get(to)!,
      crossesFirewall: true,
    }) as unknown as Flow;
  return {
    flows: [
      flow('src', 'ok', 'tcp', open[0]!, 'smtp'),
      flow('src', 'shut', 'tcp', closed, 'smtp'),
      flow('src', 'dns', 'udp', 53, 'dns'),
      flow('src', 'dns', 'udp', 514, 'dns'),
      flow('src', 'blank', 'tcp', open[0]!, 'smtp'),
      flow('src', 'net', 'tcp', 443, 'node-http'),
      flow('src', 'blk', 'tcp', open[0]!, 'management-console'),
      flow('src', 'evil', 'tcp', open[1]!, 'smtp'),
      flow('good', 'ok', 'tcp', open[0]!, 'smtp'),
      flow('good', 'ok', 'tcp', open[1]!, 'ldap'),
      flow('evil', 'ok', 'tcp', open[1]!, 'smtp'),
    ],
    localFlows: [],
    excluded: new Map(),
    warnings: [],
  };
}

function listen(host: string, port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
const portOf = (s: Server) => (s.address() as { port: number }).port;

describe.skipIf(UNAVAILABLE)('a real run against loopback listeners', () => {
  const servers: Server[] = [];
  let open: number[] = [];
  let closed = 0;
  let script = '';
  let fakeBin = '';

  beforeAll(async () => {
    requireTools();
    const a = await listen('127.0.0.2');
    servers.push(a);
    open = [portOf(a)];
    servers.push(await listen('127.0.0.2'));
    open.push(portOf(servers[1]!));
    servers.push(await listen('127.0.0.6', open[1]));
    // A port that was free a moment ago on 127.0.0.3, and nothing listens there now.
    const gone = await listen('127.0.0.3');
    closed = portOf(gone);
    await new Promise<void>((resolve) => gone.close(() => resolve()));
    const file = exportConnectivityBash(inputFor(LOOP, loopDerivation(open, closed))) as { data: string };
    script = save(file.data);
    fakeBin = mkdtempSync(join(work, 'bin-'));
  });
  afterAll(() => servers.forEach((s) => s.close()));

  /** PATH with a stand-in `dig` that exits with `status` and records its arguments. */
  function withDig(status: number): NodeJS.ProcessEnv {
    const dig = join(fakeBin, 'dig');
    writeFileSync(dig, `#!/bin/sh\nprintf '%s\\n' "$@" > "${fakeBin}/dig-args"\nexit ${status}\n`);
    chmodSync(dig, 0o755);
    return { ...process.env, PATH: `${fakeBin}:${process.env.PATH ?? ''}` };
  }

  it('passes open ports, fails closed ones, skips what it cannot check, and exits 1', async () => {
    const r = await run(script, ['client01'], withDig(0));
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      `PASS tcp/${open[0]} OPEN-HOST 127.0.0.2 rule 3 (smtp)`,
      `FAIL tcp/${closed} SHUT-HOST 127.0.0.3 rule 5 (smtp) (no TCP connection within 3 s)`,
      'PASS udp/53 DNS-HOST 127.0.0.4 rule 6 (dns)',
      'SKIP udp/514 DNS-HOST 127.0.0.4 rule 6 (dns) (UDP is only checked for DNS (port 53): nothing answers an empty datagram)',
      `SKIP tcp/${open[0]} NO-ADDRESS (none) rule 3 (smtp) (the destination has no address)`,
      'SKIP tcp/443 Internet any rule 7 (node-http) (the destination is any address, nothing single to connect to)',
      `SKIP tcp/${open[0]} BLOCK 127.0.0.0/24 rule 3 (management-console) (the destination is an address block (127.0.0.0/24))`,
      `PASS tcp/${open[1]} ${HOSTILE_SHOWN} 127.0.0.6 rule 4 (smtp)`,
    ]);
    expect(r.status).toBe(1);
    expect(readFileSync(join(fakeBin, 'dig-args'), 'utf8')).toBe(
      '+time=3\n+tries=1\n@127.0.0.4\nportolan.invalid\n',
    );
  });

  it('fails the DNS check when dig gets no answer', async () => {
    const r = await run(script, ['Client01'], withDig(9));
    expect(r.stdout).toContain('FAIL udp/53 DNS-HOST 127.0.0.4 rule 6 (dns) (no DNS answer within 3 s)\n');
    expect(r.status).toBe(1);
  });

  it.skipIf(spawnSync('sh', ['-c', 'command -v dig']).status === 0)('skips DNS without dig', async () => {
    const r = await run(script, ['Client01']);
    expect(r.stdout).toContain(
      'SKIP udp/53 DNS-HOST 127.0.0.4 rule 6 (dns) (dig not installed: no DNS query sent)\n',
    );
  });

  it('exits 0 when every port is open', async () => {
    const r = await run(script, ['ALLOPEN']);
    expect(r.stdout).toBe(
      `PASS tcp/${open[0]} OPEN-HOST 127.0.0.2 rule 2 (smtp)\nPASS tcp/${open[1]} OPEN-HOST 127.0.0.2 rule 2 (ldap)\n`,
    );
    expect(r.status).toBe(0);
  });

  it('lists the hosts and exits 2 for an unknown source host, and defaults to hostname -s', async () => {
    const r = await run(script, ['nowhere']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "Unknown source host 'nowhere'. The hosts of this plan:\n" +
        LOOP.hosts.map((h) => `  ${h.name.replace('\n', ' ')}\n`).join(''),
    );
    expect(r.status).toBe(2);
    const me = spawnSync('hostname', ['-s'], { encoding: 'utf8' }).stdout.trim();
    if (!LOOP.hosts.some((h) => h.name.toLowerCase() === me.toLowerCase())) {
      const d = await run(script, []);
      expect(d.stderr).toContain(`Unknown source host '${me}'.`);
      expect(d.status).toBe(2);
    }
  });

  it('runs nothing from a hostile host name, as a destination or as the source', async () => {
    const dir = mkdtempSync(join(work, 'cwd-'));
    const asSource = await run(script, [HOSTILE_SHOWN], process.env, dir);
    expect(asSource.stdout).toBe(`PASS tcp/${open[1]} OPEN-HOST 127.0.0.2 rule 1 (smtp)\n`);
    expect(asSource.status).toBe(0);
    await run(script, ['Client01'], withDig(0), dir);
    await run(script, ['$(touch PWNED-4)'], process.env, dir);
    expect(readdirSync(dir)).toEqual([]);
  });
});
