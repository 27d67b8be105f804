"""The loading rules of LLaMA-Factory v0.9.1 and ms-swift v2.6.1, re-implemented (read, not
copied) as the oracle for the kit's converters. Usage:
    python3 loader_rules.py llamafactory DATASET_DIR NAME CWD
    python3 loader_rules.py ms-swift FILE CWD
prints JSON {"rows": N, "problems": [...], "media": [resolved paths]}.

LLaMA-Factory (hiyouga/LLaMA-Factory v0.9.1):
- data/parser.py get_dataset_list: the entry's file_name, formatting, columns (messages,
  images, videos, system, tools) and tags (role/content/user/assistant) from dataset_info.json
  in dataset_dir; defaults conversations/from/value/human/gpt.
- data/loader.py: the file goes to datasets' "json" builder, which reads a JSON array or
  JSON Lines whatever the extension; a row without a column reads None.
- data/aligner.py convert_sharegpt: roles alternate (user|observation) at even positions,
  (assistant|function) at odd ones, the count is even; otherwise the example is skipped.
  _convert_images/_convert_videos: a non-list becomes [value] (None -> [None]); [] -> None;
  a str path p becomes join(image_dir, p) when that is a file; image_dir defaults to dataset_dir.
- data/mm_plugin.py (Qwen2-VL plugin): the number of <image> tags over all messages must
  equal len(images), the same for <video> and videos.
ms-swift (modelscope/ms-swift v2.6.1):
- swift/llm/utils/dataset.py load_dataset_from_local: .jsonl/.json through HfDataset.from_json.
- swift/llm/utils/preprocess.py SmartPreprocessor: a "response" column selects the swift
  format; SwiftPreprocessor: history None -> [], a str history is ast.literal_eval'd.
- swift/llm/utils/template.py add_default_tags: media tags counted over history, query and
  response; more tags than (non-empty) media fails; fewer get tags prepended. The kit asks
  for exact equality (no tags added behind the user's back).
Media paths are opened relative to the working directory (CWD).
"""
import json
import os
import sys


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.lstrip().startswith("["):
        return json.loads(text)
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def count(text, tag):
    return text.count(tag)


def check_llamafactory(dataset_dir, name, cwd):
    with open(os.path.join(dataset_dir, "dataset_info.json"), encoding="utf-8") as f:
        info = json.load(f)[name]
    assert info.get("formatting") == "sharegpt", "formatting"
    cols = info.get("columns", {})
    tags = info.get("tags", {})
    messages_col = cols.get("messages", "conversations")
    role, content = tags.get("role_tag", "from"), tags.get("content_tag", "value")
    user, assistant = tags.get("user_tag", "human"), tags.get("assistant_tag", "gpt")
    rows = read_rows(os.path.join(dataset_dir, info["file_name"]))
    keys = set()
    for r in rows:
        keys |= set(r.keys())
    problems, media = [], []
    image_dir = dataset_dir
    for i, r in enumerate(rows):
        row = {k: r.get(k) for k in keys}  # datasets fills a missing column with None
        msgs = row[messages_col]
        if len(msgs) == 0 or len(msgs) % 2 != 0:
            problems.append([i, "message count"])
        for t, m in enumerate(msgs):
            if m[role] != (user if t % 2 == 0 else assistant):
                problems.append([i, "role tag"])
        text = "\n".join(m[content] for m in msgs)
        for col, tag in (("images", "<image>"), ("videos", "<video>")):
            if col not in cols:
                if count(text, tag):
                    problems.append([i, col + " column not declared"])
                continue
            value = row.get(cols[col])
            if not isinstance(value, list):
                value = [value]
            elif len(value) == 0:
                value = None
            value = value or []
            resolved = []
            for p in value:
                if isinstance(p, str) and os.path.isfile(os.path.join(image_dir, p)):
                    p = os.path.join(image_dir, p)
                resolved.append(p)
            if count(text, tag) != len(resolved):
                problems.append([i, "%d %s tags for %d %s" % (count(text, tag), tag, len(resolved), col)])
            for p in resolved:
                full = p if (p is None or os.path.isabs(p)) else os.path.join(cwd, p)
                if p is None or not os.path.isfile(full):
                    problems.append([i, "missing file %r" % (p,)])
                media.append(p)
    return {"rows": len(rows), "problems": problems, "media": media}


def check_swift(path, cwd):
    rows = read_rows(path)
    keys = set()
    for r in rows:
        keys |= set(r.keys())
    problems, media = [], []
    if "response" not in keys:
        problems.append([-1, "no response column: not the swift format"])
    for i, r in enumerate(rows):
        row = {k: r.get(k) for k in keys}
        history = row.get("history") or []
        if isinstance(history, str):
            problems.append([i, "history as a string"])
            history = []
        for h in history:
            if not (isinstance(h, list) and len(h) == 2 and all(isinstance(x, str) for x in h)):
                problems.append([i, "history item not [query, response]"])
        if not isinstance(row.get("query"), str) or not isinstance(row.get("response"), str):
            problems.append([i, "query/response not strings"])
            continue
        text = "\n".join(["%s\n%s" % (h[0], h[1]) for h in history] + ["%s\n%s" % (row["query"], row["response"])])
        if history and history[-1] == [row["query"], row["response"]]:
            problems.append([i, "final turn repeated in history"])
        for col, tag in (("images", "<image>"), ("videos", "<video>")):
            value = [m for m in (row.get(col) or []) if m]
            if count(text, tag) != len(value):
                problems.append([i, "%d %s tags for %d %s" % (count(text, tag), tag, len(value), col)])
            for p in value:
                full = p if os.path.isabs(p) else os.path.join(cwd, p)
                if not os.path.isfile(full):
                    problems.append([i, "missing file %r" % (p,)])
                media.append(p)
    return {"rows": len(rows), "problems": problems, "media": media}


if __name__ == "__main__":
    if sys.argv[1] == "llamafactory":
        out = check_llamafactory(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        out = check_swift(sys.argv[2], sys.argv[3])
    print(json.dumps(out, ensure_ascii=False))
