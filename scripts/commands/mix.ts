/**
 * `npx t3kit mix <reference|run|plan> …`: the mixing stage. Parses arguments, calls
 * lib/mixing, prints; progress goes to stderr.
 */
import { resolve } from "node:path";
import { runReferenceRecipe } from "../../lib/mixing/index";
import { UsageError, parseCommandArgs } from "../cli-args";
import type { Command } from "./command";

const overview = `
Usage: npx t3kit mix <subcommand> [options]     (npx t3kit mix <subcommand> --help)

Subcommands:
  reference   the paper's released recipe (data_creation.py), byte for byte: 12 files
  run SPEC    write the mix (or every mix of a sweep) a spec describes, with a manifest
  plan SPEC   dry run: what the spec asks of each source against what it holds
`;

const referenceUsage = `
Usage: npx t3kit mix reference --llava FILE --t3-dir DIR --out DIR [--force]

Reproduces the released t3_sft/data_creation.py (Video-T3, HEAD c632e4b): the same 12
files, with the same records in the same order and the same bytes, from
  --llava FILE   open-llava-next_instruct_mix1M.json (a JSON array; any size)
  --t3-dir DIR   one folder holding the 13 Video-T3-QA files
  --out DIR      where the 12 files go
  --force        overwrite files that exist (by default they are left alone, as the
                 original does; the random draws happen either way)
Progress goes to stderr; the list of files (written or kept) to stdout.
`;

async function reference(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    usage: referenceUsage,
    options: {
      llava: { type: "string" },
      "t3-dir": { type: "string" },
      out: { type: "string" },
      force: { type: "boolean" },
    },
  });
  for (const name of ["llava", "t3-dir", "out"] as const) {
    if (!values[name]) throw new UsageError(`--${name} is required\n${referenceUsage}`);
  }
  const started = performance.now();
  const outputs = await runReferenceRecipe({
    llava: resolve(values.llava!),
    t3Dir: resolve(values["t3-dir"]!),
    outDir: resolve(values.out!),
    force: values.force ?? false,
    onProgress: (m) => process.stderr.write(`${m}\n`),
  });
  for (const o of outputs) {
    const note = o.status === "kept" ? "kept (exists; --force overwrites)" : "written";
    process.stdout.write(`${note.padEnd(34)} ${String(o.records).padStart(8)}  ${o.file}\n`);
  }
  const kept = outputs.filter((o) => o.status === "kept").length;
  process.stderr.write(
    `${outputs.length - kept} written, ${kept} kept, in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}

export const mixCommand: Command = {
  name: "mix",
  summary: "SFT data mixing: the paper's reference recipe, mix specs, plans and sweeps",
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === "reference") return reference(rest);
    if (sub === undefined || sub === "--help" || sub === "-h") {
      process.stdout.write(`${overview.trim()}\n`);
      return sub === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown subcommand "${sub}"\n${overview}`);
  },
};
