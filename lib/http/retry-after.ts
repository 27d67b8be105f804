/**
 * The Retry-After header (RFC 9110 §10.2.3) as seconds from now: `delay-seconds` (a run
 * of digits; a decimal fraction is read too, as both of the kit's clients always read it)
 * or an `HTTP-date` (§5.6.7: IMF-fixdate, or the obsolete RFC 850 and asctime forms, all
 * in GMT). Anything else is no Retry-After at all.
 */

const DAYS = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const LONG_DAYS = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH = `(${MONTHS.join("|")})`;
const TIME = "(\\d\\d):(\\d\\d):(\\d\\d)";
/** Sun, 06 Nov 1994 08:49:37 GMT */
const IMF_FIXDATE = new RegExp(`^${DAYS}, (\\d\\d) ${MONTH} (\\d{4}) ${TIME} GMT$`);
/** Sunday, 06-Nov-94 08:49:37 GMT */
const RFC850_DATE = new RegExp(`^${LONG_DAYS}, (\\d\\d)-${MONTH}-(\\d\\d) ${TIME} GMT$`);
/** Sun Nov  6 08:49:37 1994 */
const ASCTIME_DATE = new RegExp(`^${DAYS} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

/**
 * Seconds to wait (never negative), or undefined when the header is absent or is neither
 * form. `now` is the current time in ms since the epoch.
 *
 * @example parseRetryAfter("120") // 120
 * @example parseRetryAfter("Wed, 21 Oct 2015 07:28:05 GMT", Date.parse("2015-10-21T07:28:00Z")) // 5
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const at = httpDateMs(text, now);
  return at === undefined ? undefined : Math.max(0, (at - now) / 1000);
}

/** An HTTP-date in ms since the epoch, or undefined. */
function httpDateMs(text: string, now: number): number | undefined {
  let m = IMF_FIXDATE.exec(text);
  if (m) return utc(Number(m[3]), m[2], Number(m[1]), m.slice(4, 7));
  m = RFC850_DATE.exec(text);
  if (m) return utc(fullYear(Number(m[3]), now), m[2], Number(m[1]), m.slice(4, 7));
  m = ASCTIME_DATE.exec(text);
  if (m) return utc(Number(m[6]), m[1], Number(m[2].trim()), m.slice(3, 6));
  return undefined;
}

/**
 * A two-digit year (RFC 850): "a timestamp that appears to be more than 50 years in the
 * future is the most recent year in the past that had the same last two digits" (§5.6.7).
 */
function fullYear(yy: number, now: number): number {
  const thisYear = new Date(now).getUTCFullYear();
  let year = thisYear - (thisYear % 100) + yy;
  if (year > thisYear + 50) year -= 100;
  return year;
}

function utc(year: number, month: string, day: number, hms: string[]): number | undefined {
  const [h, mi, s] = hms.map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, MONTHS.indexOf(month), day);
  // 31 Feb would roll over into March: such a date is not one.
  if (date.getUTCDate() !== day || h > 23 || mi > 59 || s > 60) return undefined;
  return date.getTime() + ((h * 60 + mi) * 60 + s) * 1000;
}
