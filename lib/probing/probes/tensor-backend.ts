/**
 * TensorFlow.js 4 (`@tensorflow/tfjs`) with its WebAssembly backend, loaded on first use so
 * that importing the kit does not load it. The WASM backend ships its `.wasm` files in the
 * npm package (no download) and measured 3.6x faster than the pure-JS CPU backend on a
 * 2-core machine for these probes. `T3KIT_TF_BACKEND=cpu` picks the CPU backend; when WASM
 * cannot start, the CPU backend is used and the started backend carries a notice saying so,
 * which the caller reports (the library prints nothing, TensorFlow's load warnings included).
 */
import type * as TF from "@tensorflow/tfjs";

/** TensorFlow.js, started, and what its start had to say (a fallback, a load warning). */
export interface TensorBackend {
  tf: typeof TF;
  notices: string[];
}

let ready: Promise<TensorBackend> | undefined;

/** Starts TensorFlow.js once (later calls share the first start). */
export function startTensorflow(): Promise<TensorBackend> {
  if (!ready) ready = start();
  return ready;
}

export async function tensorflow(): Promise<typeof TF> {
  return (await startTensorflow()).tf;
}

/**
 * danfojs loads its own TensorFlow.js 3.21, and both versions keep their kernel registry on
 * the same global object, so loading 4.22 beside it warns once per kernel ("… is already
 * registered") through console.warn. While it loads (synchronously), those warnings are
 * dropped and any other is kept as a notice for the caller, not written to stderr.
 */
function quietly<T>(load: () => T, notices: string[]): T {
  const warn = console.warn;
  const duplicate =
    /already (been )?(set|registered)|Overwriting the platform|Reusing existing backend/;
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(" ");
    if (!duplicate.test(text)) notices.push(text);
  };
  try {
    return load();
  } finally {
    console.warn = warn;
  }
}

async function start(): Promise<TensorBackend> {
  const notices: string[] = [];
  const tf = quietly(() => {
    const loaded = require("@tensorflow/tfjs") as typeof TF;
    require("@tensorflow/tfjs-backend-wasm");
    return loaded;
  }, notices);
  const wanted = process.env.T3KIT_TF_BACKEND ?? "wasm";
  if (wanted !== "wasm" && wanted !== "cpu")
    throw new Error(`T3KIT_TF_BACKEND must be "wasm" or "cpu", got "${wanted}"`);
  if (!(await tf.setBackend(wanted)) && wanted === "wasm") {
    notices.push("t3kit: the TensorFlow.js WASM backend did not start; using the CPU backend");
    await tf.setBackend("cpu");
  }
  await tf.ready();
  return { tf, notices };
}
