/**
 * Bilinear resizing of every sample's `[tokens, dim]` features to `[T, D]`, as the released
 * LSTM probe does with `F.interpolate(x.unsqueeze(0), size=(128, 1024), mode='bilinear')`
 * (align_corners=False, which is TensorFlow's half-pixel-centres convention; no
 * antialiasing, like PyTorch's default).
 */
import { tensorflow } from "./tensor-backend";
import type { ProbeData } from "./train-probe";

export async function resizeFeatures(
  data: ProbeData,
  tokens: number,
  dim: number,
): Promise<ProbeData> {
  if (data.tokens === tokens && data.dim === dim) return data;
  const tf = await tensorflow();
  const resized = tf.tidy(() =>
    tf.image.resizeBilinear(
      tf.tensor4d(data.x, [data.n, data.tokens, data.dim, 1]),
      [tokens, dim],
      false,
      true,
    ),
  );
  const x = new Float32Array(await resized.data());
  resized.dispose();
  return { x, n: data.n, tokens, dim, labels: data.labels };
}
