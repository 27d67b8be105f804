/**
 * `--files` patterns with the meaning Python's huggingface_hub gives `allow_patterns`
 * (fnmatch): `*` matches any run of characters, `/` included; `?` one character;
 * `[abc]`, `[!abc]` a set; a pattern ending in `/` means everything under that folder.
 */

/** The regular expression for one fnmatch pattern. */
export function globRegExp(pattern: string): RegExp {
  const p = pattern.endsWith("/") ? `${pattern}*` : pattern;
  let re = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "*") re += ".*";
    else if (c === "?") re += ".";
    else if (c === "[") {
      const close = p.indexOf("]", i + 2);
      if (close < 0) {
        re += "\\[";
        continue;
      }
      let set = p.slice(i + 1, close);
      set = set.startsWith("!") ? `^${set.slice(1)}` : set.replace(/^\^/, "\\^");
      re += `[${set.replace(/\\/g, "\\\\")}]`;
      i = close;
    } else re += c.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "s");
}

/** True when `path` matches one of `patterns` (every path matches an empty list). */
export function matchesAny(path: string, patterns: readonly string[]): boolean {
  return patterns.length === 0 || patterns.some((p) => globRegExp(p).test(path));
}
