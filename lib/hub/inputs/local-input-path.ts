/**
 * A command-line file argument as a local path: `hub:[datasets/|models/]owner/name/path[@rev]`
 * is fetched into the Hub cache first (as a spec's sources are), anything else is as given.
 */
import type { HubOptions } from "../client/hub-options";

export async function localInputPath(arg: string, options: HubOptions = {}): Promise<string> {
  if (!arg.startsWith("hub:")) return arg;
  // Loaded only for hub: arguments (the Hub client costs start-up time otherwise).
  const { resolveSource } = require("./hub-spec") as typeof import("./hub-spec");
  return resolveSource(arg, options);
}
