/**
 * What `mix inspect` prints: `--json`'s one object (records, composition, duplicates,
 * contamination: the issue's contract, nothing more) or a readable summary.
 */
import type { MixInspection } from "./inspect-mix";

/** The `--json` object. */
export function inspectionJson(ins: MixInspection): object {
  return {
    records: ins.records,
    composition: ins.composition,
    duplicates: ins.duplicates,
    contamination: ins.contamination,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function letters(l: Record<string, number>): string {
  const entries = Object.entries(l);
  return entries.length === 0 ? "" : entries.map(([k, v]) => `${k}:${v}`).join(" ");
}

/** Shows at most `max` ids of a group. */
function someIds(ids: readonly string[], max = 6): string {
  return ids.length <= max ? ids.join(", ") : `${ids.slice(0, max).join(", ")}, … (${ids.length})`;
}

/** A record's id as the user wrote it: without the file that qualifies it (several files). */
function unqualifiedId(ins: MixInspection, id: string): string {
  const file = ins.files.find((f) => id.startsWith(`${f}:`));
  return file === undefined ? id : id.slice(file.length + 1);
}

/** One line on the near-duplicate groups: how many, and the first group's ids. */
export function formatNearGroups(ins: MixInspection): string {
  const near = ins.duplicates.filter((d) => d.kind === "near");
  const first =
    near.length > 0 ? near[0].ids.map((id) => unqualifiedId(ins, id)).join(", ") : "none";
  return `${near.length} near-duplicate group(s); the first: ${first}`;
}

/** The readable summary. */
export function formatInspection(ins: MixInspection, maxListed = 20): string {
  const lines: string[] = [];
  lines.push(
    `${ins.records} records in ${ins.files.length} file(s); tokens counted with ${ins.tokenizer}`,
  );
  lines.push("");
  const width = Math.max(6, ...ins.composition.map((c) => c.source.length));
  lines.push(
    `${"part".padEnd(width)}  ${"records".padStart(9)}  ${"share".padStart(6)}  ${"tokens".padStart(12)}  ${"share".padStart(6)}  ${"p50".padStart(7)}  ${"p99".padStart(7)}  answers`,
  );
  for (const c of ins.composition) {
    lines.push(
      `${c.source.padEnd(width)}  ${String(c.records).padStart(9)}  ${pct(c.record_share).padStart(6)}  ${String(c.tokens).padStart(12)}  ${pct(c.token_share).padStart(6)}  ${String(Math.round(c.tokens_p50)).padStart(7)}  ${String(Math.round(c.tokens_p99)).padStart(7)}  ${letters(c.answer_letters)}`,
    );
  }
  const exact = ins.duplicates.filter((d) => d.kind === "exact");
  const near = ins.duplicates.filter((d) => d.kind === "near");
  const extra = exact.reduce((s, d) => s + d.ids.length - 1, 0);
  lines.push("");
  lines.push(`exact duplicates: ${exact.length} group(s), ${extra} record(s) repeating another`);
  for (const d of exact.slice(0, maxListed)) lines.push(`  ${someIds(d.ids)}`);
  lines.push(`near duplicates: ${near.length} group(s)`);
  for (const d of near.slice(0, maxListed)) lines.push(`  ${someIds(d.ids)}`);
  if (ins.againstItems > 0) {
    const short = ins.tooShortItems > 0 ? ` (${ins.tooShortItems} under 6 words, not checked)` : "";
    lines.push(
      `contamination: ${ins.contamination.length} flag(s) against ${ins.againstItems} item(s)${short}`,
    );
    for (const f of ins.contamination.slice(0, maxListed))
      lines.push(`  ${f.id} contains ${f.against} item ${f.item}: ${f.kind}, score ${f.score}`);
  }
  const hidden =
    Math.max(0, exact.length - maxListed) +
    Math.max(0, near.length - maxListed) +
    Math.max(0, ins.contamination.length - maxListed);
  if (hidden > 0) lines.push(`(${hidden} more: --json or --out DIR lists them all)`);
  return `${lines.join("\n")}\n`;
}
