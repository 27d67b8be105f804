"""The baseline a user would write for `t3kit mix inspect` (npm run bench:inspect): plain
CPython, json.load of every file, exact dedup by normalised text (lower-cased, whitespace
runs collapsed) and the share of each question's word 6-grams found in each record.
Usage: inspect_baseline.py QUESTIONS.jsonl FILE_OR_FOLDER..."""
import json, os, re, sys, collections

WORD = re.compile(r"\w+")
N = 6

def files_of(paths):
    for p in paths:
        if os.path.isdir(p):
            for f in sorted(os.listdir(p)):
                if f.endswith(".json") or f.endswith(".jsonl"):
                    yield os.path.join(p, f)
        else:
            yield p

def turns(rec):
    if isinstance(rec, list):
        return [t["value"] for t in rec]
    return [t["value"] for t in rec["conversations"]]

def grams(words):
    return {tuple(words[i:i + N]) for i in range(len(words) - N + 1)}

questions = [json.loads(l)["question"] for l in open(sys.argv[1]) if l.strip()]
gram_items = collections.defaultdict(list)
item_grams = []
for i, q in enumerate(questions):
    g = grams(WORD.findall(q.lower()))
    item_grams.append(len(g))
    for x in g:
        gram_items[x].append(i)
# Grams shared by many questions (a template's sentences) would make every record hit
# thousands of items; a user drops them, as t3kit does (more than max(5, 1%) of items).
common = max(5, 0.01 * len(questions))
for x in [x for x, items in gram_items.items() if len(items) > common]:
    for i in gram_items.pop(x):
        item_grams[i] -= 1

seen = {}
dups = 0
flags = 0
records = 0
for path in files_of(sys.argv[2:]):
    with open(path) as f:
        data = json.load(f) if f.read(1) == "[" and f.seek(0) == 0 else [json.loads(l) for l in f if l.strip()]
    for rec in data:
        text = "\n".join(turns(rec))
        key = " ".join(text.lower().split())
        if key in seen:
            dups += 1
        else:
            seen[key] = records
        hits = collections.Counter()
        for x in grams(WORD.findall(text.lower())):
            for i in gram_items.get(x, ()):
                hits[i] += 1
        flags += sum(1 for i, h in hits.items() if item_grams[i] > 0 and h >= 0.5 * item_grams[i])
        records += 1
print(json.dumps({"records": records, "exact_duplicates": dups, "flags": flags}))
