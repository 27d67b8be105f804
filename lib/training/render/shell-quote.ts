/**
 * A word for a POSIX shell, quoted as zx quotes it (`$'…'` when it must): the renderers
 * write commands and sbatch scripts with it. zx loads with the first quote, not with the
 * training library (it costs about 0.2 s to load).
 */
import type * as Zx from "zx";

export function shellQuote(word: string): string {
  return (require("zx") as typeof Zx).quote(word);
}
