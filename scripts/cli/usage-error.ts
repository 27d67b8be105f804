/** A command line the kit cannot act on (exit 2): the message names the flag and the problem. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
