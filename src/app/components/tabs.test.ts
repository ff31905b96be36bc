import { describe, expect, it } from 'vitest';
import { tabAfterKey } from './tabs';

describe('tab list keys', () => {
  it('moves left to the previous tab and right to the next, wrapping at the ends', () => {
    expect(tabAfterKey(1, 3, 'ArrowLeft')).toBe(0);
    expect(tabAfterKey(0, 3, 'ArrowLeft')).toBe(2);
    expect(tabAfterKey(1, 3, 'ArrowRight')).toBe(2);
    expect(tabAfterKey(2, 3, 'ArrowRight')).toBe(0);
  });

  it('goes to the ends with Home and End, and ignores other keys', () => {
    expect(tabAfterKey(1, 3, 'Home')).toBe(0);
    expect(tabAfterKey(1, 3, 'End')).toBe(2);
    expect(tabAfterKey(1, 3, 'Enter')).toBeUndefined();
  });
});
