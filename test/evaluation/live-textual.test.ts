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
