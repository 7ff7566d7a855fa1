import { excerpt, filtersFromSearch, hasFilters, scriptLine, searchFromFilters } from './questions-api';
import { standardScript } from '../../test-support/questions';

describe('question filters in the URL', () => {
  it('reads known levels and topics and ignores the rest', () => {
    expect(filtersFromSearch(new URLSearchParams('q=cache&level=senior&topic=sharding'))).toEqual({
      q: 'cache',
      level: 'senior',
      topic: 'sharding',
    });
    expect(filtersFromSearch(new URLSearchParams('level=wizard&topic=astrology'))).toEqual({ q: '', level: '', topic: '' });
  });

  it('writes only the filters in use, trimmed, in a stable order', () => {
    expect(searchFromFilters({ q: '  feed ', level: '', topic: 'fan-out' }).toString()).toBe('q=feed&topic=fan-out');
    expect(searchFromFilters({ q: ' ', level: '', topic: '' }).toString()).toBe('');
    expect(searchFromFilters({ topic: 'caching', level: 'staff', q: 'a b' }).toString()).toBe('q=a+b&level=staff&topic=caching');
  });

  it('round-trips', () => {
    const filters = { q: 'rate limiter', level: 'mid', topic: 'caching' } as const;
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
    expect(hasFilters(filters)).toBe(true);
    expect(hasFilters({ q: ' ', level: '', topic: '' })).toBe(false);
  });
});

describe('display helpers', () => {
  it('cuts long prompts at a word', () => {
    expect(excerpt('short')).toBe('short');
    const cut = excerpt('word '.repeat(100), 22);
    expect(cut).toBe('word word word word…');
  });

  it('shows a script as one compact line', () => {
    expect(scriptLine(standardScript)).toBe('45 min · Requirements 5 · High-level design 40');
  });
});
