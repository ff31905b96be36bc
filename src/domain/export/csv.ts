import { ruleText } from '../catalog';
import { visibleText } from '../text';
import { deltaInScope, upgradeDelta } from '../upgrade';
import { fileStem, requestFlows, requestRows, type RequestRow } from './rows';
import type { ExportInput, QuickExporter } from './types';

/** The first ten columns are fixed by contract; more may follow. */
export const CSV_COLUMNS = [
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
  'Rule Title',
  'Crosses Firewall',
  'Source Roles',
  'Destination Roles',
  'Reference',
] as const;

/*
 * CSV injection (formula injection). OWASP lists the characters no cell may start with: = + - @, tab,
 * carriage return and line feed (https://owasp.org/www-community/attacks/CSV_Injection), and ASVS 5.0
 * requirement 1.2.10 adds NUL
 * (https://github.com/OWASP/ASVS/blob/master/5.0/en/0x10-V1-Encoding-and-Sanitization.md).
 * The OWASP page also warns that a formula character after a separator or a quote can still start a cell.
 * So a cell is neutralised when one of those characters comes first, or comes after only whitespace,
 * quote characters or invisible format characters (which a spreadsheet may skip: ` =1+1`, `"=1+1`,
 * `'=1+1`), and the full-width forms ＝ ＋ － ＠ count too. Separators inside a cell are handled by
 * `quote`, which also quotes semicolons and tabs, the separators some spreadsheets split on.
 */
// eslint-disable-next-line no-control-regex -- NUL is one of the characters to catch
const FORMULA_START = /^[\s'"\uFF02\uFF07\p{Cf}]*[=+\-@\t\r\n\u0000\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** Prefixes a would-be formula with an apostrophe, so spreadsheets show it as text. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes. Fields holding
 * a semicolon or a tab are quoted too (RFC 4180 allows quoting any field), so a spreadsheet that splits
 * on those keeps the cell whole.
 */
export function quote(cell: string): string {
  return /[",;\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map((c) => quote(neutralise(c))).join(',');
}

/**
 * A row's cells, in CSV_COLUMNS order, before quoting. Cells that come from the plan (names,
 * addresses, zone names) show bidirectional controls as visible code points.
 */
export function csvCells(r: RequestRow): string[] {
  return [
    visibleText(r.source),
    visibleText(r.sourceAddress),
    visibleText(r.sourceZone),
    visibleText(r.destination),
    visibleText(r.destinationAddress),
    visibleText(r.destinationZone),
    r.protocol,
    String(r.port),
    r.rule,
    // The rule's explanation (catalog/texts.ts, loaded with this exporter).
    ruleText(r.rule).explanation,
    r.ruleTitle,
    r.crossesFirewall ? 'yes' : 'no',
    r.sourceRoles,
    r.destinationRoles,
    r.reference,
  ];
}

/** The column a plan with firewall devices adds after the first ten: the devices each flow passes. */
export const FIREWALLS_COLUMN = 'Firewalls';

/** The columns of rows that carry devices (`firewalls` set): the first ten, then Firewalls, then the rest. */
const withFirewalls = <T>(cells: readonly T[], firewalls: T): T[] => [
  ...cells.slice(0, 10),
  firewalls,
  ...cells.slice(10),
];

/** Whether rows come from a plan with devices: then each carries its path (see requestRows). */
const carryDevices = (rows: readonly RequestRow[]) => rows.some((r) => r.firewalls !== undefined);

/**
 * The firewall change request as CSV: UTF-8 with a byte-order mark (so Excel reads it as
 * UTF-8), CRLF line ends, one header row. A plan with devices adds the Firewalls column.
 */
export function toCsv(rows: readonly RequestRow[], devices = carryDevices(rows)): string {
  const header = devices ? withFirewalls(CSV_COLUMNS, FIREWALLS_COLUMN) : CSV_COLUMNS;
  const cells = (r: RequestRow) =>
    devices ? withFirewalls(csvCells(r), visibleText(r.firewalls ?? '')) : csvCells(r);
  const lines = [csvLine(header), ...rows.map((r) => csvLine(cells(r)))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The upgrade change request's columns: the first ten as above, then Change, then the rest. */
export const UPGRADE_CSV_COLUMNS = [...CSV_COLUMNS.slice(0, 10), 'Change', ...CSV_COLUMNS.slice(10)] as const;

export type UpgradeChange = 'Add' | 'Remove';

/**
 * An upgrade's change request as CSV, as toCsv: the rows to add (open before the upgrade), then
 * the rows to remove (close once it is complete), each marked in the Change column. A plan with
 * devices adds the Firewalls column after Change.
 */
export function toUpgradeCsv(
  rows: readonly { row: RequestRow; change: UpgradeChange }[],
  devices = carryDevices(rows.map((r) => r.row)),
): string {
  const after = (cells: readonly string[], change: string, firewalls: string) =>
    devices
      ? [...cells.slice(0, 10), change, firewalls, ...cells.slice(10)]
      : [...cells.slice(0, 10), change, ...cells.slice(10)];
  const header = after(CSV_COLUMNS, 'Change', FIREWALLS_COLUMN);
  const cells = ({ row, change }: { row: RequestRow; change: UpgradeChange }) =>
    after(csvCells(row), change, visibleText(row.firewalls ?? ''));
  const lines = [csvLine(header), ...rows.map((r) => csvLine(cells(r)))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** `<plan name>-upgrade-<from>-to-<to>.csv`: what the upgrade adds and removes, in the request's scope. */
export function upgradeCsvFile({ plan, derivation, scope }: ExportInput, from: string) {
  const delta = deltaInScope(upgradeDelta(plan, from, derivation), scope);
  const rows = [
    ...requestRows(plan, delta.added).map((row) => ({ row, change: 'Add' as const })),
    ...requestRows(plan, delta.removed).map((row) => ({ row, change: 'Remove' as const })),
  ];
  return {
    filename: `${fileStem(plan.name)}-upgrade-${from}-to-${plan.productVersion}.csv`,
    mime: 'text/csv;charset=utf-8',
    data: toUpgradeCsv(rows, !!plan.firewalls?.length),
  };
}

/**
 * `<plan name>-firewall-request.csv` for the flows in scope; while an upgrade is compared, the
 * upgrade's change request instead (upgradeCsvFile).
 */
export const exportCsv: QuickExporter = (input) => {
  const { plan, derivation, scope } = input;
  if (plan.upgradeFrom !== undefined) return upgradeCsvFile(input, plan.upgradeFrom);
  return {
    filename: `${fileStem(plan.name)}-firewall-request.csv`,
    mime: 'text/csv;charset=utf-8',
    data: toCsv(requestRows(plan, requestFlows(derivation, scope)), !!plan.firewalls?.length),
  };
};
