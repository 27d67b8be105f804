/** What `probe videos` prints of the videos it drew. */
import type { ProbingVideoManifest } from "./make-probing-videos";

export function formatProbingVideos(manifest: ProbingVideoManifest, out: string): string {
  return `${manifest.videos.length} videos -> ${out}\n`;
}
