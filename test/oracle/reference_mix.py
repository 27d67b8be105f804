"""The reference mixing recipe (t3_sft/data_creation.py in llyx97/video-t3), written again for t3kit.

It does what the released t3_sft/data_creation.py does (same random draws, same 12 files,
same bytes) with plain CPython: json.load, random.shuffle, json.dump(indent=4). t3kit uses
it as the oracle in its tests and as the competitor in `npm run bench:mix`.

Usage: python3 test/oracle/reference_mix.py --llava FILE --t3-dir DIR --out DIR [--force]
"""
import argparse
import json
import os
import random

# (key, aspect, version, file), in load order.
T3_FILES = [
    ("tempqa_v2_order_long_1x", "order-long", "v2", "temp_qa_order_train_long.json"),
    ("tempqa_v2_attribute_long_1x", "attribute-long", "v2", "temp_qa_attribute_train_long.json"),
    ("tempqa_v2_order_long_2x", "order-2x", "v2-long", "temp_qa_order_train_long_2x_15k.json"),
    ("tempqa_v2_attribute_long_2x", "attribute-2x", "v2-long", "temp_qa_attribute_train_long_2x_15k.json"),
    ("tempqa_v2_order_long_4x", "order-4x", "v2-long", "temp_qa_order_train_long_4x_15k.json"),
    ("tempqa_v2_attribute_long_4x", "attribute-4x", "v2-long", "temp_qa_attribute_train_long_4x_15k.json"),
    ("tempqa_v2_attribute_long_8x", "attribute-8x", "v2-long", "temp_qa_attribute_train_long_8x_15k.json"),
    ("tempqa_v2_order_long_8x", "order-8x", "v2-long", "temp_qa_order_train_long_8x_15k.json"),
    ("temp_qa_refer_anchor_temp2any_train", "refer_anchor_temp2any", "v2", "temp_qa_refer_anchor_temp2any_train.json"),
    ("temp_qa_refer_begin_end_temp2any_train", "refer_begin_end_temp2any", "v2", "temp_qa_refer_begin_end_temp2any_train.json"),
    ("temp_qa_order_shuffle_phrase_train", "order_shuffle_phrase_fix", "v2", "temp_qa_order_shuffle_phrase_train.json"),
    ("temp_qa_order_shuffle_prefix_train", "order_shuffle_prefix_fix", "v2", "temp_qa_order_shuffle_prefix_train.json"),
    ("temp_qa_order_shuffle_sentence_train", "order_shuffle_sentence", "v2", "temp_qa_order_shuffle_sentence_train.json"),
]

SHUF = ["temp_qa_order_shuffle_phrase_train", "temp_qa_order_shuffle_prefix_train",
        "temp_qa_order_shuffle_sentence_train"]
REFER = ["temp_qa_refer_anchor_temp2any_train", "temp_qa_refer_begin_end_temp2any_train"]
COMPOSITIONS = [
    SHUF + REFER,
    SHUF + ["tempqa_v2_order_long_1x"],
    SHUF + ["tempqa_v2_attribute_long_1x"],
    SHUF + ["tempqa_v2_order_long_1x", "tempqa_v2_attribute_long_1x"],
    SHUF + ["tempqa_v2_order_long_1x", "tempqa_v2_attribute_long_1x"] + REFER,
    ["llava_next"],
]
PER = 100_000
RATIO = 2
TOTALS = [100_000, 200_000]


def short_name(keys):
    name = "-".join(keys)
    for cut in ("tempqa_v2_", "temp_qa_", "_train"):
        name = name.replace(cut, "")
    return name


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--llava", required=True)
    ap.add_argument("--t3-dir", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args()

    random.seed(1234)
    data = {}
    with open(args.llava, encoding="utf-8") as f:
        data["llava_next"] = json.load(f)
    random.shuffle(data["llava_next"])
    for key, aspect, version, name in T3_FILES:
        with open(os.path.join(args.t3_dir, name), encoding="utf-8") as f:
            pairs = json.load(f)
        data[key] = [{"id": f"tempqa-{aspect}-{version}{i}", "conversations": pair}
                     for i, pair in enumerate(pairs)]
    for key in data:
        random.shuffle(data[key])

    os.makedirs(args.out, exist_ok=True)
    for total in TOTALS:
        for comp in COMPOSITIONS:
            if len(comp) == 1:
                d = data[comp[0]][:total]
            else:
                d = []
                for key in comp:
                    limit = (len(comp) - 1) * PER * RATIO if key == "llava_next" else PER
                    d += data[key][:limit]
            random.shuffle(d)
            d = d[:total]
            path = os.path.join(args.out, f"{short_name(comp)}_per{PER}_total{len(d)}_lRatio{RATIO}.json")
            if os.path.exists(path) and not args.force:
                continue
            with open(path, "w", encoding="utf-8") as f:
                json.dump(d, f, indent=4)


if __name__ == "__main__":
    main()
