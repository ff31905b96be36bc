/**
 * Windows Firewall (PowerShell) script: golden files, and tree-sitter-powershell parsing each
 * script with no ERROR or MISSING node, every cmdlet and parameter in the list written from
 * Microsoft's documentation (powershell.testing.ts), and the rules read back from the tree
 * compared with the flows that reach each host.
 *
 * Regenerate the golden files (then review the diff):
 *   UPDATE_GOLDEN=1 npx vitest run src/domain/export/firewall/windowsFirewall.test.ts
 *
 * Needs the npm packages web-tree-sitter and tree-sitter-powershell (devDependencies; prebuilt
 * wasm, no build). Without them the validator tests skip, saying why, and fail under
 * PORTOLAN_REQUIRE_VALIDATORS=1.
 */

import type { Node } from 'web-tree-sitter';
import { describe, expect, it } from 'vitest';
import { testPlan } from '../../plan/plan.testing';
import { deriveFlows } from '../../engine';
import type { Plan } from '../../plan';
import { DMZ_RELAY, SINGLE_SERVER } from '../../plan';
import type { ExportInput } from '../types';
import { oneLine, rulesFor } from './common';
import { colonValue, loadPowerShell, problems, verbatimValue, walk } from './powershell.testing';
import { exportWindowsFirewall, isWindowsHost, quote, ruleGroup } from './windowsFirewall';
import { HOSTILE as SHARED_HOSTILE } from './hostile.testing';
import { EXAMPLE_PLANS, PREFIXES, expectGolden, skipsValidator } from './validators.testing';

const DATE = new Date('2026-11-28T00:00:00Z');

const PLANS: [string, Plan][] = [...EXAMPLE_PLANS, ['hostile', SHARED_HOSTILE]];

/** The rule group of each plan: its object prefix, written by hand in validators.testing.ts. */
const GROUPS = PREFIXES;

const inputFor = (plan: Plan): ExportInput => ({
  plan,
  derivation: deriveFlows(plan),
  scope: { includeInternal: false },
  date: DATE,
});
const exportOf = (plan: Plan) => exportWindowsFirewall(inputFor(plan));

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

/** The value(s) after each parameter of a command, as PowerShell reads them (strings and variables). */
function parameters(command: Node): Map<string, string[]> {
  const args = (command.childForFieldName('command_elements')?.namedChildren ?? []).filter(
    (e): e is Node => e !== null && e.type !== 'command_argument_sep',
  );
  const out = new Map<string, string[]>();
  args.forEach((arg, i) => {
    if (arg.type !== 'command_parameter') return;
    const next = args[i + 1];
    const values =
      next && next.type !== 'command_parameter'
        ? [...walk(next)]
            .filter((n) => n.type === 'string_literal' || n.type === 'variable')
            .map((n) => verbatimValue(n) ?? n.text)
        : [];
    out.set(arg.text.slice(1).toLowerCase(), values);
  });
  return out;
}

/** The host name an `if ($HostName -eq '…')` section is for, or null outside any section. */
function sectionOf(node: Node): string | null {
  for (let n: Node | null = node; n; n = n.parent) {
    if (n.type !== 'if_statement') continue;
    const condition = n.namedChildren.find((c) => c?.type === 'pipeline');
    if (!condition?.text.startsWith('$HostName -eq ')) continue;
    const literal = [...walk(condition)].find((c) => c.type === 'string_literal');
    return literal ? verbatimValue(literal) : null;
  }
  return null;
}

/** `host remote protocol/port` for every packet class each New-NetFirewallRule allows, read from the tree. */
function scriptTuples(root: Node, group: string): string[] {
  const out: string[] = [];
  for (const node of walk(root)) {
    if (node.type !== 'command' || node.childForFieldName('command_name')?.text !== 'New-NetFirewallRule')
      continue;
    const p = parameters(node);
    expect(p.get('direction')).toEqual(['Inbound']);
    expect(p.get('action')).toEqual(['Allow']);
    expect(p.get('group')).toEqual([group]);
    expect(colonValue(node, 'whatif')).toBe('$WhatIfPreference');
    expect([...p.keys()].sort()).toEqual(
      [
        'action',
        'description',
        'direction',
        'displayname',
        'group',
        'localport',
        'protocol',
        'remoteaddress',
        'whatif',
      ].sort(),
    );
    const host = sectionOf(node);
    expect(host).not.toBeNull();
    const protocol = p.get('protocol')!;
    expect(protocol.length).toBe(1);
    expect(p.get('localport')!.length).toBeGreaterThan(0);
    expect(p.get('remoteaddress')!.length).toBeGreaterThan(0);
    for (const remote of p.get('remoteaddress')!)
      for (const port of p.get('localport')!)
        out.push(`${host} ${remote} ${protocol[0]!.toLowerCase()}/${port}`);
  }
  return [...new Set(out)].sort();
}

/** A host name as the script shows it: on one line, typographic single quotes made '. */
const shown = (name: string) =>
  oneLine(name)
    .trim()
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'");

/** What each Windows host must allow, written from the flows alone (addresses only; any is Any). */
function expectedTuples(plan: Plan): string[] {
  const { flows } = deriveFlows(plan);
  const out = new Set<string>();
  for (const host of plan.hosts.filter(isWindowsHost))
    for (const f of flows.filter((x) => x.destinationHostId === host.id)) {
      const a = f.sourceAddress;
      const remote = a === 'any' ? 'Any' : /^[\d.]+(\/\d+)?$/.test(a) || a.includes(':') ? a : null;
      if (remote) out.add(`${shown(host.name)} ${remote} ${f.protocol}/${f.port}`);
    }
  return [...out].sort();
}

/** Node types through which text from the plan could run as code. */
const CODE = [
  'sub_expression',
  'expandable_string_literal',
  'expandable_here_string_literal',
  'script_block',
];

// ---- the tests -------------------------------------------------------------------------------

describe.each(PLANS)('Windows Firewall export of %s', (id, plan) => {
  const file = exportOf(plan);
  const text = file.data as string;

  it('is named after the plan and matches its golden file', () => {
    expect(file.filename.endsWith('-windows-firewall.ps1')).toBe(true);
    expect(file.mime).toBe('text/plain;charset=utf-8');
    expectGolden(`${id}-windows-firewall.ps1`, text);
  });

  it('writes every note as a comment, says how to run it, and checks the host first', () => {
    for (const note of file.notes ?? []) expect(text).toContain(`#   ${note}\n`);
    expect(text).toContain('#   powershell -ExecutionPolicy Bypass -File FILE -WhatIf\n');
    expect(text).toContain('[CmdletBinding(SupportsShouldProcess)]\nparam(\n');
    const unknown = text.indexOf('  exit 1\n');
    const remove = text.indexOf(
      `Get-NetFirewallRule -Group '${GROUPS[id]}' -ErrorAction 'SilentlyContinue' | Remove-NetFirewallRule -WhatIf:$WhatIfPreference\n`,
    );
    const create = text.indexOf('New-NetFirewallRule');
    expect(unknown).toBeGreaterThan(0);
    expect(remove).toBeGreaterThan(unknown);
    if (create >= 0) expect(create).toBeGreaterThan(remove);
  });

  it.skipIf(UNAVAILABLE)('parses cleanly with only documented cmdlets and parameters', () => {
    const root = parse(text);
    expect(problems(root)).toEqual([]);
    for (const node of walk(root)) expect(CODE).not.toContain(node.type);
  });

  it.skipIf(UNAVAILABLE)('allows exactly the flows that reach each Windows host', () => {
    expect(scriptTuples(parse(text), GROUPS[id]!)).toEqual(expectedTuples(plan));
  });
});

describe('the DMZ relay', () => {
  it.skipIf(UNAVAILABLE)('gives SEG-AM01 its four inbound flows, inside its zone or not', () => {
    const am = scriptTuples(parse(exportOf(DMZ_RELAY).data as string), 'DMZ-RELAY').filter((t) =>
      t.startsWith('SEG-AM01 '),
    );
    expect(am).toEqual(
      [
        // The processing nodes in the DMZ reach the Array Manager service (crosses the firewall).
        'SEG-AM01 192.0.2.11 tcp/19001',
        'SEG-AM01 192.0.2.12 tcp/19001',
        // The admin workstations reach the Management Console, and automation the REST API (inside the LAN).
        'SEG-AM01 10.0.5.0/24 tcp/443',
        'SEG-AM01 10.0.7.14 tcp/19006',
      ].sort(),
    );
  });

  it('has a section for every Windows host and none for the others', () => {
    const text = exportOf(DMZ_RELAY).data as string;
    expect(text).toContain("$KnownHosts = @('SEG-NODE01', 'SEG-NODE02', 'SEG-AM01', 'SQL01', 'DC01')\n");
    expect(text).not.toMatch(/-eq 'EXCH01'|-eq 'Internet'/);
  });
});

describe('the single server', () => {
  it('has nothing it cannot express: its DNS name (www.marshal.com) is a destination, not a Windows host', () => {
    const file = exportOf(SINGLE_SERVER);
    // The exporter leaves `notes` out when there are none.
    expect(file.notes).toBeUndefined();
    expect(file.data).not.toContain('marshal');
  });
});

// ---- hostile names ---------------------------------------------------------------------------

const EVIL = `PWNED'; Remove-Item C:\\ -Recurse #$(Stop-Computer) \`" ‘x’ @{a=1}\nWrite-Host owned`;
const HOSTILE: Plan = testPlan({
  name: `Hostile ${EVIL}`,
  productVersion: '10.0',
  changeRequest: { ticket: `CHG ${EVIL}` },
  zones: [
    {
      id: 'dmz',
      name: `DMZ ${EVIL}`,
      trust: 'dmz',
      position: { x: 0, y: 0 },
      size: { width: 300, height: 300 },
    },
  ],
  hosts: [
    { id: 'i', name: `Internet ${EVIL}`, roles: ['internet'], position: { x: 0, y: 0 } },
    {
      id: 'n1',
      name: `NODE ${EVIL}`,
      roles: ['processing-node', 'array-manager'],
      zone: 'dmz',
      address: '192.0.2.11',
      position: { x: 10, y: 10 },
    },
    {
      id: 'm1',
      name: `MAIL ${EVIL}`,
      roles: ['mail-server'],
      zone: 'dmz',
      address: `mail.example.com'; $(evil)`,
      position: { x: 20, y: 20 },
    },
    { id: 'm2', name: `MAIL2 ${EVIL}`, roles: ['mail-server'], zone: 'dmz', position: { x: 30, y: 30 } },
    {
      id: 'm3',
      name: 'MAIL3',
      roles: ['mail-server'],
      zone: 'dmz',
      address: '10.0.1.25',
      position: { x: 40, y: 40 },
    },
  ],
});

describe('hostile names', () => {
  const file = exportOf(HOSTILE);
  const text = file.data as string;

  it('quotes every value: typographic quotes and control characters included', () => {
    expect(quote("a'b")).toBe("'a''b'");
    expect(quote('a‘b’c')).toBe("'a''b''c'");
    expect(quote('a\nb`$(c)')).toBe("'a b`$(c)'");
  });

  it('lists the sources it cannot use, and writes them as comments', () => {
    expect(
      file.notes!.some(
        (n) => n.includes('is a DNS name') && n.includes('-RemoteAddress takes addresses only'),
      ),
    ).toBe(true);
    expect(file.notes!.some((n) => n.includes('has no address'))).toBe(true);
    for (const n of file.notes!) expect(text).toContain(n);
  });

  it.skipIf(UNAVAILABLE)(
    'parses, and the plan text only ever lands in single-quoted strings and comments',
    () => {
      const root = parse(text);
      expect(problems(root)).toEqual([]);
      for (const node of walk(root)) {
        expect(CODE).not.toContain(node.type);
        if (node.childCount === 0 && node.text.includes('PWNED'))
          expect(['verbatim_string_characters', 'comment']).toContain(node.type);
      }
      const commands = [...walk(root)]
        .filter((n) => n.type === 'command')
        .map((n) => n.childForFieldName('command_name')!.text);
      expect(new Set(commands)).toEqual(
        new Set([
          'Write-Error',
          'Get-NetFirewallRule',
          'Remove-NetFirewallRule',
          'New-NetFirewallRule',
          'Out-Null',
          'Write-Output',
        ]),
      );
      // The section's name is the host name, read back whole (line breaks made spaces).
      const sections = [...walk(root)].filter((n) => n.type === 'if_statement').map(sectionOf);
      expect(sections).toContain(shown(`NODE ${EVIL}`));
      // "Hostile PWNED'; Remove-Item…" gives the prefix HOSTILE: nothing else of the name survives.
      expect(scriptTuples(root, 'HOSTILE')).toEqual(expectedTuples(HOSTILE));
      expect(scriptTuples(root, 'HOSTILE').length).toBeGreaterThan(0);
    },
  );
});

// ---- -WhatIf, the rule group, the rule numbers ------------------------------------------------

/** The commands of a script by name, read from the tree. */
const commandsNamed = (root: Node, name: string) =>
  [...walk(root)].filter(
    (n) =>
      n.type === 'command' && n.childForFieldName('command_name')?.text.toLowerCase() === name.toLowerCase(),
  );

/** A plan of another name: another default prefix. */
const BRANCH_RELAY: Plan = { ...DMZ_RELAY, name: 'Branch relay' };

describe('address families', () => {
  it('writes no rule a packet could never match: an IPv6 host is not opened to IPv4 sources', () => {
    // SQL01 on IPv6 while SEG-AM01, its only client, keeps its IPv4 address.
    const plan: Plan = {
      ...DMZ_RELAY,
      hosts: DMZ_RELAY.hosts.map((h) => (h.id === 'sql' ? { ...h, address: '2001:db8::6' } : h)),
    };
    const file = exportOf(plan);
    const text = file.data as string;
    const section = text.slice(text.indexOf("if ($HostName -eq 'SQL01')"));
    const sql = section.slice(0, section.indexOf('\n}\n'));
    expect(sql).not.toContain('New-NetFirewallRule');
    expect(sql).toContain("Write-Output 'SQL01: 0 inbound rules in group DMZ-RELAY.'");
    expect(file.notes).toEqual([
      'Rule 11: SQL01 has an IPv6 address, so SEG-AM01 (10.0.0.5) of source SEG-AM01 can never reach it (a packet keeps its address family): the rule is not written',
    ]);
    expect(sql).toContain(`  # NOT WRITTEN: ${file.notes![0]}\n`);
    // The other hosts keep their rules.
    expect(text).toContain("-LocalPort '19001'");
  });
});

describe('-WhatIf', () => {
  it.skipIf(UNAVAILABLE)(
    'reaches every New-NetFirewallRule and Remove-NetFirewallRule, bound with a colon',
    () => {
      for (const plan of [...PLANS.map(([, p]) => p), HOSTILE, BRANCH_RELAY]) {
        const root = parse(exportOf(plan).data as string);
        const create = commandsNamed(root, 'New-NetFirewallRule');
        const remove = commandsNamed(root, 'Remove-NetFirewallRule');
        expect(create.length, plan.name).toBeGreaterThan(0);
        expect(remove.length, plan.name).toBe(1);
        for (const command of [...create, ...remove])
          expect(colonValue(command, 'whatif'), command.text.slice(0, 80)).toBe('$WhatIfPreference');
        // Nothing else in the script changes the firewall.
        const changing = [...walk(root)]
          .filter((n) => n.type === 'command')
          .map((n) => n.childForFieldName('command_name')!.text)
          .filter((n) => /^(New|Remove|Set|Enable|Disable)-/i.test(n));
        expect(new Set(changing)).toEqual(new Set(['New-NetFirewallRule', 'Remove-NetFirewallRule']));
      }
    },
  );
});

describe('the rule group', () => {
  it.each(PLANS)('of %s is its object prefix, for every rule made and removed', (id, plan) => {
    const group = GROUPS[id]!;
    expect(ruleGroup(plan)).toBe(group);
    const text = exportOf(plan).data as string;
    expect(text).toContain(`# Object prefix: ${group}. The script's rules are in the rule group ${group}, `);
    if (UNAVAILABLE) return;
    const root = parse(text);
    const groups = [
      ...commandsNamed(root, 'New-NetFirewallRule'),
      ...commandsNamed(root, 'Get-NetFirewallRule'),
    ].flatMap((c) => parameters(c).get('group') ?? ['(none)']);
    expect(new Set(groups)).toEqual(new Set([group]));
    for (const c of commandsNamed(root, 'New-NetFirewallRule'))
      expect(parameters(c).get('displayname')![0]).toMatch(new RegExp(`^${group} rule \\d+: `));
  });

  it('differs between two plans of different names, and follows a chosen prefix', () => {
    expect(ruleGroup(DMZ_RELAY)).toBe('DMZ-RELAY');
    expect(ruleGroup(BRANCH_RELAY)).toBe('BRANCH-RELAY');
    const chosen = { ...DMZ_RELAY, changeRequest: { objectPrefix: 'ACME-MAIL' } };
    expect(ruleGroup(chosen)).toBe('ACME-MAIL');
    const removes = (plan: Plan) =>
      (exportOf(plan).data as string).split('\n').filter((l) => l.startsWith('Get-NetFirewallRule'));
    expect(removes(DMZ_RELAY)).toEqual([
      "Get-NetFirewallRule -Group 'DMZ-RELAY' -ErrorAction 'SilentlyContinue' | Remove-NetFirewallRule -WhatIf:$WhatIfPreference",
    ]);
    expect(removes(BRANCH_RELAY)).toEqual([
      "Get-NetFirewallRule -Group 'BRANCH-RELAY' -ErrorAction 'SilentlyContinue' | Remove-NetFirewallRule -WhatIf:$WhatIfPreference",
    ]);
    expect(removes(chosen)[0]).toContain("-Group 'ACME-MAIL' ");
    expect(exportOf(BRANCH_RELAY).data).not.toContain("'DMZ-RELAY'");
  });
});

/** Each New-NetFirewallRule as the script writes it: rule number, source group, host, protocol, ports, remotes. */
function scriptRules(root: Node, group: string) {
  return commandsNamed(root, 'New-NetFirewallRule').map((node) => {
    const p = parameters(node);
    const display = p.get('displayname')![0]!;
    const m = new RegExp(`^${group} rule (\\d+): (.+) -> (.+), (TCP|UDP) [\\d, ]+$`).exec(display);
    expect(m, display).not.toBeNull();
    const number = Number(m![1]);
    expect(p.get('description')![0]!.startsWith(`Rule ${number}: `)).toBe(true);
    return {
      number,
      source: m![2]!,
      host: sectionOf(node)!,
      shownHost: m![3]!,
      protocol: m![4]!.toLowerCase(),
      ports: p.get('localport')!.map(Number),
      remotes: p.get('remoteaddress')!,
    };
  });
}

describe('rule numbers', () => {
  it.skipIf(UNAVAILABLE)(
    "are the change request's for the rules that cross a firewall (the DMZ relay, by hand)",
    () => {
      const text = exportOf(DMZ_RELAY).data as string;
      expect(text).toContain(
        "# Rules 1 to 8 are the change request's under the same numbers; later ones are flows inside a zone.\n",
      );
      // The PDF's and the grouped CSV's rule 5: EXCH01 -> DMZ-PROCESSING-NODES, SMTP.
      const request = rulesFor(inputFor(DMZ_RELAY)).rules;
      expect(request.map((r) => `${r.number} ${r.source.name} -> ${r.destination.name}`)).toEqual([
        '1 DMZ-PROCESSING-NODES -> EXCH01',
        '2 DMZ-PROCESSING-NODES -> DC01',
        '3 DMZ-PROCESSING-NODES -> SEG-AM01',
        '4 DMZ-PROCESSING-NODES -> Internet',
        '5 EXCH01 -> DMZ-PROCESSING-NODES',
        '6 SEG-AM01 -> DMZ-PROCESSING-NODES',
        '7 SEG-AM01 -> WWW-MARSHAL-COM',
        '8 Internet -> DMZ-PROCESSING-NODES',
      ]);
      const rules = scriptRules(parse(text), 'DMZ-RELAY');
      const shown = rules.map((r) => `${r.number} ${r.source} -> ${r.host} ${r.protocol}`).sort();
      expect(shown).toEqual(
        [
          // The change request's rules that reach a Windows host, under its numbers.
          '2 DMZ-PROCESSING-NODES -> DC01 tcp',
          '2 DMZ-PROCESSING-NODES -> DC01 udp',
          '3 DMZ-PROCESSING-NODES -> SEG-AM01 tcp',
          '5 EXCH01 -> SEG-NODE01 tcp',
          '5 EXCH01 -> SEG-NODE02 tcp',
          '6 SEG-AM01 -> SEG-NODE01 tcp',
          '6 SEG-AM01 -> SEG-NODE02 tcp',
          '8 Internet -> SEG-NODE01 tcp',
          '8 Internet -> SEG-NODE02 tcp',
          // Inside the internal network: after them.
          '9 SEG-AM01 -> DC01 tcp',
          '9 SEG-AM01 -> DC01 udp',
          '10 Admin-workstations -> SEG-AM01 tcp',
          '11 SEG-AM01 -> SQL01 tcp',
          '12 Automation -> SEG-AM01 tcp',
        ].sort(),
      );
    },
  );

  it.skipIf(UNAVAILABLE).each(PLANS)(
    'of %s: every rule numbered as in the change request has its source group, destination and services',
    (id, plan) => {
      for (const includeInternal of [false, true]) {
        const input = { ...inputFor(plan), scope: { includeInternal } };
        const text = exportWindowsFirewall(input).data as string;
        const request = new Map(rulesFor(input).rules.map((r) => [r.number, r]));
        const names = new Map(plan.hosts.map((h) => [h.id, shown(h.name)]));
        const rules = scriptRules(parse(text), GROUPS[id]!);
        let compared = 0;
        for (const r of rules) {
          const g = request.get(r.number);
          if (!g) continue;
          compared++;
          expect(r.source, `rule ${r.number}`).toBe(g.source.name);
          expect(
            g.destination.hostIds.map((h) => names.get(h)),
            `rule ${r.number}`,
          ).toContain(r.host);
          expect(r.ports).toEqual(g.services.filter((s) => s.protocol === r.protocol).map((s) => s.port));
          const remotes = g.source.addresses.includes('any') ? ['Any'] : g.source.addresses;
          for (const a of r.remotes) expect(remotes, `rule ${r.number}`).toContain(a);
        }
        // And every rule of the request that reaches a Windows host is in the script, under its number.
        const windows = new Set(plan.hosts.filter(isWindowsHost).map((h) => h.id));
        const expected = [...request.values()].flatMap((g) =>
          g.destination.hostIds.filter((h) => windows.has(h)).map((h) => `${g.number} ${names.get(h)}`),
        );
        expect(
          [...new Set(rules.filter((r) => request.has(r.number)).map((r) => `${r.number} ${r.host}`))].sort(),
        ).toEqual([...new Set(expected)].sort());
        expect(compared).toBeGreaterThan(0);
        if (includeInternal) expect(text).toContain('# Rule numbers are those of the change request.\n');
      }
    },
  );
});

// ---- the validator can fail ------------------------------------------------------------------

describe('the PowerShell validator', () => {
  it.skipIf(UNAVAILABLE)('finds syntax errors, unknown cmdlets, parameters and values', () => {
    const bad = (script: string) => problems(parse(script));
    expect(bad("New-NetFirewallRule -DisplayName 'x' -Direction 'Inbound'")).toEqual([]);
    expect(bad("New-NetFirewallRule -DisplayName 'x")).not.toEqual([]);
    expect(bad("New-NetFirewallRule -DisplayName 'x' -RemoteAddress 'a',")).not.toEqual([]);
    expect(bad("New-NetFirewalRule -DisplayName 'x'")).toEqual([
      'line 1: cmdlet "New-NetFirewalRule" is not in the list',
    ]);
    expect(bad("New-NetFirewallRule -DisplayNam 'x'")).toEqual([
      'line 1: New-NetFirewallRule has no parameter -DisplayNam',
    ]);
    expect(bad("New-NetFirewallRule -Direction 'Inbund'")).toEqual([
      `line 1: -Direction does not take "'Inbund'"`,
    ]);
    expect(bad('Remove-Item C:\\')).toEqual(['line 1: cmdlet "Remove-Item" is not in the list']);
    // A switch takes its value after a colon: after a space the value is an argument of its own.
    expect(bad("Remove-NetFirewallRule -Group 'x' -WhatIf:$WhatIfPreference")).toEqual([]);
    expect(bad("Remove-NetFirewallRule -Group 'x' -WhatIf $WhatIfPreference")).toEqual([
      'line 1: -WhatIf is a switch: "$WhatIfPreference" after it is not its value (use -WhatIf:value)',
    ]);
  });
});
