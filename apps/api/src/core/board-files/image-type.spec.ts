import { detectImageType } from './image-type';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((char) => char.charCodeAt(0)) : part)));

describe('detectImageType', () => {
  it('recognises PNG, JPEG, GIF and WebP by their leading bytes', () => {
    expect(detectImageType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(detectImageType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(detectImageType(bytes('GIF87a', [1]))).toBe('image/gif');
    expect(detectImageType(bytes('GIF89a', [1]))).toBe('image/gif');
    expect(detectImageType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses everything else, SVG and truncated headers included', () => {
    for (const other of [
      bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      bytes('<?xml version="1.0"?><svg/>'),
      bytes('just some text named image.png'),
      bytes([0x89], 'PNG'),
      bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '),
      bytes('GIF90a'),
      bytes(),
    ]) {
      expect(detectImageType(other)).toBeNull();
    }
  });
});
