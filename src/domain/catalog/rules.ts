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
  /**
   * Inside one array: with several Array Managers, the flow connects only hosts of the same array
   * (a node and its own Array Manager).
   */
  sameArray?: true;
}

/**
 * A note that may hold only in some versions (for example, the TLS revocation-list need from 7.1).
 * The notes themselves are in texts.ts.
 */
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
  /**
   * Set when the vendor table makes the rule conditional on a feature being used: the plan can
   * switch it off (see FEATURES), which removes its flows and its missing-host warnings.
   */
  feature?: FeatureId;
}

/** The vendor table's conditional rules, as features a plan uses or not. */
export const FEATURE_IDS = ['spamcensor-updates', 'ldap', 'pop3', 'rest-api'] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

/** "Features in use": what each feature is called; all are on unless the plan says otherwise. */
export const FEATURES: Readonly<Record<FeatureId, { label: string }>> = {
  'spamcensor-updates': { label: 'Automatic SpamCensor updates' },
  ldap: { label: 'Directory look-ups over LDAP (groups, SMTP AUTH, quarantine addresses from AD)' },
  pop3: { label: 'The POP3 server' },
  'rest-api': { label: 'The REST API' },
};

/** Whether the plan uses a feature: on unless switched off. */
export const featureOn = (features: Partial<Record<FeatureId, boolean>> | undefined, id: FeatureId) =>
  features?.[id] !== false;

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
 * (and its id to RULE_IDS); the engine needs no change. The rule's words (when it is needed, why,
 * and its notes) go under the same id in RULE_TEXTS in texts.ts, which loads on demand.
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
    whenMissing: { 'dns-server': 'warning' },
    source: KB_10905,
  },
  {
    id: 'spamcensor-updates',
    title: 'SpamCensor and product updates',
    services: [tcp(80), tcp(443)],
    endpoints: [{ source: 'array-manager', destination: 'internet', versions: ALL }],
    fixedDestinationAddress: 'www.marshal.com',
    whenMissing: { internet: 'warning' },
    source: KB_10905,
    feature: 'spamcensor-updates',
  },
  {
    id: 'node-http',
    title: 'Processing node web access',
    services: [tcp(80), tcp(443)],
    endpoints: [{ source: 'processing-node', destination: 'internet', versions: { from: '6.5' } }],
    whenMissing: { internet: 'warning' },
    source: KB_10905,
  },
  {
    id: 'management-console',
    title: 'Management Console (web)',
    services: [tcp(443)],
    endpoints: [{ source: 'admin-workstation', destination: 'array-manager', versions: { from: '10.0' } }],
    whenMissing: {},
    source: KB_10905,
  },
  {
    id: 'pop3',
    title: 'POP3 mail collection',
    services: [tcp(110)],
    endpoints: [{ source: 'pop3-client', destination: 'processing-node', versions: ALL }],
    whenMissing: {},
    source: KB_10905,
    feature: 'pop3',
  },
  {
    id: 'ldap',
    title: 'Directory look-ups (LDAP)',
    services: [tcp(389)],
    endpoints: [{ source: 'array-manager', destination: 'directory-server', versions: ALL }],
    whenMissing: {},
    source: KB_10905,
    feature: 'ldap',
  },
  {
    id: 'sql',
    title: 'SQL Server database',
    services: [tcp(1433)],
    endpoints: [{ source: 'array-manager', destination: 'sql-server', versions: ALL }],
    whenMissing: { 'sql-server': 'error' },
    source: KB_10905,
  },
  {
    id: 'array-manager-service',
    title: 'Array Manager service',
    services: [tcp(19001)],
    endpoints: [
      { source: 'processing-node', destination: 'array-manager', versions: ALL, sameArray: true },
      { source: 'web-components', destination: 'array-manager', versions: ALL, sameArray: true },
      // The Windows Configurator and Console were replaced by the web console in 10.0 (there was no 9.x).
      { source: 'admin-workstation', destination: 'array-manager', versions: { before: '10.0' } },
    ],
    whenMissing: { 'array-manager': 'error' },
    source: KB_10905,
  },
  {
    id: 'controller-service',
    title: 'Controller service on the nodes',
    services: [tcp(19001)],
    endpoints: [{ source: 'array-manager', destination: 'processing-node', versions: ALL, sameArray: true }],
    whenMissing: { 'processing-node': 'warning' },
    source: KB_10905,
  },
  {
    id: 'rest-api',
    title: 'REST API',
    services: [tcp(19006)],
    endpoints: [{ source: 'rest-client', destination: 'array-manager', versions: { from: '8.0' } }],
    whenMissing: {},
    source: KB_10905,
    feature: 'rest-api',
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
