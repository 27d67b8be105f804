/**
 * lib/http, the one retrying HTTP call: Retry-After read as urllib3 reads it (Debian's
 * python3-urllib3 is the oracle), the waits a policy gives, and retryHttp against real
 * HTTP servers on 127.0.0.1 (a 503 with Retry-After, a dropped connection, a reply past
 * the try's deadline, an error no retry can help).
 */
import assert from "node:assert/strict";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { InputError } from "../../lib/errors/index";
import {
  HttpRetriesExhausted,
  type RetryEvent,
  type RetryPolicy,
  httpSettingsFromEnv,
  parseRetryAfter,
  retryDelayMs,
  retryHttp,
  withHttpSettings,
} from "../../lib/http/index";
import { debianPythonJson } from "../oracle/debian-python";

const NOW = Date.parse("2015-10-21T07:28:00Z");

test("Retry-After: delay-seconds and the three HTTP-date forms, as urllib3 reads them", () => {
  const values = [
    "0",
    "120",
    " 3 ",
    "\t7\t",
    "007",
    "86400",
    "Wed, 21 Oct 2015 07:28:05 GMT",
    "Wed, 21 Oct 2015 09:00:00 GMT",
    "Thu, 01 Jan 2015 00:00:00 GMT", // in the past: no wait
    "Wednesday, 21-Oct-15 07:28:05 GMT",
    "Sunday, 06-Nov-94 08:49:37 GMT",
    "Wed Oct 21 07:29:00 2015",
    "Wed Oct  1 07:28:05 2015",
    "soon",
    "",
    "-5",
    "1e3",
    "0x10",
    "Infinity",
    "\u0663", // ٣: an Arabic-Indic digit is not a DIGIT
    "😀",
  ];
  const want = debianPythonJson<(number | null)[]>(
    `
import json, sys
from urllib3.util import retry
retry.time.time = lambda: ${NOW / 1000}
out = []
for v in json.load(sys.stdin):
    try:
        out.append(retry.Retry().parse_retry_after(v))
    except retry.InvalidHeader:
        out.append(None)
print(json.dumps(out))
`,
    JSON.stringify(values),
  );
  const got = values.map((v) => parseRetryAfter(v, NOW) ?? null);
  assert.deepEqual(got, want);
  assert.equal(parseRetryAfter(null), undefined);
});

test("Retry-After: decimal seconds are read (both clients always did); only GMT dates are dates", () => {
  // urllib3 refuses "1.5" (RFC 9110's delay-seconds are digits only); the kit's Hub and
  // chat clients both read it as 1.5 s, and still do.
  assert.equal(parseRetryAfter("1.5", NOW), 1.5);
  // RFC 9110 §5.6.7: an HTTP-date is GMT; urllib3 also takes other zones and 31 Feb.
  assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:28:05 +0200", NOW), undefined);
  assert.equal(parseRetryAfter("Wed, 31 Feb 2015 07:28:00 GMT", NOW), undefined);
  assert.equal(parseRetryAfter("Wed, 21 Oct 2015 24:00:00 GMT", NOW), undefined);
});

const HUB: RetryPolicy = {
  tries: 5,
  firstDelayMs: 500,
  maxDelayMs: 30_000,
  jitter: 0.25,
  maxRetryAfterSeconds: 30,
};
const CHAT: RetryPolicy = {
  tries: 6,
  firstDelayMs: 1000,
  maxDelayMs: Number.POSITIVE_INFINITY,
  jitter: 0,
  maxRetryAfterSeconds: 60,
  tryTimeoutMs: 120_000,
};

test("waits: doubled from the first, spread by the jitter, capped; Retry-After up to its cap", () => {
  const waits = (p: RetryPolicy, r: () => number, ra?: number) =>
    [1, 2, 3, 4, 5, 6, 7, 8].map((k) => retryDelayMs(k, p, ra, r));
  assert.deepEqual(
    waits(HUB, () => 0.5),
    [500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000],
  );
  assert.deepEqual(
    waits(HUB, () => 0),
    [375, 750, 1500, 3000, 6000, 12_000, 24_000, 30_000],
  );
  assert.deepEqual(
    waits(CHAT, () => 0.9),
    [1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000],
  );
  // Retry-After: never shorter than asked, up to the cap (30 s Hub, 60 s chat).
  assert.equal(
    retryDelayMs(1, HUB, 7, () => 0.5),
    7000,
  );
  assert.equal(
    retryDelayMs(1, HUB, 120, () => 0.5),
    30_000,
  );
  assert.equal(retryDelayMs(1, CHAT, 90), 60_000);
  assert.equal(retryDelayMs(6, CHAT, 2), 32_000, "a later backoff beats a short Retry-After");
  assert.equal(retryDelayMs(1, CHAT, 0.25), 1000);
});

let server: Server;
let url: string;
/** What the server does with the next requests, in order; then 200 "ok". */
let script: ((res: ServerResponse, req: IncomingMessage) => void)[] = [];
let requests = 0;

before(async () => {
  server = createServer((req, res) => {
    requests++;
    const next = script.shift();
    if (next) next(res, req);
    else res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

/** Retries under `policy` with recorded waits instead of real ones. */
async function fetchText(policy: RetryPolicy, events: RetryEvent[], waits: number[]) {
  return retryHttp(
    policy,
    async (t) => {
      const res = await fetch(url, { signal: t.signal });
      const body = await res.text();
      if (res.status === 200) return { value: body };
      return {
        retry: `HTTP ${res.status}`,
        retryAfterSeconds: parseRetryAfter(res.headers.get("retry-after")),
      };
    },
    {
      onRetry: (e) => events.push(e),
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0.5,
    },
  );
}

test("a 503 with Retry-After and a dropped connection are retried; the waits are the policy's", async () => {
  requests = 0;
  script = [
    (res) => res.writeHead(503, { "Retry-After": "2" }).end("busy"),
    (res, req) => req.socket.destroy(),
    (res) => res.writeHead(429, { "Retry-After": "Wed, 21 Oct 2015 07:28:05 GMT" }).end(),
  ];
  const events: RetryEvent[] = [];
  const waits: number[] = [];
  assert.equal(await fetchText(HUB, events, waits), "ok");
  assert.equal(requests, 4);
  assert.deepEqual(waits, [2000, 1000, 2000]);
  assert.deepEqual(
    events.map((e) => [e.retry, e.waitMs]),
    [
      [1, 2000],
      [2, 1000],
      [3, 2000],
    ],
  );
  assert.equal(events[0].problem, "HTTP 503");
  assert.match(events[1].problem, /fetch failed|other side closed|terminated/);
});

test("tries are counted: the last problem and error are in HttpRetriesExhausted", async () => {
  requests = 0;
  script = Array.from({ length: 3 }, () => (res: ServerResponse) => res.writeHead(500).end());
  const waits: number[] = [];
  await assert.rejects(fetchText({ ...HUB, tries: 3 }, [], waits), (e: unknown) => {
    assert.ok(e instanceof HttpRetriesExhausted);
    assert.equal(e.tries, 3);
    assert.equal(e.message, "gave up after 3 tries (last: HTTP 500)");
    return true;
  });
  assert.equal(requests, 3);
  assert.equal(waits.length, 2, "no wait after the last try");
});

test("a try past its deadline is retried, and says so", async () => {
  requests = 0;
  const slow = (res: ServerResponse) => {
    const timer = setTimeout(() => res.end("late"), 3000);
    res.on("close", () => clearTimeout(timer));
  };
  script = [slow, slow];
  await assert.rejects(
    fetchText({ ...CHAT, tries: 2, tryTimeoutMs: 150 }, [], []),
    (e: unknown) => {
      assert.ok(e instanceof HttpRetriesExhausted);
      assert.equal(e.message, "gave up after 2 tries (last: no reply within 150 ms)");
      assert.equal((e.cause as Error).name, "TimeoutError");
      return true;
    },
  );
  assert.equal(requests, 2);
});

test("an error no retry can help ends the call at once", async () => {
  let tries = 0;
  await assert.rejects(
    retryHttp(HUB, async () => {
      tries++;
      throw new RangeError("a bug, not the network");
    }),
    /a bug, not the network/,
  );
  assert.equal(tries, 1);
  await assert.rejects(
    retryHttp(HUB, async (t) => ({
      value: await fetch("http://[not a url", { signal: t.signal }),
    })),
    TypeError,
  );
});

test("the call's deadline: a try is cut to what is left, and no wait begins that would end past it", async () => {
  requests = 0;
  const silent = (res: ServerResponse) => {
    const timer = setTimeout(() => res.end("late"), 5000);
    res.on("close", () => clearTimeout(timer));
  };
  script = [silent, silent, silent];
  const events: RetryEvent[] = [];
  await assert.rejects(
    retryHttp(
      { ...CHAT, tries: 10, firstDelayMs: 50, tryTimeoutMs: 250, deadlineMs: 600 },
      async (t) => ({ value: await (await fetch(url, { signal: t.signal })).text() }),
      { onRetry: (e) => events.push(e) },
    ),
    (e: unknown) => {
      assert.ok(e instanceof HttpRetriesExhausted);
      assert.equal(e.deadlineMs, 600);
      assert.match(
        e.message,
        /^gave up after [23] tries: the deadline of 600 ms would pass before another \(last: no reply within \d+ ms\)$/,
      );
      return true;
    },
  );
  assert.ok(events.length >= 1 && events.length <= 2, JSON.stringify(events));
  assert.deepEqual(
    { retry: events[0].retry, tries: events[0].tries, waitMs: events[0].waitMs },
    { retry: 1, tries: 10, waitMs: 50 },
  );
  assert.equal(events[0].problem, "no reply within 250 ms");
  script = [];
  // A deadline shorter than one try's: the try is cut to it.
  script = [silent];
  await assert.rejects(
    retryHttp({ ...CHAT, tries: 3, tryTimeoutMs: 5000, deadlineMs: 200 }, async (t) => ({
      value: await (await fetch(url, { signal: t.signal })).text(),
    })),
    /^HttpRetriesExhausted: gave up after 1 try: the deadline of 200 ms would pass before another \(last: no reply within 200 ms\)$/,
  );
  script = [];
});

test("T3KIT_HTTP_TIMEOUT / _RETRIES / _DEADLINE: read as seconds and a count; a command's flags win", () => {
  assert.deepEqual(httpSettingsFromEnv({}), {});
  assert.deepEqual(
    httpSettingsFromEnv({
      T3KIT_HTTP_TIMEOUT: " 2.5 ",
      T3KIT_HTTP_RETRIES: "0",
      T3KIT_HTTP_DEADLINE: "90",
    }),
    { tryTimeoutMs: 2500, retries: 0, deadlineMs: 90_000 },
  );
  assert.deepEqual(httpSettingsFromEnv({ T3KIT_HTTP_TIMEOUT: "", T3KIT_HTTP_RETRIES: " " }), {});
  for (const [name, value] of [
    ["T3KIT_HTTP_TIMEOUT", "0"],
    ["T3KIT_HTTP_TIMEOUT", "-1"],
    ["T3KIT_HTTP_TIMEOUT", "1e3"],
    ["T3KIT_HTTP_TIMEOUT", "Infinity"],
    ["T3KIT_HTTP_TIMEOUT", "٣"],
    ["T3KIT_HTTP_DEADLINE", "soon"],
    ["T3KIT_HTTP_RETRIES", "1.5"],
    ["T3KIT_HTTP_RETRIES", "-1"],
    ["T3KIT_HTTP_RETRIES", "99999"],
  ]) {
    assert.throws(
      () => httpSettingsFromEnv({ [name]: value }),
      (e: unknown) =>
        e instanceof InputError && e.location.file === name && e.message.includes(`"${value}"`),
      `${name}=${value}`,
    );
  }
  const env = { T3KIT_HTTP_TIMEOUT: "7", T3KIT_HTTP_RETRIES: "2" };
  assert.deepEqual(withHttpSettings(HUB, {}, env), { ...HUB, tryTimeoutMs: 7000, tries: 3 });
  assert.deepEqual(withHttpSettings(HUB, { retries: 9, deadlineMs: 1000 }, env), {
    ...HUB,
    tryTimeoutMs: 7000,
    tries: 10,
    deadlineMs: 1000,
  });
  assert.deepEqual(withHttpSettings(CHAT, { retries: undefined }, {}), CHAT);
});
