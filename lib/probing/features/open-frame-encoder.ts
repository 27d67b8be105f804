/** The encoder `probe features --encoder NAME` names, loaded (MobileNetV3's weights checked). */
import type { EncoderName, FrameEncoder } from "./frame-encoder";
import { loadMobilenetEncoder } from "./mobilenet-encoder";
import { standInEncoder } from "./stand-in-encoder";

export function openFrameEncoder(name: EncoderName): Promise<FrameEncoder> {
  return name === "stand-in" ? Promise.resolve(standInEncoder) : loadMobilenetEncoder();
}
