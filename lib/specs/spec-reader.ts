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

/**
 * A value with its type, for specs whose fields take several types (a hyperparameter is an
 * int, a float, a string or a bool): `string "2e-5x"`, `number 0`, `null`, `a list`.
 */
export function describeTypedSpecValue(v: unknown): string {
  if (v === null) return "null";
  if (typeof v === "object") return describeSpecValue(v);
  return `${typeof v} ${JSON.stringify(v)}`;
}

export class SpecReader {
  /**
   * `describe` shows a wrong value in messages; without it a mapping or list is named
   * (describeSpecValue) and a scalar is shown as JSON.
   */
  constructor(
    readonly file: string,
    private readonly describe?: (v: unknown) => string,
  ) {}

  /** `v` as this reader's messages show it. */
  shown(v: unknown): string {
    return (this.describe ?? describeSpecValue)(v);
  }

  /** A scalar as this reader's messages show it (JSON unless the reader has a describer). */
  private shownScalar(v: unknown): string {
    return this.describe ? this.describe(v) : JSON.stringify(v);
  }

  fail(field: string, problem: string): never {
    throw new InputError({ file: this.file, field }, problem);
  }

  /** The path of `key` inside `field` (`batch` + `global` → `batch.global`). */
  path(field: string, key: string): string {
    return field ? `${field}.${key}` : key;
  }

  obj(v: unknown, field: string): Obj {
    if (typeof v !== "object" || v === null || Array.isArray(v))
      this.fail(field, `expected a mapping, got ${this.shown(v)}`);
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
      this.fail(field, `expected a number, got ${this.shownScalar(v)}`);
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

  /** A whole number of at least 1 (a count of nodes, GPUs, a batch size). */
  posInt(v: unknown, field: string): number {
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1)
      this.fail(field, `expected a positive integer, got ${this.shownScalar(v)}`);
    return v as number;
  }

  str(v: unknown, field: string): string {
    if (typeof v !== "string" || v === "")
      this.fail(field, `expected a non-empty string, got ${this.shownScalar(v)}`);
    return v as string;
  }

  /** A string with no NUL character: argv words and paths end at NUL. */
  noNul(s: string, field: string): string {
    if (s.includes("\0")) this.fail(field, "contains a NUL character");
    return s;
  }

  /** A non-empty string with no NUL: a path or a name that a program gets. */
  safeStr(v: unknown, field: string): string {
    return this.noNul(this.str(v, field), field);
  }

  /**
   * `s` as the value of a command-line flag: one that starts with "-" would be read as a
   * flag of its own by `parser` (argparse and its kin).
   */
  notFlag(s: string, field: string, parser = "the program's argument parser"): string {
    if (s.startsWith("-"))
      this.fail(field, `${JSON.stringify(s)} starts with "-": ${parser} would read it as a flag`);
    return s;
  }

  /** `o[key]` read with `f`, or undefined when absent; `field` is `o`'s own path. */
  opt<T>(o: Obj, key: string, f: (v: unknown, field: string) => T, field: string): T | undefined {
    return o[key] === undefined ? undefined : f(o[key], this.path(field, key));
  }
}
