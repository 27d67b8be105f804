/**
 * NumPy `.npy` files (format version 1.0/2.0/3.0, as `numpy.lib.format` writes them): the
 * kit writes float32 `[tokens, dim]` features and reads float32 or float64, little-endian,
 * C order. A file that is not that names itself and what is wrong.
 */
import { InputError } from "../../errors/index";

const MAGIC = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);

/** The dtypes read: little-endian float32 and float64 (read into float32). */
const DTYPES = new Map<string, { size: number; read: (b: Buffer, at: number) => number }>([
  ["<f4", { size: 4, read: (b, at) => b.readFloatLE(at) }],
  ["<f8", { size: 8, read: (b, at) => b.readDoubleLE(at) }],
]);

export interface FeatureTensor {
  shape: number[];
  data: Float32Array;
}

/** The bytes of a version 1.0 `.npy` file of float32 `data` with `shape`. */
export function npyBytes(shape: number[], data: Float32Array): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length)
    throw new Error(`npy: shape ${shape} does not hold ${data.length} values`);
  const dims = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${dims}, }`;
  // numpy pads the header with spaces and a newline so that the data starts 64-byte aligned.
  const total = MAGIC.length + 2 + 2 + header.length + 1;
  header += " ".repeat((64 - (total % 64)) % 64) + "\n";
  const head = Buffer.alloc(MAGIC.length + 4);
  MAGIC.copy(head, 0);
  head[6] = 1;
  head[7] = 0;
  head.writeUInt16LE(header.length, 8);
  const body = Buffer.alloc(data.length * 4);
  for (let i = 0; i < data.length; i++) body.writeFloatLE(data[i], i * 4);
  return Buffer.concat([head, Buffer.from(header, "latin1"), body]);
}

export function parseNpy(bytes: Uint8Array, file: string): FeatureTensor {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (problem: string) => new InputError({ file }, problem);
  if (buf.length < 10 || !buf.subarray(0, 6).equals(MAGIC))
    throw fail("not a .npy file (no \\x93NUMPY magic)");
  const major = buf[6];
  let headerLength: number;
  let start: number;
  if (major === 1) {
    headerLength = buf.readUInt16LE(8);
    start = 10;
  } else if (major === 2 || major === 3) {
    if (buf.length < 12) throw fail("truncated .npy header");
    headerLength = buf.readUInt32LE(8);
    start = 12;
  } else throw fail(`unsupported .npy format version ${major}`);
  if (start + headerLength > buf.length) throw fail("truncated .npy header");
  const header = buf
    .subarray(start, start + headerLength)
    .toString(major === 3 ? "utf8" : "latin1");
  const descr = /'descr':\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined)
    throw fail(`cannot read the .npy header ${JSON.stringify(header.trim())}`);
  if (fortran === "True")
    throw fail("Fortran-ordered arrays are not supported (save with C order)");
  const shape = shapeText
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map(Number);
  if (shape.some((n) => !Number.isInteger(n) || n < 0)) throw fail(`bad shape (${shapeText})`);
  const count = shape.reduce((a, b) => a * b, 1);
  const body = buf.subarray(start + headerLength);
  const dtype = DTYPES.get(descr);
  if (dtype) {
    if (body.length !== count * dtype.size)
      throw fail(
        `shape (${shape}) needs ${count * dtype.size} data bytes, file has ${body.length}`,
      );
    const data = new Float32Array(count);
    for (let i = 0; i < count; i++) data[i] = dtype.read(body, i * dtype.size);
    return { shape, data };
  }
  throw fail(`dtype ${descr} is not float32 or float64 (features must be '<f4' or '<f8')`);
}
