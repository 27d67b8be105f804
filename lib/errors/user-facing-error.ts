/**
 * An error whose message is written for the user, as it is: the command line prints it on one
 * line after the command's name (exit 1), never with a stack. Errors the kit did not expect
 * are anything else.
 */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
