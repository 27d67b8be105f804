/**
 * Whether a process id names no running process: what is left behind by a process that
 * is gone (its temp files, journal, staging folder) may be cleaned up by another. EPERM
 * means the process exists but is another user's: not gone.
 */
export function processIsGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}
