import { describe, expect, it } from 'vitest';
import { formatProblem, type Result } from '../problems';
import {
  DMZ_RELAY,
  EXAMPLE_PLANS,
  SINGLE_SERVER,
  addressKind,
  addressProblem,
  parsePlanText,
  restorePlan,
  serializePlan,
  type Plan,
} from './index';

const messages = (r: Result<unknown>) => (r.ok ? [] : r.problems.map(formatProblem));

function clone(p: Plan): Plan {
  return structuredClone(p);
}

describe('addresses', () => {
  it.each([
    ['any', 'any'],
    ['10.0.0.5', 'ipv4'],
    ['0.0.0.0', 'ipv4'],
    ['2001:db8::1', 'ipv6'],
    ['::1', 'ipv6'],
    ['::', 'ipv6'],
    ['::ffff:192.0.2.1', 'ipv6'],
    ['1:2:3:4:5:6:7:8', 'ipv6'],
    ['10.0.0.0/8', 'cidr'],
    ['2001:db8::/32', 'cidr'],
    ['mail.example.com', 'hostname'],
    ['SEG-AM01', 'hostname'],
    ['www.marshal.com', 'hostname'],
  ])('%s is %s', (value, kind) => {
    expect(addressProblem(value)).toBeNull();
    expect(addressKind(value)).toBe(kind);
  });

  it.each([
    ['10.0.0.300', '10.0.0.300 is not an IPv4 address'],
    ['10.0.0', '10.0.0 is not an IPv4 address'],
    ['010.0.0.1', '010.0.0.1 is not an IPv4 address'],
    ['2001:db8:::1', '2001:db8:::1 is not an IPv6 address'],
    ['1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8:9 is not an IPv6 address'],
    ['10.0.0.0/33', '10.0.0.0/33 is not a CIDR block: the prefix length must be a number from 0 to 32'],
    ['10.0.0.0/', '10.0.0.0/ is not a CIDR block: the prefix length must be a number from 0 to 32'],
    ['10.0.0.999/24', '10.0.0.999/24 is not a CIDR block: 10.0.0.999 is not an IPv4 or IPv6 address'],
    ['-bad-.example', '-bad-.example is not an IP address, CIDR block or host name'],
    ['two words', '"two words" contains spaces'],
    ['', 'the address is empty (leave it out instead)'],
  ])('%s is refused', (value, message) => {
    expect(addressProblem(value)).toBe(message);
    expect(addressKind(value)).toBeNull();
  });
});

describe('restorePlan', () => {
  it('accepts the example plans unchanged', () => {
    for (const { plan } of EXAMPLE_PLANS) {
      const r = restorePlan(clone(plan));
      expect(r).toEqual({ ok: true, value: plan });
    }
  });

  it('reports a bad address with its path', () => {
    const plan = clone(DMZ_RELAY);
    plan.hosts[3]!.address = '10.0.0.300';
    expect(messages(restorePlan(plan))).toEqual(['hosts[3].address: 10.0.0.300 is not an IPv4 address']);
  });

  it('reports every shape problem at once, each with a path', () => {
    const doc = {
      format: 'portolan-plan',
      version: 1,
      name: '',
      productVersion: '10.0',
      zones: [{ id: 'z', name: 'Z', trust: 'secure' }],
      hosts: [
        { id: 'h1', name: 'A', roles: [] },
        { id: 'h2', roles: ['router'], position: { x: 1 } },
      ],
    };
    expect(messages(restorePlan(doc))).toEqual([
      'name: must not be empty',
      'zones[0].trust: "secure" is not one of: untrusted, dmz, trusted',
      'hosts[0].roles: must hold at least 1 entry',
      'hosts[1].name: is missing',
      'hosts[1].roles[0]: "router" is not one of: array-manager, processing-node, sql-server, directory-server, dns-server, admin-workstation, web-components, rest-client, pop3-client, mail-server, internet',
      'hosts[1].position.y: is missing',
    ]);
  });

  it('checks ids, zone references, duplicate roles and the product version', () => {
    const plan = clone(SINGLE_SERVER);
    plan.productVersion = '10';
    plan.hosts[1]!.id = plan.hosts[0]!.id;
    plan.hosts[2]!.zone = 'nowhere';
    plan.hosts[3]!.roles = ['mail-server', 'mail-server'];
    expect(messages(restorePlan(plan))).toEqual([
      'productVersion: "10" is not a product version like 8.0 or 10.0',
      'hosts[1].id: "internet" is already used by hosts[0]',
      'hosts[2].zone: no zone has the id "nowhere"',
      'hosts[3].roles[1]: mail-server is listed twice',
    ]);
  });

  it('refuses documents that are not plans', () => {
    expect(messages(restorePlan(null))).toEqual(['this is not a Portolan plan: expected a JSON object']);
    expect(messages(restorePlan([]))).toEqual(['this is not a Portolan plan: expected a JSON object']);
    expect(messages(restorePlan({ format: 'excalidraw' }))).toEqual([
      'format: this is not a Portolan plan: format is "excalidraw", expected "portolan-plan"',
    ]);
  });

  it('says plainly when a plan comes from a newer format version', () => {
    const doc = { ...clone(SINGLE_SERVER), version: 7 };
    expect(messages(restorePlan(doc))).toEqual([
      'version: this plan was saved by a newer Portolan (plan format version 7); this one reads versions up to 3. Open it in an up-to-date Portolan.',
    ]);
  });

  it('refuses non-finite numbers', () => {
    const plan = clone(SINGLE_SERVER) as unknown as { hosts: { position: { x: number } }[] };
    plan.hosts[0]!.position.x = Number.POSITIVE_INFINITY;
    expect(messages(restorePlan(plan))).toEqual(['hosts[0].position.x: must be a finite number']);
  });

  it('bounds positions and sizes to the canvas range, with a path for each', () => {
    const plan = clone(DMZ_RELAY) as unknown as {
      hosts: { position: { x: number; y: number } }[];
      zones: { position: { x: number; y: number }; size: { width: number; height: number } }[];
    };
    plan.hosts[0]!.position.x = 1e308;
    plan.hosts[1]!.position.y = -1e308;
    plan.zones[0]!.size.width = 2_000_000;
    plan.hosts[2]!.position.x = 1_000_000;
    plan.hosts[3]!.position.y = -1_000_000;
    expect(messages(restorePlan(plan))).toEqual([
      'zones[0].size.width: 2000000 is above the largest allowed, 1000000',
      'hosts[0].position.x: 1e+308 is above the largest allowed, 1000000',
      'hosts[1].position.y: -1e+308 is below the smallest allowed, -1000000',
    ]);
  });

  it('keeps the optional change request', () => {
    const plan = { ...clone(DMZ_RELAY), changeRequest: { title: 'Open SEG ports', ticket: 'CHG-1' } };
    expect(restorePlan(plan)).toEqual({ ok: true, value: plan });
  });

  it('keeps a valid object prefix, and refuses a bad one with its path and the rule', () => {
    for (const objectPrefix of ['ACME-FW', 'a', 'Seg-Dmz-01', 'ABCDEFGHIJKL']) {
      const plan = { ...clone(DMZ_RELAY), changeRequest: { ticket: 'CHG-1', objectPrefix } };
      expect(restorePlan(plan)).toEqual({ ok: true, value: plan });
    }
    const refused = (objectPrefix: unknown) =>
      messages(restorePlan({ ...clone(DMZ_RELAY), changeRequest: { ticket: 'CHG-1', objectPrefix } }));
    const rule = 'use letters, digits and "-", starting with a letter and not ending with "-"';
    expect(refused('9bad')).toEqual([`changeRequest.objectPrefix: "9bad" is not a prefix: ${rule}`]);
    expect(refused('ACME-')).toEqual([`changeRequest.objectPrefix: "ACME-" is not a prefix: ${rule}`]);
    expect(refused('ACME FW')).toEqual([`changeRequest.objectPrefix: "ACME FW" is not a prefix: ${rule}`]);
    expect(refused('ACME_FW')).toEqual([`changeRequest.objectPrefix: "ACME_FW" is not a prefix: ${rule}`]);
    expect(refused('ABCDEFGHIJKLM')).toEqual([
      'changeRequest.objectPrefix: "ABCDEFGHIJKLM" is longer than 12 characters',
    ]);
    expect(refused('ACME-FIREWALL-PRODUCTION')).toEqual([
      'changeRequest.objectPrefix: "ACME-FIREWALL-PRODUC…" is longer than 12 characters',
    ]);
    expect(refused('')).toEqual([
      "changeRequest.objectPrefix: the prefix is empty; leave it out for the default made from the plan's name",
    ]);
    expect(refused(12)).toEqual(['changeRequest.objectPrefix: must be text, not 12']);
    // Reported with the plan's other problems, in one go.
    const both = clone(DMZ_RELAY);
    both.hosts[0]!.address = '10.0.0.300';
    both.changeRequest = { objectPrefix: '-' };
    expect(messages(restorePlan(both))).toEqual([
      'hosts[0].address: 10.0.0.300 is not an IPv4 address',
      `changeRequest.objectPrefix: "-" is not a prefix: ${rule}`,
    ]);
  });
});

describe('plan text', () => {
  it('round-trips through JSON text', () => {
    expect(parsePlanText(serializePlan(DMZ_RELAY))).toEqual({ ok: true, value: DMZ_RELAY });
  });

  it('says a cut-off file is truncated', () => {
    const text = serializePlan(DMZ_RELAY);
    const [message] = messages(parsePlanText(text.slice(0, text.length / 2)));
    expect(message).toMatch(/^the file ends too early; it may be truncated/);
  });

  it('says when a file is not JSON at all', () => {
    const [message] = messages(parsePlanText('hello'));
    expect(message).toMatch(/^the file is not valid JSON/);
  });
});
