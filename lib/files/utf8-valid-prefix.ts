/**
 * Where UTF-8 goes wrong: one rule for every stage (mixing, tokens, synthesis), the rule of
 * Python's strict `bytes.decode("utf-8")` (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF), so a reported offset is the one Python reports.
 */
import { isUtf8 } from "node:buffer";

export interface Utf8Prefix {
  /** Bytes from the start that are whole, valid sequences. */
  valid: number;
  /** True when the byte at `valid` is invalid; false when the rest is an unfinished sequence (or nothing). */
  invalid: boolean;
}

/** The valid prefix of `buf`; at its end an unfinished sequence is not an error (more may follow). */
export function utf8ValidPrefix(buf: Uint8Array): Utf8Prefix {
  if (isUtf8(buf)) return { valid: buf.length, invalid: false };
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return { valid: i, invalid: true };
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return { valid: i, invalid: false };
      const c = buf[i + k];
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return { valid: i, invalid: true };
    }
    i += need + 1;
  }
  return { valid: n, invalid: false };
}

/** Byte offset (within `buf`) of the first invalid byte, treating the end as the end; -1 when valid. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const p = utf8ValidPrefix(buf);
  if (p.invalid) return p.valid;
  return p.valid === buf.length ? -1 : p.valid;
}
