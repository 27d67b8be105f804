/** Progress of long steps, one shape for every stage (a shared floor). */
export { formatProgress, type OnProgress, type Progress } from "./progress";
export { formatBytes } from "./format-bytes";
