/**
 * `t3kit synthesize` as one call: the run (write-synthesis.ts), with an OpenAI-compatible
 * server asked for attribute contrasts when `llm` is given (its replies cached under
 * `llm.cacheDir`, default <outDir>/llm-cache), timed; and the summary it prints.
 */
import { join } from "node:path";
import { UserFacingError } from "../errors/index";
import type { SynthesisManifest } from "../records/index";
import { type LlmContrastStats, createLlmContrastWriter } from "./lexicon/llm-attribute-contrast";
import { type WriteSynthesisOptions, writeSynthesis } from "./write-synthesis";

export interface SynthesisRunOptions extends Omit<WriteSynthesisOptions, "llm" | "contrastWriter"> {
  llm?: { endpoint: string; model: string; cacheDir?: string; apiKey?: string };
}

export interface SynthesisRun {
  manifest: SynthesisManifest;
  outDir: string;
  seconds: number;
  llm?: LlmContrastStats;
}

export async function runSynthesis(o: SynthesisRunOptions): Promise<SynthesisRun> {
  const started = performance.now();
  const contrast = o.llm
    ? createLlmContrastWriter({
        endpoint: o.llm.endpoint,
        model: o.llm.model,
        cacheDir: o.llm.cacheDir ?? join(o.outDir, "llm-cache"),
        apiKey: o.llm.apiKey,
      })
    : undefined;
  const llm = o.llm ? { endpoint: o.llm.endpoint, model: o.llm.model } : undefined;
  const manifest = await writeSynthesis({ ...o, llm, contrastWriter: contrast?.writer }).catch(
    (err: Error) => {
      // The contrast server's failures name its URL: say which flag it came from.
      if (llm && err.message.startsWith(llm.endpoint.replace(/\/+$/, "")))
        throw new UserFacingError(`--llm-endpoint ${err.message}`);
      throw err;
    },
  );
  const seconds = (performance.now() - started) / 1000;
  return { manifest, outDir: o.outDir, seconds, llm: contrast?.stats };
}

/** What `t3kit synthesize` prints: a line per file (items, answer letters), then the totals. */
export function synthesisSummary(run: SynthesisRun): string {
  const { manifest } = run;
  const width = Math.max(...manifest.files.map((f) => f.file.length));
  const lines = manifest.files.map((f) => {
    const letters = Object.entries(f.answerLetters)
      .map(([k, v]) => `${k}:${v}`)
      .join(" ");
    return `${f.file.padEnd(width)} ${String(f.items).padStart(7)}  ${letters}`;
  });
  const items = manifest.totals.trainItems + manifest.totals.validationItems;
  lines.push(
    `${manifest.input.captions} captions -> ${items} items (${manifest.totals.trainItems} train, ` +
      `${manifest.totals.validationItems} validation), all verified, in ${run.seconds.toFixed(1)} s -> ${run.outDir}`,
  );
  if (run.llm) {
    const s = run.llm;
    lines.push(
      `llm: ${s.requests} requests, ${s.cacheHits} cached, ${s.retries} retries, ${s.rejected} replies rejected`,
    );
  }
  return lines.join("\n");
}
