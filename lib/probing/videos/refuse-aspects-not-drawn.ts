/**
 * A videos folder made by `probe videos` says what it holds (probing-videos.json): an
 * aspect never drawn there is named at once, not met later as a missing class folder.
 * A folder without the manifest (the released layout, made elsewhere) is listed as it is.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../errors/index";
import type { ProbingAspect } from "../aspects/probing-aspects";
import { VIDEO_MANIFEST } from "./make-probing-videos";

export function refuseAspectsNotDrawn(videosDir: string, aspects: readonly ProbingAspect[]): void {
  const file = join(videosDir, VIDEO_MANIFEST);
  let drawn: Set<string>;
  try {
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { videos?: { aspect?: string }[] };
    drawn = new Set((manifest.videos ?? []).map((v) => String(v.aspect)));
  } catch {
    return;
  }
  const missing = aspects.filter((a) => !drawn.has(a.name)).map((a) => a.name);
  if (missing.length > 0)
    throw new InputError(
      { file, field: "videos" },
      `no videos of ${missing.join(", ")} were drawn here (it holds ${[...drawn].join(", ") || "none"}): run probe videos --aspects ${missing.join(",")} or choose --aspects among those`,
    );
}
