/**
 * Text every input must be able to hold: PostgreSQL refuses NUL in text and a lone UTF-16
 * surrogate cannot be encoded as UTF-8, so either would fail deep in a write (500) instead of at
 * the edge. Other C0 control characters have no use in anything a person types and only confuse
 * whatever renders them; tab, line feed and carriage return stay allowed (chat, notes, prompts).
 */
// Without the `u` flag the pattern sees UTF-16 code units, so a high half not followed by a low
// half (and the reverse) is found.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNUSABLE_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNUSABLE_TEXT_MESSAGE = 'Contains a character that cannot be stored (NUL, a control character or a broken surrogate pair)';

/** True when the string holds NUL, another C0 control character but tab and line breaks, or a lone surrogate. */
export function hasUnusableCharacter(text: string): boolean {
  return UNUSABLE_CHARACTER.test(text);
}

export interface UnusableTextIssue {
  /** dotted path of the offending string (or object key), '' for the value itself */
  path: string;
  message: string;
}

const MAX_DEPTH = 64;

/**
 * The first string (value or object key) anywhere in a parsed value that holds an unusable
 * character, or null. Walks arrays and plain objects only; other objects (Buffers, dates) are
 * not text.
 */
export function findUnusableText(value: unknown, path: readonly (string | number)[] = [], depth = 0): UnusableTextIssue | null {
  if (typeof value === 'string') {
    return hasUnusableCharacter(value) ? { path: path.join('.'), message: UNUSABLE_TEXT_MESSAGE } : null;
  }
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const issue = findUnusableText(value[index], [...path, index], depth + 1);
      if (issue) return issue;
    }
    return null;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return null;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (hasUnusableCharacter(key)) return { path: [...path, key].join('.'), message: UNUSABLE_TEXT_MESSAGE };
    const issue = findUnusableText(item, [...path, key], depth + 1);
    if (issue) return issue;
  }
  return null;
}

/** Bidirectional overrides, embeddings and isolates: they reorder the text shown after them. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
/** Any control character (C0, DEL, C1) but tab (white space, collapsed like a space), and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_OR_LINE_BREAK = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/;
/**
 * Characters that take no visible space: zero-width spaces and joiners, word joiner, the BOM,
 * soft hyphen, invisible operators, Hangul and Braille blanks, variation selectors, tag characters.
 */
// eslint-disable-next-line no-misleading-character-class -- each combining mark is listed to be removed on its own
const INVISIBLE = /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\uDB40[\uDC00-\uDDEF]/g;

/** The name as stored and shown: NFC, runs of white space as one space, trimmed. */
export function normaliseDisplayName(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Why a display name cannot hold these characters (checked before normalising, which would hide line breaks), or null. */
export function displayNameCharacterProblem(name: string): string | null {
  if (CONTROL_OR_LINE_BREAK.test(name)) return 'Use one line without control characters';
  if (BIDI_CONTROL.test(name)) return 'Remove the text direction characters';
  if (hasUnusableCharacter(name)) return UNUSABLE_TEXT_MESSAGE;
  return null;
}

/** True when nothing visible is left once invisible characters and white space are taken out. */
export function isBlankDisplayName(name: string): boolean {
  return name.replace(INVISIBLE, '').replace(/\s+/gu, '').length === 0;
}
