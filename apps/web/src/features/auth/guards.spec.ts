import { returnPath } from './guards';

describe('returnPath', () => {
  it('returns to the page that asked for sign-in', () => {
    expect(returnPath({ from: { pathname: '/profile', search: '?tab=a', hash: '' } })).toBe('/profile?tab=a');
  });

  it('falls back to the dashboard for anything else', () => {
    expect(returnPath(null)).toBe('/');
    expect(returnPath({ from: { pathname: '//evil.example' } })).toBe('/');
    expect(returnPath({ from: { pathname: '/signin' } })).toBe('/');
  });
});
