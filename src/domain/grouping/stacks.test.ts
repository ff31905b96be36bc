import { describe, expect, it } from 'vitest';
import { deriveFlows } from '../engine';
import { requestFlows } from '../export';
import { ENTERPRISE, type Plan } from '../plan';
import { groupFlows } from './group';
import { buildStacks, rulesWithin, stackArrows } from './stacks';

const enterprise = (): Plan => structuredClone(ENTERPRISE);
const grouped = (plan: Plan) => groupFlows(plan, requestFlows(deriveFlows(plan), { includeInternal: false }));

describe('similar hosts as stacked cards', () => {
  it('draws the 40 Enterprise hosts as 11 cards: one per zone and set of roles', () => {
    const { stacks } = buildStacks(enterprise());
    expect(stacks.map((s) => s.label)).toEqual([
      'INTERNET',
      '8 × Processing node',
      '2 × Web components',
      '2 × Array Manager',
      '2 × SQL Server',
      '4 × Domain controller / LDAP',
      '4 × DNS server',
      '8 × Mail server',
      '6 × Admin workstation',
      '2 × REST API client',
      'HELPDESK-POP3',
    ]);
    const nodes = stacks[1]!;
    expect(nodes.id).toBe('seg-node01');
    expect(nodes.hostIds).toHaveLength(8);
  });

  it('draws an expanded stack host by host', () => {
    const plan = enterprise();
    const { stacks } = buildStacks(plan);
    const expanded = buildStacks(plan, new Set([stacks[1]!.key]));
    expect(expanded.stacks).toHaveLength(18);
    expect(expanded.stacks.filter((s) => s.roles[0] === 'processing-node').map((s) => s.label)).toEqual([
      'SEG-NODE01',
      'SEG-NODE02',
      'SEG-NODE03',
      'SEG-NODE04',
      'SEG-NODE05',
      'SEG-NODE06',
      'SEG-NODE07',
      'SEG-NODE08',
    ]);
  });

  it('draws the 11 grouped rules of the Enterprise request as 13 arrows with their rule numbers', () => {
    // Rules 3 and 4 run from the nodes and the web components together (one address group), so
    // each gives two arrows; every other rule one. Pinned from the grouped rules by hand.
    const plan = enterprise();
    const arrows = stackArrows(grouped(plan), buildStacks(plan));
    const by = (s: string, t: string) => arrows.find((a) => a.source === s && a.target === t);
    expect(arrows).toHaveLength(13);
    expect(by('seg-node01', 'exch01')).toMatchObject({
      label: '#5: tcp/25',
      crossesFirewall: true,
      hasReverse: true,
    });
    expect(by('internet', 'seg-node01')).toMatchObject({ label: '#1: tcp/25', hasReverse: true });
    expect(by('seg-node01', 'internet')).toMatchObject({ label: '#2: tcp/25, tcp/80, tcp/443' });
    expect(by('seg-web01', 'dns01')).toMatchObject({ label: '#3: tcp/53, udp/53' });
    expect(by('seg-web01', 'seg-am01')).toMatchObject({ label: '#4: tcp/19001' });
    // The Array Managers' update site (www.marshal.com) is the Internet card.
    expect(by('seg-am01', 'internet')).toMatchObject({ label: '#6: tcp/80, tcp/443', hasReverse: false });
  });

  it('lists on the card the rules among its own hosts, which no arrow can show', () => {
    // Two hosts that are each an Array Manager and a processing node, in no zone: they talk to
    // each other on tcp/19001 (KB 10905: the Array Manager controls the nodes, and nodes report
    // back), both in one card.
    const plan: Plan = {
      ...enterprise(),
      zones: [],
      hosts: [
        { id: 'a', name: 'A', roles: ['array-manager', 'processing-node'], address: '10.0.0.1' },
        { id: 'b', name: 'B', roles: ['array-manager', 'processing-node'], address: '10.0.0.2' },
        { id: 'm', name: 'M', roles: ['mail-server'], address: '10.0.0.3' },
      ],
    };
    const grouping = grouped(plan);
    const stacks = buildStacks(plan);
    expect(stacks.stacks.map((s) => s.label)).toEqual(['2 × Array Manager · Processing node', 'M']);
    const amNode = grouping.rules
      .filter((r) => r.services.some((s) => s.port === 19001))
      .map((r) => r.number);
    expect(amNode.length).toBeGreaterThan(0);
    expect(rulesWithin(grouping, stacks).get('a')).toEqual(amNode);
    // And no arrow runs from the card to itself.
    expect(stackArrows(grouping, stacks).filter((a) => a.source === a.target)).toEqual([]);
  });
});
