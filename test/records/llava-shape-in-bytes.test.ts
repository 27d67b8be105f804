// The byte-level LLaVA shape check must say exactly what the parse-based one says
// (llavaRecordProblem of parsePythonJson), field and message, on any valid JSON value:
// hand-written hostile records, then seeded random LLaVA-ish records with mutations.
import assert from "node:assert/strict";
import { test } from "node:test";
import { JsonSyntaxFault, formatPythonJson, parsePythonJson } from "../../lib/json/index";
import {
  type RecordProblem,
  llavaFactsInBytes,
  llavaFactsOf,
  llavaRecordProblem,
  llavaShapeProblemInBytes,
} from "../../lib/records/index";
import { Lcg, syntheticLlavaRecord } from "../fixtures/synthetic-mix-data";

const H = '{"from": "human", "value": "q"}';
const G = '{"from": "gpt", "value": "a"}';
const S = '{"from": "system", "value": "be brief"}';
/** A record with these turns (raw JSON texts) and extra members before them. */
const rec = (turns: string[], before = "") => `{${before}"conversations": [${turns.join(", ")}]}`;
const turn = (from: string, value = '"v"') => `{"from": ${from}, "value": ${value}}`;

const HOSTILE: string[] = [
  // Good ones, plain and laid out in odd ways.
  rec([H, G], '"id": "a", '),
  rec([H, G]),
  rec([S, H, G], '"id": 7, "image": "x.jpg", '),
  `{\n    "id": "a",\n    "image": [\n        "a.jpg",\n        "b.jpg"\n    ],\n    "conversations": [\n        {\n            "from": "human",\n            "value": "q"\n        },\n        {\n            "from": "gpt",\n            "value": "a"\n        }\n    ]\n}`,
  `{"id":"a","conversations":[{"from":"human","value":"q"},{"from":"gpt","value":"a"}]}`,
  ` \r\n\t{ \t"conversations"\r\n:\n[ ${H} ,\t${G}\n]\n, "id" :"a" }\n`,
  // The record is not an object (a PyFloat counts as an object without keys).
  "[]",
  `[${H}, ${G}]`,
  '"a string"',
  "1",
  "-0",
  "0.5",
  "1.0",
  "-0.0",
  "1e5",
  "1E400",
  "NaN",
  "Infinity",
  "-Infinity",
  "12345678901234567890",
  "true",
  "false",
  "null",
  "{}",
  "{ \n }",
  // id: any scalar; not null, a list or an object (index-like keys: a JsonEntries).
  ...[
    "null",
    "[]",
    '["a"]',
    "{}",
    '{"1": 2}',
    '{"id": "x"}',
    "1.0",
    "NaN",
    "-Infinity",
    "123456789012345678901234",
    "true",
    "-0",
    "1e-5",
    '""',
    '"\\u0000"',
  ].map((id) => rec([H, G], `"id": ${id}, `)),
  `{"id": null, "id": "x", "conversations": [${H}, ${G}]}`,
  `{"id": "x", "conversations": [${H}, ${G}], "id": []}`,
  `{"conversations": [${G}], "image": 5, "id": null}`,
  // conversations: missing, not a list, empty, repeated (the last one counts).
  '{"id": "a"}',
  '{"id": "a", "image": 5}',
  '{"conversation": [], "conversations2": [], "Conversations": []}',
  ...["null", '"s"', "{}", '{"0": 1}', "1.0", "3", "true", "[]", "[ ]", "[\n\n]"].map(
    (c) => `{"conversations": ${c}}`,
  ),
  `{"conversations": [], "conversations": [${H}, ${G}]}`,
  `{"conversations": [${H}, ${G}], "conversations": []}`,
  `{"conversations": [${G}, ${H}], "id": 1, "conversations": [${H}]}`,
  `{"conversations": 5, "image": [1], "conversations": [${H}, ${G}]}`,
  // Turns that are not objects, or lack a string from / value.
  ...["1", "0.5", "1.0", "NaN", '"x"', "null", "[]", `[${H}]`, "true", "{}", '{"1": "x"}'].map(
    (t) => rec([t, G]),
  ),
  rec([H, "1e5"]),
  rec([H, G, "[]"]),
  ...["null", "1", "1.0", "NaN", '["human"]', '{"a": 1}', "true", "123456789012345678901234"].map(
    (f) => rec([turn(f), G]),
  ),
  rec(['{"value": "q"}', G]),
  rec(['{"from": "human"}', G]),
  rec(['{"from": "human", "Value": "q"}', G]),
  ...["null", "5", "1.0", "-0.0", "true", '{"x": "y"}', '["q"]', "99999999999999999999"].map((v) =>
    rec([turn('"human"', v), G]),
  ),
  // Who opens, who answers.
  rec([G, H]),
  rec([S, G]),
  rec([S]),
  rec([S, S, H, G]),
  rec([H]),
  rec([H, H]),
  rec([H, S]),
  rec([H, turn('"GPT"')]),
  rec([H, turn('"weird"'), G]),
  rec([H, G, turn('"gpt"', "1")]),
  ...[
    '"Human"',
    '""',
    '"humans"',
    '"huma"',
    '"gptx"',
    '"日本"',
    '"😀"',
    '"human "',
    '" human"',
  ].map((f) => rec([turn(f), G])),
  // Roles with escapes decode as Python does.
  rec([turn('"hum\\u0061n"'), G]),
  rec([turn('"\\u0068\\u0075\\u006D\\u0061\\u006e"'), turn('"\\u0067pt"')]),
  rec([turn('"sys\\u0074em"'), turn('"h\\/uman"'), G]),
  rec([turn('"\\/human"'), G]),
  rec([turn('"hu\\"man"'), G]),
  rec([turn('"\\\\"'), G]),
  rec([turn('"\\u0000"'), G]),
  rec([turn('"\\b\\f\\n\\r\\t"'), G]),
  rec([turn('"\\ud83d\\ude00"'), G]),
  rec([turn('"\\ud83d"'), G]),
  rec([turn('"\\u65e5\\u672C"'), G]),
  rec([H, turn('"g\\u0070t"')]),
  // Repeated keys in a turn: the last value counts.
  rec(['{"from": "gpt", "value": "a", "from": "human"}', G]),
  rec(['{"from": "human", "value": "q", "from": "gpt"}', G]),
  rec(['{"from": "human", "value": 1, "value": "q"}', G]),
  rec(['{"value": "q", "from": "human", "value": null}', G]),
  rec(['{"from": 1, "value": "q", "from": "human"}', G]),
  rec(['{"from": "human", "value": "q", "from": 1}', G]),
  rec([H, '{"from": "gpt", "value": "a", "from": "human"}']),
  // Index-like keys and unknown members full of brackets, quotes and backslashes.
  rec(['{"1": "x", "from": "human", "value": "q"}', '{"0": 1, "from": "gpt", "value": "a"}']),
  rec(['{"1": "x"}', G]),
  rec(
    [
      String.raw`{"from": "human", "meta": {"a": ["]", "{", "\"", "\\", "\\\"", [], {}]}, "value": "q"}`,
      G,
    ],
    String.raw`"junk": {"conversations": [], "id": null, "s": "}]\"{[", "t": "\\"}, "a:b": "},", `,
  ),
  rec([H, G], '"__proto__": {"id": null}, "0": [], "12": {"image": 5}, '),
  rec([H, G], '"n": -1.5e-3, "m": 1E+2, "k": 0, "big": 123456789012345678901234567890, '),
  rec([H, G], '"ids": null, "image_path": 5, "fro": 1, "values": [], "": "", '),
  rec([turn('"human"', '"ends in a backslash \\\\"'), turn('"gpt"', '"\\"quoted\\""')]),
  rec([
    turn('"human"', '"a long value of more than sixteen bytes, then \\" and \\\\\\" here"'),
    turn('"gpt"', `"${"日本語の文。😀".repeat(20)}"`),
  ]),
  rec([turn('"human"', '"<image>\\nline\\u2028sep\\u0000"'), G]),
  // image: a path, a list of paths, null or absent.
  ...[
    '"x.jpg"',
    "null",
    "[]",
    '["a", "b"]',
    '["a", 1]',
    "[null]",
    '["a", 1.0]',
    "[NaN]",
    '[["a"]]',
    '[{"p": "a"}]',
    '["a", true, 1]',
    "5",
    "0.5",
    "true",
    '{"path": "a"}',
    "NaN",
    "1E400",
    "123456789012345678901",
  ].map((img) => rec([H, G], `"image": ${img}, `)),
  `{"image": 5, "conversations": [${H}, ${G}], "image": "a"}`,
  `{"image": "a", "conversations": [${H}, ${G}], "image": [1]}`,
  `{"image": null, "image": {}, "conversations": [${H}, ${G}]}`,
  // The order of the checks, whatever the order of the keys.
  `{"image": 5, "conversations": [${H}]}`,
  `{"image": [1], "conversations": [${G}], "id": 1}`,
  `{"image": 5, "id": {}}`,
  // Keys with escapes (the byte walk parses such a record instead).
  `{"\\u0069d": null, "conversations": [${H}, ${G}]}`,
  '{"conversation\\u0073": []}',
  '{"conversation\\u0073": 1, "conversations": []}',
  `{"id": "a", "conversations": [{"fr\\u006fm": "gpt", "value": "a"}, ${G}]}`,
  `{"conversations": [{"from": "human", "v\\u0061lue": 1}, ${G}]}`,
  `{"im\\u0061ge": 5, "conversations": [${H}, ${G}]}`,
  `{"\\u00e9t\\u00e9": 1, "conversations": [${H}, ${G}]}`,
  `{"conversations": [{"\\"": 1, "from": "human", "value": "q"}, ${G}]}`,
];

/** What the parse-based check says: the oracle. */
function oracle(text: string): RecordProblem | null {
  return llavaRecordProblem(parsePythonJson(text));
}

/** The byte check on `text` placed inside a larger buffer, as records sit in a file's chunk. */
function inBytes(text: string): RecordProblem | null {
  const before = Buffer.from('[{"id": "x"},\n  ');
  const value = Buffer.from(text);
  const bytes = Buffer.concat([before, value, Buffer.from(",\n 1]")]);
  return llavaShapeProblemInBytes(bytes, before.length, before.length + value.length);
}

/** A problem's kind: its field and message without indices and what it got. */
function kindOf(p: RecordProblem | null): string {
  if (p === null) return "none";
  return `${p.field.replace(/\[\d+\]/g, "[k]")}: ${p.problem.replace(/got .*/s, "got …")}`;
}

const EVERY_KIND = [
  "none",
  ": expected a LLaVA record (an object), got …",
  "id: expected a string or a number, got …",
  "conversations: missing: every LLaVA record needs conversations",
  "conversations: expected a list of turns, got …",
  "conversations: empty: no turn to train on",
  "conversations[k]: expected a {from, value} turn, got …",
  "conversations[k].from: expected a string, got …",
  "conversations[k].value: expected a string, got …",
  'conversations[k].from: the conversation must open with a "human" turn, got …',
  'conversations: no "gpt" turn: nothing to train on',
  "image: expected a path string, got …",
  "image[k]: expected a path string, got …",
];

test("the byte check says what the parse says on hand-written hostile records", () => {
  const kinds = new Set<string>();
  for (const text of HOSTILE) {
    const want = oracle(text);
    assert.deepEqual(inBytes(text), want, text);
    kinds.add(kindOf(want));
  }
  assert.deepEqual([...kinds].sort(), [...EVERY_KIND].sort(), "a problem kind has no case");
});

test("the byte check reads a Uint8Array and a value that spans the whole buffer", () => {
  for (const text of [rec([H, G]), rec([G]), "1.0", "5", ` ${rec([H])} `]) {
    const bytes = new Uint8Array(Buffer.from(text));
    assert.deepEqual(llavaShapeProblemInBytes(bytes, 0, bytes.length), oracle(text), text);
  }
});

test("bytes that are not valid JSON after all end in the parse's syntax error, not a loop", () => {
  for (const text of ['{"conversations": [{"from": "hu', '{"conversations": [', '{"id": "a"']) {
    const bytes = Buffer.from(text);
    assert.throws(() => llavaShapeProblemInBytes(bytes, 0, bytes.length), JsonSyntaxFault, text);
  }
});

// ---- Seeded random LLaVA-ish records with mutations ----

const SPACES = ["", " ", "  ", "\n", "\n    ", "\t", "\r\n", " \n\t "];

const STRINGS = [
  "",
  "q",
  "<image>\nWhat is this?",
  'say "hi"',
  "back\\slash",
  "\\",
  '\\"',
  "ends with \\",
  "{[",
  "]}",
  '"}], "from": "gpt',
  "日本語",
  "😀🎬",
  "\u0000\u001f",
  "line\u2028sep",
  "\ud83d",
  `${"long text ".repeat(8)}"quoted" and \\ backslash`,
];
const ROLES = ["human", "gpt", "system"];
const ODD_ROLES = ["Human", "", "gpt ", "assistant", "日本", 'hu"man', "\u0000", "😀"];
const NUMBERS = [
  "0",
  "-0",
  "12",
  "-7",
  "1.5",
  "1.0",
  "-0.0",
  "1e5",
  "1E-5",
  "2.5e+3",
  "1e400",
  "12345678901234567890",
  "9007199254740993",
  "NaN",
  "Infinity",
  "-Infinity",
];
const KEYS = ["id", "conversations", "image", "from", "value", "1", "0", "meta", "ids", "x"];

/** Writes JSON texts with random layout and escapes (and, on request, repeated keys). */
class RandomJson {
  constructor(
    private readonly r: Lcg,
    private readonly spacing: () => string,
  ) {}

  sp(): string {
    return this.spacing();
  }

  /** A JSON string; sometimes with every character (or some) written as an escape. */
  str(s: string): string {
    const plain = JSON.stringify(s);
    if (this.r.int(5) !== 0) return plain;
    let out = '"';
    for (const ch of s) {
      if (this.r.int(2) === 0 || ch.length > 1) {
        out += JSON.stringify(ch).slice(1, -1);
        continue;
      }
      const c = ch.charCodeAt(0);
      const hex = c.toString(16).padStart(4, "0");
      out += this.r.int(2) === 0 ? `\\u${hex}` : `\\u${hex.toUpperCase()}`;
    }
    return `${out}"`;
  }

  /** A key: sometimes escaped, which sends the record to the parse. */
  key(k: string): string {
    if (k.length > 0 && this.r.int(40) === 0)
      return `"\\u${k.charCodeAt(0).toString(16).padStart(4, "0")}${JSON.stringify(k.slice(1)).slice(1)}`;
    return JSON.stringify(k);
  }

  obj(members: [string, string][]): string {
    if (members.length === 0) return `{${this.sp()}}`;
    const parts = members.map(([k, v]) => `${this.key(k)}${this.sp()}:${this.sp()}${v}`);
    return `{${this.sp()}${parts.join(`${this.sp()},${this.sp()}`)}${this.sp()}}`;
  }

  list(items: string[]): string {
    if (items.length === 0) return `[${this.sp()}]`;
    return `[${this.sp()}${items.join(`${this.sp()},${this.sp()}`)}${this.sp()}]`;
  }

  scalar(): string {
    const r = this.r;
    const k = r.int(6);
    if (k === 0) return r.pick(NUMBERS);
    if (k === 1) return r.pick(["true", "false", "null"]);
    return this.str(r.pick(STRINGS));
  }

  /** Any value, nested up to `depth`. */
  junk(depth = 2): string {
    const k = depth > 0 ? this.r.int(4) : 0;
    if (k === 1) return this.list(this.many(() => this.junk(depth - 1)));
    if (k === 2)
      return this.obj(
        this.many(() => [this.r.pick(KEYS), this.junk(depth - 1)] as [string, string]),
      );
    return this.scalar();
  }

  many<T>(make: () => T): T[] {
    return Array.from({ length: this.r.int(4) }, make);
  }

  /** Members, sometimes shuffled, with a key sometimes repeated (another value, anywhere). */
  members(ms: [string, string][], another: (k: string) => string): [string, string][] {
    const r = this.r;
    const out = [...ms];
    if (r.int(3) === 0) out.sort(() => r.next() - 0.5);
    if (out.length > 0 && r.int(6) === 0) {
      const k = r.pick(out)[0];
      out.splice(r.int(out.length + 1), 0, [k, another(k)]);
    }
    return out;
  }
}

/** A turn with this role; sometimes a member missing, of another type or an extra one. */
function randomTurn(j: RandomJson, r: Lcg, role: string): string {
  if (r.int(60) === 0) return j.junk();
  const from = r.int(30) === 0 ? j.scalar() : j.str(role);
  const value = r.int(30) === 0 ? j.scalar() : j.str(r.pick(STRINGS));
  const ms: [string, string][] = [];
  if (r.int(40) !== 0) ms.push(["from", from]);
  if (r.int(40) !== 0) ms.push(["value", value]);
  if (r.int(8) === 0) ms.push([r.pick(KEYS), j.junk()]);
  return j.obj(j.members(ms, () => (r.int(2) === 0 ? j.str(r.pick(ROLES)) : j.scalar())));
}

/** A list of turns: mostly [system] human gpt (human gpt)…, sometimes shuffled or cut. */
function randomTurns(j: RandomJson, r: Lcg): string {
  if (r.int(40) === 0) return j.junk();
  const roles: string[] = r.int(10) === 0 ? ["system"] : [];
  for (let k = 1 + r.int(3); k > 0; k--) roles.push("human", "gpt");
  if (r.int(10) === 0) roles.sort(() => r.next() - 0.5);
  if (r.int(10) === 0) roles.splice(r.int(roles.length), 1 + r.int(2));
  if (r.int(10) === 0) roles[r.int(roles.length)] = r.pick(ODD_ROLES);
  return j.list(roles.map((role) => randomTurn(j, r, role)));
}

function randomImage(j: RandomJson, r: Lcg): string {
  const k = r.int(8);
  if (k === 0) return j.junk();
  if (k === 1) return "null";
  if (k < 4) {
    const paths = Array.from({ length: r.int(4) }, (_, n) => j.str(`img/${n}.jpg`));
    if (r.int(4) === 0) paths.splice(r.int(paths.length + 1), 0, j.scalar());
    return j.list(paths);
  }
  return j.str("coco/train2017/000000000001.jpg");
}

function randomRecord(r: Lcg): string {
  const spacing =
    r.int(3) === 0 ? () => r.pick(SPACES) : r.int(2) === 0 ? () => "" : () => r.pick(["", " "]);
  const j = new RandomJson(r, spacing);
  if (r.int(50) === 0) return j.junk();
  const ms: [string, string][] = [];
  if (r.int(6) !== 0) ms.push(["id", r.int(10) === 0 ? j.junk() : j.str(`id_${r.int(1000)}`)]);
  if (r.int(3) !== 0) ms.push(["image", randomImage(j, r)]);
  if (r.int(50) !== 0) ms.push(["conversations", randomTurns(j, r)]);
  if (r.int(5) === 0) ms.push([r.pick(KEYS.slice(3)), j.junk()]);
  const another = (k: string) =>
    k === "conversations" ? randomTurns(j, r) : k === "image" ? randomImage(j, r) : j.junk();
  return `${r.pick(["", " ", "\n"])}${j.obj(j.members(ms, another))}`;
}

test("the byte check says what the parse says on random LLaVA-ish records", () => {
  const r = new Lcg(20240611);
  const kinds = new Map<string, number>();
  for (let n = 0; n < 4000; n++) {
    const text = randomRecord(r);
    const want = oracle(text);
    assert.deepEqual(inBytes(text), want, text);
    kinds.set(kindOf(want), (kinds.get(kindOf(want)) ?? 0) + 1);
  }
  // The generator must reach every verdict (and mostly good records), or it tests little.
  for (const kind of EVERY_KIND) assert.ok(kinds.has(kind), `no random case of ${kind}`);
  assert.ok(kinds.get("none")! > 1000, JSON.stringify([...kinds]));
});

test("the byte check says what the parse says on synthetic mix records, in Python's layouts", () => {
  const r = new Lcg(7);
  for (let i = 0; i < 300; i++) {
    const record = syntheticLlavaRecord(r, i, { text: "escapes" }) as never;
    for (const text of [formatPythonJson(record), formatPythonJson(record, { indent: 4 })]) {
      assert.equal(inBytes(text), null, text);
      assert.equal(oracle(text), null, text);
    }
  }
});

/** The facts walk on `text` inside a larger buffer (with `<image>` tags around it). */
function factsInBytes(text: string) {
  const before = Buffer.from('[{"value": "<image> <image>"},\n  ');
  const value = Buffer.from(text);
  const bytes = Buffer.concat([before, value, Buffer.from(',\n "<image>"]')]);
  return llavaFactsInBytes(bytes, before.length, before.length + value.length);
}

const TAGGED: string[] = [
  `{"image": "a.jpg", "conversations": [{"from": "human", "value": "<image>\\nq"}, ${G}]}`,
  `{"image": ["a.jpg", "b.jpg"], "conversations": [{"from": "human", "value": "<image><image>"}, ${G}]}`,
  `{"image": ["a.jpg"], "conversations": [{"from": "human", "value": "\\u003cimage>"}, ${G}]}`,
  `{"image": "a.jpg", "conversations": [{"from": "human", "value": "<image"}, {"from": "gpt", "value": "image> <image>"}]}`,
  `{"image": "a.jpg", "image": null, "conversations": [{"from": "human", "value": "<image>"}, ${G}]}`,
  `{"image": [], "conversations": [{"from": "human", "value": "no tag", "value": "<image>"}, ${G}]}`,
  `{"id": "<image>", "meta": "<image>", "conversations": [${H}, ${G}], "image": "a.jpg"}`,
  `{"conversations": [{"from": "human", "value": "<image>"}, ${G}], "conversations": [${H}, ${G}]}`,
  `{"conversations": [{"from": "human", "value": "<imag\\u0065>"}, {"from": "gpt", "value": "<<image>>"}]}`,
];

test("the facts walk counts <image> tags and images as the parse does", () => {
  for (const text of [...TAGGED, ...HOSTILE])
    assert.deepEqual(factsInBytes(text), llavaFactsOf(parsePythonJson(text)), text);
  // Tags are counted, not just noticed: these records differ only in their counts.
  assert.deepEqual(
    TAGGED.slice(0, 5).map((t) => [factsInBytes(t).imageTags, factsInBytes(t).images]),
    [
      [1, 1],
      [2, 2],
      [1, 1],
      [1, 1],
      [1, 0],
    ],
  );
  const r = new Lcg(99);
  for (let n = 0; n < 2000; n++) {
    const text = randomRecord(r);
    assert.deepEqual(factsInBytes(text), llavaFactsOf(parsePythonJson(text)), text);
  }
});
