import { existsSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors/index";
import { writeFileAtomic } from "../files/index";
import { listNotebooks, readLesson } from "../notebooks/index";
import { projectRoot } from "../paths/index";
import { type StageReport, collectStageReports } from "./collect-stage-reports";
import { frontPageHtml } from "./front-page-html";
import { STAGE_CATALOGUE, type StageEntry } from "./stage-catalogue";

export interface FrontPage {
  path: string;
  stages: StageReport[];
}

export interface FrontPageOptions {
  catalogue?: readonly StageEntry[];
  /** Where the stages' notebooks live (to tell "not run" from "not in this tree"). */
  notebooksDir?: string;
  /** Refuse a folder where no stage ran (`t3kit report` on the wrong folder). */
  refuseEmpty?: boolean;
}

/** Writes `<outRoot>/index.html` over what every stage left in `outRoot` (atomically). */
export async function writeFrontPage(
  outRoot: string,
  options: FrontPageOptions = {},
): Promise<FrontPage> {
  const notebooksDir = options.notebooksDir ?? join(projectRoot, "notebooks");
  const stages = await collectStageReports(
    outRoot,
    options.catalogue ?? STAGE_CATALOGUE,
    notebooksDir,
  );
  const lessons = listNotebooks(notebooksDir)
    .flatMap((p) => readLesson(p) ?? [])
    .map((l) => ({ ...l, executed: existsSync(join(outRoot, "html", `${l.notebook}.html`)) }));
  const path = join(outRoot, "index.html");
  // A page of seven "not run" stages says nothing: name the folder instead.
  if (options.refuseEmpty && !stages.some((s) => s.status === "ran"))
    throw new InputError(
      { file: outRoot },
      `no executed notebook here (0 of ${stages.length} stages ran): run npx t3kit notebooks (or make run) first; nothing was written`,
    );
  await writeFileAtomic(path, frontPageHtml(stages, lessons));
  return { path, stages };
}
