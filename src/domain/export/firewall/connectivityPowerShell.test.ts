/**
 * The PowerShell connectivity test: golden files, and tree-sitter-powershell parsing each script
 * with no ERROR or MISSING node and every cmdlet and parameter in the list written from
 * Microsoft's documentation (powershell.testing.ts). The check table is read back from the parse
 * tree and compared with each host's flows, computed here from deriveFlows alone, and with the
 * checks of the bash script for the same plan.
 *
 * There is no PowerShell on Debian, so the script is never run here: these tests prove its syntax,
 * its cmdlets and parameters, its table and that plan text stays inert; not how TcpClient or
 * Resolve-DnsName behave on a real host.
 *
 * Regenerate the golden files (then review the diff):
 *   UPDATE_GOLDEN=1 npx vitest run src/domain/export/firewall/connectivityPowerShell.test.ts
 *
 * Needs the npm packages web-tree-sitter and tree-sitter-powershell (devDependencies). Without
 * them the validator tests skip, saying why, and fail under PORTOLAN_REQUIRE_VALIDATORS=1.
 */
import Papa from 'papaparse';
import type { Node } from 'web-tree-sitter';
import { describe, expect, it } from 'vitest';
import { testPlan } from '../../plan/plan.testing';
import { deriveFlows, type Derivation, type Flow } from '../../engine';
import type { Plan } from '../../plan';
import { DMZ_RELAY } from '../../plan';
import { exportGroupedCsv } from '../groupedCsv';
import type { ExportFile, ExportInput } from '../types';
import { oneLine } from './common';
import { exportConnectivityBash as bashExporter } from './connectivityBash';
import { exportConnectivityPowerShell } from './connectivityPowerShell';
import { loadPowerShell, problems, verbatimValue, walk } from './powershell.testing';
import { EXAMPLE_PLANS, expectGolden, skipsValidator } from './validators.testing';

const DATE = new Date('2026-11-28T00:00:00Z');

const PLANS = EXAMPLE_PLANS;

const inputFor = (plan: Plan): ExportInput => ({
  plan,
  derivation: deriveFlows(plan),
  scope: { includeInternal: false },
  date: DATE,
});
/** The bash script's file (its exporter is synchronous). */
const exportConnectivityBash = (input: ExportInput) => bashExporter(input) as ExportFile;
const exportOf = (plan: Plan) => exportConnectivityPowerShell(inputFor(plan));

// ---- the validator ---------------------------------------------------------------------------

const POWERSHELL = await loadPowerShell();
const UNAVAILABLE = skipsValidator(
  'PowerShell validator',
  typeof POWERSHELL === 'string' ? POWERSHELL : null,
);

function parse(text: string): Node {
  if (typeof POWERSHELL === 'string') throw new Error(`PowerShell validator missing: ${POWERSHELL}`);
  return POWERSHELL.parse(text);
}

const FIELDS = ['Source', 'Kind', 'Label', 'Destination', 'Shown', 'Rules', 'Port', 'Address', 'Reason'];

/** The single literal a table value is: a verbatim string or an integer, nothing else. */
function literal(pipeline: Node): string {
  const leaves = [...walk(pipeline)].filter((n) => n.childCount === 0 || n.type === 'string_literal');
  const strings = leaves.filter((n) => n.type === 'string_literal');
  if (strings.length === 1 && verbatimValue(strings[0]!) !== null) {
    expect(pipeline.text).toBe(strings[0]!.text);
    return verbatimValue(strings[0]!)!;
  }
  expect(pipeline.text, 'a table value that is not a literal').toMatch(/^\d+$/);
  return pipeline.text;
}

/** The assignment `$Name = …` at the top of the script. */
function assignment(root: Node, name: string): Node {
  const found = [...walk(root)].filter(
    (n) => n.type === 'assignment_expression' && n.namedChildren[0]?.text === name,
  );
  expect(found.length, name).toBe(1);
  return found[0]!;
}

/** `$Checks` as rows of its fields, read from the parse tree. */
function checkTable(root: Node): string[][] {
  const rows = [...walk(assignment(root, '$Checks'))].filter((n) => n.type === 'hash_literal_expression');
  return rows.map((row) => {
    const entries = [...walk(row)].filter((n) => n.type === 'hash_entry');
    expect(entries.map((e) => e.childForFieldName('key')?.text ?? e.namedChildren[0]!.text)).toEqual(FIELDS);
    return entries.map((e) => literal(e.namedChildren[1]!));
  });
}

/** `$Hosts`, read from the parse tree. */
function hostList(root: Node): string[] {
  return [...walk(assignment(root, '$Hosts'))]
    .filter((n) => n.type === 'string_literal')
    .map((n) => verbatimValue(n)!);
}

/** The grouped rules as the grouped CSV export writes them (flows inside zones too), read by papaparse. */
function groupedRules(plan: Plan, derivation: Derivation): Record<string, string>[] {
  const data = exportGroupedCsv({ plan, derivation, scope: { includeInternal: true }, date: DATE })
    .data as string;
  expect(data.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<Record<string, string>>(data.slice(1), {
    header: true,
    newline: '\r\n',
    skipEmptyLines: true,
  });
  expect(result.errors).toEqual([]);
  return result.data;
}

/** Whether a "; "-joined cell of the grouped CSV lists `item` as a whole entry. */
const lists = (cell: string | undefined, item: string) => `; ${cell ?? ''}; `.includes(`; ${item}; `);

/**
 * The number of the grouped-CSV rule that holds a flow's source and destination (name and address)
 * and its service, or undefined when none does. Each (source, destination, service) lies in one
 * rule only, so a second match is an error.
 */
function csvRuleOf(plan: Plan, rules: Record<string, string>[], f: Flow): string | undefined {
  const name = (id: string) => plan.hosts.find((h) => h.id === id)!.name;
  const found = rules.filter(
    (r) =>
      lists(r['Sources'], name(f.sourceHostId)) &&
      lists(r['Source Addresses'], f.sourceAddress) &&
      lists(r['Destinations'], name(f.destinationHostId)) &&
      lists(r['Destination Addresses'], f.destinationAddress) &&
      lists(r['Services'], `${f.protocol}/${f.port}`),
  );
  expect(found.length, `grouped rules holding ${f.id}`).toBeLessThanOrEqual(1);
  return found[0]?.['Rule'];
}

/**
 * The rows each host's flows call for, written from the flows alone; the rule number in each row's
 * label is read from the grouped CSV (the rule holding the check's source, destination and
 * service), "none, already allowed" when only excluded flows make the check.
 */
function expectedTable(plan: Plan, derivation: Derivation = deriveFlows(plan)): string[][] {
  const { flows, excluded } = derivation;
  const tested = flows.filter((f) => excluded.get(f.id)?.kind !== 'not-needed');
  const csv = groupedRules(plan, derivation);
  const name = (id: string) => oneLine(plan.hosts.find((h) => h.id === id)!.name).replace(/[‘’‚‛]/g, "'");
  const rows = new Map<string, string[]>();
  const ids = new Map<string, string[]>();
  const numbers = new Map<string, string>();
  for (const host of plan.hosts)
    for (const f of tested.filter((x) => x.sourceHostId === host.id)) {
      const key = JSON.stringify([host.id, f.protocol, f.port, f.destinationHostId, f.destinationAddress]);
      const number = csvRuleOf(plan, csv, f);
      if (!excluded.has(f.id)) expect(number, `the grouped rule of ${f.id}`).toBeDefined();
      if (number !== undefined && !numbers.has(key)) numbers.set(key, number);
      const a = f.destinationAddress;
      const reason =
        a === ''
          ? 'the destination has no address'
          : a === 'any'
            ? 'the destination is any address, nothing single to connect to'
            : a.includes('/')
              ? `the destination is an address block (${a})`
              : f.protocol === 'udp' && f.port !== 53
                ? 'UDP is only checked for DNS (port 53): nothing answers an empty datagram'
                : '';
      const kind = reason !== '' ? 'skip' : f.protocol === 'tcp' ? 'tcp' : 'dns';
      const existing = rows.get(key);
      if (existing) {
        if (!ids.get(key)!.includes(f.ruleId)) ids.get(key)!.push(f.ruleId);
        continue;
      }
      ids.set(key, [f.ruleId]);
      rows.set(key, [
        name(host.id),
        kind,
        `${f.protocol}/${f.port}`,
        name(f.destinationHostId),
        a === '' ? '(none)' : oneLine(a).replace(/[‘’‚‛]/g, "'"),
        '',
        String(f.port),
        oneLine(a).replace(/[‘’‚‛]/g, "'"),
        reason,
      ]);
    }
  for (const [key, row] of rows)
    row[5] = `${numbers.get(key) ?? 'none, already allowed'} (${ids.get(key)!.join(', ')})`;
  return [...rows.values()];
}

/** Each check of the bash script as (source, kind, label, destination, shown, rules), from its lines. */
function bashChecks(plan: Plan, text = exportConnectivityBash(inputFor(plan)).data as string): string[][] {
  const out: string[][] = [];
  let source = '';
  for (const line of text.split('\n')) {
    const section = /^if is_source '(.*)'; then$/.exec(line);
    if (section) source = section[1]!;
    const m = /^ {2}(check_tcp|check_dns|skip) (\S+) '([^']*)' '([^']*)' '([^']*)'/.exec(line);
    if (m) out.push([source, { check_tcp: 'tcp', check_dns: 'dns', skip: 'skip' }[m[1]!]!, ...m.slice(2, 6)]);
  }
  return out;
}

/** Node types through which text from the plan could run as code. */
const CODE = [
  'sub_expression',
  'expandable_string_literal',
  'expandable_here_string_literal',
  'script_block_expression',
];

// ---- the tests -------------------------------------------------------------------------------

describe.each(PLANS)('PowerShell connectivity test of %s', (id, plan) => {
  const file = exportOf(plan);
  const text = file.data as string;

  it('is named after the plan and matches its golden file', () => {
    expect(file.filename).toBe(`${plan.name}-connectivity-test.ps1`);
    expect(file.mime).toBe('text/plain;charset=utf-8');
    expectGolden(`${id}-connectivity-test.ps1`, text);
  });

  it('notes what it skips exactly as the bash script does', () => {
    expect(file.notes).toEqual(exportConnectivityBash(inputFor(plan)).notes);
  });

  it.skipIf(UNAVAILABLE)('parses cleanly with only documented cmdlets and parameters', () => {
    const root = parse(text);
    expect(problems(root)).toEqual([]);
    const commands = [...walk(root)]
      .filter((n) => n.type === 'command')
      .map((n) => n.childForFieldName('command_name')!.text);
    expect(new Set(commands)).toEqual(
      new Set(['Get-Command', 'Resolve-DnsName', 'Out-Null', 'Write-Output']),
    );
  });

  it.skipIf(UNAVAILABLE)('has one row per check each host’s flows call for, and every host', () => {
    const root = parse(text);
    const table = checkTable(root);
    expect(table).toEqual(expectedTable(plan));
    expect(hostList(root)).toEqual(plan.hosts.map((h) => h.name));
    // The same checks, in the same order, as the bash script.
    expect(table.map((r) => r.slice(0, 6))).toEqual(bashChecks(plan));
  });
});

describe('the DMZ relay', () => {
  it.skipIf(UNAVAILABLE)('checks SEG-NODE01’s flows: TCP, DNS, and skips the Internet', () => {
    const rows = checkTable(parse(exportOf(DMZ_RELAY).data as string)).filter((r) => r[0] === 'SEG-NODE01');
    expect(rows.map((r) => `${r[1]} ${r[2]} ${r[3]} ${r[7]}`)).toEqual([
      'skip tcp/25 Internet any',
      'tcp tcp/25 EXCH01 10.0.1.25',
      'dns udp/53 DC01 10.0.0.2',
      'tcp tcp/53 DC01 10.0.0.2',
      'skip tcp/80 Internet any',
      'skip tcp/443 Internet any',
      'tcp tcp/19001 SEG-AM01 10.0.0.5',
    ]);
  });

  it('prints the lines of the bash script: status, label, destination, address, rule, reason', () => {
    const text = exportOf(DMZ_RELAY).data as string;
    expect(text).toContain(
      "  $Line = $Status + ' ' + $Check.Label + ' ' + $Check.Destination + ' ' + $Check.Shown + ' rule ' + $Check.Rules\n" +
        "  if ($Reason -ne '') { $Line = $Line + ' (' + $Reason + ')' }\n",
    );
    expect(text).toContain('.Wait(3000)');
    expect(text).toContain("$Reason = 'no TCP connection within 3 s'");
    expect(text).toContain(
      "Resolve-DnsName -Name 'portolan.invalid' -Server $Check.Address -DnsOnly -QuickTimeout -ErrorAction 'Stop'",
    );
    expect(text).toContain('  [string]$Source = $env:COMPUTERNAME\n');
    expect(text).toContain('if ($Hosts -notcontains $Source) {');
    expect(text).toContain('  exit 2\n');
    expect(text).toMatch(/\nexit \$Failed\n$/);
  });
});

// ---- every kind of check, from a hand-made derivation -------------------------------------------

const KINDS: Plan = testPlan({
  name: 'Kinds',
  productVersion: '10.0',
  zones: [],
  hosts: [
    { id: 'src', name: 'Client01', roles: ['processing-node'], address: '192.0.2.1' },
    { id: 'ok', name: 'MAIL', roles: ['mail-server'], address: '192.0.2.2' },
    { id: 'dns', name: 'DNS', roles: ['dns-server'], address: '2001:db8::53' },
    { id: 'blank', name: 'NO-ADDRESS', roles: ['mail-server'] },
    { id: 'net', name: 'Internet', roles: ['internet'] },
    { id: 'blk', name: 'BLOCK', roles: ['admin-workstation'], address: '192.0.2.0/24' },
    { id: 'idle', name: 'Idle', roles: ['admin-workstation'], address: '192.0.2.9' },
  ],
});

/**
 * Every flow starts at Client01 and there are no zones, so every grouped rule crosses a firewall and
 * they are ordered by their first catalog rule (smtp, dns, spamcensor-updates, node-http, …). Worked
 * out by hand, per destination: MAIL and NO-ADDRESS get {tcp/25}, DNS {udp/53, udp/514}, the
 * Internet {tcp/443} and, as www.marshal.com (a member of its own), {tcp/80}, BLOCK {tcp/443}:
 *   1 Client01 → MAIL, NO-ADDRESS      tcp/25            smtp, ldap
 *   2 Client01 → DNS                   udp/53, udp/514   dns
 *   3 Client01 → Internet (marshal)    tcp/80            spamcensor-updates
 *   4 Client01 → Internet, BLOCK       tcp/443           node-http, management-console
 */
function kindsDerivation(): Derivation {
  const address = new Map(KINDS.hosts.map((h) => [h.id, h.address ?? '']));
  address.set('net', 'any');
  let n = 0;
  const flow = (
    to: string,
    protocol: 'tcp' | 'udp',
    port: number,
    ruleId: string,
    at = address.get(to)!,
  ): Flow =>
    ({
      id: `f${n++}`,
      ruleId,
      sourceHostId: 'src',
      destinationHostId: to,
      sourceRoles: [],
      destinationRoles: [],
      protocol,
      port,
      sourceAddress: address.get('src')!,
      destinationAddress: at,
      crossesFirewall: n % 2 === 0,
    }) as unknown as Flow;
  return {
    flows: [
      flow('ok', 'tcp', 25, 'smtp'),
      flow('ok', 'tcp', 25, 'ldap'),
      flow('dns', 'udp', 53, 'dns'),
      flow('dns', 'udp', 514, 'dns'),
      flow('blank', 'tcp', 25, 'smtp'),
      flow('net', 'tcp', 443, 'node-http'),
      flow('net', 'tcp', 80, 'spamcensor-updates', 'www.marshal.com'),
      flow('blk', 'tcp', 443, 'management-console'),
    ],
    localFlows: [],
    excluded: new Map(),
    warnings: [],
  };
}

describe('every kind of check', () => {
  const input = { ...inputFor(KINDS), derivation: kindsDerivation() };
  const file = exportConnectivityPowerShell(input);

  it.skipIf(UNAVAILABLE)('checks TCP and DNS, and skips the rest with the bash script’s reasons', () => {
    const table = checkTable(parse(file.data as string));
    expect(table.map((r) => r.slice(1).join(' | '))).toEqual([
      'tcp | tcp/25 | MAIL | 192.0.2.2 | 1 (smtp, ldap) | 25 | 192.0.2.2 | ',
      'dns | udp/53 | DNS | 2001:db8::53 | 2 (dns) | 53 | 2001:db8::53 | ',
      'skip | udp/514 | DNS | 2001:db8::53 | 2 (dns) | 514 | 2001:db8::53 | UDP is only checked for DNS (port 53): nothing answers an empty datagram',
      'skip | tcp/25 | NO-ADDRESS | (none) | 1 (smtp) | 25 |  | the destination has no address',
      'skip | tcp/443 | Internet | any | 4 (node-http) | 443 | any | the destination is any address, nothing single to connect to',
      'tcp | tcp/80 | Internet | www.marshal.com | 3 (spamcensor-updates) | 80 | www.marshal.com | ',
      'skip | tcp/443 | BLOCK | 192.0.2.0/24 | 4 (management-console) | 443 | 192.0.2.0/24 | the destination is an address block (192.0.2.0/24)',
    ]);
    expect(new Set(table.map((r) => r[0]))).toEqual(new Set(['Client01']));
    expect(hostList(parse(file.data as string))).toContain('Idle');
    expect(table.map((r) => r.slice(0, 6))).toEqual(
      bashChecks(KINDS, exportConnectivityBash(input).data as string),
    );
  });

  it('notes the same skips as the bash script', () => {
    expect(file.notes).toEqual(exportConnectivityBash(input).notes);
    expect(file.notes).toHaveLength(3);
    expect(file.notes).toContain(
      'Client01 -> BLOCK tcp/443 (rule 4 (management-console)): the destination is an address block ' +
        '(192.0.2.0/24), so the connectivity test skips it',
    );
  });

  it.skipIf(UNAVAILABLE)('labels a check already allowed "none", and the grouped CSV agrees', () => {
    // f7 (Client01 → BLOCK, management-console) already allowed: it leaves the grouping, so BLOCK's
    // check has no rule and rule 4 keeps the Internet alone; the other numbers stay as above.
    const derivation = kindsDerivation();
    derivation.excluded = new Map([
      [
        'f7',
        {
          rule: 'management-console',
          source: 'src',
          destination: 'blk',
          protocol: 'tcp',
          port: 443,
          kind: 'allowed',
        },
      ],
    ]);
    const allowed = { ...inputFor(KINDS), derivation };
    const ps = exportConnectivityPowerShell(allowed);
    const table = checkTable(parse(ps.data as string));
    expect(table.map((r) => `${r[2]} ${r[3]} ${r[5]}`)).toEqual([
      'tcp/25 MAIL 1 (smtp, ldap)',
      'udp/53 DNS 2 (dns)',
      'udp/514 DNS 2 (dns)',
      'tcp/25 NO-ADDRESS 1 (smtp)',
      'tcp/443 Internet 4 (node-http)',
      'tcp/80 Internet 3 (spamcensor-updates)',
      'tcp/443 BLOCK none, already allowed (management-console)',
    ]);
    expect(table).toEqual(expectedTable(KINDS, derivation));
    expect(table.map((r) => r.slice(0, 6))).toEqual(
      bashChecks(KINDS, exportConnectivityBash(allowed).data as string),
    );
    expect(ps.notes).toContain(
      'Client01 -> BLOCK tcp/443 (rule none, already allowed (management-console)): the destination is ' +
        'an address block (192.0.2.0/24), so the connectivity test skips it',
    );
    // The hand-built derivation, as the grouped CSV reads it, gives the table of the test above.
    expect(checkTable(parse(file.data as string))).toEqual(expectedTable(KINDS, kindsDerivation()));
  });
});

// ---- hostile names ---------------------------------------------------------------------------

const EVIL = `PWNED'; Remove-Item C:\\ -Recurse #$(Stop-Computer) \`" ‘x’ @{a=1}\nWrite-Host owned`;
const HOSTILE: Plan = testPlan({
  name: `Hostile ${EVIL}`,
  productVersion: '10.0',
  changeRequest: { ticket: `CHG ${EVIL}` },
  zones: [{ id: 'dmz', name: `DMZ ${EVIL}`, trust: 'dmz' }],
  hosts: [
    { id: 'i', name: `Internet ${EVIL}`, roles: ['internet'] },
    { id: 'n1', name: `NODE ${EVIL}`, roles: ['processing-node'], zone: 'dmz', address: '192.0.2.11' },
    { id: 'am', name: `AM ${EVIL}`, roles: ['array-manager'], address: `am.example.com'; $(evil)` },
    { id: 'm2', name: `MAIL2 ${EVIL}`, roles: ['mail-server'], zone: 'dmz' },
    { id: 'dc', name: 'DC', roles: ['directory-server', 'dns-server'], address: '10.0.0.0/24' },
  ],
});

describe('hostile names', () => {
  const file = exportOf(HOSTILE);
  const text = file.data as string;

  it.skipIf(UNAVAILABLE)(
    'parse, and the plan text only ever lands in single-quoted strings and comments',
    () => {
      const root = parse(text);
      expect(problems(root)).toEqual([]);
      for (const node of walk(root)) {
        expect(CODE).not.toContain(node.type);
        if (node.childCount === 0 && node.text.includes('PWNED'))
          expect(['verbatim_string_characters', 'comment']).toContain(node.type);
        // Each name stays whole inside one string: PWNED always with the rest of its text.
        if (node.type === 'string_literal' && node.text.includes('PWNED'))
          expect(verbatimValue(node)).toContain(
            "PWNED'; Remove-Item C:\\ -Recurse #$(Stop-Computer) `\" 'x' @{a=1} Write-Host owned",
          );
      }
      expect(checkTable(root)).toEqual(expectedTable(HOSTILE));
      expect(checkTable(root).length).toBeGreaterThan(0);
      expect(
        new Set(
          [...walk(root)]
            .filter((n) => n.type === 'command')
            .map((n) => n.childForFieldName('command_name')!.text),
        ),
      ).toEqual(new Set(['Get-Command', 'Resolve-DnsName', 'Out-Null', 'Write-Output']));
    },
  );

  it('notes what it skips, as the bash script does', () => {
    expect(file.notes).toEqual(exportConnectivityBash(inputFor(HOSTILE)).notes);
    expect(file.notes!.some((n) => n.includes('the destination has no address'))).toBe(true);
    expect(file.notes!.some((n) => n.includes('address block (10.0.0.0/24)'))).toBe(true);
  });
});

// ---- the validator can fail ------------------------------------------------------------------

describe('the PowerShell validator on this script', () => {
  it.skipIf(UNAVAILABLE)('finds a misspelt parameter, an unknown cmdlet and an unclosed string', () => {
    const text = exportOf(DMZ_RELAY).data as string;
    expect(problems(parse(text.replace('-QuickTimeout', '-QuickTimout')))).toEqual([
      expect.stringMatching(/Resolve-DnsName has no parameter -QuickTimout$/),
    ]);
    expect(problems(parse(text.replace('Get-Command', 'Get-Comand')))).toEqual([
      expect.stringMatching(/cmdlet "Get-Comand" is not in the list$/),
    ]);
    expect(problems(parse(text.replace("Source = 'SEG-NODE01';", "Source = 'SEG-NODE01;")))).not.toEqual([]);
  });

  it.skipIf(UNAVAILABLE)('finds a table value that could run', () => {
    const text = exportOf(DMZ_RELAY).data as string;
    const root = parse(text.replace("Destination = 'EXCH01'", 'Destination = "$(Stop-Computer)"'));
    expect(() => checkTable(root)).toThrow();
  });
});
