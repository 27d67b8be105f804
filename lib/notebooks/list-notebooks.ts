import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { InputError } from "../errors/index";

/** The notebooks of `dir` in run order (their names start with the stage number). */
export function listNotebooks(dir: string, only?: string[]): string[] {
  const all = readdirSync(dir)
    .filter((n) => n.endsWith(".ipynb"))
    .sort()
    .map((n) => join(dir, n));
  if (!only || only.length === 0) return all;
  const picked = all.filter((p) => only.some((o) => basename(p, ".ipynb").includes(o)));
  const unknown = only.filter((o) => !all.some((p) => basename(p, ".ipynb").includes(o)));
  if (unknown.length > 0) {
    const names = all.map((p) => basename(p, ".ipynb")).join(", ");
    throw new InputError(
      { file: dir },
      `--only: no notebook matches ${unknown.join(", ")} (have: ${names})`,
    );
  }
  return picked;
}
