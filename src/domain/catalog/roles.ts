/**
 * The parts of a SEG deployment a host can play. Ids are part of the plan file format and
 * must never change; labels are what people see.
 */
export const ROLE_IDS = [
  'array-manager',
  'processing-node',
  'sql-server',
  'directory-server',
  'dns-server',
  'admin-workstation',
  'web-components',
  'rest-client',
  'pop3-client',
  'mail-server',
  'internet',
] as const;

export type RoleId = (typeof ROLE_IDS)[number];

export interface RoleInfo {
  id: RoleId;
  label: string;
  /** Short label for tight spaces (canvas badges, table cells). */
  short: string;
  /** Default host name stem for new hosts of this role. */
  nameStem: string;
  /** True for the MailMarshal components: Array Manager, processing nodes and web components. */
  mailMarshalComponent: boolean;
}

export const ROLES: Readonly<Record<RoleId, RoleInfo>> = {
  'array-manager': {
    id: 'array-manager',
    label: 'Array Manager',
    short: 'AM',
    nameStem: 'SEG-AM',
    mailMarshalComponent: true,
  },
  'processing-node': {
    id: 'processing-node',
    label: 'Processing node',
    short: 'Node',
    nameStem: 'SEG-NODE',
    mailMarshalComponent: true,
  },
  'sql-server': {
    id: 'sql-server',
    label: 'SQL Server',
    short: 'SQL',
    nameStem: 'SQL',
    mailMarshalComponent: false,
  },
  'directory-server': {
    id: 'directory-server',
    label: 'Domain controller / LDAP',
    short: 'DC',
    nameStem: 'DC',
    mailMarshalComponent: false,
  },
  'dns-server': {
    id: 'dns-server',
    label: 'DNS server',
    short: 'DNS',
    nameStem: 'DNS',
    mailMarshalComponent: false,
  },
  'admin-workstation': {
    id: 'admin-workstation',
    label: 'Admin workstation',
    short: 'Admin',
    nameStem: 'ADMIN-WS',
    mailMarshalComponent: false,
  },
  'web-components': {
    id: 'web-components',
    label: 'Web components',
    short: 'Web',
    nameStem: 'SEG-WEB',
    mailMarshalComponent: true,
  },
  'rest-client': {
    id: 'rest-client',
    label: 'REST API client',
    short: 'REST',
    nameStem: 'REST-CLIENT',
    mailMarshalComponent: false,
  },
  'pop3-client': {
    id: 'pop3-client',
    label: 'POP3 client',
    short: 'POP3',
    nameStem: 'POP3-CLIENT',
    mailMarshalComponent: false,
  },
  'mail-server': {
    id: 'mail-server',
    label: 'Mail server',
    short: 'Mail',
    nameStem: 'MAIL',
    mailMarshalComponent: false,
  },
  internet: {
    id: 'internet',
    label: 'Internet',
    short: 'Internet',
    nameStem: 'Internet',
    mailMarshalComponent: false,
  },
};

export const MAILMARSHAL_COMPONENTS: readonly RoleId[] = ROLE_IDS.filter(
  (r) => ROLES[r].mailMarshalComponent,
);

export function isRoleId(value: string): value is RoleId {
  return (ROLE_IDS as readonly string[]).includes(value);
}
