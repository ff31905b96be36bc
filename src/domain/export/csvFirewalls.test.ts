import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { deriveFlows } from '../engine';
import { DMZ_RELAY, type Plan } from '../plan';
import { CSV_COLUMNS, exportCsv } from './csv';

const DATE = new Date('2026-11-27T12:00:00Z');

/** The CSV as records by header, read by an independent parser. */
function read(plan: Plan, includeInternal = false) {
  const file = exportCsv({ plan, derivation: deriveFlows(plan), scope: { includeInternal }, date: DATE });
  const parsed = Papa.parse<string[]>((file.data as string).replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  return { header: header!, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

// The DMZ relay's devices, read from the example: FW-EDGE joins the Internet (in no zone) and the
// DMZ; FW-CORE joins the DMZ and the internal network. So, by zone pair:
const EXPECTED: Record<string, string> = {
  'DMZ > Internal network': 'FW-CORE',
  'Internal network > DMZ': 'FW-CORE',
  'DMZ > ': 'FW-EDGE',
  ' > DMZ': 'FW-EDGE',
  'Internal network > ': 'FW-CORE > FW-EDGE',
};

describe('the per-flow CSV of a plan with firewall devices', () => {
  it('adds a Firewalls column after the first ten, right for every row', () => {
    const { header, rows } = read(DMZ_RELAY);
    expect(header).toEqual([...CSV_COLUMNS.slice(0, 10), 'Firewalls', ...CSV_COLUMNS.slice(10)]);
    expect(rows).toHaveLength(22);
    const pairs = new Set<string>();
    for (const row of rows) {
      const pair = `${row['Source Zone']} > ${row['Destination Zone']}`;
      pairs.add(pair);
      expect([pair, row.Firewalls]).toEqual([pair, EXPECTED[pair]]);
    }
    expect([...pairs].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('leaves the column empty for flows inside one zone, and says "(no path)" where no device joins', () => {
    const { rows } = read(DMZ_RELAY, true);
    const inside = rows.filter((r) => r['Source Zone'] === r['Destination Zone'] && r['Source Zone'] !== '');
    expect(inside.length).toBeGreaterThan(0);
    expect(new Set(inside.map((r) => r.Firewalls))).toEqual(new Set(['']));
    const edgeOnly: Plan = { ...DMZ_RELAY, firewalls: DMZ_RELAY.firewalls!.slice(0, 1) };
    const noCore = read(edgeOnly).rows.filter(
      (r) => r['Source Zone'] === 'Internal network' || r['Destination Zone'] === 'Internal network',
    );
    // Nodes to EXCH01 (2), DC01 (4) and SEG-AM01 (2); back from both (4); SEG-AM01 to the update site (2).
    expect(noCore).toHaveLength(14);
    expect(new Set(noCore.map((r) => r.Firewalls))).toEqual(new Set(['(no path)']));
  });

  it('puts Firewalls after Change in an upgrade request', () => {
    const { header, rows } = read({ ...DMZ_RELAY, upgradeFrom: '7.1' }, true);
    expect(header).toEqual([...CSV_COLUMNS.slice(0, 10), 'Change', 'Firewalls', ...CSV_COLUMNS.slice(10)]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const pair = `${row['Source Zone']} > ${row['Destination Zone']}`;
      const inside = row['Source Zone'] === row['Destination Zone'] && row['Source Zone'] !== '';
      expect([pair, row.Firewalls]).toEqual([pair, inside ? '' : EXPECTED[pair]]);
    }
  });

  it('keeps the columns of a plan without devices as they were', () => {
    const plan: Plan = { ...DMZ_RELAY };
    delete plan.firewalls;
    expect(read(plan).header).toEqual([...CSV_COLUMNS]);
  });
});
