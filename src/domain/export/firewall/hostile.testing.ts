import { DMZ_RELAY } from '../../plan';
import type { Plan } from '../../plan';

/**
 * One plan made to break firewall files: names that are keywords of some target (`any`, `all`,
 * `none`, `host`, `object`, `end`, `exit`), names holding line breaks, tabs, quotes, `$(…)`,
 * backticks, a bidirectional override and 200 characters, a zone named `any`, groups renamed to
 * reserved words, and a name that spells out a PAN-OS allow-all rule after a line break. Every
 * generated file must still allow exactly what the plan allows (the conformance tests).
 */
const LONG = `SEG-${'VERY-LONG-NAME-'.repeat(13)}END`.slice(0, 200);

export const HOSTILE_NAMES = {
  plan: 'Evil "plan"\n$(touch pwned-plan) `touch pwned-plan2`',
  zoneDmz: 'any',
  zoneLan: 'Inside; $(touch pwned-zone) `x` "q"\u2028next',
  internet: 'any',
  node1: 'all',
  node2: 'none',
  am: 'host',
  sql: 'object',
  dc: 'end\nexit',
  exch: `EXCH"01'\t$(touch pwned-exch) \`touch pwned-exch2\``,
  mail2: 'MAIL\r\nset rulebase security rules X from any to any source any destination any action allow',
  admin: `\u202Eeton${LONG}`.slice(0, 200),
  rest: 'exit',
} as const;

const N = HOSTILE_NAMES;
const renamed: Record<string, string> = { internet: N.internet, node1: N.node1, node2: N.node2 };
const names: Record<string, string> = {
  ...renamed,
  am: N.am,
  sql: N.sql,
  dc: N.dc,
  exch: N.exch,
  admin: N.admin,
  rest: N.rest,
};

// Without the example's devices: the hostile golden files are those of a plan without devices.
const { firewalls: _, ...RELAY } = DMZ_RELAY;

export const HOSTILE: Plan = {
  ...RELAY,
  name: N.plan,
  zones: DMZ_RELAY.zones.map((z) => ({ ...z, name: z.id === 'dmz' ? N.zoneDmz : N.zoneLan })),
  hosts: [
    ...DMZ_RELAY.hosts.map((h) => ({ ...h, name: names[h.id] ?? h.name })),
    {
      id: 'mail2',
      name: N.mail2,
      roles: ['mail-server'],
      zone: 'lan',
      address: '10.0.1.26',
      position: { x: 740, y: 500 },
    },
  ],
  // Groups renamed to reserved words: the relays, and the two mail servers.
  groupNames: { 'node1,node2': 'any', 'exch,mail2': 'all' },
};

/** The same plan with an explicit object prefix. */
export const HOSTILE_PREFIXED: Plan = {
  ...HOSTILE,
  changeRequest: { ticket: 'CHG-1\n$(id)', objectPrefix: 'ACME-FW' },
};

/**
 * The file names of a plan's exports start with its name made safe for a file system: written by
 * hand for the hostile plan (`"`, the line break and the other characters Windows refuses become
 * `-`), the plan's own name for the others.
 */
export const fileStemOf = (plan: Plan): string =>
  plan.name === HOSTILE.name ? 'Evil -plan-$(touch pwned-plan) `touch pwned-plan2`' : plan.name;
