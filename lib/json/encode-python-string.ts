/**
 * A string as `json.dump` writes it with the default `ensure_ascii=True`: printable ASCII
 * (U+0020..U+007E) as is, except `"` and `\`; `\n \r \t \b \f` by name; everything else
 * (other controls, U+007F, non-ASCII) as `\uXXXX` with lowercase hex, characters beyond
 * U+FFFF as their surrogate pair (JavaScript strings hold them as pairs already).
 */

// Anything outside printable ASCII, plus `"` and `\`.
const NEEDS_ESCAPE = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;
const ESCAPE_ALL = /[^\x20\x21\x23-\x5b\x5d-\x7e]/g;

const NAMED: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named !== undefined) return named;
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** `json.dumps(s)` for a str `s` (with the quotes), as Python writes it. */
export function encodePythonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  return `"${s.replace(ESCAPE_ALL, escapeChar)}"`;
}
