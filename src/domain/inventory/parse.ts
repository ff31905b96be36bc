import { ROLES, ROLE_IDS, type RoleId } from '../catalog';
import { addressProblem, TRUST_LEVELS, type Plan, type Trust } from '../plan';
import type { Problem } from '../problems';

/*
 * Hosts brought in from a spreadsheet: a CSV file, or cells pasted from Excel (tab separated),
 * with columns name, address, roles and zone (and trust for new zones) under header names matched
 * loosely. Each line becomes a host to add, or problems that say what is wrong with it; nothing is
 * added until the person has seen the preview.
 */

/** The most lines one import reads: as many hosts as a plan may hold. */
export const INVENTORY_MAX_LINES = 2_000;

export type Column = 'name' | 'address' | 'roles' | 'zone' | 'trust';

/** Header words that mean each column, compared without case, spaces or punctuation. */
const HEADER_WORDS: Record<Column, readonly string[]> = {
  name: ['name', 'hostname', 'host', 'server', 'servername', 'computer', 'computername', 'device', 'system'],
  address: ['address', 'ip', 'ipaddress', 'ipv4', 'ipv6', 'addr', 'fqdn', 'dnsname', 'cidr'],
  roles: ['roles', 'role', 'type', 'function', 'component', 'components', 'purpose'],
  zone: ['zone', 'zones', 'network', 'segment', 'vlan', 'subnet', 'site', 'location'],
  trust: ['trust', 'trustlevel', 'zonetrust', 'security'],
};

/** Other words people use for each role (compared like header words). */
const ROLE_WORDS: Record<RoleId, readonly string[]> = {
  'array-manager': ['am', 'arraymanager', 'manager', 'segam', 'mmam'],
  'processing-node': [
    'node',
    'nodes',
    'processingnode',
    'processingserver',
    'segnode',
    'emailprocessingserver',
  ],
  'sql-server': ['sql', 'sqlserver', 'database', 'db', 'mssql'],
  'directory-server': [
    'dc',
    'ldap',
    'ad',
    'activedirectory',
    'domaincontroller',
    'domaincontrollerldap',
    'directory',
  ],
  'dns-server': ['dns', 'dnsserver', 'nameserver', 'resolver'],
  'admin-workstation': ['admin', 'adminworkstation', 'workstation', 'console', 'administrator'],
  'web-components': ['web', 'webcomponents', 'webconsole', 'spamconsole', 'iis'],
  'rest-client': ['rest', 'restclient', 'restapiclient', 'api', 'apiclient', 'automation'],
  'pop3-client': ['pop3', 'pop3client', 'pop', 'popclient'],
  'mail-server': ['mail', 'mailserver', 'exchange', 'smtp', 'mx', 'mta', 'groupware'],
  internet: ['internet', 'external', 'wan', 'outside'],
};

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

const ROLE_BY_WORD = new Map<string, RoleId>();
for (const id of ROLE_IDS) {
  for (const word of [id, ROLES[id].label, ROLES[id].short, ...ROLE_WORDS[id]])
    ROLE_BY_WORD.set(squash(word), id);
}

const COLUMN_BY_WORD = new Map<string, Column>();
for (const [column, words] of Object.entries(HEADER_WORDS) as [Column, readonly string[]][])
  for (const word of words) COLUMN_BY_WORD.set(word, column);

export type Separator = ',' | ';' | '\t';

/** One host the import will add. */
export interface InventoryHost {
  /** Where it is in the text (1 is the first line). */
  line: number;
  name: string;
  address?: string;
  roles: RoleId[];
  /** The zone's name as written, matched to a plan zone or made new (see `newZones`). */
  zone?: string;
}

export interface InventoryPreview {
  separator: Separator;
  /** Which column holds what, by index; the header line, when the text has one. */
  columns: Partial<Record<Column, number>>;
  hasHeader: boolean;
  hosts: InventoryHost[];
  /** Zones to make, by name, in order of first use, with the trust given (or trusted). */
  newZones: { name: string; trust: Trust }[];
  /** What is wrong, per line ("line 4: roles: …"); lines with a problem add nothing. */
  problems: Problem[];
}

/** The separator of a line: the one of tab, semicolon and comma it holds most of, outside quotes. */
function separatorOf(line: string): Separator {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts['\t'] > 0 && counts['\t'] >= counts[','] && counts['\t'] >= counts[';']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

/**
 * The text's records as cells (RFC 4180 quoting: "a, b" and "" inside quotes), with the line each
 * starts on; blank lines are skipped.
 */
function records(text: string, separator: Separator): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const end = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) out.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      end();
      line++;
      start = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length) end();
  return out;
}

/** The columns a header line names, or undefined when it names no host column. */
function headerColumns(cells: readonly string[]): Partial<Record<Column, number>> | undefined {
  const columns: Partial<Record<Column, number>> = {};
  cells.forEach((cell, i) => {
    const column = COLUMN_BY_WORD.get(squash(cell));
    if (column && columns[column] === undefined) columns[column] = i;
  });
  return columns.name === undefined ? undefined : columns;
}

/** The roles a cell names: separated by `|`, `+`, `/`, `&` (or `,` `;` when not the separator). */
function rolesOf(cell: string): { roles: RoleId[]; unknown: string[] } {
  const roles: RoleId[] = [];
  const unknown: string[] = [];
  for (const part of cell.split(/[|+/&,;]| and /i)) {
    const word = part.trim();
    if (!word) continue;
    const role = ROLE_BY_WORD.get(squash(word));
    if (!role) unknown.push(word);
    else if (!roles.includes(role)) roles.push(role);
  }
  return { roles, unknown };
}

const ROLE_LIST = ROLE_IDS.map((id) => ROLES[id].label).join(', ');

/**
 * Reads an inventory against the plan it will be added to: which hosts it adds, the zones it
 * makes, and every problem by line. Names must be new to the plan and to the text.
 */
export function parseInventory(text: string, plan: Plan): InventoryPreview {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const separator = separatorOf(firstLine);
  const all = records(text, separator);
  const problems: Problem[] = [];
  const header = all[0] ? headerColumns(all[0].cells) : undefined;
  // Without a header naming a host column, the columns are taken in their usual order.
  const columns = header ?? { name: 0, address: 1, roles: 2, zone: 3 };
  const body = header ? all.slice(1) : all;
  if (body.length > INVENTORY_MAX_LINES) {
    problems.push({
      path: 'lines',
      message: `the text has ${body.length.toLocaleString('en')} lines of hosts, more than the ${INVENTORY_MAX_LINES.toLocaleString('en')} one import reads`,
    });
    return { separator, columns, hasHeader: !!header, hosts: [], newZones: [], problems };
  }
  if (header && columns.roles === undefined)
    problems.push({
      path: `line ${all[0]!.line}`,
      message: 'no column is called roles (or role, type): every host needs a role',
    });

  const taken = new Map(plan.hosts.map((h) => [h.name.toLowerCase(), 'the plan']));
  const zonesByName = new Map(plan.zones.map((z) => [z.name.trim().toLowerCase(), z]));
  const newZones = new Map<string, { name: string; trust: Trust }>();
  const hosts: InventoryHost[] = [];
  const cell = (cells: readonly string[], column: Column) => {
    const i = columns[column];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  for (const { line, cells } of body) {
    const at = `line ${line}`;
    const lineProblems: Problem[] = [];
    const name = cell(cells, 'name');
    if (!name) lineProblems.push({ path: `${at}: name`, message: 'is empty: every host needs a name' });
    else if (name.length > 120)
      lineProblems.push({
        path: `${at}: name`,
        message: `is ${name.length} characters long, more than the 120 allowed`,
      });
    else if (taken.has(name.toLowerCase()))
      lineProblems.push({
        path: `${at}: name`,
        message: `${name} is already the name of a host in ${taken.get(name.toLowerCase())}`,
      });

    const address = cell(cells, 'address');
    const addressWrong = address ? addressProblem(address) : null;
    if (addressWrong) lineProblems.push({ path: `${at}: address`, message: addressWrong });

    const { roles, unknown } = rolesOf(cell(cells, 'roles'));
    if (unknown.length)
      lineProblems.push({
        path: `${at}: roles`,
        message: `${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is not a role' : 'are not roles'}; the roles are ${ROLE_LIST}`,
      });
    else if (roles.length === 0)
      lineProblems.push({ path: `${at}: roles`, message: `is empty: name one of ${ROLE_LIST}` });

    const zone = cell(cells, 'zone');
    const trustCell = cell(cells, 'trust').toLowerCase();
    const trust = TRUST_LEVELS.find((t) => t === trustCell || (t === 'dmz' && trustCell.includes('dmz')));
    if (trustCell && !trust)
      lineProblems.push({
        path: `${at}: trust`,
        message: `"${trustCell}" is not one of untrusted, dmz, trusted`,
      });

    if (lineProblems.length) {
      problems.push(...lineProblems);
      continue;
    }
    taken.set(name.toLowerCase(), `line ${line}`);
    if (zone && !zonesByName.has(zone.toLowerCase()) && !newZones.has(zone.toLowerCase()))
      newZones.set(zone.toLowerCase(), { name: zone, trust: trust ?? 'trusted' });
    hosts.push({ line, name, ...(address ? { address } : {}), roles, ...(zone ? { zone } : {}) });
  }
  return { separator, columns, hasHeader: !!header, hosts, newZones: [...newZones.values()], problems };
}
