import { describe, expect, it } from 'vitest';
import { APP_EXPORT_FORMATS } from './exportFormats';
import { rasterScale } from './png';

describe('rasterScale', () => {
  it('draws at twice the size when the canvas stays within the browser limits', () => {
    expect(rasterScale(1413, 840)).toBe(2);
  });

  it('keeps each side within 16,384 px', () => {
    // 16,384 / 10,000
    expect(rasterScale(10_000, 1_000)).toBeCloseTo(1.6384, 6);
  });

  it('keeps the whole canvas within 40 million pixels', () => {
    // √(40,000,000 / (9,000 × 9,000)) = 0.70273
    expect(rasterScale(9_000, 9_000)).toBeCloseTo(0.70273, 4);
  });

  it('falls back to the wanted scale for a size it cannot use', () => {
    expect(rasterScale(0, 100)).toBe(2);
    expect(rasterScale(NaN, 100, 3)).toBe(3);
  });
});

describe('the Export menu', () => {
  it("lists the domain's formats, then the PNG that the app adds", async () => {
    expect(APP_EXPORT_FORMATS.map((f) => f.id).slice(-3)).toEqual([
      'connectivity-powershell',
      'diagram-svg',
      'diagram-png',
    ]);
    expect(APP_EXPORT_FORMATS).toHaveLength(15);
    expect(typeof (await APP_EXPORT_FORMATS.at(-1)!.load())).toBe('function');
  });
});
