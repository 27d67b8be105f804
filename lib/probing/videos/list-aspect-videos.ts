/**
 * The videos of one aspect under a video root in the released layout: the class folders of
 * the validation folder, sorted (the released code takes them in `os.listdir` order, which
 * differs between file systems, so its label numbers can differ from run to run; sorted
 * names are the same everywhere), and the `.mp4` files of each class in each split.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../../errors/index";
import type { ProbingAspect } from "../aspects/probing-aspects";
import type { ProbeSplit } from "./video-plan";

export interface AspectVideos {
  aspect: ProbingAspect;
  classes: string[];
  /** Per split, per class (same order as `classes`), the video paths, sorted. */
  videos: Record<ProbeSplit, string[][]>;
}

async function subfolders(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new InputError({ file: dir }, "folder not found");
  }
  const folders: string[] = [];
  for (const name of names.sort())
    if ((await stat(join(dir, name))).isDirectory()) folders.push(name);
  return folders;
}

export interface ClassFiles {
  classes: string[];
  /** Per split, per class (same order as `classes`), the file paths, sorted. */
  files: Record<ProbeSplit, string[][]>;
}

/** The class folders of `valDir` (sorted), checked against `trainDir`, and their files. */
export async function listClassFiles(
  trainDir: string,
  valDir: string,
  extensions: string[],
): Promise<ClassFiles> {
  const classes = await subfolders(valDir);
  if (classes.length < 2)
    throw new InputError(
      { file: valDir },
      `${classes.length} class folders; a probe needs at least 2`,
    );
  const trainClasses = await subfolders(trainDir);
  if (trainClasses.join("\u0000") !== classes.join("\u0000"))
    throw new InputError(
      { file: trainDir },
      `train classes [${trainClasses.join(", ")}] differ from val classes [${classes.join(", ")}] in ${valDir}`,
    );
  const files = { train: [] as string[][], val: [] as string[][] };
  for (const [split, dir] of [
    ["train", trainDir],
    ["val", valDir],
  ] as const)
    for (const className of classes) {
      const folder = join(dir, className);
      const names = (await readdir(folder))
        .filter((f) => extensions.some((e) => f.endsWith(e)))
        .sort();
      if (names.length === 0)
        throw new InputError(
          { file: folder },
          `class folder has no ${extensions.join(" or ")} files`,
        );
      files[split].push(names.map((f) => join(folder, f)));
    }
  return { classes, files };
}

export async function listAspectVideos(root: string, aspect: ProbingAspect): Promise<AspectVideos> {
  const { classes, files } = await listClassFiles(
    join(root, aspect.trainDir),
    join(root, aspect.valDir),
    [".mp4"],
  );
  return { aspect, classes, videos: files };
}
