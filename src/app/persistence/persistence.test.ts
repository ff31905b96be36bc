import { describe, expect, it } from 'vitest';
import { failureOf } from './persistence';

describe('failureOf', () => {
  it('tells a full storage from one that is not available', () => {
    expect(failureOf(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe('full');
    // Firefox's name for it.
    expect(failureOf(new DOMException('Quota reached', 'NS_ERROR_DOM_QUOTA_REACHED'))).toBe('full');
    expect(failureOf(new DOMException('Access denied', 'SecurityError'))).toBe('failed');
    expect(failureOf(new Error('anything else'))).toBe('failed');
  });
});
