/**
 * A CSV cell as a number, only when it is written as a decimal number ("61.2", "-0.4",
 * "1e-3"): `Number()` alone would also take "0x10", "Infinity" or an empty cell.
 */
export function parseDecimal(text: string): number | null {
  const s = text.trim();
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}
