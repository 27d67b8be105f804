/**
 * Visual tokens LongVA-7B feeds its LLM per image and per video, in the setting the T3
 * LongVA run trains with (`image_aspect_ratio anyres`, `mm_patch_merge_type unires`, CLIP
 * ViT-L/14-336: 24×24 = 576 patch features per 336-pixel tile).
 *
 * Image (EvolvingLMMs-Lab/LongVA `longva/longva/model/llava_arch.py`,
 * `prepare_inputs_labels_for_multimodal`, branch "unires"): the base (whole-image) tile is
 * dropped ("base image feature is never used in unires"); each grid tile is average-pooled
 * 2×2 to 12×12 = 144 tokens; no newline tokens. The grid comes from
 * `get_anyres_image_grid_shape` → `select_best_resolution` (`longva/longva/mm_utils.py`)
 * over `image_grid_pinpoints`, which LongVA's `longva/scripts/finetune.sh` sets to every
 * (a·336, b·336) with a·b ≤ 49 except 1×1: the grid is capped at 49 tiles (LongVA issue 38).
 *
 * Video (same function, `video_idx_in_batch` branch, and `get_2dPool` with
 * `mm_spatial_pool_stride` 2): 576 features per frame pooled 2×2 → 144 per frame.
 */

/** Tile side in pixels (CLIP ViT-L/14-336). */
export const longvaTileSize = 336;
/** Tokens per tile after the 2×2 average pool: (24/2)·(24/2). */
export const longvaTokensPerTile = 144;
/** Tokens per video frame after `get_2dPool` with stride 2. */
export const longvaTokensPerFrame = 144;
/** The most tiles a grid may have (a·b ≤ 49). */
export const longvaMaxTiles = 49;

/** LongVA's `image_grid_pinpoints` as [width, height] pairs, in finetune.sh's order. */
export function longvaGridPinpoints(): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 1; a <= longvaMaxTiles; a++) {
    for (let b = 1; a * b <= longvaMaxTiles; b++) {
      if (a === 1 && b === 1) continue;
      out.push([a * longvaTileSize, b * longvaTileSize]);
    }
  }
  return out;
}

const pinpoints = longvaGridPinpoints();

/**
 * `select_best_resolution`: the pinpoint that keeps the most of the image's pixels after
 * an aspect-preserving downscale, ties broken by the least padding; the first such in list
 * order wins (strict comparisons, as in the Python).
 */
export function selectBestResolution(
  width: number,
  height: number,
  candidates: readonly (readonly [number, number])[] = pinpoints,
): [number, number] {
  let best: [number, number] = [candidates[0][0], candidates[0][1]];
  let maxEffective = 0;
  let minWasted = Number.POSITIVE_INFINITY;
  for (const [w, h] of candidates) {
    const scale = Math.min(w / width, h / height);
    // Python: int(original * scale) truncates toward zero.
    const dw = Math.trunc(width * scale);
    const dh = Math.trunc(height * scale);
    const effective = Math.min(dw * dh, width * height);
    const wasted = w * h - effective;
    if (effective > maxEffective || (effective === maxEffective && wasted < minWasted)) {
      maxEffective = effective;
      minWasted = wasted;
      best = [w, h];
    }
  }
  return best;
}

/** The tile grid [columns, rows] LongVA uses for a `width`×`height` image. */
export function longvaImageGrid(width: number, height: number): [number, number] {
  const [w, h] = selectBestResolution(width, height);
  return [Math.floor(w / longvaTileSize), Math.floor(h / longvaTileSize)];
}

const imageTokenCache = new Map<number, number>();

/** Visual tokens of one image: tiles·144. A 640×480 image → 2×2 grid → 576. */
export function longvaImageTokens(width: number, height: number): number {
  // Sizes repeat (the default size, common camera sizes): remember each one's grid.
  const key = width * 65536 + height;
  let tokens = imageTokenCache.get(key);
  if (tokens === undefined) {
    const [cols, rows] = longvaImageGrid(width, height);
    tokens = cols * rows * longvaTokensPerTile;
    if (imageTokenCache.size < 100000) imageTokenCache.set(key, tokens);
  }
  return tokens;
}

/** Visual tokens of one video of `frames` sampled frames: frames·144. */
export function longvaVideoTokens(frames: number): number {
  return frames * longvaTokensPerFrame;
}
