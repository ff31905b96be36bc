import type { RoleId } from './roles';
import { type RuleId, type RuleNote } from './rules';
import { inRange, type ProductVersion } from './versions';

/**
 * The words of each catalog rule: when the flow is needed, why it exists, and its notes.
 *
 * They live apart from CATALOG (rules.ts) so that the first page load carries only what the canvas
 * and the flow table need (ids, titles, services, endpoints); this module is listed in ON_DEMAND in
 * vite.config.ts and is read only by code that loads on demand: the side panel's details (through
 * engine/explain.ts), the CSV (its Justification column) and the PDF. The catalog's index
 * re-exports it for them; code of the first load must not use it, or it lands in the initial chunk
 * (`npm run bench` checks the initial bundle).
 *
 * Adding a catalog rule is still one entry in CATALOG, plus its words here under the same id; the
 * type below and the catalog tests fail until every rule has them.
 */
export interface RuleText {
  /** When the flow is needed at all, in a phrase: "Always", "Only if …". */
  condition: string;
  /** Why the flow exists, in plain words. */
  explanation: string;
  notes: readonly RuleNote[];
}

export const RULE_TEXTS: Readonly<Record<RuleId, RuleText>> = {
  smtp: {
    condition: 'Always.',
    explanation:
      'The processing nodes are the mail relays of the gateway. They accept mail from the Internet and from ' +
      'internal mail servers, and hand mail on to both, over SMTP on TCP port 25. Each node must be able to ' +
      'open and accept SMTP connections in both directions with every SMTP peer.',
    notes: [],
  },
  dns: {
    condition: 'Always.',
    explanation:
      'Every MailMarshal component resolves names through the DNS servers set in its configuration: reverse ' +
      '(PTR) checks on connecting servers, block-list look-ups, sender authentication checks, and MX look-ups ' +
      'to deliver to outside recipients. Queries go over UDP port 53, and over TCP port 53 when an answer is ' +
      'too large for UDP.',
    notes: [],
  },
  'spamcensor-updates': {
    condition: 'Always, while automatic updates are on.',
    explanation:
      'The automatic update feature of the Array Manager contacts www.marshal.com from time to time over ' +
      'HTTP and HTTPS to fetch new SpamCensor anti-spam definitions and, depending on the version, updates ' +
      'to other features.',
    notes: [{ text: 'The destination is the host name www.marshal.com, not any Internet address.' }],
  },
  'node-http': {
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
  },
  'management-console': {
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
  },
  pop3: {
    condition: 'Only if the SEG POP3 server is used.',
    explanation:
      'When the POP3 server built into SEG is in use, mail clients connect to the processing nodes on TCP ' +
      'port 110 to collect their mail.',
    notes: [],
  },
  ldap: {
    condition:
      'Only if SEG reads groups from Active Directory or LDAP, authenticates SMTP AUTH against Active ' +
      'Directory, or fetches addresses from Active Directory for the Spam Quarantine Management website.',
    explanation:
      'The Array Manager queries Active Directory domain controllers or another LDAP directory on TCP port 389 ' +
      'to read group membership, to check SMTP AUTH credentials, and to look up the addresses that users may ' +
      'manage in the Spam Quarantine Management website.',
    notes: [],
  },
  sql: {
    condition: 'Always: SEG cannot run without its database.',
    explanation:
      'The Array Manager keeps the configuration, message logs and quarantine records in a SQL Server ' +
      'database and connects to it on TCP port 1433. This connection is mandatory.',
    notes: [],
  },
  'array-manager-service': {
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
  },
  'controller-service': {
    condition: 'Always.',
    explanation:
      'The Array Manager connects to the Controller service on each processing node on TCP port 19001 to ' +
      'check the node\u2019s status and to carry out administrative tasks.',
    notes: [],
  },
  'rest-api': {
    condition: 'Only if the SEG REST API is used, from version 8.0.',
    explanation:
      'From 8.0, SEG can be managed through a REST API that the Array Manager serves over HTTPS on TCP port ' +
      '19006. Scripts and tools that use the API connect to it there.',
    notes: [],
  },
};

export function ruleText(id: RuleId): RuleText {
  const text = RULE_TEXTS[id] as RuleText | undefined;
  if (!text) throw new Error(`No text for catalog rule ${id}`);
  return text;
}

/** The rule's notes that hold at this product version. */
export function ruleNotes(id: RuleId, version: ProductVersion): RuleNote[] {
  return ruleText(id).notes.filter((n) => !n.versions || inRange(version, n.versions));
}

/** What each role does, in a sentence: the palette's tooltips. */
export const ROLE_DESCRIPTIONS: Readonly<Record<RoleId, string>> = {
  'array-manager': 'Holds the configuration, talks to SQL Server and directs the processing nodes.',
  'processing-node': 'Receives, scans and delivers mail (the Controller, Receiver and Engine services).',
  'sql-server': 'Stores the configuration, logs and quarantine database. Mandatory.',
  'directory-server': 'Active Directory or another LDAP server used for groups, SMTP AUTH and addresses.',
  'dns-server': 'The DNS servers named in the SEG configuration.',
  'admin-workstation':
    'Where administrators run the Configurator and Console (before 10.0) or a browser (10.0 on).',
  'web-components': 'The Spam Quarantine Management website and other web components.',
  'rest-client': 'A system that manages SEG through its REST API (8.0 and later).',
  'pop3-client': "Mail clients that collect mail from SEG's own POP3 server.",
  'mail-server': 'Internal mail servers (Exchange and the like) that exchange SMTP with the nodes.',
  internet: 'Everything outside: remote mail servers, update sites, revocation lists.',
};
