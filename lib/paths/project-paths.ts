/**
 * Where the kit reads and writes. The project root is found from this file, so the kit
 * works from any working directory (CLI, tests, the notebook kernel).
 */
import { isAbsolute, join, resolve } from "node:path";

/** The repository root (the folder holding package.json). */
export const projectRoot: string = resolve(__dirname, "..", "..");

/** The embedded default data shipped in the repository. */
export const dataDir: string = join(projectRoot, "data");

/**
 * The output folder: `$T3KIT_OUT` when set (tests point it at a temp dir), else `out/`.
 * Read on every call so a notebook run can redirect it.
 */
export function outDir(): string {
  const env = process.env.T3KIT_OUT;
  if (env && env !== "") return isAbsolute(env) ? env : resolve(projectRoot, env);
  return join(projectRoot, "out");
}

/** A subfolder of the output folder: "figures", "tables", "notebooks", "html", … */
export function outPath(...parts: string[]): string {
  return join(outDir(), ...parts);
}
