/**
 * The Video LLM side of the probing study: ask a model server each validation video's
 * question, as the released `probing/longva_inference.py` does. Video mode shows the 8
 * sampled frames as images; text mode gives only the frame captions
 * (`<videos>/frame_captions/<aspect>.json`, keyed `<class>_<stem>` with a `prompt`, the
 * released layout, which `t3kit probe videos` writes). System prompt "You are a helpful
 * assistant." as the released chat template; greedy decoding. Answers are scored by the
 * released rules without their misreadings (lib/answer-scoring).
 */
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { extractChoice, scoreChoice } from "../../answer-scoring/index";
import { InputError } from "../../errors/index";
import { type ChatMessage, askChatServer } from "../../model-server/index";
import type { OnProgress } from "../../progress/index";
import { aspectChoices, correctLetter, videoQuestion } from "../aspects/probe-prompts";
import type { ProbingAspect } from "../aspects/probing-aspects";
import { sampledFrameImages } from "../features/sampled-frame-images";
import { resolveInputFolder } from "../resolve-input-folder";
import { tenthsProgress } from "../tenths-progress";
import { listAspectVideos } from "../videos/list-aspect-videos";

export type AskMode = "video" | "text";

export interface AskOptions {
  endpoint: string;
  model: string;
  /** The video root in the released layout, or a `hub:` source naming one. */
  videos: string;
  aspects: readonly ProbingAspect[];
  mode: AskMode;
  apiKey?: string;
  concurrency?: number;
  cacheDir?: string;
  maxTokens?: number;
  /** Retries of one request, the first backoff, the deadlines (see lib/model-server). */
  maxRetries?: number;
  backoffMs?: number;
  timeoutMs?: number;
  deadlineMs?: number;
  /** Answers received of all, at each tenth. */
  onProgress?: OnProgress;
}

export interface AskRecord {
  aspect: string;
  mode: AskMode;
  /** `<class>_<stem>`, the released result key. */
  id: string;
  className: string;
  correct: string;
  answer: string;
  /** The option letter read from the answer, or null. */
  choice: string | null;
  score: 0 | 1;
}

export const SYSTEM_PROMPT = "You are a helpful assistant.";

async function captionPrompts(
  videos: string,
  aspect: ProbingAspect,
): Promise<Record<string, { prompt?: unknown }>> {
  const file = join(videos, "frame_captions", `${aspect.name}.json`);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new InputError(
      { file },
      "frame captions not found (text mode reads them; `t3kit probe videos` writes them)",
    );
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError({ file }, `not JSON: ${(err as Error).message}`);
  }
}

export async function askProbeModel(options: AskOptions): Promise<AskRecord[]> {
  const items: {
    aspect: ProbingAspect;
    id: string;
    className: string;
    conversation: ChatMessage[];
  }[] = [];
  const videos = await resolveInputFolder(options.videos);
  for (const aspect of options.aspects) {
    const listed = await listAspectVideos(videos, aspect);
    const captions = options.mode === "text" ? await captionPrompts(videos, aspect) : {};
    for (let c = 0; c < listed.classes.length; c++) {
      const className = listed.classes[c];
      if (!aspect.classes.includes(className))
        throw new InputError(
          { file: join(videos, aspect.valDir, className) },
          `${aspect.name} has no class "${className}" (expected ${aspect.classes.join(", ")})`,
        );
      for (const video of listed.videos.val[c]) {
        const id = `${className}_${basename(video).replace(/\.mp4$/, "")}`;
        let user: ChatMessage["content"];
        if (options.mode === "text") {
          const prompt = captions[id]?.prompt;
          if (typeof prompt !== "string")
            throw new InputError(
              {
                file: join(videos, "frame_captions", `${aspect.name}.json`),
                field: `${id}.prompt`,
              },
              "no caption prompt for this video",
            );
          user = prompt;
        } else {
          const images = await sampledFrameImages(video);
          user = [
            ...images.map((url) => ({ type: "image_url" as const, image_url: { url } })),
            { type: "text" as const, text: videoQuestion(aspect) },
          ];
        }
        items.push({
          aspect,
          id,
          className,
          conversation: [
            { role: "system", content: SYSTEM_PROMPT },
            { role: "user", content: user },
          ],
        });
      }
    }
  }
  const answered = tenthsProgress(options.onProgress, "answers");
  const answers = await askChatServer(
    {
      endpoint: options.endpoint,
      model: options.model,
      apiKey: options.apiKey,
      concurrency: options.concurrency,
      cacheDir: options.cacheDir,
      maxTokens: options.maxTokens,
      maxRetries: options.maxRetries,
      backoffMs: options.backoffMs,
      timeoutMs: options.timeoutMs,
      deadlineMs: options.deadlineMs,
    },
    items.map((i) => i.conversation),
    // Retries are notes: they pass through as they are.
    (p) => (p.note === undefined ? answered(p.done ?? 0, p.total ?? 0) : options.onProgress?.(p)),
  ).catch((err: Error) => {
    // The client counts conversations; a user looks for the video.
    const index = /conversation (\d+)/.exec(err.message)?.[1];
    const item = index === undefined ? undefined : items[Number(index)];
    if (item) err.message = `${item.aspect.name} video ${item.id}: ${err.message}`;
    throw err;
  });
  return items.map((item, k) => {
    const choices = aspectChoices(item.aspect);
    const correct = correctLetter(item.aspect, item.className);
    return {
      aspect: item.aspect.name,
      mode: options.mode,
      id: item.id,
      className: item.className,
      correct,
      answer: answers[k].text,
      choice: extractChoice(answers[k].text, choices),
      score: scoreChoice(answers[k].text, choices, correct),
    };
  });
}
