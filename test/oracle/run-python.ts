// Runs a Python snippet with the python3 on PATH (CPython 3) and returns its stdout: the
// independent oracle for every Python-compatibility test.
import { execFileSync } from "node:child_process";

/** Runs `code` under python3 with `input` on stdin; returns stdout as a string. */
export function runPython(code: string, input?: string | Buffer): string {
  return execFileSync("python3", ["-c", code], {
    input,
    maxBuffer: 1 << 28,
    encoding: "utf8",
  });
}

/** Runs `code` under python3 and parses its stdout as JSON. */
export function runPythonJson<T = unknown>(code: string, input?: string | Buffer): T {
  return JSON.parse(runPython(code, input)) as T;
}
