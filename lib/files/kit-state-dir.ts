/**
 * Where the kit keeps what it must remember between runs (which files it wrote, the journal
 * of a run in progress): T3KIT_STATE_DIR, else $XDG_STATE_HOME/t3kit, else
 * ~/.local/state/t3kit, as the XDG base-directory convention places per-user state.
 */
import { homedir } from "node:os";
import { join } from "node:path";

export function kitStateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.T3KIT_STATE_DIR) return env.T3KIT_STATE_DIR;
  const xdg = env.XDG_STATE_HOME;
  return join(xdg ? xdg : join(homedir(), ".local", "state"), "t3kit");
}
