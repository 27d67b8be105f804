// The independent oracle for the evaluation statistics: Debian's CPython with its numpy and
// mpmath (python3-numpy, python3-mpmath; the pyenv python3 first on PATH has neither).
import { execFileSync } from "node:child_process";

export const DEBIAN_PYTHON = "/usr/bin/python3";

/** Runs `code` under Debian's python3 with `input` on stdin and parses stdout as JSON. */
export function debianPythonJson<T = unknown>(code: string, input = ""): T {
  const out = execFileSync(DEBIAN_PYTHON, ["-c", code], {
    input,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out) as T;
}
