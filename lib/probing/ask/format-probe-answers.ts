/** What `probe ask` prints: accuracy per aspect and group, and where the answers went. */
import type { ProbeAnswers } from "./write-probe-answers";

/** `{"accuracy", "records"}` as one JSON line, or one line per aspect/group and the file. */
export function formatProbeAnswers(answers: ProbeAnswers, json = false): string {
  const { accuracy, records } = answers;
  if (json) return `${JSON.stringify({ accuracy, records })}\n`;
  const lines = accuracy.map(
    (a) =>
      `${a.name.padEnd(17)} ${(a.accuracy * 100).toFixed(1).padStart(6)}%  (${a.videos} videos)\n`,
  );
  return `${lines.join("")}answers -> ${answers.out}\n`;
}
