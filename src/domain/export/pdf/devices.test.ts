import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { deriveFlows } from '../../engine';
import { DMZ_RELAY, type Plan } from '../../plan';
import { buildChangeRequestPdf } from './index';

const DATE = new Date('2026-11-27T12:00:00Z');
// Each test makes whole PDFs; leave room for a busy machine.
const PDF_TIMEOUT = 30_000;

async function pages(plan: Plan): Promise<string[]> {
  const data = await buildChangeRequestPdf({
    plan,
    derivation: deriveFlows(plan),
    scope: { includeInternal: false },
    date: DATE,
    paper: 'a4',
  });
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
  const texts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    texts.push(
      content.items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  return texts;
}

/** The text after `from` up to the first of the markers `to` that follows it. */
function between(text: string, from: string, ...to: string[]): string {
  const start = text.indexOf(from);
  expect(start, from).toBeGreaterThanOrEqual(0);
  const ends = to.map((t) => text.indexOf(t, start + from.length)).filter((i) => i >= 0);
  expect(ends.length, to.join(', ')).toBeGreaterThan(0);
  return text.slice(start + from.length, Math.min(...ends));
}

const FOOTER = 'DMZ relay with internal array - firewall change request';
const HEAD = 'Rule Source Destination Services Enters by Leaves by ';
const NODES = 'DMZ-PROCESSING-NODES DMZ, 2 hosts';
const AM = 'SEG-AM01 Internal network, 10.0.0.5';

/** The DMZ relay example without its devices, as plans were before them. */
const { firewalls: _devices, ...WITHOUT_DEVICES } = DMZ_RELAY;

describe('PDF rules per firewall device', { timeout: PDF_TIMEOUT }, () => {
  // Written out by hand from the example: FW-EDGE (FortiGate) joins the Internet, in no zone, by
  // wan1 and the DMZ by dmz; FW-CORE (Cisco ASA) the DMZ by dmz and the internal network by
  // inside. The rules are those of "Firewall rules" (see pdf.test.ts): the nodes' rules to the
  // internal network (1 to 3) and back (5, 6) pass FW-CORE; the nodes' mail and web to the
  // Internet (4) and the Internet's mail to them (8) pass FW-EDGE; SEG-AM01's updates from the
  // Internet (7) pass both, FW-CORE first.
  it('gives each device its vendor, interfaces and the rules it carries with their interfaces', async () => {
    const all = (await pages(DMZ_RELAY)).join(' ');
    const edge = between(all, 'Firewall FW-EDGE ', 'Firewall FW-CORE', FOOTER);
    expect(edge).toBe(
      'Vendor: FortiGate. 3 rules of this request pass this device, with the numbers they have in \u201cFirewall rules\u201d; each enters the device by one interface and leaves by another. ' +
        'Interface Zone wan1 (no zone) dmz DMZ ' +
        HEAD +
        `4 ${NODES} Internet (no zone), any tcp/25, tcp/80, tcp/443 dmz wan1 ` +
        `7 ${AM} WWW-MARSHAL-COM (no zone), www.marshal.com tcp/80, tcp/443 dmz wan1 ` +
        `8 Internet (no zone), any ${NODES} tcp/25 wan1 dmz `,
    );
    const core = between(all, 'Firewall FW-CORE ', FOOTER);
    expect(core).toContain(
      'Vendor: Cisco ASA. 6 rules of this request pass this device, with the numbers they have in \u201cFirewall rules\u201d; ' +
        'each enters the device by one interface and leaves by another. Interface Zone dmz DMZ inside Internal network ' +
        HEAD +
        `1 ${NODES} EXCH01 Internal network, 10.0.1.25 tcp/25 dmz inside ` +
        `2 ${NODES} DC01 Internal network, 10.0.0.2 tcp/53, udp/53 dmz inside ` +
        `3 ${NODES} SEG-AM01 Internal network, 10.0.0.5 tcp/19001 dmz inside ` +
        `5 EXCH01 Internal network, 10.0.1.25 ${NODES} tcp/25 inside dmz `,
    );
    // The last two rows, wherever the page breaks.
    expect(all).toContain(`6 ${AM} ${NODES} tcp/19001 inside dmz `);
    expect(all).toContain(`7 ${AM} WWW-MARSHAL-COM (no zone), www.marshal.com tcp/80, tcp/443 inside dmz `);
    // After the warnings, before the appendix; nothing has no path here.
    expect(all.indexOf('Warnings and advisories')).toBeLessThan(all.indexOf('Firewall FW-EDGE'));
    expect(all.indexOf('Firewall FW-CORE')).toBeLessThan(all.indexOf('Appendix: catalog rules used'));
    expect(all).not.toContain('No path');
  });

  it('lists the rules no device carries under "No path", with the warning\u2019s words', async () => {
    // Only FW-CORE, and a device with no interfaces: nothing joins the Internet, in no zone, to
    // the zones, so the rules to and from it (4, 7, 8) have no path.
    const plan: Plan = {
      ...DMZ_RELAY,
      firewalls: [
        ...DMZ_RELAY.firewalls!.filter((f) => f.id === 'fw-core'),
        { id: 'lab', name: 'LAB-NFT', vendor: 'nftables', interfaces: [] },
      ],
    };
    const all = (await pages(plan)).join(' ');
    expect(between(all, 'Firewall LAB-NFT ', 'No path', FOOTER)).toBe(
      'Vendor: nftables. No rule of this request passes this device. No interfaces: this device joins no zones yet. ',
    );
    expect(between(all, 'No path ', FOOTER)).toBe(
      '3 rules of this request join places no device of the plan joins: they pass no firewall the plan knows, and no device\u2019s section lists them. ' +
        // The nodes' 6 flows to the Internet and the Internet's 2 to them; SEG-AM01's 2 updates.
        'No firewall joins the hosts in no zone and DMZ: 8 flows pass no device of the plan. They stay in the change request under "no path"; give a device an interface in each. ' +
        'No firewall joins the hosts in no zone and Internal network: 2 flows pass no device of the plan. They stay in the change request under "no path"; give a device an interface in each. ' +
        'Rule Source Destination Services ' +
        `4 ${NODES} Internet (no zone), any tcp/25, tcp/80, tcp/443 ` +
        `7 ${AM} WWW-MARSHAL-COM (no zone), www.marshal.com tcp/80, tcp/443 ` +
        `8 Internet (no zone), any ${NODES} tcp/25 `,
    );
    // FW-CORE carries the other five, 7 no longer among them.
    const core = between(all, 'Firewall FW-CORE ', 'Firewall LAB-NFT');
    expect([...core.matchAll(/ (\d+) (?:DMZ-PROCESSING-NODES|EXCH01|SEG-AM01) /g)].map((m) => m[1])).toEqual([
      '1',
      '2',
      '3',
      '5',
      '6',
    ]);
  });

  it('prints a plan without devices as before, and the rest of the document the same with devices', async () => {
    const before = await pages(WITHOUT_DEVICES);
    const empty = await pages({ ...DMZ_RELAY, firewalls: [] });
    expect(empty).toEqual(before);
    for (const text of before) {
      expect(text).not.toMatch(/Firewall FW-|No path|Enters by/);
    }
    // With devices: the same pages, and the devices' pages between the warnings and the appendix.
    const withDevices = await pages(DMZ_RELAY);
    const unnumbered = (p: string[]) => p.map((t) => t.replace(/Page \d+ of \d+/, ''));
    const appendix = before.findIndex((t) => t.startsWith('Appendix: catalog rules used'));
    const added = withDevices.length - before.length;
    expect(added).toBeGreaterThan(0);
    expect(unnumbered(withDevices.slice(0, appendix))).toEqual(unnumbered(before.slice(0, appendix)));
    expect(unnumbered(withDevices.slice(appendix + added))).toEqual(unnumbered(before.slice(appendix)));
    expect(withDevices[appendix]).toMatch(/^Firewall FW-EDGE /);
  });
});
