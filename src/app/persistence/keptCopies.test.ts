import { describe, expect, it } from 'vitest';
import { KEEP_UNREADABLE, UNREADABLE_KEY, keptCopyKey } from './keptCopies';

const now = new Date('2025-03-04T05:06:07.089Z');
const dated = `${UNREADABLE_KEY}.2025-03-04T05:06:07.089Z`;

describe('keptCopyKey', () => {
  it('keeps the first copy where earlier versions kept their one copy', () => {
    expect(keptCopyKey(['portolan.plan', 'portolan.plan.beforeLink'], now)).toBe(UNREADABLE_KEY);
  });

  it('keeps a later copy under its own dated key, never over another', () => {
    expect(keptCopyKey([UNREADABLE_KEY, 'portolan.plan'], now)).toBe(dated);
    expect(keptCopyKey([UNREADABLE_KEY, dated], now)).toBe(`${dated}.2`);
    expect(keptCopyKey([UNREADABLE_KEY, dated, `${dated}.2`], now)).toBe(`${dated}.3`);
  });

  it('uses the plain key again when only dated copies are kept', () => {
    expect(keptCopyKey([dated], now)).toBe(UNREADABLE_KEY);
  });

  it(`keeps no more than ${KEEP_UNREADABLE} copies, and deletes none to make room`, () => {
    const keys = [UNREADABLE_KEY, ...[1, 2, 3].map((d) => `${UNREADABLE_KEY}.2025-01-0${d}T00:00:00.000Z`)];
    expect(keys).toHaveLength(KEEP_UNREADABLE - 1);
    expect(keptCopyKey(keys, now)).toBe(dated);
    expect(keptCopyKey([...keys, dated], now)).toBeUndefined();
  });

  it('counts only kept copies towards the bound', () => {
    const others = ['portolan.plan', 'portolan.plan.beforeLink', 'portolan.plan.unreadableish', 'theme'];
    expect(keptCopyKey([...others, ...others], now)).toBe(UNREADABLE_KEY);
  });
});
