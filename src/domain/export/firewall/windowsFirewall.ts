import type { RoleId } from '../../catalog';
import { groupFlows, type GroupedRule } from '../../grouping';
import type { Host, Plan } from '../../plan';
import { visibleText } from '../../text';
import { includedFlows } from '../scope';
import type { ExportInput } from '../types';
import {
  addressFamily,
  exportHostTarget,
  headerLines,
  nameFrom,
  Namer,
  oneLine,
  rulesFor,
  unsupportedLine,
  type FirewallTarget,
  type TargetLimits,
  type Unsupported,
} from './common';

/**
 * A PowerShell script that writes the inbound Windows Firewall rules of every Windows host of the
 * plan (the SEG servers, SQL, domain controllers, DNS servers). A host firewall sees every flow
 * that reaches the host, so each host gets every flow whose destination it is, crossing a zone or
 * not, whatever the change request's scope.
 *
 * The flows are grouped once, all of them. The grouping numbers the rules that cross a firewall
 * first, so rules 1…N are the change request's rules under the same numbers (whatever its scope),
 * and the rules inside a zone follow; each host takes the rules whose destination it is a member of
 * (a grouped rule is every source × every destination × every service, so its part for one
 * destination is exact). One `New-NetFirewallRule` per rule and protocol, with every value a
 * single-quoted string: nothing from the plan can become code.
 *
 * The script picks its section by `-HostName` or `$env:COMPUTERNAME`; an unknown name lists the
 * known ones and exits 1. It removes the rules of its own group (the plan's object prefix, so
 * another plan's script never removes them) and creates them again, so running it twice leaves the
 * same rules. `-WhatIf` is passed on to every cmdlet that changes something: preference variables
 * do not reach the NetSecurity module's cmdlets on their own (PowerShell issue 6556).
 */

export const WINDOWS_LIMITS: TargetLimits = {
  nameMax: 250,
  nameChar: /[A-Za-z0-9._-]/,
  nameFill: '-',
  reserved: [],
  commentMax: 1000,
  commentUnit: 'characters',
  families: ['ipv4', 'ipv6'],
  fqdn: [],
};

/** The rule group the script owns, removed and re-created at every run: the plan's object prefix. */
export const ruleGroup = (plan: Plan) => new Namer(WINDOWS_LIMITS, plan).prefix;

/** Roles that run on Windows: the SEG server roles and the Microsoft servers. */
export const WINDOWS_ROLES: readonly RoleId[] = [
  'array-manager',
  'processing-node',
  'web-components',
  'sql-server',
  'directory-server',
  'dns-server',
];

const MAX_DISPLAY_NAME = 250;
const MAX_DESCRIPTION = 1000;

/**
 * A PowerShell single-quoted string. PowerShell also reads the typographic quotes ‘ ’ ‚ ‛ as single
 * quotes, so they become ' before every ' is doubled; control characters become spaces.
 */
export function quote(text: string): string {
  return `'${oneLine(text)
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/'/g, "''")}'`;
}

/** Text on one `#` comment line. */
const comment = (text: string) => (text === '' ? '#' : `# ${oneLine(text)}`);

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export const isWindowsHost = (host: Host) => host.roles.some((r) => WINDOWS_ROLES.includes(r));

/** One host's rules: the lines of its section and what they could not express. */
export function hostRules(plan: Plan, host: Host, rules: readonly GroupedRule[], group = ruleGroup(plan)) {
  const names = new Map(plan.hosts.map((h) => [h.id, oneLine(visibleText(h.name))]));
  const hostName = names.get(host.id)!;
  const lines: string[] = [];
  const unsupported: Unsupported[] = [];
  let count = 0;
  for (const rule of rules) {
    if (!rule.destination.hostIds.includes(host.id)) continue;
    const remote: string[] = [];
    let any = false;
    const missing: string[] = [];
    // A packet keeps its family: sources of the other family than this host's address never reach it.
    const own = addressFamily(rule.destination.addresses[rule.destination.hostIds.indexOf(host.id)] ?? '');
    const otherFamily: string[] = [];
    rule.source.addresses.forEach((address, i) => {
      const id = rule.source.hostIds[i]!;
      const family = addressFamily(address);
      if (family === 'any') any = true;
      else if (
        (family === 'ipv4' || family === 'ipv6') &&
        (own === 'ipv4' || own === 'ipv6') &&
        family !== own
      )
        otherFamily.push(`${names.get(id) ?? id} (${address})`);
      else if (family === 'ipv4' || family === 'ipv6') remote.push(address);
      else if (family === 'name')
        missing.push(`${names.get(id) ?? id} is a DNS name (${oneLine(visibleText(address))})`);
      else missing.push(`${names.get(id) ?? id} has no address`);
    });
    const addresses = any ? ['Any'] : [...new Set(remote)];
    const source = oneLine(rule.source.name);
    lines.push(`  # Rule ${rule.number}: ${source} -> ${hostName}, ${oneLine(rule.justification)}`);
    const here: Unsupported[] = [];
    for (const m of any ? [] : missing)
      here.push({
        rule: rule.number,
        text: `${hostName}: source ${source}: ${m}, and -RemoteAddress takes addresses only`,
      });
    const onlyOtherFamily = addresses.length === 0 && missing.length === 0;
    if (!any && otherFamily.length > 0)
      here.push({
        rule: rule.number,
        text:
          `${hostName} has an ${own === 'ipv4' ? 'IPv4' : 'IPv6'} address, so ${otherFamily.join(', ')} ` +
          `of source ${source} can never reach it (a packet keeps its address family): ` +
          (onlyOtherFamily ? 'the rule is not written' : 'left out'),
      });
    if (addresses.length === 0) {
      if (!onlyOtherFamily)
        here.push({
          rule: rule.number,
          text: `${hostName}: no source of ${source} has an address: the rule is not written`,
        });
    } else
      for (const protocol of ['tcp', 'udp'] as const) {
        const ports = [...new Set(rule.services.filter((s) => s.protocol === protocol).map((s) => s.port))];
        if (ports.length === 0) continue;
        const label = protocol.toUpperCase();
        const display = cut(
          `${group} rule ${rule.number}: ${source} -> ${hostName}, ${label} ${ports.join(', ')}`,
          MAX_DISPLAY_NAME,
        );
        const description = cut(`Rule ${rule.number}: ${rule.justification}`, MAX_DESCRIPTION);
        lines.push(
          `  New-NetFirewallRule -DisplayName ${quote(display)} -Direction 'Inbound' -Action 'Allow'` +
            ` -Protocol '${label}' -LocalPort ${ports.map((p) => quote(String(p))).join(', ')}` +
            ` -RemoteAddress ${addresses.map(quote).join(', ')} -Group ${quote(group)}` +
            ` -Description ${quote(description)} -WhatIf:$WhatIfPreference | Out-Null`,
        );
        count++;
      }
    for (const u of here) lines.push(`  # NOT WRITTEN: ${oneLine(unsupportedLine(u))}`);
    unsupported.push(...here);
  }
  if (count === 0 && lines.length === 0) lines.push('  # No flow of the plan reaches this host.');
  return { lines, notes: unsupported.map(unsupportedLine), count };
}

/** The script, and what it could not express. */
export function toWindowsFirewall(input: ExportInput): { text: string; notes: string[] } {
  const { plan, derivation } = input;
  const GROUP = ruleGroup(plan);
  // Every flow between hosts: a host firewall sees those inside its zone too. Rules that cross a
  // firewall come first in the grouping, under the change request's numbers.
  const grouping = groupFlows(plan, includedFlows(derivation));
  const requestRules = rulesFor(input).rules.length;
  const hosts = plan.hosts.filter(isWindowsHost);
  const notes: string[] = [];
  const sections: string[] = [];
  const known: string[] = [];
  const taken = new Set<string>();
  for (const host of hosts) {
    const name = oneLine(visibleText(host.name)).trim();
    const address = host.address ? ` (${oneLine(visibleText(host.address))})` : '';
    if (taken.has(name.toLowerCase())) {
      const note = `${name}: another Windows host has the same name, so the script cannot choose its section: it is not written`;
      notes.push(note);
      sections.push('', comment(`---- ${name}${address} ----`), comment(`NOT WRITTEN: ${note}`));
      continue;
    }
    taken.add(name.toLowerCase());
    known.push(name);
    const r = hostRules(plan, host, grouping.rules, GROUP);
    notes.push(...r.notes);
    sections.push(
      '',
      comment(`---- ${name}${address}: ${r.count} rule${r.count === 1 ? '' : 's'} ----`),
      `if ($HostName -eq ${quote(name)}) {`,
      ...r.lines,
      `  Write-Output ${quote(`${name}: ${r.count} inbound rule${r.count === 1 ? '' : 's'} in group ${GROUP}.`)}`,
      '}',
    );
  }
  const header = [
    // The change request's scope does not apply: a host firewall sees every flow that reaches it.
    ...headerLines(input, 'Windows Firewall (PowerShell)').map((l) =>
      l.startsWith('Scope: ')
        ? 'Scope: every flow that reaches each Windows host of the plan, inside its zone or not.'
        : l,
    ),
    requestRules === grouping.rules.length
      ? 'Rule numbers are those of the change request.'
      : `Rules 1 to ${requestRules} are the change request's under the same numbers; later ones are flows inside a zone.`,
    `Object prefix: ${GROUP}. The script's rules are in the rule group ${GROUP}, and only those are changed.`,
    '',
    'Run it on each host, as administrator; first see what it would do:',
    '  powershell -ExecutionPolicy Bypass -File FILE -WhatIf',
    '  powershell -ExecutionPolicy Bypass -File FILE',
    'It picks the section of $env:COMPUTERNAME; another one with -HostName NAME.',
    `It removes the rules of the group '${GROUP}' and creates them again: running it twice gives the same rules.`,
    '-WhatIf reaches every cmdlet that changes the firewall: nothing is changed with it.',
    'The rules only allow: the inbound default of each profile decides what they do not match.',
  ];
  const lines = [
    ...header.map(comment),
    ...(notes.length > 0
      ? ['#', comment('What this script cannot express:'), ...notes.map((n) => comment(`  ${n}`))]
      : []),
    '',
    '[CmdletBinding(SupportsShouldProcess)]',
    'param(',
    '  [string]$HostName = $env:COMPUTERNAME',
    ')',
    '',
    "$ErrorActionPreference = 'Stop'",
    `$KnownHosts = @(${known.map(quote).join(', ')})`,
    'if ($KnownHosts -notcontains $HostName) {',
    "  Write-Error -Message ('Unknown host ''' + $HostName + '''. Known hosts: ' + ($KnownHosts -join ', ') + '. Choose one with -HostName.') -ErrorAction 'Continue'",
    '  exit 1',
    '}',
    '',
    comment(`Remove the rules of the previous run, then create them again.`),
    `Get-NetFirewallRule -Group ${quote(GROUP)} -ErrorAction 'SilentlyContinue' | Remove-NetFirewallRule -WhatIf:$WhatIfPreference`,
    ...sections,
  ];
  return { text: `${lines.join('\n')}\n`, notes };
}

export const windowsFirewallTarget: FirewallTarget = {
  label: 'Windows Firewall (PowerShell)',
  suffix: '-windows-firewall.ps1',
  limits: WINDOWS_LIMITS,
  quote,
  comment,
  objectName: (text) => nameFrom(text, WINDOWS_LIMITS.nameChar, WINDOWS_LIMITS.nameFill),
  render: toWindowsFirewall,
};

/** `<plan name>-windows-firewall.ps1`. */
export const exportWindowsFirewall = exportHostTarget(windowsFirewallTarget);
