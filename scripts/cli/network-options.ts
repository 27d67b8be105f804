/**
 * The flags of every command that talks to a server (probe ask, eval textual, hub list/get):
 * --timeout (seconds one try may take), --retries (retries after the first try) and
 * --deadline (seconds one request may take, tries and waits together). Each overrides its
 * environment variable (T3KIT_HTTP_TIMEOUT, T3KIT_HTTP_RETRIES, T3KIT_HTTP_DEADLINE, which
 * commands reading hub: paths follow too); unset, the client's own default applies.
 */
import { type Command, Option } from "commander";
import { parseInteger, parseNumber } from "./cli-options";

export interface NetworkFlags {
  timeout?: number;
  retries?: number;
  deadline?: number;
}

/** A client's defaults as its help states them (the tests hold them to the library's). */
export interface NetworkDefaults {
  timeoutS: number;
  retries: number;
  deadlineS: number;
  /** What a try's deadline covers, when not the whole answer. */
  timeoutNote?: string;
}

/** Adds --timeout, --retries and --deadline, and a help paragraph naming the variables. */
export function addNetworkOptions(command: Command, d: NetworkDefaults): Command {
  return command
    .addOption(
      new Option(
        "--timeout <S>",
        `seconds one try may take${d.timeoutNote ? ` (${d.timeoutNote})` : ""} (default $T3KIT_HTTP_TIMEOUT, else ${d.timeoutS})`,
      ).argParser(parseNumber({ above: 0 })),
    )
    .addOption(
      new Option(
        "--retries <N>",
        `retries after a failed try (default $T3KIT_HTTP_RETRIES, else ${d.retries})`,
      ).argParser(parseInteger({ min: 0, max: 9999 })),
    )
    .addOption(
      new Option(
        "--deadline <S>",
        `seconds one request may take, tries and waits together (default $T3KIT_HTTP_DEADLINE, else ${d.deadlineS})`,
      ).argParser(parseNumber({ above: 0 })),
    );
}

/** The flags as lib/http's HttpSettings (ms); an absent flag stays absent. */
export function httpSettingsOf(f: NetworkFlags): {
  tryTimeoutMs?: number;
  retries?: number;
  deadlineMs?: number;
} {
  return {
    ...(f.timeout === undefined ? {} : { tryTimeoutMs: Math.round(f.timeout * 1000) }),
    ...(f.retries === undefined ? {} : { retries: f.retries }),
    ...(f.deadline === undefined ? {} : { deadlineMs: Math.round(f.deadline * 1000) }),
  };
}

/** The chat client's defaults (lib/model-server CHAT_DEFAULTS). */
export const CHAT_NETWORK: NetworkDefaults = { timeoutS: 60, retries: 5, deadlineS: 180 };

/** The Hub client's defaults (lib/hub DEFAULT_RETRY); a download's try ends when bytes stop. */
export const HUB_NETWORK: NetworkDefaults = {
  timeoutS: 30,
  retries: 4,
  deadlineS: 120,
  timeoutNote: "a download: with no byte coming",
};
