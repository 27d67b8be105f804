/**
 * Repository references: `owner/name`, `datasets/owner/name` or `models/owner/name`, and
 * the two names a repository has on disk and on the wire.
 */
import { InputError } from "../../errors/index";

export type RepoType = "dataset" | "model";

/** A Hub repository: its type and its id `owner/name`. */
export interface RepoRef {
  type: RepoType;
  id: string;
}

const RELEASED_DATASETS = [
  "MMInstruction/Video-T3-QA",
  "tobiaslee/text_temporal",
  "lyx97/t3_probing_data",
  "Lin-Chen/Open-LLaVA-NeXT-mix1M",
];
const RELEASED_MODELS = [
  "MMInstruction/LongVA-7B-Video-T3",
  "MMInstruction/Qwen2-VL-72B-Video-T3",
  "lmms-lab/LongVA-7B",
];

/** The paper's released artifacts, so that a bare `owner/name` finds its type. */
export const KNOWN_REPOS: readonly RepoRef[] = [
  ...RELEASED_DATASETS.map((id): RepoRef => ({ type: "dataset", id })),
  ...RELEASED_MODELS.map((id): RepoRef => ({ type: "model", id })),
];

const TYPE_PREFIXES: Record<string, RepoType> = {
  datasets: "dataset",
  dataset: "dataset",
  models: "model",
  model: "model",
};

const ID_PART = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Parses a `--type` value: dataset(s) or model(s). */
export function parseRepoType(text: string): RepoType {
  const t = TYPE_PREFIXES[text.toLowerCase()];
  if (!t) throw new InputError({ file: "--type" }, `"${text}" is not dataset or model`);
  return t;
}

/**
 * Parses `owner/name`, `datasets/owner/name` or `models/owner/name`. A bare `owner/name`
 * takes `type` when given, else the type of a known repo, else "dataset" (the kit's
 * inputs are mostly datasets; say `models/owner/name` or `--type model` for a model).
 *
 * @example parseRepoRef("lmms-lab/LongVA-7B") // { type: "model", id: "lmms-lab/LongVA-7B" }
 */
export function parseRepoRef(text: string, type?: RepoType): RepoRef {
  const parts = text.replace(/^\/+|\/+$/g, "").split("/");
  let prefixType: RepoType | undefined;
  if (parts.length === 3 && TYPE_PREFIXES[parts[0]]) prefixType = TYPE_PREFIXES[parts.shift()!];
  if (parts.length !== 2 || !parts.every((p) => ID_PART.test(p))) {
    throw new InputError(
      { file: text },
      "not a repository: expected owner/name, datasets/owner/name or models/owner/name",
    );
  }
  const id = parts.join("/");
  if (prefixType && type && prefixType !== type) {
    throw new InputError({ file: text }, `says ${prefixType} but --type says ${type}`);
  }
  const known = KNOWN_REPOS.find((r) => r.id.toLowerCase() === id.toLowerCase());
  return { type: prefixType ?? type ?? known?.type ?? "dataset", id };
}

/**
 * A REPO argument and an optional `--type` (dataset or model): the reference, and
 * whether its type was guessed (a bare owner/name not among the known repos), which
 * improves a 404's message.
 *
 * @example parseRepoArg("a/b", "model") // { ref: { type: "model", id: "a/b" }, typeGuessed: false }
 */
export function parseRepoArg(text: string, type?: string): { ref: RepoRef; typeGuessed: boolean } {
  const t = type === undefined ? undefined : parseRepoType(type);
  return { ref: parseRepoRef(text, t), typeGuessed: repoTypeGuessed(text, t) };
}

/** True when parseRepoRef(text, type) fell back to "dataset" (no prefix, --type or known repo). */
export function repoTypeGuessed(text: string, type?: RepoType): boolean {
  if (type || /^(datasets?|models?)\//.test(text)) return false;
  const id = text.replace(/^\/+|\/+$/g, "").toLowerCase();
  return !KNOWN_REPOS.some((r) => r.id.toLowerCase() === id);
}

/** `datasets/owner/name` or `models/owner/name`: unambiguous, for messages. */
export function repoLabel(ref: RepoRef): string {
  return `${ref.type}s/${ref.id}`;
}

/** The cache folder name Python's huggingface_hub uses: `datasets--owner--name`. */
export function repoFolderName(ref: RepoRef): string {
  return [`${ref.type}s`, ...ref.id.split("/")].join("--");
}

/** The URL path prefix of file URLs: models have none, datasets `datasets/`. */
export function repoUrlPath(ref: RepoRef): string {
  return ref.type === "model" ? ref.id : `datasets/${ref.id}`;
}

/** The designation @huggingface/hub expects: `owner/name` or `datasets/owner/name`. */
export function libraryRepo(ref: RepoRef): { type: RepoType; name: string } {
  return { type: ref.type, name: ref.id };
}
