/**
 * `synthesize annotate` tags once and writes what synthesis would otherwise tag on the
 * fly: synthesis from the annotated file gives the same order and referring files as
 * synthesis from the plain one.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { annotateCaptions, writeSynthesis } from "../../lib/synthesis/index";

test("annotated captions give the same items as tagging on the fly", async () => {
  const root = mkdtempSync(join(tmpdir(), "t3kit-annotate-"));
  const plain = join(root, "plain.jsonl");
  const texts = [
    "The image shows a vintage red telephone booth on a cobblestone street. People pass.",
    "The image shows a close-up of a person's hand holding a smartphone.",
    "This is a photograph of a golden retriever lying on a green lawn.",
    "The image shows a dimly lit bar with wooden stools and a long counter.",
    "The image captures a lighthouse on a rocky shore during sunset.",
    "The image shows a black cat sitting on a windowsill.",
    "The image shows an old typewriter on a wooden desk.",
    "The image shows a soccer player kicking a ball on a grassy field.",
    "The image features a colorful hot air balloon floating over a valley.",
    "The image depicts a chef preparing sushi in a restaurant kitchen.",
    "The image shows a bicycle leaning against a brick wall.",
    "The image shows an elderly woman knitting a scarf in an armchair.",
    "It is raining.",
  ];
  writeFileSync(plain, texts.map((caption, i) => JSON.stringify({ id: i, caption })).join("\n"));
  const annotated = join(root, "annotated.jsonl");
  const summary = await annotateCaptions(plain, annotated);
  const { seconds, ...counts } = summary;
  assert.deepEqual(counts, { captions: 13, withMainObject: 12, withAttribute: 4 });
  assert.ok(seconds >= 0);
  const rows = readFileSync(annotated, "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.deepEqual(rows[0], {
    id: "0",
    caption: "The image shows a vintage red telephone booth on a cobblestone street.",
    noun_phrase: "telephone booth",
    object: "vintage red telephone booth",
    attributes: [{ kind: "colour", value: "red", subject: "telephone booth" }],
  });
  assert.equal(rows[12].noun_phrase, null);
  const run = (captionsFile: string, outDir: string) =>
    writeSynthesis({
      captionsFile,
      outDir,
      seed: 5,
      tasks: ["order", "refer_anchor_temp2any", "grounding"],
      lengths: [1],
      perTask: 20,
      valPerTask: 0,
    });
  await run(plain, join(root, "a"));
  await run(annotated, join(root, "b"));
  for (const f of [
    "temp_qa_order_train_long.json",
    "temp_qa_refer_anchor_temp2any_train.json",
    "temp_qa_grounding_train.json",
  ]) {
    assert.equal(
      readFileSync(join(root, "a", f), "utf8"),
      readFileSync(join(root, "b", f), "utf8"),
      f,
    );
  }
});
