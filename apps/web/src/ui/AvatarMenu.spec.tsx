import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { AvatarMenu } from './AvatarMenu';

function renderMenu(onSignOut = jest.fn()) {
  render(
    <MemoryRouter>
      <AvatarMenu
        name="Ada Lovelace"
        email="ada@example.com"
        items={[
          { label: 'Profile', to: '/profile' },
          { label: 'Sign out', onSelect: onSignOut },
        ]}
      />
    </MemoryRouter>,
  );
  return screen.getByRole('button', { name: 'Account menu for Ada Lovelace' });
}

describe('AvatarMenu', () => {
  it('opens from the keyboard, moves with the arrows and closes with Escape', () => {
    const button = renderMenu();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveTextContent('AL');

    fireEvent.keyDown(button, { key: 'ArrowDown' });
    const [profile, signOut] = screen.getAllByRole('menuitem');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(profile).toHaveFocus();

    fireEvent.keyDown(profile, { key: 'ArrowDown' });
    expect(signOut).toHaveFocus();
    fireEvent.keyDown(signOut, { key: 'ArrowDown' });
    expect(profile).toHaveFocus();

    fireEvent.keyDown(profile, { key: 'Escape' });
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('runs an action item and closes', () => {
    const onSignOut = jest.fn();
    fireEvent.click(renderMenu(onSignOut));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    expect(onSignOut).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });
});
