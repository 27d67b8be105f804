/**
 * One LLaVA record → one ms-swift 2.x row `{query, response, history, images, videos}`:
 * the last human turn is the query, the last gpt turn the response, and `history` holds
 * the pairs before them. The released `t3_sft/qwen_exp/convert_data_to_ms.py` appends every
 * pair to `history`, the last one too, so multi-turn rows train on their final turn twice;
 * here it is left out, as ms-swift's own preprocessors do (v2.6.1 `swift/llm/utils/preprocess.py`
 * `ListPreprocessor` pops the last pair off the history). `history` is `[]` for one turn.
 */
import { type MediaFolders, checkedConversation } from "./llava-to-sharegpt";

export interface SwiftRow {
  query: string;
  response: string;
  history: [string, string][];
  images: string[];
  videos: string[];
}

export function toSwiftRow(
  record: unknown,
  where: { file: string; record: number },
  folders: MediaFolders = {},
): SwiftRow {
  const { conversations: turns, images, videos } = checkedConversation(record, where, folders);
  const history: [string, string][] = [];
  for (let i = 0; i + 3 < turns.length; i += 2) history.push([turns[i].value, turns[i + 1].value]);
  return {
    query: turns[turns.length - 2].value,
    response: turns[turns.length - 1].value,
    history,
    images,
    videos,
  };
}
