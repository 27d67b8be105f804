/**
 * Body of a `mix inspect` worker thread: inspects its share of the mix's records
 * (inspect-segments.ts), posting progress, then its result with the typed arrays
 * transferred, or an error (an InputError keeps its file, record and field).
 */
import { parentPort } from "node:worker_threads";
import { errorForThread, workerInput } from "../../threads/index";
import { type SegmentSettings, inspectSegments } from "./inspect-segments";
import type { InspectionSegment } from "./plan-inspection-segments";

const { segments, settings } = workerInput<{
  segments: InspectionSegment[];
  settings: SegmentSettings;
}>();

inspectSegments(segments, settings, (p) => parentPort!.postMessage({ progress: p }))
  .then((result) => {
    const c = result.contamination;
    const buffers = [
      result.contentKeys,
      result.mediaKeys,
      result.signatures,
      result.signed,
      result.parts,
      result.tokens,
      result.turns,
      result.letters,
      ...(c ? [c.recordDf, c.hitRecords, c.hitStarts, c.hitGrams, c.verbatim] : []),
    ].map((a) => a.buffer as ArrayBuffer);
    parentPort!.postMessage({ result }, [...new Set(buffers)]);
  })
  .catch((err) => parentPort!.postMessage({ error: errorForThread(err) }));
