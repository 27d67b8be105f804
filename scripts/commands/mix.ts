/**
 * `npx t3kit mix <reference|run|plan> …`: the mixing stage. Parses arguments, calls
 * lib/mixing, prints; progress goes to stderr.
 */
import {
  formatMixRun,
  formatReferenceOutputs,
  formatSpecPlans,
  planSpecFile,
  runMixSpecFile,
  runReferenceRecipe,
} from "../../lib/mixing/index";
import type { Progress } from "../../lib/progress/index";
import { UsageError, parseCommandArgs } from "../cli-args";
import { hubReporter } from "../hub-progress-bar";
import { reportProgress } from "../report-progress";
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
  const hub = hubReporter();
  try {
    const outputs = await runReferenceRecipe({
      llava: values.llava!,
      t3Dir: values["t3-dir"]!,
      outDir: values.out!,
      force: values.force ?? false,
      onProgress: (p) => reportProgress(p),
      hub,
      inputNames: { llava: "--llava", t3Dir: "--t3-dir", outDir: "--out" },
    });
    const { list, summary } = formatReferenceOutputs(outputs, (performance.now() - started) / 1000);
    process.stdout.write(list);
    process.stderr.write(summary);
    return 0;
  } finally {
    hub.end();
  }
}

const specUsage = (verb: "run" | "plan") => `
Usage: npx t3kit mix ${verb} SPEC [--var NAME=PATH]...${verb === "run" ? " [--out DIR]" : ""}

${
  verb === "run"
    ? `Writes the mix a spec describes (YAML or JSON; see data/mixes/ for examples), one per
point of its sweep, each with a manifest beside it (<name>.manifest.json: counts per
source, seed, sha256 of every input and of the output, the resolved spec, the kit
version), a holdout file when the spec asks for one, and for a sweep a summary table
(<name>.sweep.csv). The same spec gives the same bytes. Files are written atomically.`
    : `Dry run: reads the sources, then prints for each point what each source is asked for,
what it holds, what it gives, with how many passes and what share of the mix. Writes
nothing. A source that cannot be read shows why. When the spec counts tokens (a tokens:
block, or a knob count: { tokens: N } / proportion: { tokens: p }), each source also
shows its token budget, the tokens it gives, its share of the mix's tokens and how many
records were tokenized (a budget stops counting at its budget).`
}

Options:
  --var NAME=PATH   fill {NAME} in the spec's source paths (overrides the spec's vars),
                    e.g. --var t3=/data/Video-T3-QA --var llava=/data/mix1M.json${
                      verb === "run"
                        ? "\n  --out DIR         where mixes go (default out/mixes, or $T3KIT_OUT/mixes)"
                        : ""
                    }
`;

function parseVars(list: string[] | undefined): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const item of list ?? []) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw new UsageError(`--var: expected NAME=PATH, got "${item}"`);
    vars[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return vars;
}

async function specCommand(verb: "run" | "plan", argv: string[]): Promise<number> {
  const usage = specUsage(verb);
  const { values, positionals } = parseCommandArgs(argv, {
    usage,
    allowPositionals: true,
    options: {
      var: { type: "string", multiple: true },
      ...(verb === "run" ? { out: { type: "string" as const } } : {}),
    },
  });
  if (positionals.length !== 1) throw new UsageError(`expected one SPEC file\n${usage}`);
  const hub = hubReporter();
  const options = {
    vars: parseVars(values.var as string[] | undefined),
    onProgress: (p: Progress) => reportProgress(p),
    hub,
  };
  try {
    if (verb === "plan") {
      const planned = await planSpecFile(positionals[0], options);
      process.stdout.write(formatSpecPlans(planned));
      return planned.plans.every((p) => p.ok) ? 0 : 1;
    }
    const outDir = (values as { out?: string }).out;
    const results = await runMixSpecFile(positionals[0], { ...options, outDir });
    process.stdout.write(formatMixRun(results));
    return 0;
  } finally {
    hub.end();
  }
}

export const mixCommand: Command = {
  name: "mix",
  summary: "SFT data mixing: the paper's reference recipe, mix specs, plans and sweeps",
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === "reference") return reference(rest);
    if (sub === "run" || sub === "plan") return specCommand(sub, rest);
    if (sub === undefined || sub === "--help" || sub === "-h") {
      process.stdout.write(`${overview.trim()}\n`);
      return sub === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown subcommand "${sub}"\n${overview}`);
  },
};
