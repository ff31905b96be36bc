import { describe, expect, it } from 'vitest';
import { hasBidiControls, visibleText } from './text';

describe('visible text', () => {
  it('shows bidirectional controls as code points, so a name cannot pass for another', () => {
    expect(visibleText('SEG-\u202Eeton')).toBe('SEG-<U+202E>eton');
    expect(visibleText('\u2066a\u2069 \u202A\u202B\u202C\u202D')).toBe(
      '<U+2066>a<U+2069> <U+202A><U+202B><U+202C><U+202D>',
    );
    expect(hasBidiControls('a\u2067b')).toBe(true);
  });

  it('leaves every other script alone', () => {
    for (const name of ['שרת-דואר', 'خادم', 'Сервер', 'Zażółć', '邮件服务器', 'メール', '메일', 'a\u200Fb']) {
      expect(visibleText(name)).toBe(name);
      expect(hasBidiControls(name)).toBe(false);
    }
  });
});
