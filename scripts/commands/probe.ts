/**
 * `npx t3kit probe videos|features|train|ask`: the probing study. Each action parses its
 * flags, calls one lib/probing function and prints what it returns with that function's
 * formatter; progress goes to stderr. Input folders may be `hub:` sources (the library
 * fetches them).
 */
import { resolve } from "node:path";
import { outPath } from "../../lib/paths/index";
import type * as Probing from "../../lib/probing/index";
import {
  UsageError,
  intOption,
  parseCommandArgs,
  parseIntInRange,
  parseIntList,
} from "../cli-args";
import { reportProgress } from "../report-progress";
import type { Command } from "./command";

const usage = `
Usage: npx t3kit probe videos|features|train|ask [options]

The paper's probing study: synthetic probing videos, features,
linear and LSTM probes on them, and a Video LLM asked the same questions.

  npx t3kit probe videos --out DIR [--per-class N] [--seed S] [--aspects a,b]
      Draws and encodes the probing videos in the released folder layout
      (order/black_bg/cats_people/…; training on black, validation on white; brightness:
      bright_dark_car → bright_dark_cat), DIR/probing-videos.json (ground truth, frame
      captions) and DIR/frame_captions/<aspect>.json (text-only prompts).
      Defaults: --out out/probing/videos, --per-class 4, --seed 42, all ten aspects.

  npx t3kit probe features --videos DIR --out DIR [--aspects a,b]
      8 frames per video (np.linspace on the decoded count), the kit's stand-in encoder
      (not CLIP: see README), DIR/<aspect>/{train,val}/<class>/<video>.npy float32
      [40, 32], contact sheets DIR/contact_sheets/<aspect>.png, DIR/probing-features.json.

  npx t3kit probe train --features DIR --probe linear|lstm|linear,lstm [--aspects a,b]
                        [--seeds 12,22,32,42,52] [--epochs N] [--lr X] [--batch-size N]
                        [--resize TOKENSxDIMS|none] [--out FILE] [--json]
      Trains the released probes (linear: last token, Adam 5e-4, batch 800; LSTM: hidden
      128, Adam 5e-5, batch 64, input resized to 128x1024; per-aspect epochs) and prints
      mean and standard deviation of validation accuracy per aspect and aspect group.
      Reads .npy or .safetensors ([tokens, dim] or [frames, tokens, dim]).
      --json prints {"results": [{"aspect", "probe", "seed", "accuracy"}]} (0..1) on stdout.
      --out writes the table as CSV (default out/probing/probe-results.csv).

  npx t3kit probe ask --endpoint URL --model NAME --videos DIR [--mode video|text]
                      [--aspects a,b] [--concurrency N] [--cache DIR] [--max-tokens N]
                      [--out FILE] [--json]
      Asks an OpenAI-compatible chat server (vLLM, Ollama, llama.cpp, OpenAI) each
      validation video's question: video mode sends the 8 frames as image_url parts,
      text mode the frame captions. Greedy, retried, cached (default cache:
      out/probing/ask-cache). The API key is read from $OPENAI_API_KEY when set.
      --out writes every answer as JSON (default out/probing/ask-<mode>.json).

Aspects: order, order_3, referring_begin, referring_middle, referring_end,
grounding_people, grounding_cats, grounding_bloom, blooming, brightness.
`;

function probing(): typeof Probing {
  return require("../../lib/probing/index");
}

function parseResize(value: string | undefined): [number, number] | null | undefined {
  if (value === undefined) return undefined;
  if (value === "none") return null;
  const m = /^(\d+)x(\d+)$/.exec(value);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
    throw new UsageError(`--resize: "${value}" is not TOKENSxDIMS (e.g. 128x1024) or none`);
  return [Number(m[1]), Number(m[2])];
}

function parsePositiveNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n))
    throw new UsageError(`--${name}: "${value}" is not a positive number`);
  return n;
}

/** An optional whole-number flag of at least 1 (undefined when not given). */
function optionalCount(name: string, value: string | undefined): number | undefined {
  return value === undefined ? undefined : parseIntInRange(name, value, { min: 1 });
}

function parseProbes(value: string | undefined): Probing.ProbeKind[] {
  const probes = (value ?? "linear,lstm").split(",").map((s) => s.trim());
  for (const probe of probes)
    if (probe !== "linear" && probe !== "lstm")
      throw new UsageError(`--probe: "${probe}" is not linear or lstm`);
  return probes as Probing.ProbeKind[];
}

async function videos(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    usage,
    options: {
      out: { type: "string" },
      "per-class": { type: "string" },
      seed: { type: "string" },
      aspects: { type: "string" },
    },
  });
  const p = probing();
  const perClass = intOption("per-class", values["per-class"], 4, { min: 1 });
  const out = resolve(values.out ?? outPath("probing", "videos"));
  const manifest = await p.makeProbingVideos({
    out,
    aspects: p.parseAspectList(values.aspects),
    perClass,
    seed: intOption("seed", values.seed, 42, { min: 0 }),
    onProgress: reportProgress,
  });
  process.stdout.write(p.formatProbingVideos(manifest, out));
  return 0;
}

async function features(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    usage,
    options: { videos: { type: "string" }, out: { type: "string" }, aspects: { type: "string" } },
  });
  if (!values.videos) throw new UsageError("probe features needs --videos DIR");
  const p = probing();
  const out = resolve(values.out ?? outPath("probing", "features"));
  const manifest = await p.extractFeatures({
    videos: values.videos,
    out,
    aspects: p.parseAspectList(values.aspects),
    onProgress: reportProgress,
  });
  process.stdout.write(p.formatFeatureManifest(manifest, out));
  return 0;
}

async function train(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    usage,
    options: {
      features: { type: "string" },
      probe: { type: "string" },
      aspects: { type: "string" },
      seeds: { type: "string" },
      epochs: { type: "string" },
      lr: { type: "string" },
      "batch-size": { type: "string" },
      resize: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean" },
    },
  });
  if (!values.features) throw new UsageError("probe train needs --features DIR");
  const probes = parseProbes(values.probe);
  const epochs = optionalCount("epochs", values.epochs);
  const learningRate = parsePositiveNumber("lr", values.lr);
  const batchSize = optionalCount("batch-size", values["batch-size"]);
  const p = probing();
  const table = await p.writeProbeTable({
    features: values.features,
    aspects: p.parseAspectList(values.aspects),
    probes,
    seeds: values.seeds ? parseIntList("seeds", values.seeds) : undefined,
    epochs,
    learningRate,
    batchSize,
    resize: parseResize(values.resize),
    out: resolve(values.out ?? outPath("probing", "probe-results.csv")),
    onProgress: reportProgress,
  });
  process.stdout.write(p.formatProbeTable(table, values.json));
  return 0;
}

async function ask(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    usage,
    options: {
      endpoint: { type: "string" },
      model: { type: "string" },
      videos: { type: "string" },
      mode: { type: "string" },
      aspects: { type: "string" },
      concurrency: { type: "string" },
      cache: { type: "string" },
      "max-tokens": { type: "string" },
      out: { type: "string" },
      json: { type: "boolean" },
    },
  });
  if (!values.endpoint || !values.model || !values.videos)
    throw new UsageError("probe ask needs --endpoint URL, --model NAME and --videos DIR");
  const mode = values.mode ?? "video";
  if (mode !== "video" && mode !== "text")
    throw new UsageError(`--mode: "${mode}" is not video or text`);
  const p = probing();
  const answers = await p.writeProbeAnswers({
    endpoint: values.endpoint,
    model: values.model,
    videos: values.videos,
    aspects: p.parseAspectList(values.aspects),
    mode,
    apiKey: process.env.OPENAI_API_KEY || undefined,
    concurrency: optionalCount("concurrency", values.concurrency),
    maxTokens: optionalCount("max-tokens", values["max-tokens"]),
    cacheDir: resolve(values.cache ?? outPath("probing", "ask-cache")),
    out: resolve(values.out ?? outPath("probing", `ask-${mode}.json`)),
    onProgress: reportProgress,
  });
  process.stdout.write(p.formatProbeAnswers(answers, values.json));
  return 0;
}

const subcommands: Record<string, (argv: string[]) => Promise<number>> = {
  videos,
  features,
  train,
  ask,
};

export const probeCommand: Command = {
  name: "probe",
  summary: "probing study: probing videos, features, linear/LSTM probes, asking a model",
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === "--help" || sub === "-h") {
      process.stdout.write(`${usage.trim()}\n`);
      return sub === undefined ? 2 : 0;
    }
    const run = subcommands[sub];
    if (!run) throw new UsageError(`unknown probe subcommand "${sub}"\n\n${usage.trim()}`);
    return run(rest);
  },
};
