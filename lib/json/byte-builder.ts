/**
 * A growable byte buffer for building output without intermediate strings: the mixer
 * re-emits each record's bytes into one and hands finished chunks to a write stream.
 */
export class ByteBuilder {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    const need = this.length + n;
    if (need <= this.bytes.length) return;
    let cap = this.bytes.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  pushByte(b: number): void {
    if (this.length >= this.bytes.length) this.reserve(1);
    this.bytes[this.length++] = b;
  }

  pushBytes(src: Uint8Array, start: number, end: number): void {
    const n = end - start;
    if (this.length + n > this.bytes.length) this.reserve(n);
    if (n > 16) {
      this.bytes.set(src.subarray(start, end), this.length);
      this.length += n;
      return;
    }
    // Short runs: a loop beats allocating a subarray view (which costs GC time).
    const b = this.bytes;
    let p = this.length;
    for (let k = start; k < end; k++) b[p++] = src[k];
    this.length = p;
  }

  /** Appends an ASCII / Latin-1 string (one byte per char). */
  pushAscii(s: string): void {
    this.reserve(s.length);
    const b = this.bytes;
    let p = this.length;
    for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
    this.length = p;
  }

  /** A newline, then `spaces` spaces. */
  pushNewlineIndent(spaces: number): void {
    if (this.length + spaces + 1 > this.bytes.length) this.reserve(spaces + 1);
    const b = this.bytes;
    let p = this.length;
    b[p++] = 10;
    // Indents are a few spaces: a loop; fill() is a native call (a third of this
    // method's time on LLaVA records).
    if (spaces > 64) b.fill(32, p, p + spaces);
    else for (let k = 0; k < spaces; k++) b[p + k] = 32;
    this.length = p + spaces;
  }

  /** The bytes written so far (a view; copy it before the builder is reused). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}
