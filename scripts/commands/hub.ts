import {
  type GetResult,
  type RepoRef,
  downloadMatchingFiles,
  formatBytes,
  formatFileTable,
  hubConfig,
  listRevisionFiles,
  parseRepoRef,
  parseRepoType,
  repoTypeGuessed,
} from "../../lib/hub/index";
import { UsageError, parseCommandArgs } from "../cli-args";
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

function repoArg(
  positionals: string[],
  type: string | undefined,
): { ref: RepoRef; guessed: boolean } {
  if (positionals.length !== 1) throw new UsageError(`expected one REPO\n\n${usage.trim()}`);
  const t = type === undefined ? undefined : parseRepoType(type);
  const ref = parseRepoRef(positionals[0], t);
  return { ref, guessed: repoTypeGuessed(positionals[0], t) };
}

function printGot(r: GetResult): void {
  const counts = { downloaded: 0, linked: 0, cached: 0 };
  for (const f of r.files) {
    counts[f.state]++;
    process.stdout.write(`${f.localPath}\n`);
  }
  process.stderr.write(
    `${r.repo.type}s/${r.repo.id}@${r.revision} = ${r.commit}: ${counts.downloaded} downloaded (${formatBytes(r.bytesReceived)}), ${counts.linked} linked, ${counts.cached} already cached -> ${r.snapshotDir}\n`,
  );
}

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
    const { ref, guessed } = repoArg(positionals, values.type);
    if (sub === "list") {
      if (values.files) throw new UsageError("--files is for get");
      const l = await listRevisionFiles(ref, { revision: values.revision, typeGuessed: guessed });
      process.stdout.write(
        `${ref.type}s/${ref.id}@${l.revision} = ${l.commit} (${hubConfig().endpoint})\n`,
      );
      process.stdout.write(formatFileTable(l.files));
      return 0;
    }
    const r = await downloadMatchingFiles(ref, {
      revision: values.revision,
      files: values.files,
      typeGuessed: guessed,
      progress: values.quiet ? false : undefined,
    });
    printGot(r);
    return 0;
  },
};
