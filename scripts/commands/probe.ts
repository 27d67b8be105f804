import { resolve } from "node:path";
import { InvalidArgumentError, Option } from "commander";
import { outPath } from "../../lib/paths/index";
import type * as Probing from "../../lib/probing/index";
import {
  intOption,
  parseChoice,
  parseInteger,
  parseList,
  parseNumber,
  pathOption,
} from "../cli/cli-options";
import {
  CHAT_NETWORK,
  type NetworkFlags,
  addNetworkOptions,
  httpSettingsOf,
} from "../cli/network-options";
import { reportProgress } from "../cli/progress-reporter";
import { type Stage, action } from "../cli/stage-command";

// The probing library (TensorFlow.js, ffmpeg, the drawing) loads when a subcommand runs.
const probing = (): typeof Probing => require("../../lib/probing/index");

/** `--aspects a,b` or "all", read by the library's own aspect table. */
function parseAspects(value: string): Probing.ProbingAspect[] {
  try {
    return probing().parseAspectList(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

function parseResize(value: string): [number, number] | null {
  if (value === "none") return null;
  const m = /^(\d+)x(\d+)$/.exec(value);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
    throw new InvalidArgumentError("is not TOKENSxDIMS (e.g. 128x1024) or none");
  return [Number(m[1]), Number(m[2])];
}

const aspectsOption = () =>
  new Option(
    "--aspects <LIST>",
    "comma-separated aspects, or all (default): order, order_3, referring_begin, referring_middle, referring_end, grounding_people, grounding_cats, grounding_bloom, blooming, brightness",
  ).argParser(parseAspects);

const videosOption = () =>
  pathOption(
    "--videos <DIR>",
    "the probing videos (probe videos' output)",
    "input-folder",
  ).makeOptionMandatory();

const aspects = (given: Probing.ProbingAspect[] | undefined) =>
  given ?? probing().parseAspectList(undefined);

export const probeStage: Stage = {
  name: "probe",
  summary: "probing study: probing videos, features, linear/LSTM probes, asking a model",
  define(stage) {
    stage.addHelpText(
      "after",
      `
The paper's probing study: synthetic probing videos, features, linear and LSTM probes on
them, and a Video LLM asked the same questions.`,
    );
    stage
      .command("videos")
      .description("draw and encode the probing videos in the released folder layout")
      .addOption(
        pathOption("--out <DIR>", "output folder", "output-folder").default(
          outPath("probing", "videos"),
          "out/probing/videos",
        ),
      )
      .addOption(intOption("--per-class <N>", "videos per class and split", { min: 1 }, 4))
      .addOption(intOption("--seed <S>", "random seed", { min: 0 }, 42))
      .addOption(aspectsOption())
      .addHelpText(
        "after",
        `
The released layout: order/black_bg/cats_people/…; training on black, validation on white;
brightness: bright_dark_car → bright_dark_cat. Also DIR/probing-videos.json (ground truth,
frame captions) and DIR/frame_captions/<aspect>.json (text-only prompts).`,
      )
      .action(
        action<{ out: string; perClass: number; seed: number; aspects?: Probing.ProbingAspect[] }>(
          async (f) => {
            const lib = probing();
            const out = resolve(f.out);
            const manifest = await lib.makeProbingVideos({
              out,
              aspects: aspects(f.aspects),
              perClass: f.perClass,
              seed: f.seed,
              onProgress: reportProgress,
            });
            process.stdout.write(lib.formatProbingVideos(manifest, out));
          },
        ),
      );

    stage
      .command("features")
      .description(
        "8 frames per video through a pretrained MobileNetV3 (or the hand-made stand-in), as .npy features",
      )
      .addOption(videosOption())
      .addOption(
        pathOption("--out <DIR>", "output folder", "output-folder").default(
          outPath("probing", "features"),
          "out/probing/features",
        ),
      )
      .addOption(aspectsOption())
      .addOption(
        new Option(
          "--encoder <NAME>",
          "mobilenetv3: the shipped pretrained MobileNetV3; stand-in: the kit's hand-made encoder",
        )
          .choices(["mobilenetv3", "stand-in"])
          .default("mobilenetv3"),
      )
      .addHelpText(
        "after",
        `
8 frames per video (np.linspace on the decoded count) through the encoder (neither is
LongVA's CLIP: see README): DIR/<aspect>/{train,val}/<class>/<video>.npy float32
[8, 120] (mobilenetv3) or [40, 32] (stand-in), contact sheets
DIR/contact_sheets/<aspect>.png, DIR/probing-features.json (encoder, layer, tokens per
frame, input size, weights sha256).`,
      )
      .action(
        action<{
          videos: string;
          out: string;
          aspects?: Probing.ProbingAspect[];
          encoder: Probing.EncoderName;
        }>(async (f) => {
          const lib = probing();
          const out = resolve(f.out);
          const manifest = await lib.extractFeatures({
            videos: f.videos,
            out,
            aspects: aspects(f.aspects),
            encoder: f.encoder,
            onProgress: reportProgress,
          });
          process.stdout.write(lib.formatFeatureManifest(manifest, out));
        }),
      );

    stage
      .command("train")
      .description(
        "train the released probes and print the mean and standard deviation of validation accuracy per aspect and aspect group",
      )
      .addOption(
        pathOption(
          "--features <DIR>",
          "the features (probe features' output, .npy or .safetensors)",
          "input-folder",
        ).makeOptionMandatory(),
      )
      .addOption(
        new Option("--probe <LIST>", "linear, lstm, or both")
          .argParser(parseList(parseChoice(["linear", "lstm"] as const)))
          .default(["linear", "lstm"], "linear,lstm"),
      )
      .addOption(aspectsOption())
      .addOption(
        new Option(
          "--seeds <LIST>",
          "training seeds (default: the released 12,22,32,42,52)",
        ).argParser(parseList(parseInteger({ min: 0 }))),
      )
      .addOption(
        intOption("--epochs <N>", "epochs (default: the released per-aspect epochs)", { min: 1 }),
      )
      .addOption(
        new Option(
          "--lr <X>",
          "learning rate (default: the released 5e-4 linear, 5e-5 LSTM)",
        ).argParser(parseNumber({ above: 0 })),
      )
      .addOption(
        intOption("--batch-size <N>", "batch size (default: the released 800 linear, 64 LSTM)", {
          min: 1,
        }),
      )
      .addOption(
        new Option(
          "--resize <TOKENSxDIMS|none>",
          "resize the LSTM's input (default: the released 128x1024)",
        ).argParser(parseResize),
      )
      .addOption(
        pathOption("--out <FILE>", "the table as CSV", "output-file").default(
          outPath("probing", "probe-results.csv"),
          "out/probing/probe-results.csv",
        ),
      )
      .option("--json", 'print {"results": [{"aspect", "probe", "seed", "accuracy"}]} (0..1)')
      .addHelpText(
        "after",
        `
The released probes: linear on the last token (Adam 5e-4, batch 800); LSTM hidden 128
(Adam 5e-5, batch 64, input resized to 128x1024); per-aspect epochs. Reads .npy or
.safetensors ([tokens, dim] or [frames, tokens, dim]).`,
      )
      .action(
        action<{
          features: string;
          probe: Probing.ProbeKind[];
          aspects?: Probing.ProbingAspect[];
          seeds?: number[];
          epochs?: number;
          lr?: number;
          batchSize?: number;
          resize?: [number, number] | null;
          out: string;
          json?: boolean;
        }>(async (f) => {
          const lib = probing();
          const table = await lib.writeProbeTable({
            features: f.features,
            aspects: aspects(f.aspects),
            probes: f.probe,
            seeds: f.seeds,
            epochs: f.epochs,
            learningRate: f.lr,
            batchSize: f.batchSize,
            resize: f.resize,
            out: resolve(f.out),
            onProgress: reportProgress,
          });
          process.stdout.write(lib.formatProbeTable(table, f.json));
        }),
      );

    const ask = stage
      .command("ask")
      .description(
        "ask an OpenAI-compatible chat server (vLLM, Ollama, llama.cpp, OpenAI) each validation video's question",
      )
      .requiredOption(
        "--endpoint <URL>",
        "the server's base URL (…/v1) or its /chat/completions URL",
      )
      .requiredOption("--model <NAME>", "the model the server serves")
      .addOption(videosOption())
      .addOption(
        new Option(
          "--mode <MODE>",
          "video: the 8 frames as image_url parts; text: the frame captions",
        )
          .choices(["video", "text"])
          .default("video"),
      )
      .addOption(aspectsOption())
      .addOption(intOption("--concurrency <N>", "requests in flight", { min: 1 }))
      .addOption(
        pathOption("--cache <DIR>", "answer cache", "output-folder").default(
          outPath("probing", "ask-cache"),
          "out/probing/ask-cache",
        ),
      )
      .addOption(intOption("--max-tokens <N>", "max_tokens per answer", { min: 1 }))
      .addOption(
        pathOption(
          "--out <FILE>",
          "every answer as JSON (default out/probing/ask-<mode>.json)",
          "output-file",
        ),
      )
      .option("--json", "print the accuracies as JSON");
    addNetworkOptions(ask, CHAT_NETWORK)
      .addHelpText(
        "after",
        "\nGreedy, retried (a line per retry), cached. The API key is read from $OPENAI_API_KEY when set.",
      )
      .action(
        action<
          {
            endpoint: string;
            model: string;
            videos: string;
            mode: "video" | "text";
            aspects?: Probing.ProbingAspect[];
            concurrency?: number;
            cache: string;
            maxTokens?: number;
            out?: string;
            json?: boolean;
          } & NetworkFlags
        >(async (f) => {
          const lib = probing();
          const http = httpSettingsOf(f);
          const answers = await lib.writeProbeAnswers({
            maxRetries: http.retries,
            timeoutMs: http.tryTimeoutMs,
            deadlineMs: http.deadlineMs,
            endpoint: f.endpoint,
            model: f.model,
            videos: f.videos,
            aspects: aspects(f.aspects),
            mode: f.mode,
            apiKey: process.env.OPENAI_API_KEY || undefined,
            concurrency: f.concurrency,
            maxTokens: f.maxTokens,
            cacheDir: resolve(f.cache),
            out: resolve(f.out ?? outPath("probing", `ask-${f.mode}.json`)),
            onProgress: reportProgress,
          });
          process.stdout.write(lib.formatProbeAnswers(answers, f.json));
        }),
      );
  },
};
