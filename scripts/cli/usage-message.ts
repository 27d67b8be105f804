/**
 * Commander's error messages in the kit's words: the flag first, then what was wrong with
 * which value (`--seed: "-1" is not an integer at least 0`), without its "error: " prefix or
 * the placeholder names of the flags.
 */
const flagOf = (flags: string) => {
  const long = flags.split(/[ ,|]+/).find((f) => f.startsWith("--"));
  return long ?? flags.split(/[ ,|]+/)[0];
};

export function usageMessage(commanderMessage: string): string {
  const text = commanderMessage.replace(/^error: /, "").trim();
  const invalid = /^(?:option|argument) '([^']+)' argument '([^']*)' is invalid\. (.*)$/s.exec(
    text,
  );
  if (invalid) {
    const [, flags, value, reason] = invalid;
    const allowed = /^Allowed choices are (.*)\.$/.exec(reason);
    const why = allowed ? `is not one of ${allowed[1]}` : reason.replace(/\.$/, "");
    return `${flagOf(flags)}: "${value}" ${why}`;
  }
  const argInvalid =
    /^command-argument value '([^']*)' is invalid for argument '([^']+)'\. (.*)$/s.exec(text);
  if (argInvalid) {
    const [, value, name, reason] = argInvalid;
    const allowed = /^Allowed choices are (.*)\.$/.exec(reason);
    return `${name}: "${value}" ${allowed ? `is not one of ${allowed[1]}` : reason.replace(/\.$/, "")}`;
  }
  const conflict = /^option '([^']+)' cannot be used with option '([^']+)'$/.exec(text);
  if (conflict) return `give ${flagOf(conflict[1])} or ${flagOf(conflict[2])}, not both`;
  const required = /^required option '([^']+)' not specified$/.exec(text);
  if (required)
    return `${required[1].replace(/^.*?(--\S+)/, "$1").replace(/[<>]/g, "")} is required`;
  return text;
}
