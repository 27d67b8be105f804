import { InputError } from "../../errors/index";
import { outPath } from "../../paths/index";
import { type TextualFileAccuracy, textualAccuracy } from "./textual-accuracy";

type Env = Record<string, string | undefined>;

/**
 * The notebook's gated cell: textual accuracy of `files` on the server named by
 * T3KIT_EVAL_ENDPOINT (model T3KIT_EVAL_MODEL, key OPENAI_API_KEY if set), answers cached
 * under out/evaluation/chat-cache; null when T3KIT_EVAL_ENDPOINT is not set.
 */
export async function liveTextualAccuracy(
  files: string[],
  env: Env = process.env,
): Promise<TextualFileAccuracy[] | null> {
  const endpoint = (env.T3KIT_EVAL_ENDPOINT ?? "").trim();
  if (endpoint === "") return null;
  const model = (env.T3KIT_EVAL_MODEL ?? "").trim();
  if (model === "")
    throw new InputError(
      { file: "T3KIT_EVAL_MODEL" },
      "set it to the model name the server at T3KIT_EVAL_ENDPOINT serves",
    );
  return textualAccuracy(files, {
    endpoint,
    model,
    apiKey: env.OPENAI_API_KEY,
    cacheDir: outPath("evaluation", "chat-cache"),
  });
}
