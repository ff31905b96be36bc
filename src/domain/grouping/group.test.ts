import { describe, expect, it } from 'vitest';
import { deriveFlows, type Flow } from '../engine';
import { DMZ_RELAY, ENTERPRISE, SINGLE_SERVER, TWO_SITES, type Plan } from '../plan';
import { groupFlows, type GroupedRule, type Grouping } from './index';
import { requestFlows } from '../export';

/** The change request's default scope: flows that cross a firewall. */
function grouped(plan: Plan): { rows: number; grouping: Grouping } {
  const flows = deriveFlows(plan).flows.filter((f) => f.crossesFirewall);
  return { rows: flows.length, grouping: groupFlows(plan, flows) };
}

/** "3 lan:SEG-AM01 -> dmz:DMZ-PROCESSING-NODES tcp/19001 [controller-service]" */
const line = (r: GroupedRule) =>
  `${r.number} ${r.sourceZone ?? '-'}:${r.source.name} -> ${r.destinationZone ?? '-'}:${r.destination.name} ` +
  `${r.services.map((s) => `${s.protocol}/${s.port}`).join(' ')} [${r.ruleIds.join(' ')}]`;

describe('grouped rules of the examples (written out from the vendor table)', () => {
  it('single server: the Internet and the update site', () => {
    const { rows, grouping } = grouped(SINGLE_SERVER);
    expect(rows).toBe(6);
    expect(grouping.rules.map(line)).toEqual([
      '1 internal:SEG01 -> -:Internet tcp/25 tcp/80 tcp/443 [smtp node-http]',
      '2 internal:SEG01 -> -:WWW-MARSHAL-COM tcp/80 tcp/443 [spamcensor-updates]',
      '3 -:Internet -> internal:SEG01 tcp/25 [smtp]',
    ]);
    expect(grouping.rules[1]).toEqual({
      number: 2,
      sourceZone: 'internal',
      source: { key: 'seg01', name: 'SEG01', hostIds: ['seg01'], addresses: ['10.1.0.10'], zone: 'internal' },
      destination: {
        key: 'internet@www.marshal.com',
        name: 'WWW-MARSHAL-COM',
        hostIds: ['internet'],
        addresses: ['www.marshal.com'],
      },
      services: [
        { protocol: 'tcp', port: 80 },
        { protocol: 'tcp', port: 443 },
      ],
      action: 'allow',
      ruleIds: ['spamcensor-updates'],
      flowIds: ['spamcensor-updates|5:seg01|internet|tcp/80', 'spamcensor-updates|5:seg01|internet|tcp/443'],
      justification: 'SpamCensor and product updates (Trustwave KB 10905)',
    });
    expect(grouping.groups.map((g) => g.name)).toEqual(['Internet', 'SEG01', 'WWW-MARSHAL-COM']);
  });

  it('DMZ relay: both nodes in one group, 22 rows in 8 rules', () => {
    const { rows, grouping } = grouped(DMZ_RELAY);
    expect(rows).toBe(22);
    expect(grouping.rules.map(line)).toEqual([
      '1 dmz:DMZ-PROCESSING-NODES -> lan:EXCH01 tcp/25 [smtp]',
      '2 dmz:DMZ-PROCESSING-NODES -> lan:DC01 tcp/53 udp/53 [dns]',
      '3 dmz:DMZ-PROCESSING-NODES -> lan:SEG-AM01 tcp/19001 [array-manager-service]',
      '4 dmz:DMZ-PROCESSING-NODES -> -:Internet tcp/25 tcp/80 tcp/443 [smtp node-http]',
      '5 lan:EXCH01 -> dmz:DMZ-PROCESSING-NODES tcp/25 [smtp]',
      '6 lan:SEG-AM01 -> dmz:DMZ-PROCESSING-NODES tcp/19001 [controller-service]',
      '7 lan:SEG-AM01 -> -:WWW-MARSHAL-COM tcp/80 tcp/443 [spamcensor-updates]',
      '8 -:Internet -> dmz:DMZ-PROCESSING-NODES tcp/25 [smtp]',
    ]);
    const rule4 = grouping.rules[3]!;
    expect(rule4.source).toEqual({
      key: 'node1,node2',
      name: 'DMZ-PROCESSING-NODES',
      hostIds: ['node1', 'node2'],
      addresses: ['192.0.2.11', '192.0.2.12'],
      zone: 'dmz',
    });
    expect(rule4.justification).toBe('SMTP mail transfer; Processing node web access (Trustwave KB 10905)');
    expect(rule4.flowIds).toEqual([
      'smtp|5:node1|internet|tcp/25',
      'smtp|5:node2|internet|tcp/25',
      'node-http|5:node1|internet|tcp/80',
      'node-http|5:node1|internet|tcp/443',
      'node-http|5:node2|internet|tcp/80',
      'node-http|5:node2|internet|tcp/443',
    ]);
    expect(grouping.groups.map((g) => `${g.name}=${g.hostIds.join('+')}`)).toEqual([
      'DC01=dc',
      'DMZ-PROCESSING-NODES=node1+node2',
      'EXCH01=exch',
      'Internet=internet',
      'SEG-AM01=am',
      'WWW-MARSHAL-COM=internet',
    ]);
  });

  it('two sites: 255 rows in 26 rules over 16 groups', () => {
    const { rows, grouping } = grouped(TWO_SITES);
    expect(rows).toBe(255);
    expect(grouping.rules).toHaveLength(26);
    expect(grouping.groups).toHaveLength(16);
    const byNumber = (n: number) => line(grouping.rules[n - 1]!);
    // 4 DMZ nodes × 6 Exchange servers on tcp/25: 24 rows, one rule.
    expect(byNumber(5)).toBe(
      '5 dmz:DMZ-PROCESSING-NODES -> servers:SERVER-NETWORK-MAIL-SERVERS tcp/25 [smtp]',
    );
    expect(grouping.rules[4]!.flowIds).toHaveLength(24);
    // The web servers look up DNS like the nodes, but only the nodes speak SMTP: a group of its own.
    expect(byNumber(6)).toBe(
      '6 dmz:DMZ-NODE-WEB-HOSTS -> servers:SERVER-NETWORK-DNS-SERVERS tcp/53 udp/53 [dns]',
    );
    expect(byNumber(11)).toBe(
      '11 servers:SERVER-NETWORK-MAIL-SERVERS -> dmz:DMZ-PROCESSING-NODES tcp/25 [smtp]',
    );
    expect(byNumber(14)).toBe(
      '14 servers:SERVER-NETWORK-MAIL-SERVERS -> branch:BRANCH-OFFICE-PROCESSING-NODES tcp/25 [smtp]',
    );
    expect(byNumber(18)).toBe(
      '18 management:MANAGEMENT-ADMIN-WORKSTATIONS -> servers:SEG-AM01 tcp/443 [management-console]',
    );
    // "BRANCH-OFFICE-ADMIN-WORKSTATIONS" is 32 characters: cut back to a whole word.
    expect(byNumber(25)).toBe(
      '25 branch:BRANCH-OFFICE-ADMIN -> servers:SEG-AM01 tcp/443 [management-console]',
    );
    expect(byNumber(26)).toBe(
      '26 branch:BRANCH-OFFICE-PROCESSING-NODES -> servers:SEG-AM01 tcp/19001 [array-manager-service]',
    );
    const web = grouping.groups.find((g) => g.name === 'DMZ-NODE-WEB-HOSTS')!;
    expect(web.hostIds).toEqual([
      'seg-node01',
      'seg-node02',
      'seg-node03',
      'seg-node04',
      'seg-web01',
      'seg-web02',
    ]);
    expect(web.key).toBe('seg-node01,seg-node02,seg-node03,seg-node04,seg-web01,seg-web02');
    const admins = grouping.groups.find((g) => g.name === 'MANAGEMENT-ADMIN-WORKSTATIONS')!;
    // Six ids joined would be 65 characters, past the 64 a key may have: a hash stands in.
    expect(admins.key).toMatch(/^#[0-9a-f]{16}$/);
    expect(admins.addresses).toEqual([
      '10.0.5.11',
      '10.0.5.12',
      '10.0.5.13',
      '10.0.5.14',
      '10.0.5.15',
      '10.0.5.16',
    ]);
  });

  it('enterprise: 8 nodes × 8 mail servers on tcp/25 is one rule each way; 304 rows in 11 rules', () => {
    const { rows, grouping } = grouped(ENTERPRISE);
    expect(rows).toBe(304);
    expect(grouping.rules.map(line)).toEqual([
      '1 e-internet:INTERNET -> e-dmz:DMZ-PROCESSING-NODES tcp/25 [smtp]',
      '2 e-dmz:DMZ-PROCESSING-NODES -> e-internet:INTERNET tcp/25 tcp/80 tcp/443 [smtp node-http]',
      '3 e-dmz:DMZ-NODE-WEB-HOSTS -> e-servers:SERVER-NETWORK-DNS-SERVERS tcp/53 udp/53 [dns]',
      '4 e-dmz:DMZ-NODE-WEB-HOSTS -> e-servers:SERVER-NETWORK-ARRAY-MANAGERS tcp/19001 [array-manager-service]',
      '5 e-dmz:DMZ-PROCESSING-NODES -> e-mail:MAIL-SERVERS tcp/25 [smtp]',
      '6 e-servers:SERVER-NETWORK-ARRAY-MANAGERS -> e-internet:WWW-MARSHAL-COM tcp/80 tcp/443 [spamcensor-updates]',
      '7 e-servers:SERVER-NETWORK-ARRAY-MANAGERS -> e-dmz:DMZ-PROCESSING-NODES tcp/19001 [controller-service]',
      '8 e-mail:MAIL-SERVERS -> e-dmz:DMZ-PROCESSING-NODES tcp/25 [smtp]',
      '9 e-management:HELPDESK-POP3 -> e-dmz:DMZ-PROCESSING-NODES tcp/110 [pop3]',
      '10 e-management:MANAGEMENT-ADMIN-WORKSTATIONS -> e-servers:SERVER-NETWORK-ARRAY-MANAGERS tcp/443 [management-console]',
      '11 e-management:MANAGEMENT-REST-CLIENTS -> e-servers:SERVER-NETWORK-ARRAY-MANAGERS tcp/19006 [rest-api]',
    ]);
    expect(grouping.rules[4]!.flowIds).toHaveLength(64);
    // The zone "Mail servers" says what the role says: the name does not repeat it.
    expect(grouping.rules[4]!.destination.hostIds).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `exch0${n}`));
  });

  it('groups destinations first where that gives fewer rules', () => {
    // s1 → a, s2 → b, s3 → a and b: by source that is three rules, by destination two.
    const host = (id: string, zone: string) => ({
      id,
      name: id.toUpperCase(),
      roles: ['mail-server' as const],
      zone,
    });
    const plan: Plan = {
      ...DMZ_RELAY,
      zones: DMZ_RELAY.zones,
      hosts: [host('s1', 'dmz'), host('s2', 'dmz'), host('s3', 'dmz'), host('a', 'lan'), host('b', 'lan')],
    };
    const flow = (src: string, dst: string): Flow => ({
      id: `${src}-${dst}`,
      ruleId: 'smtp',
      sourceHostId: src,
      destinationHostId: dst,
      sourceRoles: ['mail-server'],
      destinationRoles: ['mail-server'],
      protocol: 'tcp',
      port: 25,
      sourceAddress: '',
      destinationAddress: '',
      crossesFirewall: true,
    });
    const { rules } = groupFlows(plan, [flow('s1', 'a'), flow('s2', 'b'), flow('s3', 'a'), flow('s3', 'b')]);
    expect(rules.map((r) => `${r.source.hostIds.join('+')} -> ${r.destination.hostIds.join('+')}`)).toEqual([
      's1+s3 -> a',
      's2+s3 -> b',
    ]);
  });

  it('numbers the same rules the same way, whatever the order of the flows and the names of the groups', () => {
    const numbers = (g: ReturnType<typeof grouped>['grouping']) =>
      g.rules.map((r) => `${r.number} ${r.source.key} > ${r.destination.key}`);
    const plan = { ...SINGLE_SERVER };
    const flows = requestFlows(deriveFlows(plan), { includeInternal: true });
    const first = numbers(groupFlows(plan, flows));
    expect(numbers(groupFlows(plan, [...flows].reverse()))).toEqual(first);
    // Every group renamed so that their names sort the other way round: the numbers stay.
    const groups = groupFlows(plan, flows).groups;
    const renamed = {
      ...plan,
      groupNames: Object.fromEntries(groups.map((g, i) => [g.key, `ZZZ${groups.length - i}`])),
    };
    expect(numbers(groupFlows(renamed, flows))).toEqual(first);
  });

  it("uses the user's names, and keeps them unique", () => {
    const plan: Plan = {
      ...DMZ_RELAY,
      // The second name is what Portolan would call the nodes: they must give way.
      groupNames: { 'node1,node2': 'RELAYS', exch: 'DMZ-PROCESSING-NODES' },
    };
    const { grouping } = grouped(plan);
    expect(grouping.rules.map((r) => `${r.source.name} -> ${r.destination.name}`).slice(0, 2)).toEqual([
      'RELAYS -> DMZ-PROCESSING-NODES',
      'RELAYS -> DC01',
    ]);
  });

  it('groups flows inside a zone too when the caller includes them', () => {
    const flows = deriveFlows(DMZ_RELAY).flows;
    const internal = flows.filter((f) => !f.crossesFirewall);
    const { rules } = groupFlows(DMZ_RELAY, internal);
    expect(rules.map(line)).toEqual([
      // DC01 is both the DNS server and the directory: one rule, its services merged.
      '1 lan:SEG-AM01 -> lan:DC01 tcp/53 tcp/389 udp/53 [dns ldap]',
      '2 lan:Admin-workstations -> lan:SEG-AM01 tcp/443 [management-console]',
      '3 lan:SEG-AM01 -> lan:SQL01 tcp/1433 [sql]',
      '4 lan:Automation -> lan:SEG-AM01 tcp/19006 [rest-api]',
    ]);
  });
});
