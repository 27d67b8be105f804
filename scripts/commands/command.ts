/** One `t3kit <stage>` command: its name, a one-line summary, and what it runs. */
export interface Command {
  name: string;
  summary: string;
  /** Returns the process exit code. */
  run(argv: string[]): Promise<number>;
}
