/**
 * A folder the study reads (videos, features), given as a local path or a `hub:` source, as
 * an absolute local path: a `hub:` source is fetched into the Hub cache first. The Hub
 * client is loaded only for a `hub:` source (it costs about a second to load).
 */
import { resolve } from "node:path";
import type * as Hub from "../hub/index";

export async function resolveInputFolder(source: string): Promise<string> {
  if (!source.startsWith("hub:")) return resolve(source);
  const hub = require("../hub/index") as typeof Hub;
  return resolve(await hub.localInputPath(source));
}
