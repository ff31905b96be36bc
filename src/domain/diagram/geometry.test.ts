import { describe, expect, it } from 'vitest';
import { edgeSegment, hostCentre } from './geometry';
import { HOST_SIZE } from './membership';

describe('edge geometry', () => {
  it('runs from border to border, leaving room for the arrowhead, 3 px to its right', () => {
    const s = edgeSegment({ x: 0, y: 0 }, { x: 500, y: 0 }, false);
    // Going right, its right is down the screen.
    expect(s.start).toEqual({ x: HOST_SIZE.width / 2, y: 3 });
    expect(s.end).toEqual({ x: 500 - HOST_SIZE.width / 2 - 3, y: 3 });
    expect(s.direction).toEqual({ x: 1, y: 0 });
    expect(s.label).toEqual({ x: (s.start.x + s.end.x) / 2, y: 3 });
  });

  it('leaves a vertical edge through the top and bottom borders', () => {
    const s = edgeSegment({ x: 0, y: 0 }, { x: 0, y: 400 }, false);
    expect(s.start.y).toBeCloseTo(HOST_SIZE.height / 2 + 1);
    // Going down, its right is to the left on the screen.
    expect(s.start.x).toBeCloseTo(-3);
  });

  it('puts the two arrows of a two-way pair side by side, labels apart', () => {
    const there = edgeSegment({ x: 0, y: 0 }, { x: 500, y: 0 }, true);
    const back = edgeSegment({ x: 500, y: 0 }, { x: 0, y: 0 }, true);
    expect(there.start.y).toBe(7);
    expect(back.start.y).toBe(-7);
    expect(Math.abs(there.label.x - back.label.x)).toBeGreaterThan(50);
  });

  it('draws finite lines between cards on the same spot', () => {
    for (const hasReverse of [false, true]) {
      const s = edgeSegment({ x: 0, y: 0 }, { x: 0, y: 0 }, hasReverse);
      for (const p of [s.start, s.end, s.direction, s.label]) {
        expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      }
      expect(s.direction).toEqual({ x: 1, y: 0 });
    }
  });

  it('finds a card centre from its position', () => {
    expect(hostCentre({ x: 10, y: 20 })).toEqual({
      x: 10 + HOST_SIZE.width / 2,
      y: 20 + HOST_SIZE.height / 2,
    });
  });
});
