import { describe, expect, it } from 'vitest';
import type { RoleId } from '../catalog';
import { DMZ_RELAY, type Host, type Plan } from '../plan';
import { explainFlows } from './explain';
import { deriveFlows, flowRows, groupFlowsByPair } from './index';

describe('views of the flows', () => {
  it('groups flows into one pair per source and destination host, labelled with services', () => {
    const pairs = groupFlowsByPair(deriveFlows(DMZ_RELAY).flows);
    const node1ToInternet = pairs.find((p) => p.source === 'node1' && p.target === 'internet');
    expect(node1ToInternet?.label).toBe('tcp/25, tcp/80, tcp/443');
    expect(node1ToInternet?.hasReverse).toBe(true);
    expect(node1ToInternet?.crossesFirewall).toBe(true);
    const sql = pairs.find((p) => p.source === 'am' && p.target === 'sql');
    expect(sql).toMatchObject({ label: 'tcp/1433', hasReverse: false, crossesFirewall: false });
    expect(new Set(pairs.map((p) => `${p.source}>${p.target}`)).size).toBe(pairs.length);
  });

  it('keeps host pairs and flows apart whatever characters host ids hold', () => {
    const host = (id: string, role: RoleId): Host => ({ id, name: id, roles: [role] });
    // Joined naively, "x→y" + "y→z…" and "x" + "y→z" give the same key; "|" likewise for flow ids.
    const plan: Plan = {
      ...DMZ_RELAY,
      zones: [],
      hosts: [
        host('x', 'processing-node'),
        host('x\u2192y', 'processing-node'),
        host('y\u2192z', 'array-manager'),
        host('z', 'array-manager'),
        host('a|b', 'processing-node'),
        host('a', 'processing-node'),
        host('b|c', 'array-manager'),
        host('c', 'array-manager'),
      ],
    };
    const { flows } = deriveFlows(plan);
    // Four nodes and four Array Managers: node → AM and AM → node for every pairing.
    const pairs = groupFlowsByPair(flows);
    expect(pairs).toHaveLength(32);
    expect(new Set(flows.map((f) => f.id)).size).toBe(flows.length);
    const pair = pairs.find((p) => p.source === 'x' && p.target === 'y\u2192z');
    expect(pair?.flows.map((f) => `${f.sourceHostId} ${f.destinationHostId}`)).toEqual(
      pair?.flows.map(() => 'x y\u2192z'),
    );
  });

  it('explains each rule on an edge with its words, the versions and the notes that hold', () => {
    const plan: Plan = { ...DMZ_RELAY, productVersion: '7.1' };
    const flows = deriveFlows(plan).flows.filter(
      (f) => f.sourceHostId === 'node1' && f.destinationHostId === 'internet',
    );
    const explained = explainFlows(plan, flows);
    expect(explained.map((e) => [e.rule.id, e.services, e.versions])).toEqual([
      ['smtp', 'tcp/25', 'all versions'],
      ['node-http', 'tcp/80, tcp/443', '6.5 and later'],
    ]);
    expect(explained[0]?.text.explanation).toMatch(/^The processing nodes are the mail relays/);
    expect(explained[1]?.notes.map((n) => n.text).join(' ')).toMatch(/revocation/);
    const at70 = explainFlows({ ...plan, productVersion: '7.0' }, flows);
    expect(at70[1]?.notes).toEqual([]);
  });

  it('gives table rows with host names, zone names and rule', () => {
    const { flows } = deriveFlows(DMZ_RELAY);
    const rows = flowRows(DMZ_RELAY, flows);
    expect(rows).toHaveLength(flows.length);
    const row = rows.find((r) => r.flow.ruleId === 'controller-service');
    expect(row).toMatchObject({
      sourceZone: 'Internal network',
      destinationZone: 'DMZ',
      service: 'tcp/19001',
    });
    expect(row?.source.name).toBe('SEG-AM01');
    expect(rows.find((r) => r.source.id === 'internet')?.sourceZone).toBe('');
  });
});
