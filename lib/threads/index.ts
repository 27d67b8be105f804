/**
 * Worker threads, a shared floor: starting a worker on a TypeScript module of the library,
 * and carrying errors (InputError with its location) back to the main thread.
 */
export { startWorker, workerInput } from "./start-worker";
export { errorForThread, errorFromThread, type ThreadError } from "./thread-error";
