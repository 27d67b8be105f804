/**
 * What `mix reference` prints: each of the 12 outputs, written or kept, with its record
 * count and file (stdout), and one summary line with the time taken (stderr).
 */
import type { ReferenceOutput } from "./reference-recipe";

export function formatReferenceOutputs(
  outputs: readonly ReferenceOutput[],
  seconds: number,
): { list: string; summary: string } {
  const list = outputs.map((o) => {
    const note = o.status === "kept" ? "kept (exists; --force overwrites)" : "written";
    return `${note.padEnd(34)} ${String(o.records).padStart(8)}  ${o.file}\n`;
  });
  const kept = outputs.filter((o) => o.status === "kept").length;
  return {
    list: list.join(""),
    summary: `${outputs.length - kept} written, ${kept} kept, in ${seconds.toFixed(1)} s\n`,
  };
}
