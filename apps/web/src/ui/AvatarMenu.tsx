import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Avatar } from './Avatar';
import { cx } from './cx';
import { ChevronDownIcon } from './icons';
import './AvatarMenu.css';

export interface AvatarMenuItem {
  label: string;
  icon?: ReactNode;
  /** Navigates to this path… */
  to?: string;
  /** …or runs this action. */
  onSelect?: () => void;
}

interface AvatarMenuProps {
  name: string;
  email: string;
  items: AvatarMenuItem[];
}

/** A menu button (WAI-ARIA pattern): arrows move, Escape closes and returns focus, Tab leaves. */
export function AvatarMenu({ name, email, items }: AvatarMenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef<'first' | 'last'>('first');
  const menuId = useId();

  const menuItems = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return;
    const found = menuItems();
    (focusOnOpen.current === 'first' ? found[0] : found[found.length - 1])?.focus();

    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    return () => document.removeEventListener('pointerdown', closeOnOutsidePointer);
  }, [open]);

  const openMenu = (focus: 'first' | 'last') => {
    focusOnOpen.current = focus;
    setOpen(true);
  };

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const found = menuItems();
    const index = found.indexOf(document.activeElement as HTMLElement);
    const focusAt = (next: number) => found[(next + found.length) % found.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focusAt(index - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusAt(0);
        break;
      case 'End':
        event.preventDefault();
        focusAt(found.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        close(true);
        break;
      case 'Tab':
        close(false);
        break;
    }
  };

  return (
    <div className="pb-avatar-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={cx('pb-avatar-menu__button', open && 'pb-avatar-menu__button--open')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Account menu for ${name}`}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onButtonKeyDown}
      >
        <Avatar name={name} size="sm" />
        <ChevronDownIcon size={14} className="pb-avatar-menu__chevron" />
      </button>
      {open && (
        <div className="pb-avatar-menu__popover">
          <div className="pb-avatar-menu__identity">
            <span className="pb-avatar-menu__name">{name}</span>
            <span className="pb-avatar-menu__email">{email}</span>
          </div>
          <div
            ref={menuRef}
            id={menuId}
            role="menu"
            aria-label="Account"
            className="pb-avatar-menu__items"
            onKeyDown={onMenuKeyDown}
          >
            {items.map((item) =>
              item.to ? (
                <Link
                  key={item.label}
                  to={item.to}
                  role="menuitem"
                  tabIndex={-1}
                  className="pb-avatar-menu__item"
                  onClick={() => close(false)}
                >
                  {item.icon}
                  {item.label}
                </Link>
              ) : (
                <button
                  key={item.label}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="pb-avatar-menu__item"
                  onClick={() => {
                    close(false);
                    item.onSelect?.();
                  }}
                >
                  {item.icon}
                  {item.label}
                </button>
              ),
            )}
          </div>
        </div>
      )}
    </div>
  );
}
