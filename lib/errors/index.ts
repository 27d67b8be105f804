export { InputError, formatLocation, type InputLocation } from "./input-error";
export { UserFacingError } from "./user-facing-error";
