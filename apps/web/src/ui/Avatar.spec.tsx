import { initialsOf } from './Avatar';

describe('initialsOf', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['Grace Brewster Murray Hopper', 'GH'],
    ['ada', 'A'],
    ['Ada (demo)', 'A'],
    ['Grace [guest] Hopper', 'GH'],
    ['"Linus" Pauling', 'LP'],
    ['Élodie Ørsted', 'ÉØ'],
    ['  ', '?'],
    ['(demo)', '?'],
  ])('%s → %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
