/** What `probe features` prints of the features it wrote. */
import type { FeatureManifest } from "./extract-features";

export function formatFeatureManifest(manifest: FeatureManifest, out: string): string {
  const weights = manifest.weightsSha256
    ? ` (weights sha256 ${manifest.weightsSha256.slice(0, 12)}…)`
    : "";
  return `${Object.keys(manifest.aspects).length} aspects, ${manifest.encoder} features [${manifest.shape}]${weights} -> ${out}\n`;
}
