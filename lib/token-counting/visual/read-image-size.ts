/**
 * An image's width and height from its header, without decoding pixels: PNG (IHDR), JPEG
 * (the first SOFn marker), GIF (logical screen), WebP (VP8, VP8L, VP8X) and BMP (core and
 * info headers). Reads a few hundred bytes for most files; JPEG walks its segments and
 * reads only their 4-byte headers. Sizes are the stored ones, before any EXIF rotation,
 * which is what PIL's `Image.size` (used by LLaVA-NeXT and Qwen2-VL) reports.
 */
import { closeSync, openSync, readSync } from "node:fs";

export interface ImageSize {
  width: number;
  height: number;
  format: "png" | "jpeg" | "gif" | "webp" | "bmp";
}

/** Not an image this reader knows, or a truncated header. */
export class ImageHeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImageHeaderError";
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

function need(buf: Buffer, n: number, what: string): void {
  if (buf.length < n) throw new ImageHeaderError(`truncated ${what} header`);
}

function jpegSize(fd: number): ImageSize {
  let pos = 2;
  for (let guard = 0; guard < 10000; guard++) {
    const head = readAt(fd, pos, 4);
    need(head, 4, "JPEG segment");
    if (head[0] !== 0xff) throw new ImageHeaderError(`bad JPEG marker at byte ${pos}`);
    const marker = head[1];
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    // Markers without a length: TEM, RSTn, SOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      pos += 2;
      continue;
    }
    const length = head.readUInt16BE(2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const sof = readAt(fd, pos + 4, 5);
      need(sof, 5, "JPEG SOF");
      return { height: sof.readUInt16BE(1), width: sof.readUInt16BE(3), format: "jpeg" };
    }
    if (marker === 0xd9 || marker === 0xda) break; // EOI or start of scan before any SOF
    pos += 2 + length;
  }
  throw new ImageHeaderError("JPEG without a frame header (SOFn)");
}

function webpSize(head: Buffer): ImageSize {
  need(head, 30, "WebP");
  const chunk = head.toString("latin1", 12, 16);
  if (chunk === "VP8 ") {
    // Frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height.
    if (head[23] !== 0x9d || head[24] !== 0x01 || head[25] !== 0x2a) {
      throw new ImageHeaderError("bad VP8 start code");
    }
    return {
      width: head.readUInt16LE(26) & 0x3fff,
      height: head.readUInt16LE(28) & 0x3fff,
      format: "webp",
    };
  }
  if (chunk === "VP8L") {
    if (head[20] !== 0x2f) throw new ImageHeaderError("bad VP8L signature");
    const bits = head.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, format: "webp" };
  }
  if (chunk === "VP8X") {
    return {
      width: head.readUIntLE(24, 3) + 1,
      height: head.readUIntLE(27, 3) + 1,
      format: "webp",
    };
  }
  throw new ImageHeaderError(`unknown WebP chunk "${chunk}"`);
}

function bmpSize(head: Buffer): ImageSize {
  need(head, 26, "BMP");
  const dibSize = head.readUInt32LE(14);
  if (dibSize === 12) {
    return { width: head.readUInt16LE(18), height: head.readUInt16LE(20), format: "bmp" };
  }
  // A negative height marks a top-down bitmap.
  return { width: head.readInt32LE(18), height: Math.abs(head.readInt32LE(22)), format: "bmp" };
}

/** Width and height of the image at `path`; throws ImageHeaderError for unknown formats. */
export function readImageSize(path: string): ImageSize {
  const fd = openSync(path, "r");
  try {
    const head = readAt(fd, 0, 32);
    need(head, 4, "image");
    if (head.readUInt32BE(0) === 0x89504e47) {
      need(head, 24, "PNG");
      return { width: head.readUInt32BE(16), height: head.readUInt32BE(20), format: "png" };
    }
    if (head[0] === 0xff && head[1] === 0xd8) return jpegSize(fd);
    const magic = head.toString("latin1", 0, 6);
    if (magic === "GIF87a" || magic === "GIF89a") {
      need(head, 10, "GIF");
      return { width: head.readUInt16LE(6), height: head.readUInt16LE(8), format: "gif" };
    }
    if (magic.startsWith("RIFF") && head.toString("latin1", 8, 12) === "WEBP") {
      return webpSize(head);
    }
    if (magic.startsWith("BM")) return bmpSize(head);
    throw new ImageHeaderError("not a PNG, JPEG, GIF, WebP or BMP file");
  } finally {
    closeSync(fd);
  }
}
