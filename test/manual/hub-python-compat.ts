/**
 * Checks the kit's cache against Python's huggingface_hub, both pointed at the stand-in
 * Hub: Python's snapshot_download writes one cache, `downloadMatchingFiles` another; their trees
 * (files, symlink targets, refs) must be the same, and Python must read the kit's cache
 * offline (`local_files_only=True`, which also reads the kit's trees/<commit>.json, and
 * `scan_cache_dir`). Files compared: names, symlink targets, refs, trees and CACHEDIR.TAG
 * contents. Needs a Python with
 * huggingface_hub: `HUB_PYTHON=/path/to/python npm run check:hub-python` (about 5 s).
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { downloadMatchingFiles, parseRepoRef } from "../../lib/hub/index";
import { startFixture } from "../hub/stand-in-fixture";

function tree(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const l = lstatSync(p);
      const rel = relative(root, p);
      if (l.isSymbolicLink()) out.push(`${rel} -> ${readlinkSync(p)}`);
      else if (l.isDirectory()) walk(p);
      else if (rel.includes("blobs")) out.push(rel);
      else
        out.push(
          `${rel} = ${createHash("sha256").update(readFileSync(p)).digest("hex").slice(0, 16)}`,
        );
    }
  };
  walk(root);
  return out.filter((l) => !l.startsWith(".locks"));
}

async function main(): Promise<number> {
  const python = process.env.HUB_PYTHON ?? "python3";
  const fx = await startFixture();
  fx.hub.lfsHostname = "localhost";
  const base = mkdtempSync(join(tmpdir(), "t3kit-pycompat-"));
  try {
    const kitCache = join(base, "kit");
    const pyCache = join(base, "py");
    const opts = fx.options();
    opts.config!.cacheDir = kitCache;
    await downloadMatchingFiles(parseRepoRef("datasets/t3kit/demo"), opts);
    await downloadMatchingFiles(parseRepoRef("datasets/t3kit/demo"), { ...opts, revision: "v1" });
    const script = `
import sys, json
from huggingface_hub import snapshot_download, hf_hub_download, scan_cache_dir
py, kit = sys.argv[1], sys.argv[2]
snapshot_download("t3kit/demo", repo_type="dataset", cache_dir=py)
snapshot_download("t3kit/demo", repo_type="dataset", cache_dir=py, revision="v1")
paths = [hf_hub_download("t3kit/demo", f, repo_type="dataset", cache_dir=kit, local_files_only=True)
         for f in ["README.md", "big.bin", "data/sub/x.json"]]
snap = snapshot_download("t3kit/demo", repo_type="dataset", cache_dir=kit, local_files_only=True)
info = scan_cache_dir(kit)
print(json.dumps({"paths": paths, "warnings": [str(w) for w in info.warnings],
                  "repos": [(r.repo_id, r.repo_type, r.nb_files, sorted(len(x.files) for x in r.revisions)) for r in info.repos]}))
`;
    const r = await promisify(execFile)(python, ["-c", script, pyCache, kitCache], {
      env: {
        ...process.env,
        HF_ENDPOINT: fx.hub.url,
        HF_HUB_DISABLE_TELEMETRY: "1",
        HF_HUB_DISABLE_XET: "1",
      },
    });
    const py = JSON.parse(r.stdout.trim().split("\n").pop()!);
    const a = tree(kitCache);
    const b = tree(pyCache);
    const same = JSON.stringify(a) === JSON.stringify(b);
    process.stdout.write(`kit cache:\n  ${a.join("\n  ")}\n`);
    if (!same) process.stdout.write(`python cache differs:\n  ${b.join("\n  ")}\n`);
    process.stdout.write(
      `python read the kit's cache offline: ${py.paths.length} files; scan_cache_dir: ${JSON.stringify(py.repos)}, warnings ${JSON.stringify(py.warnings)}\n`,
    );
    // and the other way: the kit finds everything in Python's cache
    fx.hub.resetCounters();
    const pyOpts = fx.options();
    pyOpts.config!.cacheDir = pyCache;
    const again = await downloadMatchingFiles(parseRepoRef("datasets/t3kit/demo"), pyOpts);
    const reused =
      again.files.every((f) => f.state === "cached") && fx.hub.bodyRequests.length === 0;
    process.stdout.write(
      `the kit on Python's cache: ${fx.hub.bodyRequests.length} body requests, ${fx.hub.log.length} request(s) in all\n`,
    );
    const ok = same && py.warnings.length === 0 && reused;
    process.stdout.write(ok ? "SAME LAYOUT as Python huggingface_hub\n" : "DIFFERENT\n");
    return ok ? 0 : 1;
  } finally {
    await fx.cleanup();
    rmSync(base, { recursive: true, force: true });
  }
}

main().then((c) => {
  process.exitCode = c;
});
