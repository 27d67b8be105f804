import { Option } from "commander";
import type * as Hub from "../../lib/hub/index";
import { repeatable } from "../cli/cli-options";
import {
  HUB_NETWORK,
  type NetworkFlags,
  addNetworkOptions,
  httpSettingsOf,
} from "../cli/network-options";
import { reportNotice, reportProgress } from "../cli/progress-reporter";
import { type Stage, action } from "../cli/stage-command";

// The Hub client loads when a subcommand runs.
const hub = (): typeof Hub => require("../../lib/hub/index");

const repoHelp = `
REPO is owner/name, datasets/owner/name or models/owner/name. The released ones:
  datasets  MMInstruction/Video-T3-QA, tobiaslee/text_temporal, lyx97/t3_probing_data,
            Lin-Chen/Open-LLaVA-NeXT-mix1M
  models    MMInstruction/LongVA-7B-Video-T3, MMInstruction/Qwen2-VL-72B-Video-T3,
            lmms-lab/LongVA-7B
Another bare owner/name is taken as a dataset unless --type model says otherwise.

Environment: HF_ENDPOINT (default https://huggingface.co), HF_TOKEN (gated or private
repos), HF_HOME (default ~/.cache/huggingface; the cache is $HF_HOME/hub, or
HF_HUB_CACHE), HF_HUB_OFFLINE=1 (cache only), T3KIT_HTTP_TIMEOUT / T3KIT_HTTP_RETRIES /
T3KIT_HTTP_DEADLINE (as --timeout, --retries, --deadline; every command reading hub:
paths follows them too).`;

interface RepoFlags extends NetworkFlags {
  revision?: string;
  type?: "dataset" | "model";
}

const revisionOption = () =>
  new Option("--revision <R>", "branch, tag or commit sha (default main)");
const typeOption = () =>
  new Option("--type <T>", "dataset or model, for a bare owner/name").choices(["dataset", "model"]);

export const hubStage: Stage = {
  name: "hub",
  summary: "list and download the paper's datasets and checkpoints (Hugging Face Hub)",
  define(stage) {
    stage.addHelpText(
      "after",
      `
The paper's released datasets and checkpoints on the Hugging Face Hub, downloaded into
the same cache as Python's huggingface_hub ($HF_HOME/hub), resumable and verified.
${repoHelp}`,
    );
    const list = stage
      .command("list")
      .description("files and sizes at a revision, as a table")
      .argument("<REPO>", "the repository (see below)")
      .addOption(revisionOption())
      .addOption(typeOption());
    addNetworkOptions(list, HUB_NETWORK)
      .addHelpText("after", repoHelp)
      .action(
        action<RepoFlags>(async (f, [repo]) => {
          const lib = hub();
          const { ref, typeGuessed } = lib.parseRepoArg(repo, f.type);
          const listing = await lib.listRevisionFiles(ref, {
            revision: f.revision,
            typeGuessed,
            notice: reportNotice,
            http: httpSettingsOf(f),
          });
          process.stdout.write(lib.formatRepoListing(listing));
        }),
      );
    const get = stage
      .command("get")
      .description(
        "download (only what the cache lacks; a second get downloads nothing) and print each file's local path",
      )
      .argument("<REPO>", "the repository (see below)")
      .addOption(revisionOption())
      .addOption(typeOption())
      .addOption(
        repeatable(
          "--files <GLOB>",
          "get only matching files (repeatable; * also crosses /, as in Python's allow_patterns; a pattern ending in / takes a whole folder)",
        ),
      )
      .option("--quiet", "no progress bar");
    addNetworkOptions(get, HUB_NETWORK)
      .addHelpText("after", repoHelp)
      .action(
        action<RepoFlags & { files?: string[]; quiet?: boolean }>(async (f, [repo]) => {
          const lib = hub();
          const { ref, typeGuessed } = lib.parseRepoArg(repo, f.type);
          const got = await lib.downloadMatchingFiles(ref, {
            revision: f.revision,
            files: f.files,
            typeGuessed,
            notice: reportNotice,
            http: httpSettingsOf(f),
            onProgress: f.quiet ? undefined : reportProgress,
          });
          const { paths, summary } = lib.formatGetResult(got);
          process.stdout.write(paths);
          process.stderr.write(summary);
        }),
      );
  },
};
