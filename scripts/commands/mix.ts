import { InvalidArgumentError, Option } from "commander";
import type * as Mixing from "../../lib/mixing/index";
import { parseChoice, parseNumber, pathArgument, pathOption } from "../cli/cli-options";
import { reportNotice, reportProgress } from "../cli/progress-reporter";
import { type Stage, action } from "../cli/stage-command";

// The mixing library loads when a subcommand runs.
const mixing = (): typeof Mixing => require("../../lib/mixing/index");

/** `--var NAME=PATH`, repeatable: the spec's {NAME} filled with PATH. */
function parseVar(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = value.indexOf("=");
  if (eq <= 0) throw new InvalidArgumentError("is not NAME=PATH");
  return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) };
}

const hubReporting = { onProgress: reportProgress, notice: reportNotice };

export const mixStage: Stage = {
  name: "mix",
  summary: "SFT data mixing: the paper's reference recipe, mix specs, plans and sweeps",
  define(stage) {
    stage
      .command("reference")
      .description("the paper's released recipe (data_creation.py), byte for byte: 12 files")
      .addOption(
        pathOption(
          "--llava <FILE>",
          "open-llava-next_instruct_mix1M.json (a JSON array; any size)",
          "input-file",
        ).makeOptionMandatory(),
      )
      .addOption(
        pathOption(
          "--t3-dir <DIR>",
          "one folder holding the 13 Video-T3-QA files",
          "input-folder",
        ).makeOptionMandatory(),
      )
      .addOption(
        pathOption("--out <DIR>", "where the 12 files go", "output-folder").makeOptionMandatory(),
      )
      .option(
        "--force",
        "overwrite files that exist (by default they are left alone, as the original does; the random draws happen either way)",
      )
      .addHelpText(
        "after",
        `
Reproduces the released t3_sft/data_creation.py (Video-T3, HEAD c632e4b): the same 12
files, with the same records in the same order and the same bytes. Progress goes to
stderr; the list of files (written or kept) to stdout.`,
      )
      .action(
        action<{ llava: string; t3Dir: string; out: string; force?: boolean }>(async (f) => {
          const lib = mixing();
          const started = performance.now();
          const outputs = await lib.runReferenceRecipe({
            llava: f.llava,
            t3Dir: f.t3Dir,
            outDir: f.out,
            force: f.force ?? false,
            onProgress: reportProgress,
            hub: hubReporting,
            inputNames: { llava: "--llava", t3Dir: "--t3-dir", outDir: "--out" },
          });
          const text = lib.formatReferenceOutputs(outputs, (performance.now() - started) / 1000);
          process.stdout.write(text.list);
          process.stderr.write(text.summary);
        }),
      );

    const varOption = () =>
      new Option(
        "--var <NAME=PATH>",
        "fill {NAME} in the spec's source paths (repeatable; overrides the spec's vars), e.g. --var t3=/data/Video-T3-QA --var llava=/data/mix1M.json",
      ).argParser(parseVar);

    stage
      .command("run")
      .description("write the mix (or every mix of a sweep) a spec describes, with a manifest")
      .addArgument(
        pathArgument("<SPEC>", "the mix spec (YAML or JSON; see data/mixes/)", "input-file"),
      )
      .addOption(varOption())
      .addOption(
        pathOption(
          "--out <DIR>",
          "where mixes go (default out/mixes, or $T3KIT_OUT/mixes)",
          "output-folder",
        ),
      )
      .addHelpText(
        "after",
        `
Writes the mix a spec describes (YAML or JSON; see data/mixes/ for examples), one per
point of its sweep, each with a manifest beside it (<name>.manifest.json: counts per
source, seed, sha256 of every input and of the output, the resolved spec, the kit
version), a holdout file when the spec asks for one, and for a sweep a summary table
(<name>.sweep.csv). The same spec gives the same bytes. Files are written atomically.`,
      )
      .action(
        action<{ var?: Record<string, string>; out?: string }>(async (f, [spec]) => {
          const lib = mixing();
          const results = await lib.runMixSpecFile(spec, {
            vars: f.var ?? {},
            refuseUnusedVars: true,
            outDir: f.out,
            onProgress: reportProgress,
            hub: hubReporting,
          });
          process.stdout.write(lib.formatMixRun(results));
        }),
      );

    stage
      .command("plan")
      .description("dry run: what the spec asks of each source against what it holds")
      .addArgument(
        pathArgument("<SPEC>", "the mix spec (YAML or JSON; see data/mixes/)", "input-file"),
      )
      .addOption(varOption())
      .addHelpText(
        "after",
        `
Reads the sources, then prints for each point what each source is asked for, what it
holds, what it gives, with how many passes and what share of the mix. Writes nothing. A
source that cannot be read shows why (exit 1). When the spec counts tokens (a tokens:
block, or a knob count: { tokens: N } / proportion: { tokens: p }), each source also
shows its token budget, the tokens it gives, its share of the mix's tokens and how many
records were tokenized (a budget stops counting at its budget).`,
      )
      .action(
        action<{ var?: Record<string, string> }>(async (f, [spec]) => {
          const lib = mixing();
          const planned = await lib.planSpecFile(spec, {
            vars: f.var ?? {},
            refuseUnusedVars: true,
            onProgress: reportProgress,
            hub: hubReporting,
          });
          process.stdout.write(lib.formatSpecPlans(planned));
          return planned.plans.every((p) => p.ok) ? 0 : 1;
        }),
      );

    stage
      .command("inspect")
      .description(
        "what a mix holds by part, its duplicates, and leaks of validation or benchmark items",
      )
      .addArgument(
        pathArgument(
          "<FILE...>",
          "mix files or folders: LLaVA JSON/JSONL, Video-T3-QA files or folders, LLaMA-Factory sharegpt, ms-swift rows (hub: paths too)",
          "input",
        ),
      )
      .addOption(
        pathOption(
          "--against <FILE>",
          "validation or benchmark items to look for (repeatable): T3 validation JSONL, lmms-eval samples, TempCompass questions, JSONL/CSV of questions",
          "input-file",
        ).argParser((v: string, previous: string[] = []) => [...previous, v]),
      )
      .option("--json", "print one JSON object: records, composition, duplicates, contamination")
      .addOption(
        pathOption(
          "--out <DIR>",
          "also write tables (CSV) and figures (HTML, PNG) here",
          "output-folder",
        ),
      )
      .addOption(
        new Option("--tokenizer <NAME>", "tokens for the token shares and lengths")
          .argParser(parseChoice(["words", "qwen2", "cl100k", "o200k"] as const))
          .default("words"),
      )
      .addOption(
        new Option(
          "--near <J>",
          "estimated Jaccard similarity of word 3-shingles from which records are near duplicates",
        )
          .argParser(parseNumber({ min: 0, max: 1 }))
          .default(0.7),
      )
      .addHelpText(
        "after",
        `
Composition: a partition of the records. T3 records by task and length (from the
released ids tempqa-<aspect>-<version><i>, the file name, or the text as the synthesis
verifier reads it); other records by the first folder of their image path (coco, gqa,
ocr_vqa, ...), multi-image, video:<folder>, text-only. Per part: records, tokens, turns,
token-length percentiles, answer letters of multiple-choice items.
Duplicates: exact (equal after normalising whitespace and case; media paths included)
and near (MinHash with LSH over word 3-shingles, same media). Contamination: a record is
flagged for an item when it holds at least half of the item's distinctive word 6-grams
(n-grams of the T3 templates and n-grams common across items or records do not count);
"verbatim" when it holds all of them. A record's id is its id field, else #<index>;
with several files, ids are FILE:ID.`,
      )
      .action(
        action<{
          against?: string[];
          json?: boolean;
          out?: string;
          tokenizer: string;
          near: number;
        }>(async (f, files) => {
          const lib = mixing();
          const inspection = await lib.inspectMix(files, {
            against: f.against,
            tokenizer: f.tokenizer,
            nearThreshold: f.near,
            onProgress: reportProgress,
          });
          if (f.out) {
            for (const path of await lib.writeInspectionFiles(inspection, f.out))
              reportNotice(`wrote ${path}`);
          }
          process.stdout.write(
            f.json
              ? `${JSON.stringify(lib.inspectionJson(inspection))}\n`
              : lib.formatInspection(inspection),
          );
        }),
      );

    stage
      .command("diff")
      .description(
        "records added, removed and kept per part between two mixes, and the shifts in shares",
      )
      .addArgument(pathArgument("<A>", "the first mix (file or folder)", "input"))
      .addArgument(pathArgument("<B>", "the second mix (file or folder)", "input"))
      .option("--json", "print the comparison as one JSON object")
      .addHelpText(
        "after",
        `
Records are matched by normalised content (turns and media; whitespace and case aside),
not by position: a record repeated k times in A and m times in B is kept min(k, m) times.
Parts are those of \`mix inspect\` (T3 tasks, LLaVA datasets, text-only, ...).`,
      )
      .action(
        action<{ json?: boolean }>(async (f, [a, b]) => {
          const lib = mixing();
          const diff = await lib.diffMixes(a, b, reportProgress);
          process.stdout.write(f.json ? `${JSON.stringify(diff)}\n` : lib.formatMixDiff(diff));
        }),
      );
  },
};
