import { cx } from './cx';
import './Avatar.css';

/** "Ada Lovelace" → "AL"; a bracketed aside ("Ada (demo)") and punctuation do not count. */
export function initialsOf(name: string): string {
  const words = name
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
  if (words.length === 0) return '?';
  const letters = words.length === 1 ? [...words[0]].slice(0, 1) : [[...words[0]][0], [...words[words.length - 1]][0]];
  return letters.join('').toUpperCase();
}

interface AvatarProps {
  name: string;
  size?: 'xs' | 'sm' | 'md' | 'lg';
  /** A person's colour (their cursor colour on the board), a light tint: the initials stay dark on it. */
  color?: string;
  className?: string;
}

export function Avatar({ name, size = 'md', color, className }: AvatarProps) {
  return (
    <span
      className={cx('pb-avatar', `pb-avatar--${size}`, color && 'pb-avatar--coloured', className)}
      style={color ? { background: color } : undefined}
      aria-hidden="true"
    >
      {initialsOf(name)}
    </span>
  );
}
