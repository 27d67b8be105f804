/**
 * Loads the WebAssembly build of the JSON scanner and re-indenter (json-scan.c, built by
 * `make wasm` into json-scan.wasm beside this file) and says which implementation lib/json
 * uses: "wasm" when the module loads, else "js" (the JavaScript walkers, which stay the
 * reference and the fallback). T3KIT_JSON_SCANNER=js|wasm picks one for tests and
 * benchmarks; "wasm" with the module missing is an error rather than a silent fallback.
 *
 * The module's memory is laid out here: above the C stack and statics, a region for a scan
 * chunk (a file's 4 MiB chunk and the record carried into it, copied once and walked
 * record by record), a region for single values (a record to check or re-indent), and the
 * output region last, which the re-indenter grows in place.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatPythonFloat } from "../python-float-repr";

export type JsonScannerKind = "wasm" | "js";

/** The file the build writes; found beside this source (tsx, tslab and workers alike). */
export const JSON_SCAN_WASM = join(__dirname, "json-scan.wasm");

/** Bytes a 16-byte step may read or write past a region's end (json-scan.c's SLACK). */
const SLACK = 64;
const PAGE = 65536;

/**
 * The WebAssembly API as used here, typed locally: tslab compiles lib with TypeScript 5.0
 * and no DOM library, where the global `WebAssembly` has no types.
 */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (code: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface Exports {
  memory: WasmMemory;
  results: () => number;
  heap_base: () => number;
  probe_keys: () => number;
  skip_value: (buf: number, len: number, flags: number, keys: number) => number;
  load_chunk: (buf: number, len: number) => void;
  skip_in_chunk: (start: number, limit: number, flags: number, keys: number) => number;
  reindent: (
    src: number,
    start: number,
    end: number,
    level: number,
    out: number,
    spaces: number,
    item: number,
    key: number,
  ) => number;
}

/** An instance of the module with its memory's layout and current views. */
export class JsonScanModule {
  /** The memory as bytes; re-made after the memory grows (see refresh). */
  bytes: Buffer;
  /** The results array of json-scan.c (R_* indices). */
  results: Int32Array;
  readonly chunkBase: number;
  private chunkCap: number;
  callBase: number;
  private callCap: number;
  outBase: number;
  /** The buffer last copied into the chunk region (its identity), or null. */
  loadedChunk: Uint8Array | null = null;
  /** The probe keys last written into the module (their identity), or null. */
  loadedKeys: Uint8Array[] | null = null;
  /** Walks the module answered itself (not handed back to JavaScript): tests check it grows. */
  walks = 0;

  constructor(readonly exports: Exports) {
    this.chunkBase = align(exports.heap_base());
    this.chunkCap = 0;
    this.callBase = this.chunkBase + SLACK;
    this.callCap = 0;
    this.outBase = this.callBase + SLACK;
    this.bytes = Buffer.alloc(0);
    this.results = new Int32Array(0);
    this.layout(0, 1 << 16);
  }

  /**
   * Views on the memory, again if it grew: a grow (by memory.grow here or in json-scan.c)
   * detaches the old ArrayBuffer, and a view of a detached buffer has length 0. (Checking
   * the length instead of comparing `.buffer`, two getters, on every call.)
   */
  refresh(): void {
    if (this.bytes.length === 0) {
      const memory = this.exports.memory.buffer;
      this.bytes = Buffer.from(memory);
      this.results = new Int32Array(memory, this.exports.results(), 16);
    }
  }

  /** Copies `chunk` into the chunk region (growing it) for skip_in_chunk, once per chunk. */
  loadChunk(chunk: Uint8Array): void {
    if (chunk.length > this.chunkCap) this.layout(chunk.length, this.callCap);
    this.refresh();
    this.bytes.set(chunk, this.chunkBase);
    this.exports.load_chunk(this.chunkBase, chunk.length);
    this.loadedChunk = chunk;
  }

  /** Copies `src[start..end)` into the single-value region (growing it); returns its base. */
  loadValue(src: Uint8Array, start: number, end: number): number {
    if (end - start > this.callCap) this.layout(this.chunkCap, end - start);
    this.refresh();
    this.bytes.set(src.subarray(start, end), this.callBase);
    return this.callBase;
  }

  /** Places the regions for the capacities asked (doubling), growing the memory to hold them. */
  private layout(chunk: number, call: number): void {
    // A chunk is 4 MiB plus the record carried into it: 1 MiB of headroom, not doubling
    // (the memory never shrinks, and each thread holds one).
    const MiB = 1 << 20;
    if (chunk > this.chunkCap) this.chunkCap = Math.ceil((chunk + MiB) / MiB) * MiB;
    if (call > this.callCap) this.callCap = Math.max(call, this.callCap * 2);
    this.callBase = align(this.chunkBase + this.chunkCap + SLACK);
    this.outBase = align(this.callBase + this.callCap + SLACK);
    // The output region starts with at least 1 MiB; the re-indenter grows it as it writes.
    const want = this.outBase + (1 << 20) + SLACK;
    const memory = this.exports.memory;
    if (memory.buffer.byteLength < want)
      memory.grow(Math.ceil((want - memory.buffer.byteLength) / PAGE));
    this.refresh();
  }
}

function align(n: number): number {
  return (n + 63) & ~63;
}

let loaded: JsonScanModule | null | undefined;
let chosen: JsonScanKindChoice = initialChoice();

type JsonScanKindChoice = { kind: JsonScannerKind; required: boolean };

function initialChoice(): JsonScanKindChoice {
  const asked = process.env.T3KIT_JSON_SCANNER;
  if (asked === undefined || asked === "") return { kind: "wasm", required: false };
  if (asked !== "js" && asked !== "wasm")
    throw new Error(`T3KIT_JSON_SCANNER must be "js" or "wasm", not ${JSON.stringify(asked)}`);
  return { kind: asked, required: asked === "wasm" };
}

function instantiate(): JsonScanModule | null {
  let code: Buffer;
  try {
    code = readFileSync(JSON_SCAN_WASM);
  } catch {
    return null;
  }
  let module: JsonScanModule | null = null;
  const env = {
    // A float lexeme's repr, written at `out` (json-scan.c's float_repr).
    float_repr: (lexeme: number, n: number, out: number): number => {
      const m = module!;
      m.refresh();
      const text = formatPythonFloat(Number(m.bytes.toString("latin1", lexeme, lexeme + n)));
      return m.bytes.write(text, out, "latin1");
    },
  };
  const instance = new Wasm.Instance(new Wasm.Module(new Uint8Array(code)), { env });
  module = new JsonScanModule(instance.exports as unknown as Exports);
  return module;
}

/** The module when the WebAssembly implementation is in use, else null. */
export function wasmJsonScanner(): JsonScanModule | null {
  if (chosen.kind === "js") return null;
  if (loaded === undefined) loaded = instantiate();
  if (loaded === null && chosen.required)
    throw new Error(
      `T3KIT_JSON_SCANNER=wasm but ${JSON_SCAN_WASM} is missing: build it with \`make wasm\``,
    );
  return loaded;
}

/** Which implementation lib/json's scanner and re-indenter use: "wasm" or "js" (the fallback). */
export function jsonScannerImplementation(): JsonScannerKind {
  return wasmJsonScanner() === null ? "js" : "wasm";
}

/**
 * Picks the implementation for this thread (tests and benchmarks compare the two); "wasm"
 * throws when the module cannot be loaded. Returns the previous one.
 */
export function useJsonScanner(kind: JsonScannerKind): JsonScannerKind {
  const before = jsonScannerImplementation();
  chosen = { kind, required: kind === "wasm" };
  wasmJsonScanner();
  return before;
}
