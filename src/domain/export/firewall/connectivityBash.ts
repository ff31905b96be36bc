import { fileStem } from '../rows';
import { testedFlows } from '../scope';
import type { ExportInput, Exporter } from '../types';
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

/**
 * A bash script to run on a source host after the firewall change: `bash FILE [SOURCE-HOST]`
 * checks every flow of that host (all flows between hosts, crossing a firewall or not), one line
 * per check starting PASS, FAIL or SKIP, and exits 1 when any check failed.
 *
 * TCP is checked by connecting through bash's /dev/tcp under `timeout 3`; UDP/53 by a DNS query
 * with `dig` when it is installed; other UDP ports cannot be checked without an answering service
 * and are skipped with the reason, as are destinations with no single address (any, none, a
 * block). Every value from the plan is a single-quoted word passed as an argument to a function
 * of the script: nothing from the plan is ever evaluated as code.
 */

/** `text` as one single-quoted shell word: `'` becomes `'\''`; nothing inside is expanded. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Text from the plan shown on one output line. */
const shown = (text: string) => oneLine(text);

/** The script line for one check, and the note when it can only be skipped. */
function checkLine(c: Check): { line: string; note?: string } {
  const args = [
    `${c.protocol}/${c.port}`,
    shellQuote(shown(c.destination)),
    shellQuote(c.address === '' ? '(none)' : shown(c.address)),
    shellQuote(ruleLabel(c)),
  ].join(' ');
  const reason = unusable(c.address);
  if (reason !== null) return { line: `  skip ${args} ${shellQuote(reason)}`, note: reason };
  if (c.protocol === 'tcp') return { line: `  check_tcp ${args} ${c.port} ${shellQuote(c.address)}` };
  if (c.port === 53) return { line: `  check_dns ${args} ${shellQuote(c.address)}` };
  return { line: `  skip ${args} ${shellQuote(UDP_REASON)}` };
}

const FUNCTIONS = `# One line per check: STATUS PROTOCOL/PORT DESTINATION ADDRESS rule RULES [REASON]
report() {
  printf '%s %s %s %s rule %s%s\\n' "$1" "$2" "$3" "$4" "$5" "\${6:+ ($6)}"
}

skip() {
  report SKIP "$1" "$2" "$3" "$4" "$5"
}

# check_tcp LABEL DESTINATION SHOWN-ADDRESS RULES PORT ADDRESS
check_tcp() {
  # shellcheck disable=SC2016 # expanded by the inner bash, from its arguments
  if timeout ${TCP_TIMEOUT_SECONDS} bash -c ': <>"/dev/tcp/$1/$2"' check "$6" "$5" 2>/dev/null; then
    report PASS "$1" "$2" "$3" "$4"
  else
    report FAIL "$1" "$2" "$3" "$4" "no TCP connection within ${TCP_TIMEOUT_SECONDS} s"
    failed=1
  fi
}

# check_dns LABEL DESTINATION SHOWN-ADDRESS RULES ADDRESS
check_dns() {
  if ! command -v dig >/dev/null 2>&1; then
    skip "$1" "$2" "$3" "$4" "dig not installed: no DNS query sent"
  elif dig +time=${TCP_TIMEOUT_SECONDS} +tries=1 "@$5" portolan.invalid >/dev/null 2>&1; then
    report PASS "$1" "$2" "$3" "$4"
  else
    report FAIL "$1" "$2" "$3" "$4" "no DNS answer within ${TCP_TIMEOUT_SECONDS} s"
    failed=1
  fi
}

# is_source NAME: whether NAME is the source host asked for, ignoring case
is_source() {
  [ "\${1,,}" = "\${source_host,,}" ]
}`;

/** The script for every host of the plan, and what it can only skip. */
export function toConnectivityBash(input: ExportInput): { text: string; notes: string[] } {
  const { plan, derivation } = input;
  const names = new Map(plan.hosts.map((h) => [h.id, h.name]));
  const header = [
    ...headerLines(input, 'Connectivity test').map((l) =>
      l.startsWith('Scope:') ? 'Scope: every flow of each source host, crossing a firewall or not.' : l,
    ),
    '',
    'Run on a source host after the firewall change:',
    '  bash FILE [SOURCE-HOST]',
    'SOURCE-HOST is a host name of the plan (default: hostname -s, compared ignoring case).',
    `TCP: a connection within ${TCP_TIMEOUT_SECONDS} s. UDP/53: a DNS query with dig when installed.`,
    'Other UDP ports and destinations without one address are skipped, with the reason.',
    'Each check prints one line starting PASS, FAIL or SKIP, with the number of the grouped rule that',
    "allows it (the change request's numbers; rules inside a zone after them) and its catalog rules.",
    'Exit status: 0 when no check failed, 1 when one did, 2 for an unknown source host.',
  ];
  const body: string[] = [];
  const notes = new Set<string>();
  const numbers = ruleNumbers(input);
  for (const host of plan.hosts) {
    const flows = testedFlows(derivation).filter((f) => f.sourceHostId === host.id);
    const checks = checksOf(flows, names, numbers);
    body.push('', `# ${shown(host.name)}`, `if is_source ${shellQuote(shown(host.name))}; then`, '  known=1');
    if (checks.length === 0) body.push(`  echo 'No flows start at this host: nothing to check.'`);
    for (const c of checks) {
      const { line, note } = checkLine(c);
      body.push(line);
      if (note)
        notes.add(
          `${shown(host.name)} -> ${shown(c.destination)} ${c.protocol}/${c.port} (rule ${ruleLabel(c)}): ` +
            `${note}, so the connectivity test skips it`,
        );
    }
    body.push('fi');
  }
  const hostList = plan.hosts.map((h) => `  ${shellQuote(shown(h.name))}`);
  const lines = [
    '#!/usr/bin/env bash',
    ...header.map((l) => (l === '' ? '#' : `# ${oneLine(l)}`)),
    'set -u',
    '',
    'source_host=${1:-$(hostname -s 2>/dev/null)}',
    'failed=0',
    'known=0',
    '',
    FUNCTIONS,
    ...body,
    '',
    'if [ "$known" = 0 ]; then',
    `  printf 'Unknown source host %s. The hosts of this plan:\\n' "'$source_host'" >&2`,
    hostList.length > 0 ? `  printf '  %s\\n' \\\n${hostList.join(' \\\n')} >&2` : `  echo '  (none)' >&2`,
    '  exit 2',
    'fi',
    'exit "$failed"',
  ];
  return { text: `${lines.join('\n')}\n`, notes: [...notes] };
}

/** `<plan name>-connectivity-test.sh`: checks each host's flows from that host. */
export const exportConnectivityBash: Exporter = (input) => {
  const { text, notes } = toConnectivityBash(input);
  return {
    filename: `${fileStem(input.plan.name)}-connectivity-test.sh`,
    mime: 'text/x-shellscript',
    data: text,
    notes,
  };
};
