import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { deriveFlows } from '../engine';
import { DMZ_RELAY, SINGLE_SERVER, parsePlanText, serializePlan, type Plan } from '../plan';
import { CSV_COLUMNS, csvLine, exportCsv, neutralise, quote, toCsv } from './csv';
import { exportPlanFile } from './planFile';
import { fileStem, requestFlows } from './index';
import { includedFlows, testedFlows } from './scope';
import { EXPORT_FORMATS } from './registry';
import { requestRows, zonePairLabel } from './rows';
import { withoutFirewalls } from '../plan/plan.testing';

const DATE = new Date('2026-11-27T12:00:00Z');

describe('change request scope and rows', () => {
  it('holds firewall-crossing flows by default and all flows between hosts on request', () => {
    const d = deriveFlows(DMZ_RELAY);
    expect(requestFlows(d, { includeInternal: false }).every((f) => f.crossesFirewall)).toBe(true);
    expect(requestFlows(d, { includeInternal: false })).toHaveLength(
      d.flows.filter((f) => f.crossesFirewall).length,
    );
    expect(requestFlows(d, { includeInternal: true })).toHaveLength(d.flows.length);
  });

  it('leaves excluded flows out; host firewalls skip them too, connectivity tests only those not needed', () => {
    const plan: Plan = {
      ...DMZ_RELAY,
      exclusions: [
        { rule: 'sql', source: 'am', destination: 'sql', protocol: 'tcp', port: 1433, kind: 'allowed' },
        {
          rule: 'smtp',
          source: 'node1',
          destination: 'exch',
          protocol: 'tcp',
          port: 25,
          kind: 'not-needed',
          note: 'Relays through node 2',
        },
      ],
    };
    const d = deriveFlows(plan);
    const id = (f: { ruleId: string; sourceHostId: string; destinationHostId: string }) =>
      `${f.ruleId} ${f.sourceHostId}>${f.destinationHostId}`;
    const gone = ['sql am>sql', 'smtp node1>exch'];
    expect(d.flows.map(id)).toEqual(expect.arrayContaining(gone));
    expect(requestFlows(d, { includeInternal: true }).map(id)).toEqual(
      d.flows.map(id).filter((x) => !gone.includes(x)),
    );
    // The crossing one leaves the default scope too; the one inside a zone was never in it.
    expect(requestFlows(d, { includeInternal: false })).toHaveLength(
      d.flows.filter((f) => f.crossesFirewall).length - 1,
    );
    expect(includedFlows(d).map(id)).toEqual(d.flows.map(id).filter((x) => !gone.includes(x)));
    // Already allowed is still worth testing after the change; not needed is not.
    expect(testedFlows(d).map(id)).toEqual(d.flows.map(id).filter((x) => x !== 'smtp node1>exch'));
  });

  it('never holds local flows of a single-server host', () => {
    const d = deriveFlows(SINGLE_SERVER);
    expect(d.localFlows.length).toBeGreaterThan(0);
    const ids = new Set(requestFlows(d, { includeInternal: true }).map((f) => f.id));
    expect(d.localFlows.some((f) => ids.has(f.id))).toBe(false);
  });

  it('orders rows by zone pair, then hosts, protocol and port, unzoned last', () => {
    const rows = requestRows(DMZ_RELAY, deriveFlows(DMZ_RELAY).flows);
    const pairs = [...new Set(rows.map(zonePairLabel))];
    expect(pairs).toEqual([
      'DMZ \u2192 Internal network',
      'DMZ \u2192 (no zone)',
      'Internal network \u2192 DMZ',
      'Internal network \u2192 Internal network',
      'Internal network \u2192 (no zone)',
      '(no zone) \u2192 DMZ',
    ]);
    const first = rows.slice(0, 3).map((r) => `${r.source}>${r.destination} ${r.protocol}/${r.port}`);
    expect(first).toEqual(['SEG-NODE01>DC01 tcp/53', 'SEG-NODE01>DC01 udp/53', 'SEG-NODE01>EXCH01 tcp/25']);
    // Stable: the same plan always gives the same rows.
    expect(requestRows(structuredClone(DMZ_RELAY), deriveFlows(DMZ_RELAY).flows)).toEqual(rows);
  });

  it('makes file names from plan names', () => {
    expect(fileStem('Contoso: gateway/DMZ?')).toBe('Contoso- gateway-DMZ-');
    expect(fileStem('  ')).toBe('plan');
    expect(fileStem('..hidden')).toBe('hidden');
  });
});

/** Reads CSV text with papaparse, an independent reader, after checking the byte-order mark and CRLF end. */
function readCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const result = Papa.parse<string[]>(text.slice(1, -2), { delimiter: ',', newline: '\r\n', quoteChar: '"' });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('CSV', () => {
  it('quotes per RFC 4180, and quotes semicolons and tabs that some spreadsheets split on', () => {
    expect(quote('plain')).toBe('plain');
    expect(quote('a,b')).toBe('"a,b"');
    expect(quote('say "hi"')).toBe('"say ""hi"""');
    expect(quote('two\nlines')).toBe('"two\nlines"');
    expect(quote('two\r\nlines')).toBe('"two\r\nlines"');
    expect(quote('a;=1+1')).toBe('"a;=1+1"');
    expect(quote('a\t=1+1')).toBe('"a\t=1+1"');
  });

  it('neutralises cells a spreadsheet would evaluate', () => {
    const bad = [
      '=1+1',
      '+SUM(A1)',
      '-2+3',
      '@cmd',
      '\tx',
      '\rx',
      '\nx',
      '\u0000x',
      ' =1+1',
      '   @SUM(1,2)',
      '\u00A0=1+1',
      '\u3000+1',
      '"=1+1',
      "'=1+1",
      ` "'-1`,
      '\u200B=1+1',
      '\uFEFF=1+1',
      '\uFF1D1+1',
      '\uFF0BSUM(A1)',
      '\uFF0D2+3',
      '\uFF20cmd',
      ' \uFF1D1',
      '"\uFF201',
      '\uFF02=1',
    ];
    for (const cell of bad) expect(neutralise(cell), JSON.stringify(cell)).toBe(`'${cell}`);
    const good = [
      'SEG-AM01',
      'a=b',
      'x-1',
      ' plain',
      '"quoted"',
      "O'Brien",
      '10.0.0.5',
      '::1',
      '',
      ' ',
      '1+1',
    ];
    for (const cell of good) expect(neutralise(cell), JSON.stringify(cell)).toBe(cell);
    expect(csvLine(['=HYPERLINK("http://x","y")', 'ok'])).toBe(`"'=HYPERLINK(""http://x"",""y"")",ok`);
    expect(csvLine([' "=1+1', 'x;=2'])).toBe(`"' ""=1+1","x;=2"`);
  });

  it('reads back as plain text: hostile names stay strings starting with an apostrophe', () => {
    const plan: Plan = structuredClone(DMZ_RELAY);
    plan.hosts[1]!.name = "=cmd|' /C calc'!A0"; // SEG-NODE01, in the DMZ
    plan.hosts[2]!.name = ' @SUM(1,2)'; // SEG-NODE02, in the DMZ
    plan.hosts[3]!.name = '"\uFF1DHYPERLINK(""x"")'; // SEG-AM01
    plan.zones[0]!.name = '\n-DMZ;+1';
    const csv = exportCsv({
      plan,
      derivation: deriveFlows(plan),
      scope: { includeInternal: true },
      date: DATE,
    });
    const text = csv.data as string;
    // Written as it stands: nothing in it needs quoting, only the apostrophe in front.
    expect(text).toContain(`,'=cmd|' /C calc'!A0,192.0.2.11,`);
    const rows = readCsv(text).slice(1);
    const names = new Set(rows.flatMap((r) => [r[0], r[3]]));
    expect(names).toContain("'=cmd|' /C calc'!A0");
    expect(names).toContain("' @SUM(1,2)");
    expect(names).toContain('\'"\uFF1DHYPERLINK(""x"")');
    expect(names).not.toContain("=cmd|' /C calc'!A0");
    const zones = new Set(rows.flatMap((r) => [r[2], r[5]]));
    expect(zones).toContain("'\n-DMZ;+1");
    // The inbound SMTP row from the Internet to the hostile first node, every column pinned.
    expect(rows.find((r) => r[0] === 'Internet' && r[3]!.includes('calc'))?.slice(0, 9)).toEqual([
      'Internet',
      'any',
      '',
      "'=cmd|' /C calc'!A0",
      '192.0.2.11',
      "'\n-DMZ;+1",
      'tcp',
      '25',
      'smtp',
    ]);
  });

  it('shows bidirectional controls in names and zones as code points', () => {
    const plan: Plan = structuredClone(DMZ_RELAY);
    plan.hosts[3]!.name = 'SEG-\u202EeM01'; // the Array Manager
    plan.zones[1]!.name = '\u2066Internal\u2069';
    const text = exportCsv({
      plan,
      derivation: deriveFlows(plan),
      scope: { includeInternal: false },
      date: DATE,
    }).data as string;
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    const update = readCsv(text).find((r) => r[8] === 'spamcensor-updates' && r[7] === '443');
    expect(update?.slice(0, 6)).toEqual([
      'SEG-<U+202E>eM01',
      '10.0.0.5',
      '<U+2066>Internal<U+2069>',
      'Internet',
      'www.marshal.com',
      '',
    ]);
  });

  it('has the contract columns and one row per flow in scope', () => {
    const d = deriveFlows(DMZ_RELAY);
    // The contract's columns: a plan without devices (with them, Firewalls follows the first ten).
    const file = exportCsv({
      plan: withoutFirewalls(DMZ_RELAY),
      derivation: d,
      scope: { includeInternal: false },
      date: DATE,
    });
    expect(file.filename).toBe('DMZ relay with internal array-firewall-request.csv');
    const text = file.data as string;
    expect(text.startsWith('\uFEFFSource,Source Address,Source Zone,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = readCsv(text);
    expect(header!.slice(0, 10)).toEqual([
      'Source',
      'Source Address',
      'Source Zone',
      'Destination',
      'Destination Address',
      'Destination Zone',
      'Protocol',
      'Port',
      'Rule',
      'Justification',
    ]);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(d.flows.filter((f) => f.crossesFirewall).length);
    const update = rows.find((r) => r[8] === 'spamcensor-updates');
    expect(update?.slice(0, 9)).toEqual([
      'SEG-AM01',
      '10.0.0.5',
      'Internal network',
      'Internet',
      'www.marshal.com',
      '',
      'tcp',
      '80',
      'spamcensor-updates',
    ]);
    const inbound = rows.find((r) => r[0] === 'Internet');
    expect(inbound?.[1]).toBe('any');
    expect(inbound?.[9]).toMatch(/processing nodes are the mail relays/);
  });

  it('writes an empty request as just the header', () => {
    expect(toCsv([])).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('upgrade CSV', () => {
  const parse = (text: string) =>
    Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const file = (plan: Plan, includeInternal: boolean) => {
    const out = exportCsv({
      plan,
      derivation: deriveFlows(plan),
      scope: { includeInternal },
      date: new Date('2026-03-02T10:00:00Z'),
    });
    return { name: out.filename, rows: parse(out.data as string) };
  };

  it('keeps the first ten columns, then Change, then the rest', () => {
    const { rows } = file({ ...withoutFirewalls(DMZ_RELAY), upgradeFrom: '8.0' }, true);
    expect(rows[0]).toEqual([
      'Source',
      'Source Address',
      'Source Zone',
      'Destination',
      'Destination Address',
      'Destination Zone',
      'Protocol',
      'Port',
      'Rule',
      'Justification',
      'Change',
      'Rule Title',
      'Crosses Firewall',
      'Source Roles',
      'Destination Roles',
      'Reference',
    ]);
  });

  it('8.0 → 10.0 with flows inside a zone: the web console to add, the Configurator to remove', () => {
    const { name, rows } = file({ ...DMZ_RELAY, upgradeFrom: '8.0' }, true);
    expect(name).toBe('DMZ relay with internal array-upgrade-8.0-to-10.0.csv');
    const pick = (r: string[]) => [...r.slice(0, 9), r[10]];
    expect(rows.slice(1).map(pick)).toEqual([
      [
        'Admin workstations',
        '10.0.5.0/24',
        'Internal network',
        'SEG-AM01',
        '10.0.0.5',
        'Internal network',
        'tcp',
        '443',
        'management-console',
        'Add',
      ],
      [
        'Admin workstations',
        '10.0.5.0/24',
        'Internal network',
        'SEG-AM01',
        '10.0.0.5',
        'Internal network',
        'tcp',
        '19001',
        'array-manager-service',
        'Remove',
      ],
    ]);
    // The justification is the rule's, as in the normal CSV.
    expect(rows[1]![9]).toMatch(/web/i);
  });

  it('6.0 → 10.0 crossing a firewall: web access for both DMZ nodes, nothing to remove', () => {
    const { name, rows } = file({ ...DMZ_RELAY, upgradeFrom: '6.0' }, false);
    expect(name).toBe('DMZ relay with internal array-upgrade-6.0-to-10.0.csv');
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4], `${r[6]}/${r[7]}`, r[8], r[10]])).toEqual([
      ['SEG-NODE01', 'Internet', 'any', 'tcp/80', 'node-http', 'Add'],
      ['SEG-NODE01', 'Internet', 'any', 'tcp/443', 'node-http', 'Add'],
      ['SEG-NODE02', 'Internet', 'any', 'tcp/80', 'node-http', 'Add'],
      ['SEG-NODE02', 'Internet', 'any', 'tcp/443', 'node-http', 'Add'],
    ]);
  });

  it('without a comparison, stays the normal change request', () => {
    expect(file(DMZ_RELAY, false).name).toBe('DMZ relay with internal array-firewall-request.csv');
  });
});

describe('plan files', () => {
  it('round-trips: export then import gives the same plan and the same flows', () => {
    const file = exportPlanFile({
      plan: DMZ_RELAY,
      derivation: deriveFlows(DMZ_RELAY),
      scope: { includeInternal: false },
      date: DATE,
    });
    expect(file.filename).toBe('DMZ relay with internal array.portolan.json');
    const back = parsePlanText(file.data as string);
    expect(back).toEqual({ ok: true, value: DMZ_RELAY });
    expect(back.ok && deriveFlows(back.value)).toEqual(deriveFlows(DMZ_RELAY));
  });

  it('refuses invalid, truncated and future-version files with every problem and its path', () => {
    const text = serializePlan(DMZ_RELAY);
    const truncated = parsePlanText(text.slice(0, 200));
    expect(truncated.ok || truncated.problems[0]?.message).toMatch(/truncated/);
    const future = parsePlanText(text.replace('"version": 3', '"version": 4'));
    expect(future.ok || future.problems[0]?.message).toMatch(/newer Portolan \(plan format version 4\)/);
    const invalid = parsePlanText(
      text.replace('"10.0.0.6"', '"10.0.0.600"').replace('"trust": "dmz"', '"trust": "guest"'),
    );
    expect(invalid.ok || invalid.problems.map((p) => p.path)).toEqual(['zones[0].trust', 'hosts[4].address']);
  });

  it('lists every format once, each loading an exporter', async () => {
    expect(EXPORT_FORMATS.map((f) => f.item)).toEqual([
      'Plan file',
      'CSV',
      'Grouped rules CSV',
      'PDF',
      'nftables',
      'iptables',
      'ip6tables',
      'Windows Firewall (PowerShell)',
      'Cisco ASA',
      'FortiGate',
      'PAN-OS (not verified by a vendor parser)',
      'Connectivity test (bash)',
      'Connectivity test (PowerShell)',
      'Diagram (SVG)',
    ]);
    for (const f of EXPORT_FORMATS) expect(typeof (await f.load())).toBe('function');
  });
});
