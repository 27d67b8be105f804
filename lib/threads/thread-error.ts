/**
 * Errors crossing a thread boundary: an InputError keeps its location (file, record,
 * field) so the main thread throws the same InputError; anything else travels as its stack.
 */
import { InputError, type InputLocation } from "../errors/index";

export type ThreadError = { location: InputLocation; problem: string } | { message: string };

/** What a worker posts for `err`. */
export function errorForThread(err: unknown): ThreadError {
  if (err instanceof InputError) return { location: err.location, problem: err.problem };
  return { message: (err as Error)?.stack ?? String(err) };
}

/** The error the main thread throws for what a worker posted; `thread` names the worker. */
export function errorFromThread(e: ThreadError, thread: string): Error {
  if ("location" in e) return new InputError(e.location, e.problem);
  return new Error(`${thread}: ${e.message}`);
}
