import { inflateSync } from 'node:zlib';
import ELK from 'elkjs/lib/elk.bundled.js';
import { jsPDF } from 'jspdf';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../../../bench/plans';
import { applyLayout, layoutGraph, type LayoutNode } from '../../diagram';
import { deriveFlows, groupFlowsByPair } from '../../engine';
import {
  CANVAS_LIMIT,
  DMZ_RELAY,
  ENTERPRISE,
  SINGLE_SERVER,
  TWO_SITES,
  TWO_SITES_TWO_ARRAYS,
  type Plan,
} from '../../plan';
import { Doc } from './doc';
import { listTable } from './fastGrid';
import { loadFontData, registerUnicodeFonts, toWinAnsi } from './fonts';
import { buildChangeRequestPdf, exportPdf } from './index';
import { wrapAtBoundaries } from './ruleTable';

const DATE = new Date('2026-11-27T12:00:00Z');
// Each test makes whole PDFs; leave room for a busy machine.
const PDF_TIMEOUT = 30_000;

function build(plan: Plan, includeInternal = true): Promise<ArrayBuffer> {
  return buildChangeRequestPdf({
    plan,
    derivation: deriveFlows(plan),
    scope: { includeInternal },
    date: DATE,
    paper: 'a4',
  });
}

async function pdfPages(data: ArrayBuffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data.slice(0)), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  return pages;
}

/** Each page's text pieces as drawn, in order, empty ones left out. */
async function pageItems(data: ArrayBuffer): Promise<string[][]> {
  const doc = await getDocument({ data: new Uint8Array(data.slice(0)), verbosity: 0 }).promise;
  const pages: string[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).filter((s) => s.trim() !== ''));
  }
  return pages;
}

const latin1 = (data: ArrayBuffer) => Buffer.from(data).toString('latin1');

/** The page content streams, inflated: the drawing operators jsPDF wrote. */
function contentStreams(data: ArrayBuffer): string[] {
  const raw = latin1(data);
  const streams: string[] = [];
  for (const m of raw.matchAll(/<<([^]*?)>>\s*stream\r?\n/g)) {
    const dict = m[1]!;
    // Font files and images are binary; only content streams hold operators.
    if (/\/Length1|\/Subtype\s*\/Image/.test(dict)) continue;
    // Read exactly /Length bytes: compressed data may itself end in a carriage return.
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const from = m.index + m[0].length;
    const bytes = Buffer.from(raw.slice(from, from + length), 'latin1');
    streams.push((/\/FlateDecode/.test(dict) ? inflateSync(bytes) : bytes).toString('latin1'));
  }
  return streams;
}

async function expectValidPdf(data: ArrayBuffer): Promise<string[]> {
  expect(latin1(data).slice(0, 5)).toBe('%PDF-');
  const pages = await pdfPages(data);
  // Cover, diagram, rules (with groups and warnings below them when they fit), appendix.
  expect(pages.length).toBeGreaterThanOrEqual(4);
  const streams = contentStreams(data);
  expect(streams.length).toBeGreaterThanOrEqual(pages.length);
  for (const s of streams) expect(s).not.toMatch(/NaN|Infinity|undefined/);
  return pages;
}

/** The text after `from` up to the first of the markers `to` that follows it. */
function between(text: string, from: string, ...to: string[]): string {
  const start = text.indexOf(from);
  expect(start, from).toBeGreaterThanOrEqual(0);
  const ends = to.map((t) => text.indexOf(t, start + from.length)).filter((i) => i >= 0);
  expect(ends.length, to.join(', ')).toBeGreaterThan(0);
  return text.slice(start + from.length, Math.min(...ends));
}

// The DMZ relay example's change request (flows that cross a firewall), written out by hand from
// the vendor's port table: the nodes send mail to EXCH01 and the Internet, look up DNS on DC01,
// reach the Array Manager on tcp/19001 and the web on tcp/80 and tcp/443; EXCH01 and the Internet
// send mail to the nodes; the Array Manager reaches the nodes' Controller service and fetches
// SpamCensor updates. Both nodes have the same flows: one group.
const NODES = 'DMZ-PROCESSING-NODES DMZ, 2 hosts';
const DMZ_RULES = [
  `1 ${NODES} EXCH01 Internal network, 10.0.1.25 tcp/25 SMTP mail transfer (Trustwave KB 10905) smtp`,
  `2 ${NODES} DC01 Internal network, 10.0.0.2 tcp/53, udp/53 DNS look-ups (Trustwave KB 10905) dns`,
  `3 ${NODES} SEG-AM01 Internal network, 10.0.0.5 tcp/19001 Array Manager service (Trustwave KB 10905) array-manager-service`,
  `4 ${NODES} Internet (no zone), any tcp/25, tcp/80, tcp/443 SMTP mail transfer; Processing node web access (Trustwave KB 10905) smtp, node-http`,
  `5 EXCH01 Internal network, 10.0.1.25 ${NODES} tcp/25 SMTP mail transfer (Trustwave KB 10905) smtp`,
  `6 SEG-AM01 Internal network, 10.0.0.5 ${NODES} tcp/19001 Controller service on the nodes (Trustwave KB 10905) controller-service`,
  '7 SEG-AM01 Internal network, 10.0.0.5 WWW-MARSHAL-COM (no zone), www.marshal.com tcp/80, tcp/443 SpamCensor and product updates (Trustwave KB 10905) spamcensor-updates',
  `8 Internet (no zone), any ${NODES} tcp/25 SMTP mail transfer (Trustwave KB 10905) smtp`,
];
// Group, zone, members, their addresses in the same order, the rules that use the group.
const DMZ_GROUPS = [
  'DC01 Internal network DC01 10.0.0.2 2',
  'DMZ-PROCESSING-NODES DMZ SEG-NODE01 SEG-NODE02 192.0.2.11 192.0.2.12 1, 2, 3, 4, 5, 6, 8',
  'EXCH01 Internal network EXCH01 10.0.1.25 1, 5',
  'Internet (no zone) Internet any 4, 8',
  'SEG-AM01 Internal network SEG-AM01 10.0.0.5 3, 6, 7',
  // The update site is a member of its own: the Internet host, reached by name.
  'WWW-MARSHAL-COM (no zone) Internet www.marshal.com 7',
];
const N1 = 'SEG-NODE01 192.0.2.11';
const N2 = 'SEG-NODE02 192.0.2.12';
// Every flow, under the rule carrying it: rule, source, address, destination, address, service, catalog rule.
const DMZ_FLOWS = [
  `1 ${N1} EXCH01 10.0.1.25 tcp/25 smtp`,
  `1 ${N2} EXCH01 10.0.1.25 tcp/25 smtp`,
  `2 ${N1} DC01 10.0.0.2 tcp/53 dns`,
  `2 ${N1} DC01 10.0.0.2 udp/53 dns`,
  `2 ${N2} DC01 10.0.0.2 tcp/53 dns`,
  `2 ${N2} DC01 10.0.0.2 udp/53 dns`,
  `3 ${N1} SEG-AM01 10.0.0.5 tcp/19001 array-manager-service`,
  `3 ${N2} SEG-AM01 10.0.0.5 tcp/19001 array-manager-service`,
  `4 ${N1} Internet any tcp/25 smtp`,
  `4 ${N1} Internet any tcp/80 node-http`,
  `4 ${N1} Internet any tcp/443 node-http`,
  `4 ${N2} Internet any tcp/25 smtp`,
  `4 ${N2} Internet any tcp/80 node-http`,
  `4 ${N2} Internet any tcp/443 node-http`,
  `5 EXCH01 10.0.1.25 ${N1} tcp/25 smtp`,
  `5 EXCH01 10.0.1.25 ${N2} tcp/25 smtp`,
  `6 SEG-AM01 10.0.0.5 ${N1} tcp/19001 controller-service`,
  `6 SEG-AM01 10.0.0.5 ${N2} tcp/19001 controller-service`,
  '7 SEG-AM01 10.0.0.5 Internet www.marshal.com tcp/80 spamcensor-updates',
  '7 SEG-AM01 10.0.0.5 Internet www.marshal.com tcp/443 spamcensor-updates',
  `8 Internet any ${N1} tcp/25 smtp`,
  `8 Internet any ${N2} tcp/25 smtp`,
];

describe('PDF change request', { timeout: PDF_TIMEOUT }, () => {
  it('is a multi-page change request whose text holds every row, the cover and the appendix', async () => {
    const plan: Plan = {
      ...DMZ_RELAY,
      changeRequest: {
        title: 'Open SEG ports',
        requester: 'J. Smith',
        ticket: 'CHG-1042',
        window: 'Sat 02:00-04:00',
        notes: 'Approved by CAB.',
      },
    };
    const derivation = deriveFlows(plan);
    const file = await exportPdf({ plan, derivation, scope: { includeInternal: false }, date: DATE });
    expect(file.filename).toBe('DMZ relay with internal array-firewall-request.pdf');
    expect(file.mime).toBe('application/pdf');
    const pages = await expectValidPdf(file.data as ArrayBuffer);
    const all = pages.join('\n');
    for (const text of [
      'Open SEG ports',
      'J. Smith',
      'CHG-1042',
      'Sat 02:00-04:00',
      'Approved by CAB.',
      '2026-11-27',
      'Trustwave SEG 10.0',
      // The prefix the configuration files give every name they create, from the plan's name.
      'Object prefix DMZ-RELAY',
    ]) {
      expect(pages[0]).toContain(text);
    }
    expect(pages[1]).toContain('Network diagram');
    expect(pages[1]).toContain('SEG-NODE01');
    // Written out from the vendor table: the two DMZ nodes are one group; 22 flows in 8 rules.
    const rules = between(
      all,
      'Rule Source Destination Services Justification ',
      ' Address groups',
      ' DMZ relay with internal array - firewall change request',
    );
    expect(rules).toBe(DMZ_RULES.join(' '));
    expect(all).toContain('Appendix: catalog rules used');
    expect(all).toContain('Trustwave KB 10905');
    expect(pages.every((p, i) => p.includes(`Page ${i + 1} of ${pages.length}`))).toBe(true);
  });

  it('uses A4 landscape by default and Letter when asked', async () => {
    const input = { derivation: deriveFlows(SINGLE_SERVER), scope: { includeInternal: true }, date: DATE };
    const size = async (paper: 'a4' | 'letter') => {
      const data = await buildChangeRequestPdf({ ...input, plan: SINGLE_SERVER, paper });
      const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
      return (await doc.getPage(1)).view.map(Math.round);
    };
    expect(await size('a4')).toEqual([0, 0, 842, 595]);
    expect(await size('letter')).toEqual([0, 0, 792, 612]);
  });

  it('repeats the table header on every page of a long table', async () => {
    const plan: Plan = structuredClone(DMZ_RELAY);
    for (let i = 0; i < 60; i++)
      plan.hosts.push({ id: `p${i}`, name: `POP-${i}`, roles: ['pop3-client'], address: `10.9.0.${i}` });
    const pages = await pdfPages(await build(plan, false));
    // The 120 flows from the clients to the two nodes are listed in the appendix.
    const first = pages.findIndex((p) => p.includes('Appendix: flows'));
    const flowPages = pages.slice(first);
    expect(flowPages.length).toBeGreaterThan(1);
    for (const p of flowPages) {
      expect(p).toMatch(/POP-\d+/);
      expect(p).toContain('Rule Source Source address Destination Destination address Service Catalog rule');
    }
  });

  it('lists flows whose ends share no address family, and does not say the plan follows the advice', async () => {
    const plan: Plan = structuredClone(DMZ_RELAY);
    plan.hosts = plan.hosts.map((h) => (h.id === 'exch' ? { ...h, address: '2001:db8::25' } : h));
    const pages = await pdfPages(await build(plan, false));
    const all = pages.join(' ');
    expect(pages[0]).toContain('Warnings 4');
    const advice =
      'cannot pass: a packet never changes address family. Give both hosts addresses of the same family ' +
      '(on a dual-stack host, the one that matches), or a DNS name.';
    const section = between(all, 'Severity Finding Hosts Reference ', 'Appendix: catalog rules used');
    for (const [from, to, hosts] of [
      ['SEG-NODE01 (192.0.2.11, IPv4)', 'EXCH01 (2001:db8::25, IPv6)', 'SEG-NODE01, EXCH01'],
      ['SEG-NODE02 (192.0.2.12, IPv4)', 'EXCH01 (2001:db8::25, IPv6)', 'SEG-NODE02, EXCH01'],
      ['EXCH01 (2001:db8::25, IPv6)', 'SEG-NODE01 (192.0.2.11, IPv4)', 'EXCH01, SEG-NODE01'],
      ['EXCH01 (2001:db8::25, IPv6)', 'SEG-NODE02 (192.0.2.12, IPv4)', 'EXCH01, SEG-NODE02'],
    ]) {
      expect(section).toContain(`Error SMTP mail transfer (tcp/25) from ${from} to ${to} ${advice} ${hosts}`);
    }
    expect(all).not.toContain('follows the vendor');
    // The example as it is: no warnings, and the PDF says so.
    const sound = (await pdfPages(await build(DMZ_RELAY, false))).join(' ');
    expect(sound).toContain('None: the plan follows the vendor\u2019s advice as far as Portolan can tell.');
  });
});

describe('PDF grouped rules', { timeout: PDF_TIMEOUT }, () => {
  it('lists each address group with its members and their addresses, in the same order', async () => {
    const all = (await pdfPages(await build(DMZ_RELAY, false))).join(' ');
    const groups = between(
      all,
      'Group Zone Members Addresses Used in rules ',
      ' Warnings and advisories',
      ' DMZ relay with internal array - firewall change request',
    );
    expect(groups).toBe(DMZ_GROUPS.join(' '));
  });

  it('lists every flow in the appendix, under the number of the rule that carries it', async () => {
    const pages = await pdfPages(await build(DMZ_RELAY, false));
    const appendix = pages.slice(pages.findIndex((p) => p.includes('Appendix: flows'))).join(' ');
    expect(appendix).toContain('The 22 flows the rules carry');
    const flows = between(
      appendix,
      'Rule Source Source address Destination Destination address Service Catalog rule ',
      ' DMZ relay with internal array - firewall change request',
    );
    expect(flows).toBe(DMZ_FLOWS.join(' '));
  });

  it('prints the 40-host enterprise example in far fewer pages than one row per flow took', async () => {
    const pages = await pdfPages(await build(ENTERPRISE, false));
    const appendix = pages.findIndex((p) => p.includes('Appendix: catalog rules used')) + 1;
    const flows = pages.findIndex((p) => p.includes('Appendix: flows')) + 1;
    // Measured when the table became grouped rules: one row per flow, the 304 flows took 19 pages
    // and the appendix began on page 18; as 11 grouped rules, the rules, groups and warnings take
    // pages 4 to 6 and the flow list follows the catalog rules.
    expect(flows).toBeGreaterThan(appendix);
    expect(pages.length).toBeLessThanOrEqual(15);
    expect(appendix).toBeLessThanOrEqual(7);
    expect(pages[3]).toContain('11 rules over address groups, carrying 304 flows');
    expect(pages[3]).toContain(
      '5 DMZ-PROCESSING-NODES DMZ, 8 hosts MAIL-SERVERS Mail servers, 8 hosts tcp/25 SMTP mail transfer (Trustwave KB 10905) smtp',
    );
    // Every flow is still there, in the appendix: 64 of them for that one rule.
    const listed = pages.slice(flows - 1).join(' ');
    expect(listed.match(/\b5 SEG-NODE0\d 192\.0\.2\.1\d EXCH0\d 10\.0\.1\.\d+ tcp\/25 smtp/g)).toHaveLength(
      64,
    );
  });
});

describe('PDF text in any script', { timeout: PDF_TIMEOUT }, () => {
  // Written out by hand, not produced by the code under test.
  const NAMES = {
    hebrew: '\u05e9\u05e8\u05ea-\u05d3\u05d5\u05d0\u05e8', // שרת-דואר
    arabic: '\u062e\u0627\u062f\u0645 \u0627\u0644\u0628\u0631\u064a\u062f', // خادم البريد
    russian: 'Почтовый-шлюз',
    polish: 'Zażółć-gęślą-jaźń',
    chinese: '邮件网关',
    japanese: '東京のメールサーバー',
    korean: '메일서버',
  };
  // The Arabic name in contextual forms: khah initial, alef final, dal and meem isolated; alef
  // isolated, lam initial, beh medial, reh final, yeh initial, dal final.
  const ARABIC_SHAPED = '\ufea7\ufe8e\ufea9\ufee1 \ufe8d\ufedf\ufe92\ufeae\ufef3\ufeaa';

  function multilingual(): Plan {
    const plan: Plan = structuredClone(DMZ_RELAY);
    Object.values(NAMES).forEach((name, i) => (plan.hosts[i + 1]!.name = name));
    return plan;
  }

  it('prints host names in Hebrew, Arabic, Russian, Polish, Chinese, Japanese and Korean', async () => {
    const pages = await expectValidPdf(await build(multilingual()));
    const all = pages.join('\n');
    // pdf.js reverses the right-to-left runs it reads: a Hebrew name drawn in visual order, as it must
    // be to read right, comes back as typed; one drawn in logical order would come back reversed.
    for (const name of [
      NAMES.hebrew,
      NAMES.russian,
      NAMES.polish,
      NAMES.chinese,
      NAMES.japanese,
      NAMES.korean,
    ])
      expect(all).toContain(name);
    // Arabic is drawn joined, in presentation forms; folding them back gives the name as typed.
    expect(all).toContain(ARABIC_SHAPED);
    expect(ARABIC_SHAPED.normalize('NFKC')).toBe(NAMES.arabic);
    expect(all.normalize('NFKC')).toContain(NAMES.arabic);
    // Every character was in the font: none was replaced.
    expect(all).not.toContain('\ufffd');
    // The rule table holds them too, not only the diagram.
    const table = pages.slice(2).join('\n');
    expect(table).toContain(`${NAMES.polish} 10.0.0.6`);
    expect(table).toContain(`${NAMES.korean} 10.0.5.0/24`);
  });

  it('keeps the built-in Helvetica for plans in Windows-1252 and embeds the Unicode font otherwise', async () => {
    const plain = await build(DMZ_RELAY);
    expect(latin1(plain)).toContain('/BaseFont /Helvetica');
    expect(latin1(plain)).not.toContain('PortolanSans');
    expect((await pdfPages(plain)).join('\n')).toContain('DMZ -> Internal network');

    const plan: Plan = structuredClone(DMZ_RELAY);
    plan.hosts[1]!.name = NAMES.polish;
    const polish = await build(plan);
    expect(latin1(polish)).toContain('PortolanSans');
    // The Unicode font has the arrow, so it is printed as it is.
    expect((await pdfPages(polish)).join('\n')).toContain('DMZ \u2192 Internal network');
  });

  it('prints bold text the bold face cannot hold in the regular face', async () => {
    const plan: Plan = structuredClone(DMZ_RELAY);
    plan.zones[0]!.name = '東京';
    // Zone labels in the diagram are bold; the zone pair is on the cover too.
    const all = (await pdfPages(await build(plan))).join('\n');
    expect(all).toContain('東京 \u2192 Internal network');
    expect(all).toContain('東京 [DMZ]');
  });

  it('shows bidirectional controls as visible code points', async () => {
    const plan: Plan = structuredClone(DMZ_RELAY);
    plan.name = 'Plan \u2066x\u2069';
    plan.hosts[1]!.name = 'SEG-\u202eeton';
    plan.zones[0]!.name = 'DMZ\u202a';
    plan.hosts[3]!.address = '10.0.0.5\u202c';
    plan.changeRequest = { ticket: 'CHG-\u202d1', notes: 'see \u2067note\u2069' };
    const all = (await expectValidPdf(await build(plan))).join('\n');
    for (const text of [
      'SEG-<U+202E>eton',
      'Plan <U+2066>x<U+2069>',
      'DMZ<U+202A>',
      '10.0.0.5<U+202C>',
      'CHG-<U+202D>1',
      'see <U+2067>note<U+2069>',
    ])
      expect(all).toContain(text);
    expect(all).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('prints a replacement mark for characters the font lacks, and the rest of the name', async () => {
    const plan: Plan = structuredClone(DMZ_RELAY);
    plan.hosts[1]!.name = 'SEG-\u{1f600}-\u9f98-01'; // an emoji and a rare Han character
    const all = (await expectValidPdf(await build(plan))).join('\n');
    expect(all).toContain('SEG-\ufffd-\ufffd-01');
  });

  it('notices text the built-in fonts cannot print, so the document is made again in Unicode', async () => {
    const doc = new Doc('a4');
    doc.text('Plain text \u2013 with \u201cquotes\u201d \u2192 arrows', 0, 0);
    expect(doc.missedText).toBe(false);
    doc.text('\u0141\u00f3d\u017a', 0, 0);
    expect(doc.missedText).toBe(true);
    expect(new Doc('a4', await loadFontData()).missedText).toBe(false);
  });

  it('maps typography to Windows-1252 and refuses text outside it', () => {
    expect(
      toWinAnsi(
        'DMZ \u2192 LAN \u21d2 \u2013 admin\u2019s \u201cconsole\u201d\u2026 \u20ac\u00e9 \u2212tcp/19001',
      ),
    ).toBe('DMZ -> LAN => \u2013 admin\u2019s \u201cconsole\u201d\u2026 \u20ac\u00e9 -tcp/19001');
    expect(toWinAnsi('tab\there\r\nnext')).toBe('tab here\nnext');
    for (const text of ['\u4e2d', 'Łódź', '\u0001', 'a\u0080', '\u{1f600}'])
      expect(toWinAnsi(text)).toBeUndefined();
  });

  it('holds every contextual form the Arabic shaping asks for, for each Arabic letter it holds', async () => {
    const pdf = new jsPDF({ unit: 'pt' });
    const { regular } = registerUnicodeFonts(pdf, await loadFontData());
    const has = (c: string) => (regular[c.charCodeAt(0)] ?? 0) > 0;
    const shape = (text: string) =>
      (pdf as unknown as { processArabic: (t: string) => string }).processArabic(text);
    const beh = '\u0628';
    let letters = 0;
    for (let code = 0x0621; code <= 0x06ff; code++) {
      const letter = String.fromCharCode(code);
      if (!/\p{L}/u.test(letter) || !has(letter)) continue;
      letters++;
      for (const context of [letter, beh + letter, letter + beh, beh + letter + beh])
        for (const c of shape(context))
          expect(has(c), `${context} -> U+${c.charCodeAt(0).toString(16)}`).toBe(true);
    }
    expect(letters).toBeGreaterThan(40);
  });
});

describe('PDF diagram geometry', { timeout: PDF_TIMEOUT }, () => {
  const without = <T extends object, K extends keyof T>(o: T, ...keys: K[]): Omit<T, K> => {
    const copy = { ...o };
    for (const k of keys) delete copy[k];
    return copy;
  };
  const cases: [string, Plan][] = [
    [
      'hosts on one spot',
      { ...DMZ_RELAY, hosts: DMZ_RELAY.hosts.map((h) => ({ ...h, position: { x: 0, y: 0 } })) },
    ],
    ['hosts without a position', { ...DMZ_RELAY, hosts: DMZ_RELAY.hosts.map((h) => without(h, 'position')) }],
    [
      'positions and sizes at the bounds',
      {
        ...DMZ_RELAY,
        zones: [
          {
            ...DMZ_RELAY.zones[0]!,
            position: { x: -CANVAS_LIMIT, y: -CANVAS_LIMIT },
            size: { width: CANVAS_LIMIT, height: CANVAS_LIMIT },
          },
          {
            ...DMZ_RELAY.zones[1]!,
            position: { x: CANVAS_LIMIT, y: CANVAS_LIMIT },
            size: { width: CANVAS_LIMIT, height: CANVAS_LIMIT },
          },
        ],
        hosts: DMZ_RELAY.hosts.map((h, i) => ({
          ...h,
          position: { x: i % 2 ? CANVAS_LIMIT : -CANVAS_LIMIT, y: i % 3 ? -CANVAS_LIMIT : CANVAS_LIMIT },
        })),
      },
    ],
    [
      'zones without size or position',
      { ...DMZ_RELAY, zones: DMZ_RELAY.zones.map((z) => without(z, 'size', 'position')) },
    ],
    ['zones only', { ...DMZ_RELAY, hosts: [] }],
    ['hosts only', { ...DMZ_RELAY, zones: [], hosts: DMZ_RELAY.hosts.map((h) => without(h, 'zone')) }],
    ['nothing at all', { ...DMZ_RELAY, zones: [], hosts: [] }],
    // Plans that never went through validation must not break the PDF either.
    [
      'positions that are not finite numbers',
      {
        ...DMZ_RELAY,
        zones: [{ ...DMZ_RELAY.zones[0]!, position: { x: -Infinity, y: NaN } }, DMZ_RELAY.zones[1]!],
        hosts: DMZ_RELAY.hosts.map((h, i) => ({ ...h, position: { x: i % 2 ? NaN : Infinity, y: 0 } })),
      },
    ],
    [
      'positions and sizes far beyond the bounds',
      {
        ...DMZ_RELAY,
        zones: [
          {
            ...DMZ_RELAY.zones[0]!,
            position: { x: 1e308, y: -1e308 },
            size: { width: 1e308, height: 1e308 },
          },
        ],
        hosts: DMZ_RELAY.hosts.map((h, i) => ({ ...h, position: { x: i % 2 ? 1e308 : -1e308, y: 1e308 } })),
      },
    ],
    [
      'zones of no size',
      { ...DMZ_RELAY, zones: DMZ_RELAY.zones.map((z) => ({ ...z, size: { width: 0, height: -5 } })) },
    ],
  ];

  it.each(cases)('draws a valid PDF for %s', async (_, plan) => {
    const pages = await expectValidPdf(await build(plan));
    expect(pages[1]).toContain('Network diagram');
    if (plan.hosts.length > 0) expect(pages[1]).toContain('SEG-NODE01');
    for (const zone of plan.zones) expect(pages[1]).toContain(zone.name);
  });
});

describe('PDF diagram labels', { timeout: PDF_TIMEOUT }, () => {
  const SERVICES = /^(tcp|udp)\/\d+(, (tcp|udp)\/\d+)*$/;

  async function labelCounts(plan: Plan) {
    const diagram = (await pageItems(await build(plan))).filter((items) =>
      items.some((s) => s.startsWith('Network diagram')),
    );
    const legend = diagram[0]!.join(' ').match(/Labels omitted for (\d+) of (\d+) arrows: ([^;]+);/);
    return {
      pages: diagram.length,
      drawn: diagram.flat().filter((s) => SERVICES.test(s)).length,
      omitted: legend ? Number(legend[1]) : 0,
      arrows: legend ? Number(legend[2]) : undefined,
      reason: legend?.[3],
    };
  }

  it('says how many arrows of a large plan print without a label, and the count is right', async () => {
    const plan = generatePlan(40);
    // 69 host pairs have flows in the 40-host benchmark plan.
    expect(groupFlowsByPair(deriveFlows(plan).flows).length).toBe(69);
    const { pages, drawn, omitted, arrows, reason } = await labelCounts(plan);
    // Printed in two parts, each label on one of them only.
    expect(pages).toBe(2);
    expect(arrows).toBe(69);
    expect(omitted).toBeGreaterThan(0);
    expect(drawn).toBe(69 - omitted);
    expect(reason).toBe('no free room beside them');
  });

  it('sets labels at 5 pt on tiles where canvas-sized labels would print smaller, and counts those left out', async () => {
    const plan = generatePlan(200);
    const { pages, drawn, omitted, arrows, reason } = await labelCounts(plan);
    expect(pages).toBe(8);
    expect(arrows).toBe(709);
    expect(drawn).toBe(709 - omitted);
    expect(reason).toBe('too many to label at this size');
  });

  it('labels every arrow it says it labels in the DMZ relay example', async () => {
    const { pages, drawn, omitted, arrows } = await labelCounts(DMZ_RELAY);
    expect(pages).toBe(1);
    // The example has 19 host pairs with flows.
    expect(drawn + omitted).toBe(19);
    if (omitted > 0) expect(arrows).toBe(19);
    expect(drawn).toBeGreaterThanOrEqual(16);
  });
});

describe('PDF diagram at print size', { timeout: PDF_TIMEOUT }, () => {
  /** Each text object's font size and literal strings: jsPDF writes "BT /F1 13 Tf ... (text) Tj ET", and no transform that scales text. */
  const textRuns = (stream: string) =>
    [...stream.matchAll(/BT\n\/(F\d+) ([\d.]+) Tf\n([^]*?)\nET/g)].map((m) => ({
      font: m[1]!,
      size: Number(m[2]),
      text: [...m[3]!.matchAll(/\((.*)\) Tj/g)].map((t) => t[1]!).join('\n'),
    }));

  async function tidy(plan: Plan): Promise<Plan> {
    const graph = layoutGraph(plan, groupFlowsByPair(deriveFlows(plan).flows));
    return applyLayout(plan, await new ELK().layout<LayoutNode>(graph));
  }

  async function diagramPages(plan: Plan) {
    const data = await build(plan);
    const pages = await pdfPages(data);
    const first = pages.findIndex((p) => p.includes('Network diagram'));
    const texts = pages.filter((p) => p.includes('Network diagram'));
    // Text is written as literal strings; the diagram pages are the streams holding the title.
    const streams = contentStreams(data).filter((s) => s.includes('(Network diagram'));
    expect(streams.length).toBe(texts.length);
    return { first, texts, runs: streams.map(textRuns) };
  }

  it('prints the tidied 40-host example on several pages, no text under 5 pt, names at 6 pt or more', async () => {
    const plan = await tidy(TWO_SITES);
    expect(plan.hosts.length).toBe(40);
    const { first, texts, runs } = await diagramPages(plan);
    expect(first).toBe(1);
    // On one page it printed at a scale of about 0.28: names 3.6 pt, roles 3 pt.
    expect(texts.length).toBe(4);
    texts.forEach((text, i) => expect(text).toContain(`Network diagram, part ${i + 1} of 4`));
    expect(texts[0]).toContain('(top left)');
    expect(texts[3]).toContain('(bottom right)');
    // The legend is on the first part only.
    expect(texts[0]).toContain('Solid orange arrows cross a firewall');
    expect(texts.slice(1).join('\n')).not.toContain('Solid orange arrows');
    for (const r of runs) expect(Math.min(...r.map((run) => run.size))).toBeGreaterThanOrEqual(5);
    const hostNames = new Set(plan.hosts.map((h) => h.name));
    // Names are set in bold, like the title; the Internet's role is "Internet" too, in the regular face.
    const bold = runs[0]!.find((run) => run.text.startsWith('Network diagram'))!.font;
    const names = runs.flat().filter((run) => run.font === bold && hostNames.has(run.text));
    expect(new Set(names.map((n) => n.text)).size).toBe(40);
    expect(Math.min(...names.map((n) => n.size))).toBeGreaterThanOrEqual(6);
    const all = texts.join('\n');
    for (const host of plan.hosts) expect(all).toContain(host.name);
  });

  it('keeps the DMZ relay example on one page at its old scale', async () => {
    const { texts, runs } = await diagramPages(DMZ_RELAY);
    expect(texts.length).toBe(1);
    expect(texts[0]).not.toContain('part 1');
    // Fitted to the page at a scale of about 0.61: roles and addresses at 10 px print at 6.1 pt.
    expect(Math.min(...runs[0]!.map((run) => run.size))).toBeCloseTo(6.14, 1);
  });
});

describe('PDF rule table', { timeout: PDF_TIMEOUT }, () => {
  it('breaks names only between their parts, and never splits a row over two pages', async () => {
    const plan: Plan = structuredClone(DMZ_RELAY);
    const names: string[] = [];
    // Names of one to four lines make rows of mixed heights, some of which a page end would cut.
    for (let i = 0; i < 80; i++) {
      const name = `POP-x${i}x-mailbox-reader${'.branch-office-north'.repeat(i % 5)}.example.com`;
      names.push(name);
      plan.hosts.push({ id: `p${i}`, name, roles: ['pop3-client'], address: `10.9.0.${i}` });
    }
    const pages = (await pageItems(await build(plan, false)))
      .slice(2)
      .filter((items) => items.includes('Source address'));
    for (const name of names) {
      // Each client has a rule to each of the two processing nodes: two rows, each holding the
      // name as consecutive lines of one page, each line ending where a part of the name ends.
      let rows = 0;
      for (const items of pages)
        items.forEach((_, start) => {
          let joined = '';
          for (let i = start; i < items.length && name.startsWith(joined + items[i]!); i++) {
            joined += items[i]!;
            if (joined !== name) continue;
            rows++;
            for (const line of items.slice(start, i)) expect(line, name).toMatch(/[.-]$/);
          }
        });
      expect(rows, name).toBe(2);
    }
  });

  it('wraps at spaces, dots, hyphens, underscores, slashes and colons', () => {
    const width = (s: string) => s.length;
    expect(wrapAtBoundaries('mail-relay-01.corp.example.com', 15, width)).toEqual([
      'mail-relay-01.',
      'corp.example.',
      'com',
    ]);
    expect(wrapAtBoundaries('Admin workstations', 12, width)).toEqual(['Admin', 'workstations']);
    expect(wrapAtBoundaries('2001:db8::1/64', 6, width)).toEqual(['2001:', 'db8::', '1/64']);
    expect(wrapAtBoundaries('short', 15, width)).toEqual(['short']);
    // A part wider than the column is the one thing cut mid-word.
    expect(wrapAtBoundaries('ABCDEFGHIJ-K', 4, width)).toEqual(['ABCD', 'EFGH', 'IJ-K']);
  });
});

describe('PDF long list', { timeout: PDF_TIMEOUT }, () => {
  it('repeats the head on every page, keeps the rows in order and whole, and says where it ended', async () => {
    const doc = new Doc('a4');
    // Row 51 wraps to several lines; started low on the page, the list runs over several pages.
    const rows = Array.from({ length: 120 }, (_, i) => [
      String(i + 1),
      `HOST-${i + 1}`,
      i === 50 ? `${'segment-'.repeat(30)}end` : `10.0.0.${i + 1}`,
    ]);
    const end = listTable(
      doc,
      400,
      7.5,
      { top: 1.5, right: 3, bottom: 1.5, left: 3 },
      [
        { head: 'Rule', width: 30, align: 'right' },
        { head: 'Name', width: 200, boundaries: true },
        { head: 'Address', width: 80, face: 'mono', boundaries: true },
      ],
      rows,
    );
    expect(doc.lastTableEnd).toBe(end);
    expect(end).toBeLessThanOrEqual(doc.height - 50);
    const pages = await pageItems(doc.pdf.output('arraybuffer'));
    expect(pages.length).toBeGreaterThan(2);
    for (const items of pages) expect(items.slice(0, 3)).toEqual(['Rule', 'Name', 'Address']);
    const body = pages.map((items) => items.slice(3));
    expect(body.flat().join('')).toBe(rows.flat().join(''));
    // The wrapped row is on one page, each line ending where a part of the address ends.
    const page = body.find((items) => items.includes('51'))!;
    const lines = page.slice(page.indexOf('HOST-51') + 1, page.indexOf('52'));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(rows[50]![2]);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/-$/);
  });
});

describe('PDF upgrade change request', { timeout: PDF_TIMEOUT }, () => {
  const DMZ_8_TO_10: Plan = { ...DMZ_RELAY, productVersion: '10.0', upgradeFrom: '8.0' };
  const FOOTER = 'DMZ relay with internal array - upgrade change request - 2026-11-27';
  const AW = 'Admin-workstations Internal network, 10.0.5.0/24';
  const AM = 'SEG-AM01 Internal network, 10.0.0.5';
  const HEAD = 'Rule Source Destination Services Justification ';
  /** What follows the rule table's head in `section`, trimmed. */
  const rows = (section: string) => {
    expect(section).toContain(HEAD);
    return section.slice(section.indexOf(HEAD) + HEAD.length).trim();
  };

  async function upgradePdf(plan: Plan, includeInternal: boolean) {
    const file = await exportPdf({
      plan,
      derivation: deriveFlows(plan),
      scope: { includeInternal },
      date: DATE,
    });
    const pages = await expectValidPdf(file.data as ArrayBuffer);
    return { file, pages, all: pages.join(' ') };
  }

  it('8.0 to 10.0, every flow: opens the web console, closes tcp/19001, advises, keeps the rest in the appendix', async () => {
    const { file, pages, all } = await upgradePdf(DMZ_8_TO_10, true);
    expect(file.filename).toBe('DMZ relay with internal array-upgrade-8.0-to-10.0.pdf');
    expect(pages[0]).toContain('UPGRADE CHANGE REQUEST');
    expect(pages[0]).not.toContain('FIREWALL CHANGE REQUEST');
    // The built-in fonts print the arrow as "->".
    expect(pages[0]).toContain('Upgrade SEG 8.0 -> 10.0: DMZ relay with internal array');
    expect(pages[0]).toContain('Product Trustwave SEG 8.0 -> Trustwave SEG 10.0');
    expect(pages[0]).toContain('Rules to open 1 rule carrying 1 flow, before the upgrade');
    expect(pages[0]).toContain('Rules to close 1 rule carrying 1 flow, once it is complete');
    expect(pages[0]).toContain('Unchanged rules 11 rules carrying 27 flows (in the appendix)');
    expect(pages[0]).toContain('Upgrade advisories 2');
    // Zone pair, open, close, unchanged: both changes are inside the internal network.
    expect(pages[0]).toContain('Zone pair Open Close Unchanged Internal network -> Internal network 1 1 3');
    expect(pages[1]).toContain('Network diagram');

    // The web console on tcp/443 is new in 10.0; the Configurator's tcp/19001 goes.
    const open = between(
      all,
      'Rules to open before the upgrade',
      'Rules to close after the upgrade is complete',
    );
    expect(open).toContain('1 rule carrying 1 flow that SEG 10.0 needs and SEG 8.0 does not');
    expect(rows(open)).toBe(
      `1 ${AW} ${AM} tcp/443 Management Console (web) (Trustwave KB 10905) management-console`,
    );
    const close = between(all, 'Rules to close after the upgrade is complete', 'Address groups');
    expect(rows(close)).toBe(
      `2 ${AW} ${AM} tcp/19001 Array Manager service (Trustwave KB 10905) array-manager-service`,
    );

    const advisories = between(all, 'Upgrade advisories What', 'Warnings and advisories');
    expect(advisories).toContain('The Configurator and Console are retired');
    expect(advisories).toContain(
      'The NetBIOS ports (135\u2013139) the Configurator needed are no longer needed',
    );
    expect(advisories).toContain('Trustwave knowledge-base article Q10026');
    expect(advisories).toContain('The new web console on tcp/443');
    expect(advisories).toContain('from inside the intranet, and not beyond');
    expect(all).toContain('Warnings and advisories');

    // The appendix: catalog rules, the flows to open and to close, then the unchanged rules.
    const appendix = pages
      .slice(pages.findIndex((p) => p.includes('Appendix: catalog rules used')))
      .join(' ');
    const flowHead = 'Rule Source Source address Destination Destination address Service Catalog rule ';
    expect(between(appendix, 'Appendix: flows to open', 'Appendix: flows to close')).toContain(
      `${flowHead}1 Admin workstations 10.0.5.0/24 SEG-AM01 10.0.0.5 tcp/443 management-console`,
    );
    expect(between(appendix, 'Appendix: flows to close', 'Appendix: unchanged rules')).toContain(
      `${flowHead}2 Admin workstations 10.0.5.0/24 SEG-AM01 10.0.0.5 tcp/19001 array-manager-service`,
    );
    const kept = appendix.slice(appendix.indexOf('Appendix: unchanged rules'));
    expect(kept).toContain('11 rules carrying 27 flows that both SEG 8.0 and SEG 10.0 need');
    // The unchanged rules go on numbering after the two above, those crossing a firewall first;
    // SQL and LDAP stay inside the network, so they come last.
    expect(kept).toContain(
      `12 ${AM} SQL01 Internal network, 10.0.0.6 tcp/1433 SQL Server database (Trustwave KB 10905) sql`,
    );
    expect(kept).toMatch(/\b3 DMZ-PROCESSING-NODES DMZ, 2 hosts EXCH01/);
    expect(kept).not.toContain('management-console');
    expect(kept).not.toContain(`${AW} ${AM} tcp/19001`);
    expect(pages.every((p, i) => p.includes(`${FOOTER} Page ${i + 1} of ${pages.length}`))).toBe(true);
  });

  it('8.0 to 10.0, crossing flows only: says plainly that nothing opens or closes, and keeps every rule', async () => {
    const { pages, all } = await upgradePdf(DMZ_8_TO_10, false);
    // Admin workstations and SEG-AM01 are both in the internal network: no firewall between them.
    expect(all).toContain(
      'Rules to open before the upgrade The flows that SEG 10.0 needs and SEG 8.0 does not, to open before the upgrade. ' +
        'None: SEG 10.0 needs no flow in the scope of this request that SEG 8.0 does not already have.',
    );
    expect(all).toContain(
      'Rules to close after the upgrade is complete The flows that SEG 8.0 needs and SEG 10.0 does not, to close once the upgrade is complete. ' +
        'None: every flow SEG 8.0 needs in the scope of this request, SEG 10.0 still needs.',
    );
    expect(all).not.toContain('Address groups');
    expect(all).not.toContain('Appendix: flows to');
    expect(pages[0]).toContain('Rules to open 0 rules carrying 0 flows');
    // The advisories do not depend on the scope.
    expect(all).toContain('NetBIOS');
    // Nothing changes: the unchanged rules are the firewall change request's rules, numbered alike.
    const kept = all.slice(all.indexOf('Appendix: unchanged rules'));
    expect(kept).toContain('8 rules carrying 22 flows that both SEG 8.0 and SEG 10.0 need');
    expect(between(kept, HEAD, ' ' + FOOTER)).toBe(DMZ_RULES.join(' '));
  });

  it('6.0 to 10.0, crossing flows only: the nodes get web access, nothing closes', async () => {
    const plan: Plan = { ...DMZ_RELAY, productVersion: '10.0', upgradeFrom: '6.0' };
    const { file, pages, all } = await upgradePdf(plan, false);
    expect(file.filename).toBe('DMZ relay with internal array-upgrade-6.0-to-10.0.pdf');
    expect(pages[0]).toContain('Upgrade MailMarshal 6.0 -> SEG 10.0: DMZ relay with internal array');
    expect(pages[0]).toContain('Rules to open 1 rule carrying 4 flows, before the upgrade');
    const open = between(
      all,
      'Rules to open before the upgrade',
      'Rules to close after the upgrade is complete',
    );
    expect(rows(open)).toBe(
      `1 ${NODES} Internet (no zone), any tcp/80, tcp/443 Processing node web access (Trustwave KB 10905) node-http`,
    );
    expect(all).toContain(
      'None: every flow MailMarshal 6.0 needs in the scope of this request, SEG 10.0 still needs.',
    );
    const flows = between(
      all,
      'Appendix: flows to open The 4 flows the rules to open carry, one line each, under the number of the rule that carries it. ' +
        'Rule Source Source address Destination Destination address Service Catalog rule ',
      ' Appendix: unchanged rules',
      ' ' + FOOTER,
    );
    expect(flows).toBe(
      [
        `1 ${N1} Internet any tcp/80 node-http`,
        `1 ${N1} Internet any tcp/443 node-http`,
        `1 ${N2} Internet any tcp/80 node-http`,
        `1 ${N2} Internet any tcp/443 node-http`,
      ].join(' '),
    );
    expect(all).not.toContain('Appendix: flows to close');
    for (const title of [
      'The Configurator and Console are retired',
      'The new web console on tcp/443',
      'The REST API on tcp/19006',
      'Processing nodes need web access',
      'TLS checks certificate revocation lists',
    ])
      expect(between(all, 'Upgrade advisories', 'Warnings and advisories')).toContain(title);
    // SMTP to the Internet stays: the unchanged rule from the nodes to the Internet has tcp/25 only.
    expect(all.slice(all.indexOf('Appendix: unchanged rules'))).toContain(
      `5 ${NODES} Internet (no zone), any tcp/25 SMTP mail transfer (Trustwave KB 10905) smtp`,
    );
  });

  it('keeps a title the change request sets, and the firewall request without upgradeFrom', async () => {
    const titled: Plan = { ...DMZ_8_TO_10, changeRequest: { title: 'CAB 12: SEG upgrade' } };
    const { pages } = await upgradePdf(titled, true);
    expect(pages[0]).toContain('UPGRADE CHANGE REQUEST CAB 12: SEG upgrade');
    const plain = await exportPdf({
      plan: DMZ_RELAY,
      derivation: deriveFlows(DMZ_RELAY),
      scope: { includeInternal: true },
      date: DATE,
    });
    expect(plain.filename).toBe('DMZ relay with internal array-firewall-request.pdf');
    const all = (await pdfPages(plain.data as ArrayBuffer)).join(' ');
    expect(all).toContain('FIREWALL CHANGE REQUEST');
    expect(all).not.toMatch(/upgrade change request|Rules to open|Upgrade advisories/);
  });

  /**
   * The stroke colours ("r g b RG") a content stream sets, as 0-255 triples, each with whether a
   * dash pattern ("[on off] 0. d") follows before the next colour. jsPDF writes two decimals.
   */
  const strokes = (stream: string) =>
    [...stream.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) RG\n((?:(?![\d.]+ [\d.]+ [\d.]+ RG\n)[^])*)/g)].map(
      (m) => ({
        colour: [m[1], m[2], m[3]].map((c) => Number(c) * 255),
        dashed: /\[[\d. ]+\] [\d.]+ d\n/.test(m[4]!),
      }),
    );
  const near = (colour: number[], rgb: number[]) => colour.every((c, i) => Math.abs(c - rgb[i]!) <= 1.5);
  const drawn = (stream: string, rgb: number[]) => strokes(stream).filter((s) => near(s.colour, rgb));

  it('marks the diagram: the legend explains + and -, kept arrows fade, removed arrows are rose and dashed', async () => {
    const data = (await upgradePdf(DMZ_8_TO_10, true)).file.data as ArrayBuffer;
    const diagram = (await pdfPages(data))[1]!;
    expect(diagram).toContain(
      'SEG 8.0 -> 10.0: + marks a service to open before the upgrade, - one to close after it; ' +
        'dashed rose arrows carry only services to close, rose dashes over an arrow mark one that loses ' +
        'some, faded arrows stay as they are.',
    );
    // The minus sign prints as a hyphen in Helvetica: no Unicode font for one character.
    expect(diagram).toContain('+tcp/443, -tcp/19001');
    expect(latin1(data)).not.toContain('PortolanSans');
    const stream = contentStreams(data).find((s) => s.includes('(Network diagram'))!;
    // Orange (234, 88, 12) and slate (148, 163, 184) at 35 % on white, worked out by hand.
    expect(drawn(stream, [248, 197, 170]).length).toBeGreaterThan(0);
    expect(drawn(stream, [218, 223, 230]).length).toBeGreaterThan(0);
    // The mixed arrow of the admin workstations keeps its full colour, with rose dashes over it for
    // the tcp/19001 it loses; no arrow only closes, so that is the only rose line.
    expect(drawn(stream, [148, 163, 184]).length).toBeGreaterThan(0);
    expect(drawn(stream, [225, 29, 72]).map((s) => s.dashed)).toEqual([true]);

    // With a name beyond Windows-1252 the Unicode font is used; it has no minus sign either.
    const polish: Plan = structuredClone(DMZ_8_TO_10);
    polish.hosts[1]!.name = 'Zażółć-01';
    const unicode = (await upgradePdf(polish, true)).pages[1]!;
    expect(unicode).toContain(
      'SEG 8.0 \u2192 10.0: + marks a service to open before the upgrade, - one to close',
    );
    expect(unicode).toContain('+tcp/443, -tcp/19001');
    expect(unicode).not.toContain('\ufffd');

    // Back from 10.0 to 6.0 the REST API client's only flow goes: its arrow is rose-600, dashed.
    const back: Plan = { ...DMZ_RELAY, productVersion: '6.0', upgradeFrom: '10.0' };
    const rollback = (await upgradePdf(back, true)).file.data as ArrayBuffer;
    const rose = drawn(
      contentStreams(rollback).find((s) => s.includes('(Network diagram'))!,
      [225, 29, 72],
    );
    expect(rose.length).toBeGreaterThan(0);
    expect(rose.every((s) => s.dashed)).toBe(true);
  });
});

describe("PDF architect's decisions", { timeout: PDF_TIMEOUT }, () => {
  const EXCLUDED_HEAD = 'Source Destination Service Catalog rule Decision Reference / reason ';
  const appendixOf = (pages: string[]) =>
    pages.slice(pages.findIndex((p) => p.includes('Appendix: catalog rules used'))).join(' ');

  it('lists the excluded flow with its decision in a section of its own, and leaves it out of the rules', async () => {
    // SEG-AM01 and SQL01 are both in the server network: the flow is in scope with internal flows.
    const pages = await pdfPages(await build(TWO_SITES_TWO_ARRAYS, true));
    const all = pages.join(' ');
    expect(pages[0]).toContain(
      'Flows they carry 184 (113 through a firewall) Excluded flows 1 (listed in their own section)',
    );
    const section = between(
      all,
      'Excluded flows One flow is left out of this request',
      'Warnings and advisories',
    );
    expect(section).toContain('None of them is in the rules above.');
    expect(section.slice(section.indexOf(EXCLUDED_HEAD) + EXCLUDED_HEAD.length).trim()).toBe(
      'SEG-AM01 10.0.0.5 SQL01 10.0.0.6 tcp/1433 sql Already allowed FW-2019-044 (SEG database access)',
    );
    // After the address groups, before the warnings.
    expect(all.indexOf('Address groups')).toBeLessThan(all.indexOf('Excluded flows One'));
    const flow = 'SEG-AM01 10.0.0.5 SQL01 10.0.0.6 tcp/1433 sql';
    expect(appendixOf(pages)).not.toContain(flow);

    // Without the exclusion the flow is requested like any other, and no section lists it.
    const plain = (await pdfPages(await build({ ...TWO_SITES_TWO_ARRAYS, exclusions: [] }, true))).join(' ');
    expect(plain).toContain('Flows they carry 185 (113 through a firewall)');
    expect(plain).toContain(flow);
    expect(plain).not.toContain('Excluded flows');
  });

  it('says nothing of the excluded flow when the scope leaves it out anyway', async () => {
    const all = (await pdfPages(await build(TWO_SITES_TWO_ARRAYS, false))).join(' ');
    expect(all).toContain('Flows they carry 113 (113 through a firewall)');
    expect(all).not.toContain('Excluded flows');
    expect(all).not.toContain('FW-2019-044');
  });

  it('says in the appendix which hosts keep to their array and that some chose their counterparts', async () => {
    const pages = await pdfPages(await build(TWO_SITES_TWO_ARRAYS, false));
    const appendix = appendixOf(pages);
    expect(between(appendix, 'Decisions that shape the flows', 'Appendix: flows').trim()).toBe(
      'Hosts keep to their own array (SEG-AM01, SEG-AM02). ' +
        'Some hosts use only chosen DNS servers, mail servers and domain controllers.',
    );
  });

  it('names the features switched off in the appendix, and requests none of their flows', async () => {
    const plain = (await pdfPages(await build(DMZ_RELAY, true))).join(' ');
    // SEG-AM01 looks up the directory on DC01 over LDAP, inside the internal network.
    expect(plain).toContain('tcp/389');
    // A plan that keeps every default has no decisions to report.
    expect(plain).not.toMatch(/Excluded flows|Decisions that shape the flows|Features not in use/);

    const pages = await pdfPages(await build({ ...DMZ_RELAY, features: { ldap: false } }, true));
    const all = pages.join(' ');
    expect(all).not.toContain('tcp/389');
    expect(all).not.toContain('(ldap)');
    expect(between(appendixOf(pages), 'Decisions that shape the flows', 'Appendix: flows').trim()).toBe(
      'Features not in use: Directory look-ups over LDAP (groups, SMTP AUTH, quarantine addresses from AD). ' +
        'The flows they need are not in this request.',
    );
    expect(pages[0]).not.toContain('Excluded flows');
  });

  it('lists the excluded flows the upgrade would open, close or keep, and opens and closes none', async () => {
    const plan: Plan = {
      ...DMZ_RELAY,
      productVersion: '10.0',
      upgradeFrom: '8.0',
      exclusions: [
        {
          rule: 'management-console',
          source: 'admin',
          destination: 'am',
          protocol: 'tcp',
          port: 443,
          kind: 'not-needed',
          note: 'The console is used from the jump host only',
        },
        {
          rule: 'array-manager-service',
          source: 'admin',
          destination: 'am',
          protocol: 'tcp',
          port: 19001,
          kind: 'allowed',
        },
        {
          rule: 'sql',
          source: 'am',
          destination: 'sql',
          protocol: 'tcp',
          port: 1433,
          kind: 'allowed',
          note: 'FW-7',
        },
      ],
    };
    const pages = await pdfPages(await build(plan, true));
    const all = pages.join(' ');
    expect(pages[0]).toContain('Rules to open 0 rules carrying 0 flows');
    expect(pages[0]).toContain('Rules to close 0 rules carrying 0 flows');
    expect(pages[0]).toContain('Excluded flows 3 (listed in their own section)');
    const section = between(all, 'Excluded flows 3 flows are left out of this request', 'Page ');
    expect(section).toContain(
      `Change ${EXCLUDED_HEAD}` +
        'Open Admin workstations 10.0.5.0/24 SEG-AM01 10.0.0.5 tcp/443 management-console Not needed The console is used from the jump host only ' +
        'Close Admin workstations 10.0.5.0/24 SEG-AM01 10.0.0.5 tcp/19001 array-manager-service Already allowed (none given) ' +
        'Keep SEG-AM01 10.0.0.5 SQL01 10.0.0.6 tcp/1433 sql Already allowed FW-7',
    );
    expect(all.indexOf('Rules to close after the upgrade')).toBeLessThan(
      all.indexOf('Excluded flows 3 flows'),
    );
    expect(all.indexOf('Excluded flows 3 flows')).toBeLessThan(all.indexOf('Upgrade advisories What'));
  });
});

describe('PDF progress', () => {
  it('says how far the build is between its parts, in order, before the file is written', async () => {
    const told: [number, number][] = [];
    await exportPdf({
      plan: DMZ_RELAY,
      derivation: deriveFlows(DMZ_RELAY),
      scope: { includeInternal: false },
      date: DATE,
      progress: (done, of) => told.push([done, of]),
    });
    // Cover, diagram, body, appendix, footers: the rest is writing the file out.
    expect(told).toEqual([
      [10, 100],
      [40, 100],
      [50, 100],
      [75, 100],
      [80, 100],
    ]);
  });
});
