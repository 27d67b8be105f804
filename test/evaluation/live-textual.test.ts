import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { evaluationExamples, liveTextualAccuracy } from "../../lib/evaluation/index";

test("the notebook's live cell runs only with T3KIT_EVAL_ENDPOINT, and then needs T3KIT_EVAL_MODEL", async () => {
  const files = evaluationExamples().textual;
  assert.equal(await liveTextualAccuracy(files, {}), null);
  assert.equal(await liveTextualAccuracy(files, { T3KIT_EVAL_ENDPOINT: "  " }), null);
  await assert.rejects(
    liveTextualAccuracy(files, { T3KIT_EVAL_ENDPOINT: "http://127.0.0.1:9/v1" }),
    (err: InputError) => err instanceof InputError && err.location.file === "T3KIT_EVAL_MODEL",
  );
});

test("validation files: empty, option-less and control-character records", async () => {
  const { readTextualItems } = await import("../../lib/evaluation/index");
  const { writeFiles } = await import("./result-fixtures");
  const q = "Captions:\nA\u0007bell\tand \u2028 line\nQuestion: which?\n(A) one (B) two\n";
  const [empty, noOptions, ok] = writeFiles("textual-items", {
    "empty.jsonl": "[]",
    "none.json": JSON.stringify([
      { question: "Question: which? no options", answer: "(A) one", qid: 1 },
    ]),
    "ok.jsonl": `${JSON.stringify({ question: q, answer: "(B) two", qid: 7 })}\n`,
  });
  await assert.rejects(
    readTextualItems(empty),
    (e: InputError) => e.location.file === empty && /no validation questions/.test(e.message),
  );
  await assert.rejects(
    readTextualItems(noOptions),
    (e: InputError) =>
      e.location.record === 0 &&
      e.location.field === "question" &&
      /no lettered options/.test(e.message),
  );
  const [item] = await readTextualItems(ok);
  assert.deepEqual(
    { ...item },
    {
      qid: "7",
      question: q,
      correct: "B",
      options: [
        { letter: "A", text: "one" },
        { letter: "B", text: "two" },
      ],
    },
  );
});
