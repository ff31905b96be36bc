import { describe, expect, it } from 'vitest';
import { spreadSharedBends } from './nudge';

describe('spreading arrows that share a bend', () => {
  const outward = () => ({ x: -1, y: -1 });

  it('moves each further arrow through a bend 4 px further out, the first staying', () => {
    const paths = [
      [
        { x: 0, y: 100 },
        { x: 50, y: 50 },
        { x: 200, y: 50 },
      ],
      [
        { x: 0, y: 120 },
        { x: 50, y: 50 },
        { x: 220, y: 40 },
      ],
      [
        { x: 0, y: 140 },
        { x: 50, y: 50 },
        { x: 240, y: 30 },
      ],
    ];
    spreadSharedBends(paths, { outward, clear: () => true });
    expect(paths.map((p) => p[1])).toEqual([
      { x: 50, y: 50 },
      { x: 46, y: 46 },
      { x: 42, y: 42 },
    ]);
    // Ends are never moved.
    expect(paths.map((p) => p[0]!.y)).toEqual([100, 120, 140]);
  });

  it('keeps a bend where moving it would run a line through a card', () => {
    const paths = [
      [
        { x: 0, y: 0 },
        { x: 50, y: 50 },
        { x: 100, y: 0 },
      ],
      [
        { x: 0, y: 10 },
        { x: 50, y: 50 },
        { x: 100, y: 10 },
      ],
    ];
    spreadSharedBends(paths, { outward, clear: () => false });
    expect(paths[1]![1]).toEqual({ x: 50, y: 50 });
  });

  it('leaves bends used by one arrow alone', () => {
    const paths = [
      [
        { x: 0, y: 0 },
        { x: 50, y: 50 },
        { x: 100, y: 0 },
      ],
      [
        { x: 0, y: 10 },
        { x: 60, y: 50 },
        { x: 100, y: 10 },
      ],
    ];
    spreadSharedBends(paths, { outward, clear: () => true });
    expect(paths.map((p) => p[1])).toEqual([
      { x: 50, y: 50 },
      { x: 60, y: 50 },
    ]);
  });
});
