import { describe, expect, it } from 'vitest';
import { DMZ_RELAY, type Plan } from '../plan';
import { assertInvariant, cardsOverlap } from './invariant.testing';
import { placeMisplaced } from './complete';

const plan = (): Plan => structuredClone(DMZ_RELAY);

describe('placing the few misplaced hosts of an opened plan', () => {
  it('leaves a plan whose cards are all in place as it is', () => {
    const p = plan();
    expect(placeMisplaced(p)).toBe(p);
  });

  it('puts a host without a position into free space in its zone, and moves no other', () => {
    const p = plan();
    delete p.hosts.find((h) => h.id === 'sql')!.position;
    const placed = placeMisplaced(p)!;
    expect(placed).toBeDefined();
    const sql = placed.hosts.find((h) => h.id === 'sql')!;
    expect(sql.zone).toBe('lan');
    // Inside the internal network's box (690, 20, 580 × 520), overlapping no other card.
    expect(sql.position!.x).toBeGreaterThanOrEqual(690);
    expect(sql.position!.x + 200).toBeLessThanOrEqual(690 + 580);
    expect(sql.position!.y).toBeGreaterThanOrEqual(20);
    expect(sql.position!.y + 72).toBeLessThanOrEqual(20 + 520);
    for (const h of placed.hosts)
      if (h.id !== 'sql') expect(cardsOverlap(h.position!, sql.position!)).toBe(false);
    for (const h of p.hosts) if (h.id !== 'sql') expect(placed.hosts.find((x) => x.id === h.id)).toEqual(h);
    assertInvariant(placed);
  });

  it('takes a card off another it was put on', () => {
    const p = plan();
    p.hosts.find((h) => h.id === 'dc')!.position = { ...p.hosts.find((h) => h.id === 'sql')!.position! };
    const placed = placeMisplaced(p)!;
    const [sql, dc] = ['sql', 'dc'].map((id) => placed.hosts.find((h) => h.id === id)!.position!);
    expect(cardsOverlap(sql!, dc!)).toBe(false);
    assertInvariant(placed);
  });

  it('leaves it to a full layout when many hosts, or a host in no zone, are misplaced', () => {
    const many = plan();
    for (const h of many.hosts.slice(0, 4)) delete h.position;
    expect(placeMisplaced(many)).toBeUndefined();
    const internet = plan();
    delete internet.hosts.find((h) => h.id === 'internet')!.position;
    expect(placeMisplaced(internet)).toBeUndefined();
  });
});
