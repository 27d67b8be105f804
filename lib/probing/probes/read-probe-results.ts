/**
 * Reads probe results written elsewhere, e.g. by `lib/probing/python/torch_probes.py` on a
 * GPU machine: the JSON of `t3kit probe train --json`, `{"results": [{"aspect", "probe",
 * "seed", "accuracy"}]}` with accuracy in 0..1. A bad record names the file, record and field.
 */
import { readFile } from "node:fs/promises";
import { InputError } from "../../errors/index";
import { PROBING_ASPECTS } from "../aspects/probing-aspects";
import type { ProbeResult } from "./run-probing-study";

export function parseProbeResults(text: string, file: string): ProbeResult[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError({ file }, `not JSON: ${(err as Error).message}`);
  }
  const results = (json as { results?: unknown })?.results;
  if (!Array.isArray(results))
    throw new InputError({ file, field: "results" }, "missing or not a list");
  const names = new Set<string>(PROBING_ASPECTS.map((a) => a.name));
  return results.map((r, record) => {
    const at = (field: string) => ({ file, record, field });
    const { aspect, probe, seed, accuracy } = (r ?? {}) as Record<string, unknown>;
    if (typeof aspect !== "string" || !names.has(aspect))
      throw new InputError(at("aspect"), `unknown aspect ${JSON.stringify(aspect)}`);
    if (probe !== "linear" && probe !== "lstm")
      throw new InputError(at("probe"), `${JSON.stringify(probe)} is not linear or lstm`);
    if (typeof seed !== "number" || !Number.isInteger(seed))
      throw new InputError(at("seed"), "not an integer");
    if (typeof accuracy !== "number" || !(accuracy >= 0 && accuracy <= 1))
      throw new InputError(at("accuracy"), `${JSON.stringify(accuracy)} is not a number in 0..1`);
    return { aspect, probe, seed, accuracy };
  });
}

export async function readProbeResults(file: string): Promise<ProbeResult[]> {
  return parseProbeResults(await readFile(file, "utf8"), file);
}
