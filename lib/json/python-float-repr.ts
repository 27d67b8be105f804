/**
 * Python's `repr(float)` (what `json.dump` prints for a float): the shortest digits that
 * round-trip (JavaScript finds the same digits), laid out the Python way: fixed notation
 * for exponents -4..15 with at least one digit after the point (`1.0`, `0.0001`,
 * `1000000000000000.0`), else `d.ddde±XX` (`1e-05`, `1e+16`); `json.dump` writes
 * `Infinity`, `-Infinity`, `NaN` for the others.
 */
export function formatPythonFloat(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Number.POSITIVE_INFINITY) return "Infinity";
  if (x === Number.NEGATIVE_INFINITY) return "-Infinity";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const exp = Math.abs(x).toExponential(); // shortest round-trip digits: "d.ddde+x"
  const e = exp.indexOf("e");
  const digits = exp[1] === "." ? exp[0] + exp.slice(2, e) : exp.slice(0, e);
  const exponent = Number(exp.slice(e + 1));
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const abs = Math.abs(exponent);
    return `${sign}${mantissa}e${exponent < 0 ? "-" : "+"}${abs < 10 ? "0" : ""}${abs}`;
  }
  const point = exponent + 1; // digits before the decimal point
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}.0`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
