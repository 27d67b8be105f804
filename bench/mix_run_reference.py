"""What `t3kit mix run SPEC` writes, in plain CPython: the competitor of `npm run bench:mix --mix-run`.

Written from the semantics in lib/mixing (spec/mix-spec.ts, plan/plan-mix.ts,
plan/select-mix.ts, sources/open-mix-sources.ts, run/run-mix.ts), for the specs the
benchmark writes: no sweep, no holdout, no token knobs, no replacement or repeats,
output.format llava-json. Anything else is refused rather than approximated.

  random.seed(seed)
  for each source, in spec order:
      records = json.load(file)        (a T3 file's pairs become {"id": prefix + i,
                                        "conversations": pair}, ids as the released script)
      random.shuffle(records)
      mix += records[:takes]           (takes = the count, cut to what the file holds:
                                        onExhausted truncate, the default for per/lRatio)
  random.shuffle(mix)                  (unless shuffle: false)
  mix = mix[:total]
  json.dump(mix, f, indent=4)          -> OUT/<output.file or name>.json

The spec is read as JSON (the benchmark writes the YAML spec the kit reads and this JSON
twin of it from one object; CPython has no YAML parser in its standard library).

Usage: python3 bench/mix_run_reference.py SPEC.json --out DIR
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "oracle"))
from reference_mix import T3_FILES  # noqa: E402  (the released file -> id prefix table)

T3_PREFIX = {name: f"tempqa-{aspect}-{version}" for _key, aspect, version, name in T3_FILES}


def refuse(what):
    sys.exit(f"mix_run_reference.py: {what} is not supported (the benchmark's specs do not use it)")


def requested(source, spec, text_sources):
    count = source.get("count")
    if count == "per":
        return spec["per"]
    if count == "lRatio":
        # plan-mix.ts: Math.floor(textSources * per * lRatio)
        return int(text_sources * spec["per"] * spec["lRatio"])
    if isinstance(count, int) and not isinstance(count, bool):
        return count
    refuse(f"count {count!r}")


def load_records(source):
    if os.path.isdir(source["path"]) or "{" in source["path"]:
        refuse("a folder or a {var} as a source path")
    with open(source["path"], encoding="utf-8") as f:
        data = json.load(f)
    if source["kind"] == "llava":
        return data
    if source["kind"] == "t3":
        name = os.path.basename(source["path"])
        if name not in T3_PREFIX:
            refuse(f"T3 file {name} (only the 13 released names)")
        prefix = T3_PREFIX[name]
        return [{"id": f"{prefix}{i}", "conversations": pair} for i, pair in enumerate(data)]
    refuse(f"kind {source['kind']!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("spec")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    with open(args.spec, encoding="utf-8") as f:
        spec = json.load(f)
    for key in ("sweep", "holdout", "tokens", "ratio", "vars"):
        if key in spec:
            refuse(key)
    if spec.get("output", {}).get("format", "llava-json") != "llava-json":
        refuse("an output format other than llava-json")
    sources = spec["sources"]
    roles = [s.get("role", "image" if s["kind"] == "llava" else "text") for s in sources]
    text_sources = roles.count("text")

    random.seed(spec.get("seed", 1234))
    mix = []
    for source in sources:
        for key in ("replacement", "maxRepeats", "fraction", "proportion", "ratioOf"):
            if key in source:
                refuse(f"sources[].{key}")
        want = requested(source, spec, text_sources)
        exhausted = source.get("onExhausted", "truncate" if isinstance(source.get("count"), str) else "error")
        records = load_records(source)
        if want > len(records) and exhausted != "truncate":
            sys.exit(f"{source['name']}: asks {want} but holds {len(records)}")
        random.shuffle(records)
        mix += records[:want]
        del records
    if spec.get("shuffle", True):
        random.shuffle(mix)
    if "total" in spec:
        mix = mix[: spec["total"]]

    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, f"{spec.get('output', {}).get('file') or spec['name']}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(mix, f, indent=4)


if __name__ == "__main__":
    main()
