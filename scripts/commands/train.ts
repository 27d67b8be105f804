import { resolve } from "node:path";
import { type Command, Option } from "commander";
import type * as Training from "../../lib/training/index";
import { intOption, parseList, parseNumber, pathArgument, pathOption } from "../cli/cli-options";
import { type Stage, action } from "../cli/stage-command";
import { UsageError } from "../cli/usage-error";

// The training library loads when a subcommand runs (or its help lists the presets).
const training = (): typeof Training => require("../../lib/training/index");

const LAUNCHERS = ["local", "slurm", "deepspeed"] as const;

const presetsHelp = () =>
  `\nPresets (the released runs):\n${training()
    .trainingPresets.map((p) => `  ${p.name.padEnd(16)} ${p.summary}`)
    .join("\n")}`;

interface RunFlags {
  preset?: string;
  gpus?: number;
  nodes?: number;
  data?: string;
  imageFolder?: string;
  videoFolder?: string;
  out?: string;
  codebase?: string;
  launcher?: Training.Launcher;
  hosts?: string[];
}

/** What plan and launch take alike: --preset NAME or a SPEC, the hardware, the data. */
function addRunOptions(cmd: Command): Command {
  return cmd
    .addArgument(
      pathArgument(
        "[SPEC]",
        "a spec file (YAML/JSON: preset, name, model, data, hardware, batch, hyperparameters, env, outputDir); or --preset",
        "input-file",
      ),
    )
    .option("--preset <NAME>", "a released run as it is (the presets are below)")
    .addOption(intOption("--gpus <N>", "GPUs per node (default: the preset's 8)", { min: 1 }))
    .addOption(intOption("--nodes <N>", "nodes (default: the preset's 1)", { min: 1 }))
    .addOption(pathOption("--data <FILE>", "the training mix (LLaVA JSON/JSONL)", "input-file"))
    .addOption(pathOption("--image-folder <DIR>", "where the mix's image paths start", "input"))
    .addOption(pathOption("--video-folder <DIR>", "where the mix's video paths start", "input"))
    .addOption(
      new Option(
        "--launcher <L>",
        "local (one machine, default), slurm (sbatch; default for more nodes), deepspeed (hostfile; LongVA)",
      ).choices(LAUNCHERS),
    )
    .addOption(
      new Option("--hosts <H1,H2>", "DeepSpeed hostfile host names, one per node").argParser(
        parseList((h) => h),
      ),
    )
    .addOption(
      pathOption("--out <DIR>", "the run folder (default out/runs/<name>/)", "output-folder"),
    )
    .addHelpText("after", presetsHelp);
}

function request(f: RunFlags, spec: string | undefined): Training.TrainingRequest {
  if (f.preset !== undefined && spec !== undefined)
    throw new UsageError("give --preset NAME or a SPEC file, not both");
  if (f.preset === undefined && spec === undefined)
    throw new UsageError("give --preset NAME or one SPEC file");
  return {
    preset: f.preset,
    spec,
    gpus: f.gpus,
    nodes: f.nodes,
    data: f.data,
    imageFolder: f.imageFolder,
    videoFolder: f.videoFolder,
    runDir: f.out,
    codebase: f.codebase,
    launcher: f.launcher,
    hosts: f.hosts,
  };
}

export const trainStage: Stage = {
  name: "train",
  summary:
    "training runs: the paper's presets, configs and commands, converters, preflight, launch, curves",
  define(stage) {
    stage.addHelpText("after", presetsHelp);

    addRunOptions(
      stage
        .command("plan")
        .description(
          "resolve the preset or spec and write the run folder: the codebase's configs, command.sh, plan.json, manifest.json",
        )
        .addOption(
          pathOption(
            "--codebase <DIR>",
            "the codebase's checkout (a placeholder when only planning)",
            "input",
          ),
        )
        .option("--fit", "count the data's tokens against the run's length limit, per source")
        .addOption(
          new Option(
            "--llamafactory-version <V>",
            "with --fit, a LLaMA-Factory run: count images and videos as this tag does: 0.9.1 (default: the release's codebase) or 0.9.2 (image_max_pixels 768*768, video_max_pixels 256*256, video_maxlen 128, pixel floors, odd frame counts padded)",
          ).choices(["0.9.1", "0.9.2"]),
        )
        .addHelpText(
          "after",
          `
The run folder: the codebase's configs (LongVA: train.sbatch + hostfile; LLaMA-Factory:
train.yaml + dataset_info.json; ms-swift: train.sbatch for more nodes), command.sh (the
exact command), plan.json (every value with its source) and manifest.json (kit version and
commit, sha256 of the data). Prints the batch arithmetic and a model-state memory estimate.`,
        ),
    ).action(
      action<RunFlags & { fit?: boolean; llamafactoryVersion?: "0.9.1" | "0.9.2" }>(
        async (f, [spec]) => {
          if (f.llamafactoryVersion !== undefined && !f.fit)
            throw new UsageError("--llamafactory-version needs --fit (it changes only the counts)");
          const lib = training();
          const o = { fit: f.fit === true, llamaFactoryVersion: f.llamafactoryVersion };
          try {
            for await (const step of lib.planTrainingRun(request(f, spec), o))
              process.stdout.write(lib.formatPlanStep(step));
          } catch (e) {
            if (e instanceof lib.NoDataToFit || e instanceof lib.NotALlamaFactoryRun)
              throw new UsageError(e.message);
            throw e;
          }
        },
      ),
    );

    stage
      .command("convert")
      .description(
        "LLaVA mix → LLaMA-Factory sharegpt (DIR/NAME.json + DIR/dataset_info.json) or ms-swift JSONL (DIR/NAME.jsonl)",
      )
      .addOption(
        new Option("--to <FORMAT>", "the codebase's format")
          .choices(["llamafactory", "ms-swift"])
          .makeOptionMandatory(),
      )
      .addOption(
        pathOption("--data <FILE>", "the mix to convert", "input-file").makeOptionMandatory(),
      )
      .addOption(pathOption("--image-folder <DIR>", "where the mix's image paths start", "input"))
      .addOption(pathOption("--video-folder <DIR>", "where the mix's video paths start", "input"))
      .option("--name <NAME>", "the dataset's name (default: the data file's)")
      .addOption(
        pathOption(
          "--videos <FILE>",
          "video records: first make the Qwen video-ratio sets (T3 records from --data + int(len(T3) x ratio) video records, shuffled)",
          "input-file",
        ),
      )
      .addOption(
        new Option(
          "--ratios <LIST>",
          "video : T3 ratios, with --videos (default: the released 0.2,0.5,1.0,2.0)",
        ).argParser(parseList(parseNumber({ min: 0 }))),
      )
      .addOption(
        intOption("--seed <S>", "the ratio sets' shuffle seed (default: the released 1234)", {
          min: 0,
        }),
      )
      .addOption(
        pathOption(
          "--reencode-videos <DIR>",
          "re-encode every video at 2 fps with ffmpeg (DIR/<stem>_fps2.mp4) and point the rows at the copies",
          "output-folder",
        ),
      )
      .addOption(
        pathOption("--out <DIR>", "the output folder", "output-folder").makeOptionMandatory(),
      )
      .action(
        action<{
          to: Training.ConvertRequest["to"];
          data: string;
          imageFolder?: string;
          videoFolder?: string;
          name?: string;
          videos?: string;
          ratios?: number[];
          seed?: number;
          reencodeVideos?: string;
          out: string;
        }>(async (f) => {
          if (f.ratios && !f.videos) throw new UsageError("--ratios needs --videos FILE");
          const lib = training();
          for await (const step of lib.convertTrainingData({
            to: f.to,
            data: f.data,
            out: f.out,
            name: f.name,
            imageFolder: f.imageFolder,
            videoFolder: f.videoFolder,
            reencodeVideosInto: f.reencodeVideos,
            videos: f.videos,
            ratios: f.ratios,
            seed: f.seed,
          }))
            process.stdout.write(lib.formatConvertStep(step));
        }),
      );

    addRunOptions(
      stage
        .command("launch")
        .description(
          "preflight (nvidia-smi, GPUs and memory, the codebase's entry point, data, checkpoints, disk), then the run folder, then the run, its log streamed to RUN/train.log and the terminal",
        )
        .addOption(
          pathOption(
            "--codebase <DIR>",
            "LongVA: the root of a LongVA clone (runs from its longva/ folder); LLaMA-Factory: its checkout; ms-swift: any folder (swift must be on PATH)",
            "input-checkout",
          ).makeOptionMandatory(),
        )
        .option("--resume", "continue from the last checkpoint-N")
        .option("--dry-run", "preflight and print the exact command; write and start nothing")
        .addOption(
          new Option(
            "--checkpoint-gib <G>",
            "disk one checkpoint needs (default: estimated from the model)",
          ).argParser(parseNumber({ min: 0 })),
        ),
    ).action(
      action<RunFlags & { resume?: boolean; dryRun?: boolean; checkpointGib?: number }>(
        async (f, [spec]) => {
          const lib = training();
          const l = await lib.launchTrainingRun(
            { ...request(f, spec), codebase: resolve(f.codebase as string) },
            {
              resume: f.resume === true,
              checkpointBytes:
                f.checkpointGib === undefined ? undefined : f.checkpointGib * 1024 ** 3,
              onOutput: (chunk, stream) => process[stream].write(chunk),
              dryRun: f.dryRun === true,
            },
          );
          if (!l.result) {
            process.stdout.write(lib.formatTrainingLaunch(l));
            return l.checks.every((c) => c.ok) ? 0 : 1;
          }
          process.stderr.write(lib.formatTrainingLaunch(l));
          return l.result.exitCode === 0 ? 0 : 1;
        },
      ),
    );

    stage
      .command("curves")
      .description("loss, learning rate and grad norm against steps, as figures")
      .addArgument(
        pathArgument(
          "<RUN>",
          "a run folder or a log: trainer_state.json, LLaMA-Factory trainer_log.jsonl, ms-swift logging.jsonl",
          "input",
        ),
      )
      .addOption(
        pathOption(
          "--out <DIR>",
          "the output root (figures go to DIR/figures; default out/)",
          "output-folder",
        ),
      )
      .addHelpText("after", "\nWrites <out>/figures/training-curves-<name>.{png,html}.")
      .action(
        action<{ out?: string }>(async (f, [run]) => {
          const lib = training();
          process.stdout.write(lib.formatSavedCurves(await lib.saveTrainingCurves(run, f.out)));
        }),
      );
  },
};
