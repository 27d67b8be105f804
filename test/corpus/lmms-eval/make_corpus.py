"""Writes the lmms-eval outputs under test/corpus/lmms-eval/ with lmms-eval's own task code.

Run: /usr/bin/python3 test/corpus/lmms-eval/make_corpus.py /work/.mirror/EvolvingLMMs-Lab+lmms-eval/repo

For each tag it takes lmms_eval/tasks/{tempcompass,mlvu}/ from the lmms-eval git repository
(EvolvingLMMs-Lab/lmms-eval, tags v0.2.4, v0.3.0, v0.3.2) and runs the tag's own
`process_results` and aggregation functions on small documents and model responses. Their
heavy imports (cv2, decord, openai, loguru, the submission-file helper) are replaced by empty
modules: the functions used need only json and re. The ChatGPT judge of TempCompass's
captioning task (`requests.post` to OpenAI) answers from a stand-in that reads the right
option out of the prompt, so no network is used.

What lmms-eval does around those functions needs torch and datasets, so it is transcribed
here, citing v0.3.0 (v0.2.4 is the same in these parts):
- per-sample record: lmms_eval/evaluator.py L490-530 (`example`), then
  lmms_eval/loggers/evaluation_tracker.py L258-287 (`save_results_samples`: arguments by
  position of gen_kwargs' keys, input, resps and filtered_resps as strings, one json.dumps
  line, ensure_ascii=False);
- metrics: lmms_eval/evaluator_utils.py L106-122 (`calculate_aggregate_metric`: agg_fn(items,
  args=...) when it takes args; stderr "N/A" for custom aggregations; sample_len = the LAST
  metric's item count), L284-340 (`consolidate_results`), L342-450 (a group without
  aggregate_metric_list gets `" ": " "`), L196-282 (`prepare_print_tasks`: aliases, subtasks
  indented " - ", "samples" popped), lmms_eval/evaluator.py L609-629 (results_dict),
  L265-297 (config, git_hash, date);
- file: evaluation_tracker.py L186-213 (task_hashes, general config, json.dumps indent=2,
  ensure_ascii=False, `<model_name_sanitized>/<date>_results.json`).

The newest main read (commit 75571cfe, `git describe` v0.6-181-g75571cfe, main-75571cfe/)
changed what lmms-eval writes around the same task functions; its parts are transcribed
from that commit (see `write_run_main`), and where they are pure Python its own code runs:
the MLVU answer parser (lmms_eval/tasks/_task_utils/mcq_extract.py), the reasoning-tag
stripper (lmms_eval/api/reasoning.py), the command-line parser (`parse_eval_args` of
lmms_eval/__main__.py, for `config.resolved_cli_args`), the media collector and the secret
redactor of lmms_eval/evaluator.py, and the usage and efficiency summaries
(lmms_eval/models/model_utils/{usage_metrics,efficiency_metrics}.py).
"""

import ast
import collections
import hashlib
import importlib.util
import inspect
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import types
from functools import partial
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
MODEL_ARGS = "pretrained=lmms-lab/LongVA-7B,conv_template=qwen_1_5,model_name=llava_qwen,max_frames_num=32"
MODEL_DIR = "lmms-lab__LongVA-7B"
GEN_KWARGS = {"max_new_tokens": 16, "temperature": 0, "top_p": 1.0, "num_beams": 1, "do_sample": False}


def hash_string(s):  # lmms_eval/utils.py L58-59
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


def sanitize_list(sub):  # lmms_eval/utils.py L105-114
    if isinstance(sub, list):
        return [sanitize_list(x) for x in sub]
    if isinstance(sub, tuple):
        return tuple(sanitize_list(x) for x in sub)
    return str(sub)


def handle_non_serializable(o):  # lmms_eval/utils.py L96-102
    if isinstance(o, set):
        return list(o)
    return str(o)


class FakeResponse:
    def __init__(self, content):
        self.content = json.dumps(
            {"choices": [{"message": {"content": content}}], "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        ).encode("utf-8")


def chatgpt_stand_in(url, headers=None, data=None):
    """Answers the captioning judge: picks the option the description names, as ChatGPT would."""
    prompt = json.loads(data)["messages"][-1]["content"]
    description = prompt.rsplit("Video Description:", 1)[1].split("\n")[0].lower()
    options = re.findall(r"^([A-D])\. (.+)$", prompt.rsplit("Multi-Choice Question:", 1)[1], re.M)
    for letter, text in options:
        if text.lower() in description:
            return FakeResponse(f"Reasoning: the description says {text}.\nAnswer: {letter}. {text}")
    return FakeResponse("Reasoning: nothing matches.\nAnswer: None of the choices are correct")


def stub_modules():
    for name in ["cv2", "decord", "openai", "loguru", "tqdm", "lmms_eval", "lmms_eval.tasks", "lmms_eval.tasks._task_utils", "lmms_eval.tasks._task_utils.file_utils"]:
        sys.modules[name] = types.ModuleType(name)
    sys.modules["decord"].VideoReader = sys.modules["decord"].cpu = None
    sys.modules["openai"].OpenAI = None
    sys.modules["loguru"].logger = types.SimpleNamespace(info=lambda *a, **k: None, warning=lambda *a, **k: None, debug=lambda *a, **k: None, error=lambda *a, **k: None)
    sys.modules["tqdm"].tqdm = lambda x, **k: x
    sys.modules["lmms_eval.tasks._task_utils.file_utils"].generate_submission_file = lambda *a, **k: None
    sys.modules["lmms_eval.tasks._task_utils"].file_utils = sys.modules["lmms_eval.tasks._task_utils.file_utils"]
    requests = types.ModuleType("requests")
    requests.post = chatgpt_stand_in
    sys.modules["requests"] = requests


def extract_tasks(repo, tag, into, extra=()):
    """lmms_eval/tasks/{tempcompass,mlvu} (and the `extra` paths) of `tag`, unpacked under `into`."""
    tar = subprocess.run(["git", f"--git-dir={repo}", "archive", tag, "lmms_eval/tasks/tempcompass", "lmms_eval/tasks/mlvu", *extra], check=True, capture_output=True).stdout
    tarfile.open(fileobj=io.BytesIO(tar)).extractall(into)
    return Path(into) / "lmms_eval" / "tasks"


def load_utils(folder, name):
    spec = importlib.util.spec_from_file_location(name, folder / "utils.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def task_config(folder, file):
    """A task YAML as lmms-eval's utils read it (lines with !function dropped), template included."""
    def read(p):
        return yaml.safe_load("".join(l for l in open(p) if "!function" not in l))
    cfg = read(folder / file)
    if "include" in cfg:
        base = read(folder / cfg.pop("include"))
        base.update(cfg)
        cfg = base
    return cfg


class Task:
    def __init__(self, name, config, docs, process, aggregations, target):
        self.name, self.config, self.docs, self.process = name, config, docs, process
        self.aggregations, self.target = aggregations, target


def run_task(task, responses, limit):
    """One task as lmms-eval's evaluate() runs it: logged samples and aggregated metrics."""
    docs = task.docs[:limit] if limit else task.docs
    sample_metrics = collections.OrderedDict()
    logged = []
    for doc_id, doc in enumerate(docs):
        resp = responses[doc_id]
        metrics = task.process(doc, [resp])
        context = doc["question"]
        arguments = [context, dict(GEN_KWARGS), doc_id, task.name, "test"]
        target = task.target(doc)
        example = {
            "doc_id": doc_id,
            "doc": {k: v for k, v in doc.items() if "image" not in k},
            "target": target,
            "arguments": arguments,
            "resps": [[resp]],
            "filtered_resps": [resp],
            "doc_hash": hash_string(json.dumps(doc, indent=2, default=handle_non_serializable, ensure_ascii=False)),
            "prompt_hash": hash_string(context),
            "target_hash": hash_string(str(target)),
        }
        example.update(metrics)
        logged.append(example)
        for metric, value in metrics.items():
            sample_metrics.setdefault((metric, "none"), []).append(value)
    agg, sample_len = {}, 0
    for (metric, flt), items in sample_metrics.items():
        fn = task.aggregations[metric]
        agg[f"{metric},{flt}"] = fn(items, args=None) if "args" in inspect.signature(fn).parameters else fn(items)
        sample_len = len(items)
        agg[f"{metric}_stderr,{flt}"] = "N/A"
    result = {"alias": task.name}
    for (metric, flt) in sample_metrics:
        result[f"{metric},{flt}"] = agg[f"{metric},{flt}"]
        result["samples"] = sample_len
        result[f"{metric}_stderr,{flt}"] = agg[f"{metric}_stderr,{flt}"]
    return result, logged, len(docs)


def sample_line(sample):
    s = dict(sample)
    s["arguments"] = {k: v for k, v in enumerate(s["arguments"][1])}
    s["input"] = sample["arguments"][0]
    s["resps"] = sanitize_list(s["resps"])
    s["filtered_resps"] = sanitize_list(s["filtered_resps"])
    s["target"] = str(s["target"])
    return json.dumps(s, default=handle_non_serializable, ensure_ascii=False) + "\n"


def write_run(out, date, tasks, group, limit, git_hash):
    """Runs `tasks` ([(Task, responses)]) and writes the files of one lmms-eval invocation."""
    results, samples, configs, versions, nshot, hib, nsamples = {}, {}, {}, {}, {}, {}, {}
    for task, responses in tasks:
        res, logged, effective = run_task(task, responses, limit)
        results[task.name] = res
        samples[task.name] = logged
        configs[task.name] = task.config
        versions[task.name] = "Yaml"
        nshot[task.name] = 0
        hib[task.name] = {m["metric"]: m["higher_is_better"] for m in task.config["metric_list"]}
        nsamples[task.name] = {"original": len(task.docs), "effective": effective}
    if group:
        agg = {"tempcompass": {" ": " ", "alias": "tempcompass"}}
        for name in sorted(results):
            r = dict(results[name])
            r["alias"] = " - " + r["alias"]
            r.pop("samples")
            agg[name] = r
        merged = {}
        for task, _ in tasks:
            for m, h in hib[task.name].items():
                merged.setdefault(m, h)
        hib["tempcompass"] = merged
        subtasks = {"tempcompass": [t.name for t, _ in tasks]}
    else:
        agg = {}
        for name in sorted(results):
            r = dict(results[name])
            r.pop("samples")
            agg[name] = r
        subtasks = {t.name: [] for t, _ in reversed(tasks)}
    results_dict = {
        "results": agg,
        "group_subtasks": subtasks,
        "configs": dict(sorted(configs.items())),
        "versions": dict(sorted(versions.items())),
        "n-shot": dict(sorted(nshot.items())),
        "higher_is_better": dict(sorted(hib.items())),
        "n-samples": nsamples,
        "config": {
            "model": "longva", "model_args": MODEL_ARGS, "batch_size": "1", "batch_sizes": [], "device": None,
            "use_cache": None, "limit": limit, "bootstrap_iters": 100000, "gen_kwargs": "", "random_seed": 0,
            "numpy_seed": 1234, "torch_seed": 1234, "fewshot_seed": 1234,
        },
        "git_hash": git_hash,
        "date": date,
    }
    results_dict["task_hashes"] = {
        name: hash_string("".join(s["doc_hash"] + s["prompt_hash"] + s["target_hash"] for s in logged))
        for name, logged in samples.items()
    }
    results_dict.update({
        "model_source": "longva", "model_name": "lmms-lab/LongVA-7B", "model_name_sanitized": MODEL_DIR,
        "system_instruction": None, "system_instruction_sha": None, "fewshot_as_multiturn": False,
        "chat_template": None, "chat_template_sha": None, "start_time": 1000.0, "end_time": 1090.5,
        "total_evaluation_time_seconds": "90.5",
    })
    folder = out / MODEL_DIR
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{date}_results.json").write_text(json.dumps(results_dict, indent=2, default=handle_non_serializable, ensure_ascii=False), encoding="utf-8")
    for name in configs:
        with open(folder / f"{date}_samples_{name}.jsonl", "w", encoding="utf-8") as f:
            for s in samples[name]:
                f.write(sample_line(s))


DIMS = ["action", "speed", "direction", "order", "attribute_change"]


def tempcompass_docs(kind, n):
    docs = []
    for i in range(n):
        dim = DIMS[i % len(DIMS)]
        vid = f"{1000 + i}"
        if kind == "multi_choice":
            q = f"What is the {dim} in the video — 视频 {i}?\nA. up\nB. down\nC. left\nD. right"
            docs.append({"video_id": vid, "question": q, "answer": "ABCD"[i % 4] + ". " + ["up", "down", "left", "right"][i % 4], "dim": dim})
        elif kind == "yes_no":
            docs.append({"video_id": vid, "question": f"Is the {dim} \"fast\" in this video? 🎥", "answer": "yes" if i % 2 else "no", "dim": dim})
        elif kind == "caption_matching":
            q = "Which caption matches the video?\nCaption A: a car turns left\nCaption B: a car turns right"
            docs.append({"video_id": vid, "question": q, "answer": "Caption A: a car turns left" if i % 2 else "Caption B: a car turns right", "dim": dim})
        else:
            mc = "What does the car do?\nA. turns left\nB. turns right\nC. stops\nD. reverses"
            docs.append({"video_id": vid, "question": "Describe the video in detail.", "answer": "", "dim": dim, "mc_question": mc, "mc_answer": "ABCD"[i % 4] + ". " + ["turns left", "turns right", "stops", "reverses"][i % 4]})
    return docs


def tempcompass_responses(kind, docs):
    out = []
    for i, d in enumerate(docs):
        right = i % 3 != 0
        if kind == "multi_choice":
            letter = d["answer"][0] if right else "ABCD"[("ABCD".index(d["answer"][0]) + 1) % 4]
            out.append([letter, letter + ".", letter + ")", d["answer"]][i % 4] if right else letter)
        elif kind == "yes_no":
            yes = d["answer"] == "yes"
            out.append(("Yes, it is." if yes else "No.") if right else ("No." if yes else "Yes"))
        elif kind == "caption_matching":
            a = d["answer"].split(":")[0]
            out.append(a if right else ("Caption B" if a == "Caption A" else "Caption A"))
        else:
            text = d["mc_answer"][3:]
            out.append(f"The car {text} slowly." if right else "A quiet street at night.")
    return out


def tempcompass_tasks(folder, utils, kinds, n):
    files = {"multi_choice": "tempcompass_mc.yaml", "yes_no": "tempcompass_yes_no.yaml", "caption_matching": "tempcompass_caption_matching.yaml", "captioning": "tempcompass_captioning.yaml"}
    out = []
    for kind in kinds:
        cfg = task_config(folder, files[kind])
        docs = tempcompass_docs(kind, n)
        aggs = {m["metric"]: utils.tempcompass_aggregate_rating for m in cfg["metric_list"]}
        process = getattr(utils, f"tempcompass_process_results_{kind}")
        out.append((Task(cfg["task"], cfg, docs, process, aggs, utils.tempcompass_doc_to_answer), tempcompass_responses(kind, docs)))
    return out


ANOMALY = "Does this surveillance footage contain any anomalies? If yes, which kind of anomaly?"


def mlvu_docs(types_):
    docs = []
    for i, t in enumerate(types_):
        q = ANOMALY if t in ("AR", "anomaly_reco") else f"Question {i} about the {t} of the video?"
        opts = "\n".join(f"({l}) option {l}" for l in "ABCD")
        docs.append({"video_name": f"{t}_{i}.mp4", "duration": 180.5 + i, "question": f"{q}\n{opts}", "answer": "ABCD"[i % 4], "task_type": t})
    return docs


def mlvu_responses(docs):
    return [d["answer"] + ")" if i % 3 else "ABCD"[("ABCD".index(d["answer"]) + 1) % 4] for i, d in enumerate(docs)]


def mlvu_task(folder, utils, yaml_file, types_, aggregate):
    cfg = task_config(folder, yaml_file)
    docs = mlvu_docs(types_)
    metric = cfg["metric_list"][0]["metric"]
    return [(Task(cfg["task"], cfg, docs, utils.mlvu_process_results, {metric: aggregate}, lambda d: d["answer"]), mlvu_responses(docs))]


def main(repo):
    os.environ.setdefault("HF_HOME", "/nonexistent-hf-home")
    stub_modules()
    codes = ["TR", "AR", "NQA", "ER", "PQA", "AO", "AC", "AR", "AR", "TR", "NQA", "AO"]
    names = {"TR": "topic_reasoning", "AR": "anomaly_reco", "NQA": "needle", "ER": "ego", "PQA": "plotQA", "AO": "order", "AC": "count"}
    hashes = {"v0.2.4": "2f3d5e1", "v0.3.0": "bb3fd82", "v0.3.2": "e5f7044"}
    for tag in ["v0.2.4", "v0.3.0", "v0.3.2"]:
        with tempfile.TemporaryDirectory() as tmp:
            tasks_dir = extract_tasks(repo, tag, tmp)
            tc = load_utils(tasks_dir / "tempcompass", f"tempcompass_utils_{tag}")
            ml = load_utils(tasks_dir / "mlvu", f"mlvu_utils_{tag}")
            out = HERE / tag
            if tag == "v0.3.0":
                # --tasks tempcompass: the group and its four subtasks.
                write_run(out / "tempcompass-group", "20241203_093000", tempcompass_tasks(tasks_dir / "tempcompass", tc, ["multi_choice", "yes_no", "caption_matching", "captioning"], 10), True, None, hashes[tag])
            if tag == "v0.2.4":
                # --tasks tempcompass_multi_choice --limit 4: only action, speed, direction, order asked.
                write_run(out / "tempcompass-limit", "20241002_120000", tempcompass_tasks(tasks_dir / "tempcompass", tc, ["multi_choice"], 10), False, 4, hashes[tag])
            if tag in ("v0.2.4", "v0.3.0"):
                write_run(out / "mlvu", "20241002_130000" if tag == "v0.2.4" else "20241203_100000", mlvu_task(tasks_dir / "mlvu", ml, "mlvu.yaml", codes, ml.mlvu_aggregate_results), False, None, hashes[tag])
            else:
                write_run(out / "mlvu_dev", "20250110_080000", mlvu_task(tasks_dir / "mlvu", ml, "mlvu_dev.yaml", [names[c] for c in codes], ml.mlvu_aggregate_results_dev), False, None, hashes[tag])
    write_main(repo, HERE / f"main-{MAIN_REF[:8]}")


# ---- the newest main ----------------------------------------------------------------
# Commit 75571cfe0fa36ca5ec2e6aa2bb268f9d38295af3 (2026-08-06). What changed around the
# task functions (all of it transcribed or run below, citing that commit's files):
# - results: every metric also gets `<metric>_stderr_clt,<filter>` and
#   `<metric>_stderr_clustered,<filter>` (evaluator_utils.py L134-162
#   calculate_clt_aggregate_metric, L436-458 consolidate_results), "N/A" when the items are
#   dicts without a "score"; top level adds git_branch, lmms_eval_version, usage, efficiency
#   (evaluator.py L561-610), config adds model_backend, offset, resolved_cli_args;
# - task_hashes: sha256 over "sample_<i>" + doc_hash of each sample in order
#   (loggers/evaluation_tracker.py L190-194), no prompt or target hash in the samples;
# - samples lines: no `doc` and no `arguments` (popped), `resps` flattened and dropped when
#   equal to `filtered_resps`, `token_counts` added (evaluator.py L1252-1296,
#   evaluation_tracker.py L265-298).

MAIN_REF = "75571cfe0fa36ca5ec2e6aa2bb268f9d38295af3"
MAIN_DESCRIBE = "v0.6-181-g75571cfe"  # get_git_commit_hash(): `git describe --always`
MAIN_EXTRA = [
    "lmms_eval/tasks/_task_utils/mcq_extract.py",
    "lmms_eval/api/reasoning.py",
    "lmms_eval/__main__.py",
    "lmms_eval/evaluator.py",
    "lmms_eval/models/model_utils/usage_metrics.py",
    "lmms_eval/models/model_utils/efficiency_metrics.py",
]


def load_module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def load_defs(path, names, namespace):
    """The top-level functions and assignments named `names` of a module that cannot be
    imported whole (it needs torch): its own code, compiled alone into `namespace`."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    keep = [
        n for n in tree.body
        if (isinstance(n, ast.FunctionDef) and n.name in names)
        or (isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id in names for t in n.targets))
    ]
    assert {getattr(n, "name", None) or n.targets[0].id for n in keep} == set(names), names
    exec(compile(ast.Module(body=keep, type_ignores=[]), str(path), "exec"), namespace)
    return namespace


class MainCode:
    """The pure-Python parts of lmms-eval main, loaded from its tree."""

    def __init__(self, root):
        lm = root / "lmms_eval"
        self.mcq = load_module(lm / "tasks/_task_utils/mcq_extract.py", "lmms_eval.tasks._task_utils.mcq_extract")
        self.reasoning = load_module(lm / "api/reasoning.py", "lmms_eval_main_reasoning")
        self.usage = load_module(lm / "models/model_utils/usage_metrics.py", "lmms_eval_main_usage")
        self.efficiency = load_module(lm / "models/model_utils/efficiency_metrics.py", "lmms_eval_main_efficiency")
        import argparse
        import base64
        import mimetypes
        from typing import Optional

        logger = sys.modules["loguru"].logger
        self.ev = load_defs(
            lm / "evaluator.py",
            ["IMAGE_EXTENSIONS", "_looks_like_image_ref", "_guess_image_mime", "_append_image_source", "_extract_image_sources", "_collect_input_media",
             "_SENSITIVE_CONFIG_KEYS", "_SENSITIVE_KEY_SUFFIXES", "_SECRET_ASSIGNMENT_RE", "_HF_TOKEN_VALUE_RE", "_is_sensitive_config_key", "_redact_eval_config_secrets"],
            {"re": re, "base64": base64, "mimetypes": mimetypes, "Optional": Optional},
        )
        self.cli = load_defs(
            lm / "__main__.py",
            ["_int_or_none_list_arg_type", "parse_eval_args"],
            {"argparse": argparse, "partial": partial, "eval_logger": logger, "os": os, "sys": sys},
        )

    def cli_args(self, argv):
        """`lmms-eval ARGV` as parse_eval_args reads it, then cli_evaluate_single's one change
        to it (__main__.py L623-624: the output path joins hf_hub_log_args)."""
        saved = sys.argv
        sys.argv = ["lmms-eval", *argv]
        try:
            _, args = self.cli["parse_eval_args"]()
        finally:
            sys.argv = saved
        if args.output_path:
            args.hf_hub_log_args += f",output_path={args.output_path}"
        return args


def resolved_cli_args(args):  # evaluator.py L587-595
    resolved = {}
    for key, value in vars(args).items():
        try:
            json.dumps(value)
            resolved[key] = value
        except (TypeError, ValueError):
            resolved[key] = str(value)
    return resolved


def run_task_main(task, responses, limit, code, tags):
    """One task as main's evaluate() runs it (evaluator.py L1216-1299; one request per doc,
    the filter "none" taking the response as it is, reasoning tags stripped first)."""
    docs = task.docs[: int(limit)] if limit else task.docs
    sample_metrics = collections.OrderedDict()
    logged = []
    for doc_id, doc in enumerate(docs):
        raw = responses[doc_id]
        filtered = code.reasoning.strip_reasoning_tags(raw, tags)  # L1226-1233
        metrics = task.process(doc, [filtered])
        context = task.doc_to_text(doc)
        # Task.construct_requests' arguments; the functions among them are not kept (L1258-1264).
        arguments = [context, dict(task.config.get("generation_kwargs", {})), doc_id, task.name, "test"]
        target = task.target(doc)
        saved_doc = {k: v for k, v in doc.items() if not isinstance(v, (bytes, bytearray))}
        example = {
            "doc_id": doc_id,
            "doc": saved_doc,
            "target": target,
            "arguments": arguments,
            "resps": [raw],  # req.raw_filtered_resps.get(filter_key, req.resps)
            "filtered_resps": [filtered],
            "token_counts": [None],  # LongVA reports none
            "doc_hash": hash_string(json.dumps(doc, indent=2, default=handle_non_serializable, ensure_ascii=False)),
        }
        media = code.ev["_collect_input_media"](doc, arguments)
        if media:
            example["input_media"] = media
        example.update(metrics)
        logged.append(example)
        for metric, value in metrics.items():
            sample_metrics.setdefault((metric, "none"), []).append(value)
    agg, sample_len = {}, 0
    for (metric, flt), items in sample_metrics.items():  # evaluator_utils.py L115-132
        fn = task.aggregations[metric]
        agg[f"{metric},{flt}"] = fn(items, args=None) if "args" in inspect.signature(fn).parameters else fn(items)
        sample_len = len(items)
        agg[f"{metric}_stderr,{flt}"] = "N/A"  # stderr_for_metric: none for a task's own aggregation
    for (metric, flt), items in sample_metrics.items():  # L134-162, no cluster_key, score_key "score"
        numeric = [x if isinstance(x, (int, float)) else x["score"] for x in items if isinstance(x, (int, float)) or (isinstance(x, dict) and "score" in x)]
        n = len(numeric)
        agg[f"{metric}_stderr_clt,{flt}"] = np.std(numeric, ddof=1) / np.sqrt(n) if n > 1 else "N/A"
        agg[f"{metric}_stderr_clustered,{flt}"] = "N/A"
    result = {"alias": task.name}
    for (metric, flt) in sample_metrics:  # consolidate_results L436-458
        result[f"{metric},{flt}"] = agg[f"{metric},{flt}"]
        result["samples"] = sample_len
        result[f"{metric}_stderr,{flt}"] = agg[f"{metric}_stderr,{flt}"]
        result[f"{metric}_stderr_clt,{flt}"] = agg[f"{metric}_stderr_clt,{flt}"]
        result[f"{metric}_stderr_clustered,{flt}"] = agg[f"{metric}_stderr_clustered,{flt}"]
    return result, logged, len(docs)


def sample_line_main(sample):  # evaluation_tracker.py L261-298
    sample = dict(sample)
    sample["input"] = sample["arguments"][0]
    sample["resps"] = sanitize_list(sample["resps"])
    sample["filtered_resps"] = sanitize_list(sample["filtered_resps"])
    if isinstance(sample["resps"], list) and len(sample["resps"]) == 1:
        sample["resps"] = sample["resps"][0]
    if isinstance(sample["filtered_resps"], list) and len(sample["filtered_resps"]) == 1:
        sample["filtered_resps"] = sample["filtered_resps"][0]
    if sample["resps"] == sample["filtered_resps"]:
        sample.pop("resps")
    elif isinstance(sample["resps"], list) and len(sample["resps"]) == 1 and sample["resps"][0] == sample["filtered_resps"]:
        sample.pop("resps")
    sample["target"] = str(sample["target"])
    sample.pop("arguments")
    sample.pop("doc")
    return json.dumps(sample, default=handle_non_serializable, ensure_ascii=False) + "\n"


def write_run_main(out, date, tasks, group, argv, code):
    """The files of one `lmms-eval ARGV` at main: results (evaluator.py L1413-1466, L550-610;
    __main__.py L754-784; evaluation_tracker.py L169-212) and samples (L240-298)."""
    args = code.cli_args(argv)
    limit = args.limit
    tags = code.reasoning.parse_reasoning_tags_config(cli_value=args.reasoning_tags, task_value=None)
    results, samples, configs, versions, nshot, hib, nsamples = {}, {}, {}, {}, {}, {}, {}
    for task, responses in tasks:
        res, logged, effective = run_task_main(task, responses, limit, code, tags)
        results[task.name] = res
        samples[task.name] = logged
        configs[task.name] = task.config
        versions[task.name] = "Yaml"
        nshot[task.name] = 0
        hib[task.name] = {m["metric"]: m["higher_is_better"] for m in task.config["metric_list"]}
        nsamples[task.name] = {"original": len(task.docs), "effective": min(limit if limit else len(task.docs), len(task.docs))}
    if group:
        agg = {"tempcompass": {" ": " ", "alias": "tempcompass"}}
        for name in sorted(results):
            r = dict(results[name])
            r["alias"] = " - " + r["alias"]
            r.pop("samples")
            agg[name] = r
        merged = {}
        for task, _ in tasks:
            for m, h in hib[task.name].items():
                merged.setdefault(m, h)
        hib["tempcompass"] = merged
        subtasks = {"tempcompass": [t.name for t, _ in tasks]}
    else:
        agg = {}
        for name in sorted(results):
            r = dict(results[name])
            r.pop("samples")
            agg[name] = r
        subtasks = {t.name: [] for t, _ in reversed(tasks)}
    results_dict = {
        "results": agg,
        "group_subtasks": subtasks,
        "configs": dict(sorted(configs.items())),
        "versions": dict(sorted(versions.items())),
        "n-shot": dict(sorted(nshot.items())),
        "higher_is_better": dict(sorted(hib.items())),
        "n-samples": nsamples,
        "samples": samples,
    }
    config = {"model": args.model, "model_args": args.model_args}
    config.update({
        "model_backend": "lmms_eval.models.simple.longva.LongVA (simple)",
        "batch_size": args.batch_size, "batch_sizes": [], "device": args.device, "use_cache": args.use_cache,
        "limit": limit, "offset": args.offset, "bootstrap_iters": 100000, "gen_kwargs": args.gen_kwargs,
        "random_seed": args.seed[0], "numpy_seed": args.seed[1], "torch_seed": args.seed[2], "fewshot_seed": args.seed[3],
    })
    config["resolved_cli_args"] = resolved_cli_args(args)
    results_dict["config"] = code.ev["_redact_eval_config_secrets"](config)
    results_dict["git_hash"] = MAIN_DESCRIBE
    results_dict["git_branch"] = "main"
    results_dict["lmms_eval_version"] = f"main@{MAIN_DESCRIBE[-8:]}"
    results_dict["date"] = date
    code.usage.reset_usage_metrics()
    results_dict["usage"] = code.usage.summarize_usage_metrics()
    efficiency = code.efficiency.build_efficiency_summary(results_dict)
    if efficiency:
        results_dict["efficiency"] = efficiency
    samples = results_dict.pop("samples")  # __main__.py L755-756
    results_dict["task_hashes"] = {
        name: hash_string("".join(f"sample_{index}" + s["doc_hash"] for index, s in enumerate(logged)))
        for name, logged in samples.items()
    }
    results_dict.update({
        "model_source": "longva", "model_name": "lmms-lab/LongVA-7B", "model_name_sanitized": MODEL_DIR,
        "system_instruction": None, "system_instruction_sha": None, "fewshot_as_multiturn": False,
        "chat_template": None, "chat_template_sha": None, "start_time": 1000.0, "end_time": 1090.5,
        "total_evaluation_time_seconds": "90.5",
    })
    folder = out / MODEL_DIR
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{date}_results.json").write_text(json.dumps(results_dict, indent=2, default=handle_non_serializable, ensure_ascii=False), encoding="utf-8")
    for name in results_dict["configs"]:
        with open(folder / f"{date}_samples_{name}.jsonl", "w", encoding="utf-8") as f:
            for s in samples[name]:
                f.write(sample_line_main(s))


def specific_kwargs(cfg):
    """ConfigurableTask's lmms_eval_specific_kwargs for a model it names no kwargs for
    (api/task.py L887-894): the "default" entry merged into the dict itself."""
    kw = cfg.get("lmms_eval_specific_kwargs")
    if kw is not None and "default" in kw:
        kw.update(kw.get("default", {}))
    return kw


def with_text(task, doc_to_text):
    kw = specific_kwargs(task.config)
    task.doc_to_text = lambda doc: doc_to_text(doc, kw)
    return task


def write_main(repo, out):
    with tempfile.TemporaryDirectory() as tmp:
        tasks_dir = extract_tasks(repo, MAIN_REF, tmp, MAIN_EXTRA)
        code = MainCode(Path(tmp))
        tc = load_utils(tasks_dir / "tempcompass", "tempcompass_utils_main")
        ml = load_utils(tasks_dir / "mlvu", "mlvu_utils_main")
        base = ["--model", "longva", "--model_args", MODEL_ARGS, "--batch_size", "1", "--log_samples", "--log_samples_suffix", "longva", "--output_path", "./logs/"]

        def tempcompass(kinds, n):
            made = tempcompass_tasks(tasks_dir / "tempcompass", tc, kinds, n)
            for (task, responses), kind in zip(made, kinds):
                with_text(task, getattr(tc, f"tempcompass_doc_to_text_{kind}"))
                # A reasoning model's answer: lmms-eval strips the tags before scoring.
                responses[1] = f"<think>the clip shows it</think>{responses[1]}"
            return made

        kinds = ["multi_choice", "yes_no", "caption_matching", "captioning"]
        write_run_main(out / "tempcompass-group", "20260807_093000", tempcompass(kinds, 10), True, base + ["--tasks", "tempcompass"], code)
        write_run_main(out / "tempcompass-limit", "20260807_100000", tempcompass(["multi_choice"], 10), False, base + ["--tasks", "tempcompass_multi_choice", "--limit", "4"], code)
        names = {"TR": "topic_reasoning", "AR": "anomaly_reco", "NQA": "needle", "ER": "ego", "PQA": "plotQA", "AO": "order", "AC": "count"}
        codes = ["TR", "AR", "NQA", "ER", "PQA", "AO", "AC", "AR", "AR", "TR", "NQA", "AO"]
        mlvu = mlvu_task(tasks_dir / "mlvu", ml, "mlvu_dev.yaml", [names[c] for c in codes], ml.mlvu_aggregate_results_dev)
        with_text(mlvu[0][0], ml.mlvu_doc_to_text)
        mlvu[0][1][4] = "<think>plot first</think>" + mlvu[0][1][4]
        mlvu[0][1][5] = "The best option is (B)."
        write_run_main(out / "mlvu_dev", "20260807_110000", mlvu, False, base + ["--tasks", "mlvu_dev"], code)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/EvolvingLMMs-Lab+lmms-eval/repo")
