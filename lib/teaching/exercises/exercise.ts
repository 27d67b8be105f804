/**
 * One graded exercise of a lesson. Its answer is never typed in: `expected` derives it from
 * what the kit computes on the embedded data, so a change of data or code moves it too.
 */
export interface Exercise {
  /** "NN.k": the notebook's number and the exercise's place in it. */
  id: string;
  points: number;
  /** What the student is asked, one sentence. */
  prompt: string;
  /** Shown with "not yet": where to look, never the answer. */
  hint: string;
  /** Absolute tolerance for numbers (default 1e-9). */
  tolerance?: number;
  expected: () => unknown | Promise<unknown>;
}
