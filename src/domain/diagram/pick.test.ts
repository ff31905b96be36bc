import { describe, expect, it } from 'vitest';
import { distanceToLine, midpointOf, pickArrow } from './pick';

describe('picking an arrow', () => {
  it('finds the middle of a bent line by its length', () => {
    // 0,0 → 100,0 → 100,300: 400 long, so the middle is 100 down the second leg.
    expect(
      midpointOf([
        { x: 0, y: 0 },
        { x: 100, y: 0 },
        { x: 100, y: 300 },
      ]),
    ).toEqual({ x: 100, y: 100 });
  });

  it('measures the distance to the nearest leg', () => {
    expect(
      distanceToLine({ x: 50, y: 10 }, [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
      ]),
    ).toBe(10);
    expect(
      distanceToLine({ x: 130, y: 40 }, [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
      ]),
    ).toBe(50);
  });

  it('takes the nearest line when the lines are clearly apart', () => {
    const arrows = [
      {
        id: 'top',
        points: [
          { x: 0, y: 0 },
          { x: 200, y: 0 },
        ],
      },
      {
        id: 'below',
        points: [
          { x: 0, y: 10 },
          { x: 200, y: 10 },
        ],
      },
    ];
    expect(pickArrow({ x: 20, y: 8 }, arrows, 2)).toBe('below');
    expect(pickArrow({ x: 20, y: 1 }, arrows, 2)).toBe('top');
  });

  it('at a crossing, takes the arrow whose middle is there, whichever is drawn last', () => {
    // Both pass through 100,100; only "long" has its middle there.
    const long = {
      id: 'long',
      points: [
        { x: 0, y: 0 },
        { x: 200, y: 200 },
      ],
    };
    const other = {
      id: 'other',
      points: [
        { x: 100, y: 0 },
        { x: 100, y: 500 },
      ],
    };
    expect(pickArrow({ x: 100, y: 100 }, [long, other], 2)).toBe('long');
    expect(pickArrow({ x: 100, y: 100 }, [other, long], 2)).toBe('long');
  });

  it('counts a label as a place people aim at', () => {
    const a = {
      id: 'a',
      points: [
        { x: 0, y: 0 },
        { x: 400, y: 0 },
      ],
      label: { x: 50, y: 0 },
    };
    const b = {
      id: 'b',
      points: [
        { x: 0, y: 1 },
        { x: 400, y: 1 },
      ],
    };
    expect(pickArrow({ x: 50, y: 0.5 }, [b, a], 2)).toBe('a');
  });

  it('picks nothing from no arrows', () => {
    expect(pickArrow({ x: 0, y: 0 }, [], 2)).toBeUndefined();
  });
});
