import { displayNameSchema } from './auth';
import { findUnusableText, hasUnusableCharacter } from './text-safety';

describe('unusable text', () => {
  it('finds NUL, C0 controls and lone surrogates but keeps tabs, line breaks and surrogate pairs', () => {
    for (const text of ['a\u0000', '\u0007', 'x\ud800', '\udc00y', '\ud83d', 'ab\u001f']) expect(hasUnusableCharacter(text)).toBe(true);
    for (const text of ['plain', 'tab\tline\nreturn\r', '😀 emoji', 'Grüße 設計', '']) expect(hasUnusableCharacter(text)).toBe(false);
  });

  it('names the path of the first offending string or key anywhere in a value', () => {
    expect(findUnusableText({ a: [{ b: 'ok' }, { c: 'bad\u0000' }] })).toEqual({ path: 'a.1.c', message: expect.any(String) });
    expect(findUnusableText({ ['k\u0000']: 1 })).toMatchObject({ path: 'k\u0000' });
    expect(findUnusableText('\ud800')).toMatchObject({ path: '' });
    expect(findUnusableText({ n: 1, b: true, d: null, buf: Buffer.from([0]) })).toBeNull();
  });
});

describe('display names', () => {
  it('normalises to NFC with single spaces', () => {
    expect(displayNameSchema.parse('  Ame\u0301lie \t  Poulain ')).toBe('Am\u00E9lie Poulain');
  });

  it('refuses invisible-only names, direction controls, line breaks and controls', () => {
    for (const name of ['', '   ', '\u200B', '\u2800\u3164', 'a\u202Eb', '\u2066x\u2069', 'a\nb', 'a\u2028b', 'a\u0085b', 'a\u007Fb']) {
      expect(displayNameSchema.safeParse(name).success).toBe(false);
    }
    for (const name of ['Ada', 'Zoë', 'محمد', '李小龍', 'Ada 🚀']) expect(displayNameSchema.safeParse(name).success).toBe(true);
  });
});
