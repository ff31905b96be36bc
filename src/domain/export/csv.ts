import { fileStem, requestFlows, requestRows, type RequestRow } from './rows';
import type { Exporter } from './types';

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

// OWASP CSV injection: a cell starting with one of these could be read as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a would-be formula with an apostrophe, so spreadsheets show it as text. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes. */
export function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map((c) => quote(neutralise(c))).join(',');
}

/** A row's cells, in CSV_COLUMNS order, before quoting. */
export function csvCells(r: RequestRow): string[] {
  return [
    r.source,
    r.sourceAddress,
    r.sourceZone,
    r.destination,
    r.destinationAddress,
    r.destinationZone,
    r.protocol,
    String(r.port),
    r.rule,
    r.justification,
    r.ruleTitle,
    r.crossesFirewall ? 'yes' : 'no',
    r.sourceRoles,
    r.destinationRoles,
    r.reference,
  ];
}

/**
 * The firewall change request as CSV: UTF-8 with a byte-order mark (so Excel reads it as
 * UTF-8), CRLF line ends, one header row.
 */
export function toCsv(rows: readonly RequestRow[]): string {
  const lines = [csvLine(CSV_COLUMNS), ...rows.map((r) => csvLine(csvCells(r)))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Reads CSV text (RFC 4180, CRLF line ends, byte-order mark allowed) back into rows of cells:
 * the inverse of toCsv, used to check what was written.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

/** `<plan name>-firewall-request.csv` for the flows in scope. */
export const exportCsv: Exporter = ({ plan, derivation, scope }) => ({
  filename: `${fileStem(plan.name)}-firewall-request.csv`,
  mime: 'text/csv;charset=utf-8',
  data: toCsv(requestRows(plan, requestFlows(derivation, scope))),
});
