import { describe, expect, it } from 'vitest';
import { DMZ_RELAY, EXAMPLE_PLANS, type Host, type Plan } from '../plan';
import { addressKind } from '../plan';
import { deriveFlows } from './index';

/** The DMZ relay example with some hosts' addresses changed (undefined: no address). */
function relay(addresses: Record<string, string | undefined>): Plan {
  const plan = structuredClone(DMZ_RELAY);
  plan.hosts = plan.hosts.map((h): Host => {
    if (!(h.id in addresses)) return h;
    const { address: _old, ...rest } = h;
    const address = addresses[h.id];
    return address === undefined ? rest : { ...rest, address };
  });
  return plan;
}

const familyWarnings = (plan: Plan) =>
  deriveFlows(plan).warnings.filter((w) => w.id.startsWith('address-family:'));

const ADVICE =
  'cannot pass: a packet never changes address family. Give both hosts addresses of the same family ' +
  '(on a dual-stack host, the one that matches), or a DNS name.';

describe('warnings: flows whose ends share no address family', () => {
  it('reports an IPv6 mail server behind IPv4 nodes once per source and destination, both ways', () => {
    const warnings = familyWarnings(relay({ exch: '2001:db8::25' }));
    // SMTP is the only rule between the nodes and the mail server: node -> EXCH01 and back.
    expect(warnings).toEqual([
      {
        id: 'address-family:node1:exch',
        severity: 'error',
        message: `SMTP mail transfer (tcp/25) from SEG-NODE01 (192.0.2.11, IPv4) to EXCH01 (2001:db8::25, IPv6) ${ADVICE}`,
        hostIds: ['node1', 'exch'],
        ruleIds: ['smtp'],
      },
      {
        id: 'address-family:node2:exch',
        severity: 'error',
        message: `SMTP mail transfer (tcp/25) from SEG-NODE02 (192.0.2.12, IPv4) to EXCH01 (2001:db8::25, IPv6) ${ADVICE}`,
        hostIds: ['node2', 'exch'],
        ruleIds: ['smtp'],
      },
      {
        id: 'address-family:exch:node1',
        severity: 'error',
        message: `SMTP mail transfer (tcp/25) from EXCH01 (2001:db8::25, IPv6) to SEG-NODE01 (192.0.2.11, IPv4) ${ADVICE}`,
        hostIds: ['exch', 'node1'],
        ruleIds: ['smtp'],
      },
      {
        id: 'address-family:exch:node2',
        severity: 'error',
        message: `SMTP mail transfer (tcp/25) from EXCH01 (2001:db8::25, IPv6) to SEG-NODE02 (192.0.2.12, IPv4) ${ADVICE}`,
        hostIds: ['exch', 'node2'],
        ruleIds: ['smtp'],
      },
    ]);
    // Nothing else in the example changed, so these are its only warnings.
    expect(deriveFlows(relay({ exch: '2001:db8::25' })).warnings).toHaveLength(4);
  });

  it('names every service of a pair in one warning, rule by rule', () => {
    // DC01 is the directory and the DNS server: the Array Manager needs both, the nodes DNS.
    const warnings = familyWarnings(relay({ dc: '2001:db8::2' }));
    expect(warnings.map((w) => [w.id, w.ruleIds])).toEqual([
      ['address-family:am:dc', ['dns', 'ldap']],
      ['address-family:node1:dc', ['dns']],
      ['address-family:node2:dc', ['dns']],
    ]);
    expect(warnings[0]?.message).toBe(
      'DNS look-ups (udp/53, tcp/53) and Directory look-ups (LDAP) (tcp/389) from SEG-AM01 (10.0.0.5, IPv4) ' +
        `to DC01 (2001:db8::2, IPv6) ${ADVICE}`,
    );
  });

  it('reports an IPv6 block against an IPv4 host', () => {
    const warnings = familyWarnings(relay({ admin: '2001:db8:5::/64' }));
    expect(warnings).toEqual([
      {
        id: 'address-family:admin:am',
        severity: 'error',
        message:
          'Management Console (web) (tcp/443) from Admin workstations (2001:db8:5::/64, IPv6) to SEG-AM01 ' +
          `(10.0.0.5, IPv4) ${ADVICE}`,
        hostIds: ['admin', 'am'],
        ruleIds: ['management-console'],
      },
    ]);
  });

  it('has nothing to say about the examples as they are', () => {
    for (const { id, plan } of EXAMPLE_PLANS) expect(familyWarnings(plan), id).toEqual([]);
  });

  it.each([
    ['any', 'any'],
    ['a DNS name', 'mail.example.com'],
    ['a one-label DNS name', 'exch01'],
    ['an IPv4 block', '10.0.1.0/24'],
    ['another IPv4 address', '10.0.1.26'],
  ])('says nothing when the mail server has %s', (_, address) => {
    expect(familyWarnings(relay({ exch: address }))).toEqual([]);
  });

  // The families each kind of address is reached on, written out by hand.
  it.each([
    ['2001:db8::25', 'ipv6'],
    ['::1', 'ipv6'],
    ['::ffff:192.0.2.1', 'ipv6'],
    ['2001:db8::/32', 'ipv6'],
    ['::/0', 'ipv6'],
    ['10.0.1.25', 'ipv4'],
    ['0.0.0.0/0', 'ipv4'],
    ['255.255.255.255/32', 'ipv4'],
    ['any', 'both'],
    ['mail.example.com', 'both'],
    ['1.2.3.4a', 'both'],
    ['EXCH-01.', 'both'],
  ])('takes %s as %s, as the address checks read it', (address, family) => {
    // The plan's address checks agree on the kind of address (they load on demand, apart).
    const kind = addressKind(address);
    const expected = kind === 'cidr' ? (address.includes(':') ? 'ipv6' : 'ipv4') : kind;
    expect(kind === 'any' || kind === 'hostname' ? 'both' : expected).toBe(family);
    // An IPv4 node and an IPv6 node: the mail server shares no family with one of them at most.
    const plan = relay({ node1: '192.0.2.11', node2: '2001:db8::12', exch: address });
    const apart = familyWarnings(plan)
      .filter((w) => w.hostIds.includes('exch'))
      .map((w) => w.id);
    const node = { ipv4: 'node2', ipv6: 'node1', both: undefined }[family as 'ipv4' | 'ipv6' | 'both'];
    expect(apart).toEqual(node ? [`address-family:${node}:exch`, `address-family:exch:${node}`] : []);
  });

  it('says nothing of a host without an address', () => {
    // The nodes have none: whether they can reach the IPv6 mail server is unknown.
    expect(familyWarnings(relay({ exch: '2001:db8::25', node1: undefined, node2: undefined }))).toEqual([]);
  });

  it('says nothing when IPv4 and IPv6 hosts only meet where they share a family', () => {
    // The nodes and the mail server speak IPv6; the Array Manager has a DNS name (dual stack), so
    // the nodes reach it and it reaches the IPv4 servers; the Internet is any.
    const mixed = relay({
      node1: '2001:db8::11',
      node2: '2001:db8::12',
      exch: '2001:db8::25',
      am: 'seg-am01.example.com',
      dc: 'dc01.example.com',
    });
    expect(familyWarnings(mixed)).toEqual([]);
    // Give the Array Manager its IPv4 address back, and the nodes cannot reach it, nor it them.
    const ids = familyWarnings({
      ...mixed,
      hosts: mixed.hosts.map((h) => (h.id === 'am' ? { ...h, address: '10.0.0.5' } : h)),
    }).map((w) => w.id);
    expect(ids).toEqual([
      'address-family:node1:am',
      'address-family:node2:am',
      'address-family:am:node1',
      'address-family:am:node2',
    ]);
  });

  it('comes before warnings and advice', () => {
    // No Internet host: "missing Internet" warnings; EXCH01 on IPv6: errors first.
    const plan = relay({ exch: '2001:db8::25' });
    plan.hosts = plan.hosts.filter((h) => h.id !== 'internet');
    const severities = deriveFlows(plan).warnings.map((w) => w.severity);
    expect(severities.slice(0, 4)).toEqual(['error', 'error', 'error', 'error']);
    expect(severities.slice(4)).not.toContain('error');
    expect(severities.length).toBeGreaterThan(4);
  });
});
