/**
 * A training file argument (spec, data, video records, a run's log) as a local path:
 * `hub:[datasets/|models/]owner/name/path[@rev]` is fetched into the Hub cache first, as
 * every stage's inputs are (lib/hub's localInputPath); anything else is as given. lib/hub
 * is loaded only for a `hub:` path: its client would cost every `t3kit train` start-up.
 */
import type * as Hub from "../../hub/index";

export async function localTrainingInput(arg: string): Promise<string> {
  if (!arg.startsWith("hub:")) return arg;
  return (require("../../hub/index") as typeof Hub).localInputPath(arg);
}
