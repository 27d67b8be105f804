/** Worker threads give the same rows, in order, as the main thread, and pass errors back. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../lib/errors/index";
import { countTokensParallel } from "../../lib/token-counting/workers/count-tokens-parallel";
import { variedStrings } from "./varied-strings";

const texts = variedStrings(120, 3).filter((t) => !/<image>|<video>/.test(t));
const records = texts.slice(0, 100).map((t, i) => ({
  index: i,
  record: {
    id: `r${i}`,
    conversations: [
      { from: "human", value: t },
      { from: "gpt", value: texts[(i + 1) % texts.length] },
    ],
  },
}));

async function collect(it: AsyncIterable<unknown>): Promise<unknown[]> {
  const out = [];
  for await (const x of it) out.push(x);
  return out;
}

for (const tokenizer of ["qwen2", "cl100k"]) {
  test(`${tokenizer}: 2 workers with small batches equal the main thread`, async () => {
    const main = await collect(countTokensParallel(records, { tokenizer, workers: 0 }));
    const workers = await collect(
      countTokensParallel(records, { tokenizer, workers: 2, batchSize: 7 }),
    );
    assert.equal(workers.length, 100);
    assert.deepEqual(workers, main);
  });
}

test("an error found in a worker names the file, record and field", async () => {
  // A missing image is found where visual tokens are counted: in the worker.
  const bad = records.map((r) =>
    r.index === 60
      ? {
          index: 60,
          record: {
            id: "x",
            image: "gone.jpg",
            conversations: [
              { from: "human", value: "<image>\nQ" },
              { from: "gpt", value: "A" },
            ],
          },
        }
      : r,
  );
  const options = {
    workers: 2,
    batchSize: 7,
    file: "mix.jsonl",
    visual: { imageFolder: "/nonexistent-t3kit" },
  };
  await assert.rejects(
    collect(countTokensParallel(bad, options)),
    (e: unknown) =>
      e instanceof InputError &&
      e.message.startsWith(
        "mix.jsonl, record 60, field image: image /nonexistent-t3kit/gone.jpg does not exist",
      ),
  );
});
