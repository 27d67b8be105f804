/**
 * Writing argument values as each codebase reads them.
 * - Command lines (HF argparse, ms-swift): booleans as the released scripts write them,
 *   small floats in exponent form (`1e-5`, as `--learning_rate 1e-5` in longva_t3.sh).
 * - YAML read by PyYAML (LLaMA-Factory): YAML 1.1 resolves a float only with a dot and a
 *   signed exponent, so `1e-5` would be the string '1e-5'; write `1.0e-5`, `1.0`, `1.0e+20`.
 */
import type { ArgKind, ArgValue } from "../presets/training-preset";

/** A value as a command-line word: `True`/`False` (LongVA) or `true`/`false` (ms-swift). */
export function cliWord(kind: ArgKind, value: ArgValue, bools: "Python" | "lower"): string {
  if (kind === "bool") {
    const b = value === true;
    return bools === "Python" ? (b ? "True" : "False") : String(b);
  }
  if (typeof value === "number") return cliNumber(value);
  return String(value);
}

/** `1e-5`, `2e-6`, `0.03`, `32768`: what Python's float()/int() read back exactly. */
export function cliNumber(n: number): string {
  if (n !== 0 && Math.abs(n) < 1e-3) return n.toExponential();
  return String(n);
}

/** A float that PyYAML's safe_load reads as that float: `1.0e-5`, `0.03`, `1.0`, `-2.5e+30`. */
export function yamlFloat(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? ".nan" : n > 0 ? ".inf" : "-.inf";
  if (n !== 0 && (Math.abs(n) < 1e-4 || Math.abs(n) >= 1e16)) {
    const [mantissa, exponent] = n.toExponential().split("e");
    const m = mantissa.includes(".") ? mantissa : `${mantissa}.0`;
    const e = exponent.startsWith("-") || exponent.startsWith("+") ? exponent : `+${exponent}`;
    return `${m}e${e}`;
  }
  const s = String(n);
  return s.includes(".") ? s : `${s}.0`;
}

/** Words PyYAML (YAML 1.1) would read as booleans or null if left unquoted. */
const YAML11_SPECIAL =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

/**
 * A string scalar PyYAML reads back as the same string: plain when it is a simple path or
 * name that no YAML 1.1 resolver claims (numbers like `75_000` or `1e5`, booleans, dates),
 * else double-quoted with JSON escapes (which YAML's double-quoted style accepts).
 */
export function yamlString(s: string): string {
  const plain =
    /^[A-Za-z_/.][A-Za-z0-9_./+,-]*$/.test(s) &&
    !YAML11_SPECIAL.test(s) &&
    !/^[-+]?[0-9._]/.test(s) &&
    !/^\.(?:inf|nan)$/i.test(s);
  return plain ? s : jsonQuoted(s);
}

/**
 * JSON string syntax (YAML's double-quoted style accepts its escapes), with the characters
 * PyYAML refuses raw (DEL, C1 controls, U+FFFE/FFFF) or reads as line breaks escaped too.
 */
function jsonQuoted(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\u009f\u2028\u2029\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** One YAML scalar for a typed value. */
export function yamlScalar(kind: ArgKind, value: ArgValue): string {
  switch (kind) {
    case "bool":
      return value === true ? "true" : "false";
    case "int":
      return String(Math.trunc(Number(value)));
    case "float":
      return yamlFloat(Number(value));
    default:
      return yamlString(String(value));
  }
}
