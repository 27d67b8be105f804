/** What `probe features` prints of the features it wrote. */
import type { FeatureManifest } from "./extract-features";

export function formatFeatureManifest(manifest: FeatureManifest, out: string): string {
  return `${Object.keys(manifest.aspects).length} aspects, features [${manifest.shape}] -> ${out}\n`;
}
