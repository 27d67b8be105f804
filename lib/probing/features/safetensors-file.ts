/**
 * `.safetensors` feature files (Hugging Face's format: an 8-byte little-endian header
 * length, a JSON header naming each tensor's dtype, shape and byte offsets, then the data).
 * A features file holds one tensor (any name) of F32, F64, F16 or BF16; it is read as float32.
 */
import { InputError } from "../../errors/index";
import type { FeatureTensor } from "./npy-file";

const WIDTH: Record<string, number> = { F32: 4, F64: 8, F16: 2, BF16: 2 };

export function parseSafetensors(bytes: Uint8Array, file: string): FeatureTensor {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (problem: string) => new InputError({ file }, problem);
  if (buf.length < 8) throw fail("not a .safetensors file (shorter than its header length)");
  const headerLength = Number(buf.readBigUInt64LE(0));
  if (headerLength > buf.length - 8) throw fail("truncated .safetensors header");
  let header: Record<string, { dtype?: string; shape?: number[]; data_offsets?: [number, number] }>;
  try {
    header = JSON.parse(buf.subarray(8, 8 + headerLength).toString("utf8"));
  } catch {
    throw fail("the .safetensors header is not JSON");
  }
  const names = Object.keys(header).filter((k) => k !== "__metadata__");
  if (names.length !== 1) throw fail(`holds ${names.length} tensors; a features file holds one`);
  const { dtype, shape, data_offsets: offsets } = header[names[0]];
  const field = { file, field: names[0] };
  if (!dtype || !(dtype in WIDTH))
    throw new InputError(field, `dtype ${dtype} is not F32, F64, F16 or BF16`);
  if (!Array.isArray(shape) || shape.some((n) => !Number.isInteger(n) || n < 0))
    throw new InputError(field, "bad shape");
  const count = shape.reduce((a, b) => a * b, 1);
  const body = buf.subarray(8 + headerLength);
  if (!offsets || offsets[1] - offsets[0] !== count * WIDTH[dtype] || offsets[1] > body.length)
    throw new InputError(
      field,
      `data_offsets ${JSON.stringify(offsets)} do not fit shape (${shape}) of ${dtype}`,
    );
  const data = new Float32Array(count);
  const at = offsets[0];
  for (let i = 0; i < count; i++) {
    if (dtype === "F32") data[i] = body.readFloatLE(at + i * 4);
    else if (dtype === "F64") data[i] = body.readDoubleLE(at + i * 8);
    else if (dtype === "BF16") data[i] = bf16(body.readUInt16LE(at + i * 2));
    else data[i] = f16(body.readUInt16LE(at + i * 2));
  }
  return { shape, data };
}

function bf16(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, bits << 16);
  return view.getFloat32(0);
}

function f16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}
