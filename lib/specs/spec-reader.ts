/**
 * Reading one field of a parsed spec: each check fails with an InputError that names the
 * spec file and the field path (`sources[2].count.tokens`). Mix specs and training specs
 * both validate through it.
 */
import { InputError } from "../errors/index";

export type Obj = Record<string, unknown>;

export interface NumberRange {
  int?: boolean;
  min?: number;
  max?: number;
  above?: number;
}

/** A value as a spec's reader sees it: `"text"`, `[list]`, `{mapping}`, `null`, `3`. */
export function describeSpecValue(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return JSON.stringify(v);
}

export class SpecReader {
  constructor(readonly file: string) {}

  fail(field: string, problem: string): never {
    throw new InputError({ file: this.file, field }, problem);
  }

  /** The path of `key` inside `field` (`batch` + `global` → `batch.global`). */
  path(field: string, key: string): string {
    return field ? `${field}.${key}` : key;
  }

  obj(v: unknown, field: string): Obj {
    if (typeof v !== "object" || v === null || Array.isArray(v))
      this.fail(field, `expected a mapping, got ${describeSpecValue(v)}`);
    return v as Obj;
  }

  /** Every key of `o` is one of `keys`. */
  known(o: Obj, keys: readonly string[], field: string): void {
    for (const k of Object.keys(o)) {
      if (!keys.includes(k))
        this.fail(this.path(field, k), `unknown field (known: ${keys.join(", ")})`);
    }
  }

  num(v: unknown, field: string, opts: NumberRange = {}): number {
    if (typeof v !== "number" || !Number.isFinite(v))
      this.fail(field, `expected a number, got ${JSON.stringify(v)}`);
    const n = v as number;
    if (opts.int && !Number.isInteger(n)) this.fail(field, `expected an integer, got ${n}`);
    if (opts.min !== undefined && n < opts.min)
      this.fail(field, `must be >= ${opts.min}, got ${n}`);
    if (opts.above !== undefined && n <= opts.above)
      this.fail(field, `must be > ${opts.above}, got ${n}`);
    if (opts.max !== undefined && n > opts.max)
      this.fail(field, `must be <= ${opts.max}, got ${n}`);
    return n;
  }

  str(v: unknown, field: string): string {
    if (typeof v !== "string" || v === "")
      this.fail(field, `expected a non-empty string, got ${JSON.stringify(v)}`);
    return v as string;
  }

  /** `o[key]` read with `f`, or undefined when absent; `field` is `o`'s own path. */
  opt<T>(o: Obj, key: string, f: (v: unknown, field: string) => T, field: string): T | undefined {
    return o[key] === undefined ? undefined : f(o[key], this.path(field, key));
  }
}
