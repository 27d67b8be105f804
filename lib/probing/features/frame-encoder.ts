/**
 * What turns a video's sampled frames into `[frames x tokensPerFrame, tokenDim]` features:
 * the pretrained MobileNetV3 (the default) or the kit's hand-made stand-in. Frames come as
 * packed RGB bytes, `frameSize` x `frameSize`, decoded by ffmpeg.
 */
export const ENCODER_NAMES = ["mobilenetv3", "stand-in"] as const;
export type EncoderName = (typeof ENCODER_NAMES)[number];
export const DEFAULT_ENCODER: EncoderName = "mobilenetv3";

/** What the features manifest records of the encoder that made them. */
export interface EncoderRecord {
  encoder: EncoderName;
  description: string;
  /** The network's node the tokens are pooled from (none for the stand-in). */
  layer: string | null;
  tokensPerFrame: number;
  tokenDim: number;
  /** Frames are decoded to this width and height. */
  inputSize: [number, number];
  /** The weight file it loaded and its sha256 (none for the stand-in). */
  weightsFile: string | null;
  weightsSha256: string | null;
}

export interface FrameEncoder extends EncoderRecord {
  /** The tokens of the frames at `frameIndices` of `rgb` (count x size x size x 3 bytes). */
  encode(rgb: Uint8Array, frameIndices: number[]): Promise<Float32Array>;
}
