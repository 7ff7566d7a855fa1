/**
 * Reading and writing the protocol's variable-length integers and byte strings by hand. Every read
 * is bounds-checked against the message itself (a Buffer from `ws` can be a view into a larger
 * slab, so reading past its end must fail rather than see someone else's bytes).
 */

export class MalformedMessage extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MalformedMessage';
  }
}

export class ByteReader {
  pos = 0;

  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos === this.bytes.length;
  }

  varUint(): number {
    let value = 0;
    let multiplier = 1;
    while (this.pos < this.bytes.length) {
      const byte = this.bytes[this.pos++];
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) return value;
      multiplier *= 128;
      if (value > Number.MAX_SAFE_INTEGER) throw new MalformedMessage('integer out of range');
    }
    throw new MalformedMessage('message ends inside an integer');
  }

  varBytes(): Uint8Array {
    const length = this.varUint();
    if (length > this.bytes.length - this.pos) throw new MalformedMessage('length runs past the end of the message');
    const start = this.pos;
    this.pos += length;
    return this.bytes.subarray(start, this.pos);
  }
}

export class ByteWriter {
  private readonly chunks: number[] = [];

  varUint(value: number): this {
    while (value > 0x7f) {
      this.chunks.push(0x80 | (value & 0x7f));
      value = Math.floor(value / 128);
    }
    this.chunks.push(value);
    return this;
  }

  toBytes(tail: readonly Uint8Array[] = []): Uint8Array {
    const tailLength = tail.reduce((sum, part) => sum + part.length, 0);
    const out = new Uint8Array(this.chunks.length + tailLength);
    out.set(this.chunks, 0);
    let offset = this.chunks.length;
    for (const part of tail) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }
}

export function varUintLength(value: number): number {
  let length = 1;
  while (value > 0x7f) {
    value = Math.floor(value / 128);
    length++;
  }
  return length;
}

/** Yjs's own decoder trusts the view's underlying buffer; give it one that ends where the update ends. */
export function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset + bytes.byteLength === bytes.buffer.byteLength ? bytes : copyBytes(bytes);
}

/** A copy in a buffer of its own (a Node Buffer's `slice` would only be another view). */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}
