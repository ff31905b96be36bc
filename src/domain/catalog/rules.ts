import type { RoleId } from './roles';
import { ALL_VERSIONS, type VersionRange } from './versions';

export type Protocol = 'tcp' | 'udp';

export interface Service {
  protocol: Protocol;
  port: number;
}

export type Severity = 'error' | 'warning' | 'info';

export const RULE_IDS = [
  'smtp',
  'dns',
  'spamcensor-updates',
  'node-http',
  'management-console',
  'pop3',
  'ldap',
  'sql',
  'array-manager-service',
  'controller-service',
  'rest-api',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** One source role talking to one destination role, in the versions where that pair exists. */
export interface RuleEndpoint {
  source: RoleId;
  destination: RoleId;
  versions: VersionRange;
}

/** A note that may hold only in some versions (for example, the TLS revocation-list need from 7.1). */
export interface RuleNote {
  text: string;
  versions?: VersionRange;
}

export interface SourceReference {
  /** Short citation shown next to each rule. */
  citation: string;
  /** What the cited document is. */
  title: string;
}

export interface CatalogRule {
  id: RuleId;
  title: string;
  services: readonly Service[];
  endpoints: readonly RuleEndpoint[];
  /** When the flow is needed at all, in a phrase: "Always", "Only if …". */
  condition: string;
  /** Why the flow exists, in plain words. */
  explanation: string;
  notes: readonly RuleNote[];
  /**
   * Set when the destination is one fixed name rather than the host's own address
   * (the SpamCensor update site).
   */
  fixedDestinationAddress?: string;
  /**
   * Roles whose absence is worth a warning when this rule otherwise applies, and how serious
   * that absence is. A role missing from the plan here means one end of the rule has nowhere to go.
   */
  whenMissing: Partial<Record<RoleId, Severity>>;
  source: SourceReference;
}

/** Every rule comes from this one vendor table. */
export const KB_10905: SourceReference = {
  citation: 'Trustwave KB 10905',
  title: 'Trustwave knowledge-base article 10905: ports used by MailMarshal SMTP and Trustwave SEG',
};

const tcp = (port: number): Service => ({ protocol: 'tcp', port });
const udp = (port: number): Service => ({ protocol: 'udp', port });
const ALL = ALL_VERSIONS;

/**
 * The rule catalog: one data entry per row of the vendor's port table. Ports, directions and
 * versions are the vendor's facts; the words are ours. Adding a rule means adding an entry here
 * (and its id to RULE_IDS); the engine needs no change.
 */
export const CATALOG: readonly CatalogRule[] = [
  {
    id: 'smtp',
    title: 'SMTP mail transfer',
    services: [tcp(25)],
    endpoints: [
      { source: 'processing-node', destination: 'internet', versions: ALL },
      { source: 'internet', destination: 'processing-node', versions: ALL },
      { source: 'processing-node', destination: 'mail-server', versions: ALL },
      { source: 'mail-server', destination: 'processing-node', versions: ALL },
    ],
    condition: 'Always.',
    explanation:
      'The processing nodes are the mail relays of the gateway. They accept mail from the Internet and from ' +
      'internal mail servers, and hand mail on to both, over SMTP on TCP port 25. Each node must be able to ' +
      'open and accept SMTP connections in both directions with every SMTP peer.',
    notes: [],
    whenMissing: { internet: 'warning', 'mail-server': 'info' },
    source: KB_10905,
  },
  {
    id: 'dns',
    title: 'DNS look-ups',
    services: [udp(53), tcp(53)],
    endpoints: [
      { source: 'array-manager', destination: 'dns-server', versions: ALL },
      { source: 'processing-node', destination: 'dns-server', versions: ALL },
      { source: 'web-components', destination: 'dns-server', versions: ALL },
    ],
    condition: 'Always.',
    explanation:
      'Every MailMarshal component resolves names through the DNS servers set in its configuration: reverse ' +
      '(PTR) checks on connecting servers, block-list look-ups, sender authentication checks, and MX look-ups ' +
      'to deliver to outside recipients. Queries go over UDP port 53, and over TCP port 53 when an answer is ' +
      'too large for UDP.',
    notes: [],
    whenMissing: { 'dns-server': 'warning' },
    source: KB_10905,
  },
  {
    id: 'spamcensor-updates',
    title: 'SpamCensor and product updates',
    services: [tcp(80), tcp(443)],
    endpoints: [{ source: 'array-manager', destination: 'internet', versions: ALL }],
    condition: 'Always, while automatic updates are on.',
    explanation:
      'The automatic update feature of the Array Manager contacts www.marshal.com from time to time over ' +
      'HTTP and HTTPS to fetch new SpamCensor anti-spam definitions and, depending on the version, updates ' +
      'to other features.',
    notes: [{ text: 'The destination is the host name www.marshal.com, not any Internet address.' }],
    fixedDestinationAddress: 'www.marshal.com',
    whenMissing: { internet: 'warning' },
    source: KB_10905,
  },
  {
    id: 'node-http',
    title: 'Processing node web access',
    services: [tcp(80), tcp(443)],
    endpoints: [{ source: 'processing-node', destination: 'internet', versions: { from: '6.5' } }],
    condition: 'Always, from version 6.5.',
    explanation:
      'Several features of the processing node services (Controller, Receiver and Engine) fetch content over ' +
      'HTTP and HTTPS. The sites involved are not a fixed list, so the nodes need general outbound web access ' +
      'rather than access to a few known addresses.',
    notes: [
      {
        text:
          'With TLS in use (7.1 and later), the Controller must be able to fetch certificate revocation ' +
          'lists, which may be published at any URL.',
        versions: { from: '7.1' },
      },
    ],
    whenMissing: { internet: 'warning' },
    source: KB_10905,
  },
  {
    id: 'management-console',
    title: 'Management Console (web)',
    services: [tcp(443)],
    endpoints: [{ source: 'admin-workstation', destination: 'array-manager', versions: { from: '10.0' } }],
    condition: 'Always, from version 10.0.',
    explanation:
      'From 10.0, SEG is administered through a web console hosted on the Array Manager server, in place of ' +
      'the Windows Configurator and Console. Administrators reach it from a browser over HTTPS.',
    notes: [
      {
        text:
          'Decide on purpose who may reach the console: the internal network only, partners over an ' +
          'extranet, or the Internet. Keep it as narrow as the administrators allow.',
      },
    ],
    whenMissing: {},
    source: KB_10905,
  },
  {
    id: 'pop3',
    title: 'POP3 mail collection',
    services: [tcp(110)],
    endpoints: [{ source: 'pop3-client', destination: 'processing-node', versions: ALL }],
    condition: 'Only if the SEG POP3 server is used.',
    explanation:
      'When the POP3 server built into SEG is in use, mail clients connect to the processing nodes on TCP ' +
      'port 110 to collect their mail.',
    notes: [],
    whenMissing: {},
    source: KB_10905,
  },
  {
    id: 'ldap',
    title: 'Directory look-ups (LDAP)',
    services: [tcp(389)],
    endpoints: [{ source: 'array-manager', destination: 'directory-server', versions: ALL }],
    condition:
      'Only if SEG reads groups from Active Directory or LDAP, authenticates SMTP AUTH against Active ' +
      'Directory, or fetches addresses from Active Directory for the Spam Quarantine Management website.',
    explanation:
      'The Array Manager queries Active Directory domain controllers or another LDAP directory on TCP port 389 ' +
      'to read group membership, to check SMTP AUTH credentials, and to look up the addresses that users may ' +
      'manage in the Spam Quarantine Management website.',
    notes: [],
    whenMissing: {},
    source: KB_10905,
  },
  {
    id: 'sql',
    title: 'SQL Server database',
    services: [tcp(1433)],
    endpoints: [{ source: 'array-manager', destination: 'sql-server', versions: ALL }],
    condition: 'Always: SEG cannot run without its database.',
    explanation:
      'The Array Manager keeps the configuration, message logs and quarantine records in a SQL Server ' +
      'database and connects to it on TCP port 1433. This connection is mandatory.',
    notes: [],
    whenMissing: { 'sql-server': 'error' },
    source: KB_10905,
  },
  {
    id: 'array-manager-service',
    title: 'Array Manager service',
    services: [tcp(19001)],
    endpoints: [
      { source: 'processing-node', destination: 'array-manager', versions: ALL },
      { source: 'web-components', destination: 'array-manager', versions: ALL },
      // The Windows Configurator and Console were replaced by the web console in 10.0 (there was no 9.x).
      { source: 'admin-workstation', destination: 'array-manager', versions: { before: '10.0' } },
    ],
    condition: 'Always.',
    explanation:
      'The Controller service on each processing node connects to the Array Manager on TCP port 19001 to ' +
      'receive configuration updates and service commands. The web components connect to it as well, and ' +
      'before 10.0 so do the Configurator and Console on administrators\u2019 workstations.',
    notes: [
      { text: 'The vendor advises installing the Array Manager in the trusted network.' },
      {
        text:
          'Before 10.0 the Configurator also needs NetBIOS (ports 135\u2013139) to reach the Array Manager. ' +
          'The vendor advises never to open those ports through a firewall (Trustwave KB Q10026).',
        versions: { before: '10.0' },
      },
    ],
    whenMissing: { 'array-manager': 'error' },
    source: KB_10905,
  },
  {
    id: 'controller-service',
    title: 'Controller service on the nodes',
    services: [tcp(19001)],
    endpoints: [{ source: 'array-manager', destination: 'processing-node', versions: ALL }],
    condition: 'Always.',
    explanation:
      'The Array Manager connects to the Controller service on each processing node on TCP port 19001 to ' +
      'check the node\u2019s status and to carry out administrative tasks.',
    notes: [],
    whenMissing: { 'processing-node': 'warning' },
    source: KB_10905,
  },
  {
    id: 'rest-api',
    title: 'REST API',
    services: [tcp(19006)],
    endpoints: [{ source: 'rest-client', destination: 'array-manager', versions: { from: '8.0' } }],
    condition: 'Only if the SEG REST API is used, from version 8.0.',
    explanation:
      'From 8.0, SEG can be managed through a REST API that the Array Manager serves over HTTPS on TCP port ' +
      '19006. Scripts and tools that use the API connect to it there.',
    notes: [],
    whenMissing: {},
    source: KB_10905,
  },
];

const byId = new Map<RuleId, CatalogRule>(CATALOG.map((r) => [r.id, r]));

export function getRule(id: RuleId): CatalogRule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`Unknown catalog rule ${id}`);
  return rule;
}

/** "tcp/80" */
export function formatService(s: Service): string {
  return `${s.protocol}/${s.port}`;
}

/** "tcp/80, tcp/443" */
export function formatServices(services: readonly Service[]): string {
  return services.map(formatService).join(', ');
}
