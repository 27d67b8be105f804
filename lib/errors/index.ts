export { InputError, formatLocation, type InputLocation } from "./input-error";
