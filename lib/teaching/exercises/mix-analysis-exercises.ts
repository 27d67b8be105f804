import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type MixInspection,
  inspectMix,
  mixAnalysisPaths,
  runReferenceRecipe,
} from "../../mixing/index";
import type { Exercise } from "./exercise";
import { writePlantedMix } from "./write-planted-mix";

/** Runs `use` on files written into a temporary folder, removed afterwards. */
async function inTempFolder<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-exercise-"));
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The planted mix inspected against its validation file, as the notebook inspects it. */
const plantedInspection = (): Promise<MixInspection> =>
  inTempFolder(async (dir) => {
    const planted = await writePlantedMix(dir);
    return inspectMix([planted.mix], { against: [planted.against] });
  });

/** Notebook 08's first inspection: the reference recipe's LLaVA file and its all-T3 file. */
const referenceInspection = (): Promise<MixInspection> =>
  inTempFolder(async (dir) => {
    const paths = mixAnalysisPaths();
    const outputs = await runReferenceRecipe({
      llava: paths.llava,
      t3Dir: paths.t3Dir,
      outDir: dir,
    });
    const allT3 = outputs.reduce((a, b) => (b.composition.length > a.composition.length ? b : a));
    const llava = outputs.find((o) => o.composition.length === 1)!;
    return inspectMix([llava.file, allT3.file]);
  });

/** Notebook 08: find what a mix hides, and what its records cost. */
export const MIX_ANALYSIS_EXERCISES: Exercise[] = [
  {
    id: "08.1",
    points: 2,
    prompt:
      "Find the planted problem: which record of the planted mix holds a validation question?",
    hint: "inspectMix([planted.mix], { against: [planted.against] }) lists `contamination` flags; read `id`.",
    expected: async () => (await plantedInspection()).contamination[0].id,
  },
  {
    id: "08.2",
    points: 1,
    prompt: "Which two records of the planted mix are near duplicates (their ids, in mix order)?",
    hint: "`duplicates` holds groups of ids, each of kind exact or near.",
    expected: async () =>
      (await plantedInspection()).duplicates.find((d) => d.kind === "near")!.ids,
  },
  {
    id: "08.3",
    points: 2,
    prompt:
      "T3 is most of the reference mix's records: what share (in %) of its tokens is T3's, all tasks together?",
    hint: "inspection.composition has one row per part with `tokens`; T3 parts are named t3:<task>.",
    tolerance: 0.05,
    expected: async () => {
      const rows = (await referenceInspection()).composition;
      const t3 = rows.filter((r) => r.source.startsWith("t3:")).reduce((s, r) => s + r.tokens, 0);
      return (100 * t3) / rows.reduce((s, r) => s + r.tokens, 0);
    },
  },
];
