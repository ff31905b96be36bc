import { fileStem } from '../rows';
import { testedFlows } from '../scope';
import type { ExportInput, QuickExporter } from '../types';
import { headerLines, oneLine } from './common';
import {
  TCP_TIMEOUT_SECONDS,
  UDP_REASON,
  checksOf,
  ruleLabel,
  ruleNumbers,
  unusable,
  type Check,
} from './connectivity';
import { quote } from './windowsFirewall';

/**
 * The connectivity test for Windows hosts: a PowerShell script to run on a source host after the
 * firewall change, `-File FILE [-Source HOST]`. It checks the same flows as the bash script (every
 * flow of that host, crossing a firewall or not), prints the same lines (PASS, FAIL or SKIP, the
 * protocol/port, destination, address and rules, a reason in brackets) and exits the same way: 0
 * when no check failed, 1 when one did, 2 for an unknown source host.
 *
 * TCP: System.Net.Sockets.TcpClient, ConnectAsync and Wait(3000). UDP/53: Resolve-DnsName against
 * the destination (any DNS answer, an error code included, proves the port is open, as dig's exit
 * status does); skipped where the cmdlet is absent. Other UDP ports and destinations with no single
 * address are skipped with the reason.
 *
 * The plan's values are single-quoted strings in one table, `$Checks`, read by a fixed loop: no
 * function of the script is named from the plan, nothing from the plan is ever evaluated as code.
 */

const TIMEOUT_MS = TCP_TIMEOUT_SECONDS * 1000;

/** One row of `$Checks`, and the reason when it can only be skipped. */
function row(source: string, c: Check): { line: string; note?: string } {
  const reason = unusable(c.address);
  const kind = reason !== null ? 'skip' : c.protocol === 'tcp' ? 'tcp' : c.port === 53 ? 'dns' : 'skip';
  const why = reason ?? (kind === 'skip' ? UDP_REASON : '');
  const fields = [
    `Source = ${quote(source)}`,
    `Kind = '${kind}'`,
    `Label = '${c.protocol}/${c.port}'`,
    `Destination = ${quote(c.destination)}`,
    `Shown = ${quote(c.address === '' ? '(none)' : c.address)}`,
    `Rules = ${quote(ruleLabel(c))}`,
    `Port = ${c.port}`,
    `Address = ${quote(c.address)}`,
    `Reason = ${quote(why)}`,
  ];
  return { line: `  @{ ${fields.join('; ')} }`, ...(reason !== null ? { note: reason } : {}) };
}

const LOOP = `$Failed = 0
$Checked = 0
foreach ($Check in $Checks) {
  if ($Check.Source -ne $Source) { continue }
  $Checked++
  $Status = 'PASS'
  $Reason = $Check.Reason
  if ($Check.Kind -eq 'skip') {
    $Status = 'SKIP'
  } elseif ($Check.Kind -eq 'tcp') {
    $Client = [System.Net.Sockets.TcpClient]::new()
    try {
      $Open = $Client.ConnectAsync($Check.Address, $Check.Port).Wait(${TIMEOUT_MS}) -and $Client.Connected
    } catch {
      $Open = $false
    } finally {
      $Client.Dispose()
    }
    if (-not $Open) {
      $Status = 'FAIL'
      $Reason = 'no TCP connection within ${TCP_TIMEOUT_SECONDS} s'
    }
  } elseif (-not (Get-Command -Name 'Resolve-DnsName' -ErrorAction 'SilentlyContinue')) {
    $Status = 'SKIP'
    $Reason = 'Resolve-DnsName not available: no DNS query sent'
  } else {
    try {
      Resolve-DnsName -Name 'portolan.invalid' -Server $Check.Address -DnsOnly -QuickTimeout -ErrorAction 'Stop' | Out-Null
    } catch {
      # An answer with an error code (no such name, refused) still came from the server.
      $Id = [string]$_.FullyQualifiedErrorId
      if (-not $Id.StartsWith('DNS_ERROR_RCODE')) {
        $Status = 'FAIL'
        $Reason = 'no DNS answer (' + $Id.Split(',')[0] + ')'
      }
    }
  }
  if ($Status -eq 'FAIL') { $Failed = 1 }
  $Line = $Status + ' ' + $Check.Label + ' ' + $Check.Destination + ' ' + $Check.Shown + ' rule ' + $Check.Rules
  if ($Reason -ne '') { $Line = $Line + ' (' + $Reason + ')' }
  Write-Output $Line
}
if ($Checked -eq 0) { Write-Output 'No flows start at this host: nothing to check.' }
exit $Failed`;

/** The script for every host of the plan, and what it can only skip. */
export function toConnectivityPowerShell(input: ExportInput): { text: string; notes: string[] } {
  const { plan, derivation } = input;
  const names = new Map(plan.hosts.map((h) => [h.id, h.name]));
  const header = [
    ...headerLines(input, 'Connectivity test (PowerShell)').map((l) =>
      l.startsWith('Scope:') ? 'Scope: every flow of each source host, crossing a firewall or not.' : l,
    ),
    '',
    'Run on a source host after the firewall change:',
    '  powershell -ExecutionPolicy Bypass -File FILE [-Source SOURCE-HOST]',
    'SOURCE-HOST is a host name of the plan (default: $env:COMPUTERNAME, compared ignoring case).',
    `TCP: a connection within ${TCP_TIMEOUT_SECONDS} s. UDP/53: a DNS query with Resolve-DnsName where it exists.`,
    'Other UDP ports and destinations without one address are skipped, with the reason.',
    'Each check prints one line starting PASS, FAIL or SKIP, with the number of the grouped rule that',
    "allows it (the change request's numbers; rules inside a zone after them) and its catalog rules.",
    'Exit status: 0 when no check failed, 1 when one did, 2 for an unknown source host.',
  ];
  const rows: string[] = [];
  const notes = new Set<string>();
  const numbers = ruleNumbers(input);
  for (const host of plan.hosts) {
    const source = oneLine(host.name);
    for (const c of checksOf(
      testedFlows(derivation).filter((f) => f.sourceHostId === host.id),
      names,
      numbers,
    )) {
      const { line, note } = row(source, c);
      rows.push(line);
      if (note)
        notes.add(
          `${source} -> ${oneLine(c.destination)} ${c.protocol}/${c.port} (rule ${ruleLabel(c)}): ` +
            `${note}, so the connectivity test skips it`,
        );
    }
  }
  const hosts = plan.hosts.map((h) => quote(h.name));
  const lines = [
    ...header.map((l) => (l === '' ? '#' : `# ${oneLine(l)}`)),
    '',
    'param(',
    '  [string]$Source = $env:COMPUTERNAME',
    ')',
    '',
    `$Hosts = @(${hosts.join(', ')})`,
    'if ($Hosts -notcontains $Source) {',
    "  [Console]::Error.WriteLine('Unknown source host ''' + $Source + '''. The hosts of this plan:')",
    "  foreach ($Name in $Hosts) { [Console]::Error.WriteLine('  ' + $Name) }",
    '  exit 2',
    '}',
    '',
    '# One row per check: the source host, how it is checked, what it prints.',
    '$Checks = @(',
    ...rows,
    ')',
    '',
    LOOP,
  ];
  return { text: `${lines.join('\n')}\n`, notes: [...notes] };
}

/** `<plan name>-connectivity-test.ps1`: checks each host's flows from that host, on Windows. */
export const exportConnectivityPowerShell: QuickExporter = (input) => {
  const { text, notes } = toConnectivityPowerShell(input);
  return {
    filename: `${fileStem(input.plan.name)}-connectivity-test.ps1`,
    mime: 'text/plain;charset=utf-8',
    data: text,
    notes,
  };
};
