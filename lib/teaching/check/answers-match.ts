/**
 * Whether a student's answer is the derived one: numbers within a tolerance (rounded answers
 * are fine), strings without case or surrounding space, arrays element by element.
 */
export function answersMatch(answer: unknown, expected: unknown, tolerance = 1e-9): boolean {
  if (typeof expected === "number") {
    return typeof answer === "number" && Math.abs(answer - expected) <= tolerance;
  }
  if (typeof expected === "string") {
    return (
      typeof answer === "string" && answer.trim().toLowerCase() === expected.trim().toLowerCase()
    );
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(answer) &&
      answer.length === expected.length &&
      expected.every((e, i) => answersMatch(answer[i], e, tolerance))
    );
  }
  return JSON.stringify(answer) === JSON.stringify(expected);
}
