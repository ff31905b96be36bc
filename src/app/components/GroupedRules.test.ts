import { describe, expect, it } from 'vitest';
import { deriveFlows, DMZ_RELAY, TWO_SITES, type Plan } from '../../domain';
import { requestFlows } from '../../domain/export';
import { groupFlows } from '../../domain/grouping';
import { ruleSections, type RuleSection } from '../../domain/grouping';

/** Each section as its heading, then its rules as "number interfaces" ("4 dmz>wan1", or "4"). */
function listed(plan: Plan, includeInternal = false): string[][] {
  const grouping = groupFlows(plan, requestFlows(deriveFlows(plan), { includeInternal }));
  return ruleSections(plan, grouping).map((s: RuleSection) => [
    s.title === undefined ? '(no heading)' : `${s.title} (${s.detail})`,
    ...s.rows.map(({ rule, hop }) =>
      hop ? `${rule.number} ${hop.from.name}>${hop.to.name}` : `${rule.number}`,
    ),
  ]);
}

describe('the grouped rules panel, per device', () => {
  // The DMZ relay example: FW-EDGE (FortiGate) joins the Internet, in no zone, by wan1 and the DMZ
  // by dmz; FW-CORE (Cisco ASA) the DMZ by dmz and the internal network by inside. Its eight
  // rules (see pdf.test.ts): 1-3 DMZ to internal, 4 DMZ to Internet, 5-6 internal to DMZ, 7
  // SEG-AM01 to the update site on the Internet (both devices), 8 Internet to DMZ.
  it('lists the DMZ relay rules under each device they pass, with the same numbers', () => {
    expect(listed(DMZ_RELAY)).toEqual([
      ['FW-EDGE (FortiGate)', '4 dmz>wan1', '7 dmz>wan1', '8 wan1>dmz'],
      [
        'FW-CORE (Cisco ASA)',
        '1 dmz>inside',
        '2 dmz>inside',
        '3 dmz>inside',
        '5 inside>dmz',
        '6 inside>dmz',
        '7 inside>dmz',
      ],
    ]);
  });

  it('puts rules between zones no device joins under "No path", and rules inside a zone last', () => {
    const coreOnly: Plan = {
      ...DMZ_RELAY,
      firewalls: DMZ_RELAY.firewalls!.filter((f) => f.id === 'fw-core'),
    };
    const sections = listed(coreOnly, true);
    expect(sections.slice(0, 2)).toEqual([
      ['FW-CORE (Cisco ASA)', '1 dmz>inside', '2 dmz>inside', '3 dmz>inside', '5 inside>dmz', '6 inside>dmz'],
      ['No path (no device of the plan joins these zones)', '4', '7', '8'],
    ]);
    // With flows inside a zone: the internal network's own rules, under a heading of their own.
    expect(sections[2]![0]).toBe('Inside a zone (these pass no device)');
    expect(sections[2]!.length).toBeGreaterThan(1);
    expect(sections).toHaveLength(3);
  });

  it('lists a plan without devices as one list in number order, under no heading', () => {
    const { firewalls: _none, ...plain } = DMZ_RELAY;
    expect(listed(plain)).toEqual([['(no heading)', '1', '2', '3', '4', '5', '6', '7', '8']]);
    expect(listed({ ...DMZ_RELAY, firewalls: [] })).toEqual(listed(plain));
  });

  it('gives every Two sites rule between zones a device: FW-EDGE for the Internet zone, FW-CORE inside', () => {
    const sections = listed(TWO_SITES);
    expect(sections.map((s) => s[0])).toEqual(['FW-EDGE (FortiGate)', 'FW-CORE (Cisco ASA)']);
    // FW-EDGE joins the Internet zone (wan1) and the DMZ (dmz) only: its rules enter or leave by wan1.
    for (const row of sections[0]!.slice(1)) expect(row).toMatch(/^\d+ (wan1>dmz|dmz>wan1)$/);
    // FW-CORE never faces the Internet zone.
    for (const row of sections[1]!.slice(1))
      expect(row).toMatch(/^\d+ (dmz|inside|mgmt|branch)>(dmz|inside|mgmt|branch)$/);
  });
});
