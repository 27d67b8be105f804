import {
  downloadMatchingFiles,
  formatGetResult,
  formatRepoListing,
  listRevisionFiles,
  parseRepoArg,
} from "../../lib/hub/index";
import { UsageError, parseCommandArgs } from "../cli-args";
import { hubReporter } from "../hub-progress-bar";
import type { Command } from "./command";

const usage = `
Usage: npx t3kit hub list REPO [--revision R] [--type dataset|model]
       npx t3kit hub get REPO [--files GLOB]... [--revision R] [--type dataset|model]

The paper's released datasets and checkpoints on the Hugging Face Hub, downloaded into
the same cache as Python's huggingface_hub ($HF_HOME/hub), resumable and verified.

REPO is owner/name, datasets/owner/name or models/owner/name. The released ones:
  datasets  MMInstruction/Video-T3-QA, tobiaslee/text_temporal, lyx97/t3_probing_data,
            Lin-Chen/Open-LLaVA-NeXT-mix1M
  models    MMInstruction/LongVA-7B-Video-T3, MMInstruction/Qwen2-VL-72B-Video-T3,
            lmms-lab/LongVA-7B
Another bare owner/name is taken as a dataset unless --type model says otherwise.

Subcommands:
  list    files and sizes at a revision, as a table
  get     download (only what the cache lacks; a second get downloads nothing) and
          print each file's local path

Options:
  --revision R   branch, tag or commit sha (default main)
  --files GLOB   get only matching files (repeatable; * also crosses /, as in Python's
                 allow_patterns; a pattern ending in / takes a whole folder)
  --type T       dataset or model, for a bare owner/name
  --quiet        no progress bar

Environment: HF_ENDPOINT (default https://huggingface.co), HF_TOKEN (gated or private
repos), HF_HOME (default ~/.cache/huggingface; the cache is $HF_HOME/hub, or
HF_HUB_CACHE), HF_HUB_OFFLINE=1 (cache only).
`;

export const hubCommand: Command = {
  name: "hub",
  summary: "list and download the paper's datasets and checkpoints (Hugging Face Hub)",
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === "--help" || sub === "-h") parseCommandArgs(["--help"], { usage, options: {} });
    if (sub === undefined) throw new UsageError(`a subcommand is needed\n\n${usage.trim()}`);
    if (sub !== "list" && sub !== "get")
      throw new UsageError(`unknown subcommand "${sub}"\n\n${usage.trim()}`);
    const { values, positionals } = parseCommandArgs(rest, {
      usage,
      allowPositionals: true,
      options: {
        revision: { type: "string" },
        type: { type: "string" },
        files: { type: "string", multiple: true },
        quiet: { type: "boolean" },
      },
    });
    if (positionals.length !== 1) throw new UsageError(`expected one REPO\n\n${usage.trim()}`);
    const { ref, typeGuessed } = parseRepoArg(positionals[0], values.type);
    const reporter = hubReporter();
    if (sub === "list") {
      if (values.files) throw new UsageError("--files is for get");
      const listing = await listRevisionFiles(ref, {
        revision: values.revision,
        typeGuessed,
        notice: reporter.notice,
      });
      process.stdout.write(formatRepoListing(listing));
      return 0;
    }
    try {
      const got = await downloadMatchingFiles(ref, {
        revision: values.revision,
        files: values.files,
        typeGuessed,
        notice: reporter.notice,
        onProgress: values.quiet ? undefined : reporter.onProgress,
      });
      const { paths, summary } = formatGetResult(got);
      process.stdout.write(paths);
      process.stderr.write(summary);
      return 0;
    } finally {
      reporter.end();
    }
  },
};
