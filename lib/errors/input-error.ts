/**
 * An error in user input that names where it is: the file, the record (index or line)
 * and the field path, so a user can open the file and go straight to the fault.
 */
import { UserFacingError } from "./user-facing-error";

export interface InputLocation {
  /** The file (or source name) the bad value came from. */
  file: string;
  /** Record index (0-based) or line number (1-based), as `label` says. */
  record?: number;
  /** How `record` counts: "record" (0-based index) or "line" (1-based). */
  recordKind?: "record" | "line";
  /** Dotted/bracketed path of the field, e.g. `conversations[1].from`. */
  field?: string;
}

export class InputError extends UserFacingError {
  readonly location: InputLocation;
  readonly problem: string;

  constructor(location: InputLocation, problem: string) {
    super(`${formatLocation(location)}: ${problem}`);
    this.location = location;
    this.problem = problem;
  }
}

export function formatLocation(loc: InputLocation): string {
  const parts = [loc.file];
  if (loc.record !== undefined) parts.push(`${loc.recordKind ?? "record"} ${loc.record}`);
  if (loc.field !== undefined && loc.field !== "") parts.push(`field ${loc.field}`);
  return parts.join(", ");
}
