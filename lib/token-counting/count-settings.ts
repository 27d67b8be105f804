/**
 * How records are counted: tokenizer, chat template and visual settings, with a length
 * preset's settings under them. One validator for every place settings come from: the
 * `tokens` command's flags (text) and a mix spec's `tokens:` block (YAML/JSON values).
 * Each caller names the field its own way (`--max-pixels`, `tokens.visual.maxPixels`), so
 * a bad value is a CountSettingsError that carries the setting's key.
 */
import { type LengthPreset, lengthPreset, lengthPresets } from "./length-presets";
import { type TemplateName, templateNames } from "./template/chat-template-pieces";
import { type TokenizerName, tokenizerNames } from "./text/text-tokenizer";
import {
  type LlamaFactoryVersion,
  llamaFactoryLimits,
  llamaFactoryVersions,
} from "./visual/llamafactory-media";
import {
  type VisionModel,
  type VisualSettings,
  parseSize,
  visionModels,
} from "./visual/visual-settings";

/** The settings as given; every value still unchecked. */
export interface CountSettingsInput {
  preset?: unknown;
  tokenizer?: unknown;
  template?: unknown;
  vision?: unknown;
  imageFolder?: unknown;
  videoFolder?: unknown;
  defaultImageSize?: unknown;
  missingImages?: unknown;
  maxPixels?: unknown;
  videoFrames?: unknown;
  videoSeconds?: unknown;
  videoFps?: unknown;
  videoSize?: unknown;
  /** Whose image and video rules a LLaMA-Factory preset counts with (default: the preset's). */
  llamaFactoryVersion?: unknown;
}

export type CountSettingKey = keyof CountSettingsInput;

export interface CountSettings {
  /** The preset's name when one was given. */
  preset?: string;
  tokenizer: TokenizerName;
  template: TemplateName;
  /** Only what was set (the preset's, then the given); the rest takes the stated defaults. */
  visual: Partial<VisualSettings>;
}

/** A setting that is not valid; `key` says which (the caller names it as its user wrote it). */
export class CountSettingsError extends Error {
  constructor(
    readonly key: CountSettingKey,
    message: string,
  ) {
    super(message);
    this.name = "CountSettingsError";
  }
}

interface ReadOptions {
  /** Values are command-line text: numbers and sizes are parsed from strings. */
  text: boolean;
}

function shown(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : JSON.stringify(value);
}

function oneOf<T extends string>(key: CountSettingKey, value: unknown, allowed: readonly T[]): T {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value))
    return value as T;
  throw new CountSettingsError(key, `expected one of ${allowed.join(", ")}, got ${shown(value)}`);
}

function text(key: CountSettingKey, value: unknown): string {
  if (typeof value === "string" && value !== "") return value;
  throw new CountSettingsError(key, `expected a path, got ${shown(value)}`);
}

function numberOf(value: unknown, o: ReadOptions): number {
  if (typeof value === "number") return value;
  if (o.text && typeof value === "string" && value.trim() !== "") return Number(value);
  return Number.NaN;
}

function positiveInteger(key: CountSettingKey, value: unknown, o: ReadOptions): number {
  const n = numberOf(value, o);
  if (Number.isSafeInteger(n) && n >= 1) return n;
  throw new CountSettingsError(key, `expected an integer of at least 1, got ${shown(value)}`);
}

function positiveNumber(key: CountSettingKey, value: unknown, o: ReadOptions): number {
  const n = numberOf(value, o);
  if (Number.isFinite(n) && n > 0) return n;
  throw new CountSettingsError(key, `expected a number above 0, got ${shown(value)}`);
}

function size(key: CountSettingKey, value: unknown): { width: number; height: number } {
  const s = typeof value === "string" ? parseSize(value) : undefined;
  if (s) return s;
  throw new CountSettingsError(key, `expected WIDTHxHEIGHT, got ${shown(value)}`);
}

function tokenizerOf(value: unknown): TokenizerName {
  if (typeof value === "string" && (tokenizerNames as readonly string[]).includes(value))
    return value as TokenizerName;
  throw new CountSettingsError(
    "tokenizer",
    `unknown tokenizer ${shown(value)}; choose one of ${tokenizerNames.join(", ")}`,
  );
}

function presetOf(value: unknown): LengthPreset | undefined {
  if (value === undefined) return undefined;
  const preset = typeof value === "string" ? lengthPreset(value) : undefined;
  if (preset) return preset;
  throw new CountSettingsError(
    "preset",
    `expected one of ${Object.keys(lengthPresets).join(", ")}, got ${shown(value)}`,
  );
}

// Keys are set in this order: a mix manifest writes them as they come.
function visualOf(input: CountSettingsInput, o: ReadOptions): Partial<VisualSettings> {
  const v: Partial<VisualSettings> = {};
  if (input.vision !== undefined)
    v.vision = oneOf<VisionModel>("vision", input.vision, visionModels);
  if (input.imageFolder !== undefined) v.imageFolder = text("imageFolder", input.imageFolder);
  if (input.videoFolder !== undefined) v.videoFolder = text("videoFolder", input.videoFolder);
  if (input.defaultImageSize !== undefined)
    v.defaultImageSize = size("defaultImageSize", input.defaultImageSize);
  if (input.missingImages !== undefined)
    v.missingImages = oneOf("missingImages", input.missingImages, ["error", "default"] as const);
  if (input.videoFrames !== undefined)
    v.videoFrames = positiveInteger("videoFrames", input.videoFrames, o);
  if (input.maxPixels !== undefined) v.maxPixels = positiveInteger("maxPixels", input.maxPixels, o);
  if (input.videoSeconds !== undefined)
    v.videoSeconds = positiveNumber("videoSeconds", input.videoSeconds, o);
  if (input.videoFps !== undefined) v.videoFps = positiveNumber("videoFps", input.videoFps, o);
  if (input.videoSize !== undefined) v.videoSize = size("videoSize", input.videoSize);
  return v;
}

/**
 * A LLaMA-Factory preset's limits as another tag's defaults. Only a preset whose run is
 * LLaMA-Factory's has them: another run's rules are not LLaMA-Factory's of any version.
 */
function llamaFactoryOf(value: unknown, preset: LengthPreset | undefined) {
  const version = oneOf<LlamaFactoryVersion>("llamaFactoryVersion", value, llamaFactoryVersions);
  if (preset?.visual.llamaFactory === undefined) {
    const runs = Object.values(lengthPresets).filter((p) => p.visual.llamaFactory);
    throw new CountSettingsError(
      "llamaFactoryVersion",
      `applies to a LLaMA-Factory run's preset (${runs.map((p) => p.name).join(", ")}), ${preset ? `not ${preset.name}` : "and none is given"}`,
    );
  }
  return llamaFactoryLimits[version];
}

/**
 * Checks count settings and fills what a preset implies: the template and visual settings
 * of the preset unless given; tokenizer qwen2 and template longva by default.
 */
export function validateCountSettings(
  input: CountSettingsInput,
  options: ReadOptions = { text: false },
): CountSettings {
  const preset = presetOf(input.preset);
  const tokenizer = input.tokenizer === undefined ? "qwen2" : tokenizerOf(input.tokenizer);
  const template =
    input.template === undefined
      ? (preset?.template ?? "longva")
      : oneOf("template", input.template, templateNames);
  const visual = { ...(preset?.visual ?? {}), ...visualOf(input, options) };
  if (input.llamaFactoryVersion !== undefined)
    visual.llamaFactory = llamaFactoryOf(input.llamaFactoryVersion, preset);
  return { preset: preset?.name, tokenizer, template, visual };
}
