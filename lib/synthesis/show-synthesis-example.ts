/**
 * Shows one synthesised item in a notebook as it reads: the instruction, the captions
 * numbered as keyframes, the question, the options with the right one marked.
 */
import escapeHtml from "escape-html";
import type { LoadedItem } from "./load-synthesis-folder";
import { parseRenderedAnswer, parseRenderedQuestion } from "./verify/parse-rendered-item";

/** The HTML of one item (also used by tests). */
export function synthesisExampleHtml(item: LoadedItem): string {
  const parts = parseRenderedQuestion(item.question);
  const answer = parseRenderedAnswer(item.answer);
  if (typeof parts === "string" || typeof answer === "string")
    return `<pre>${escapeHtml(item.question + item.answer)}</pre>`;
  const caps = parts.captions.map((c) => `<li>${escapeHtml(c)}</li>`).join("");
  const opts = parts.options
    .map((o, i) => {
      const text = `(${String.fromCharCode(65 + i)}) ${escapeHtml(o)}`;
      return i === answer.index ? `<li><b>${text}</b> ✓</li>` : `<li>${text}</li>`;
    })
    .join("");
  return [
    `<div class="t3kit-example" style="border:1px solid #ccc;padding:8px;margin:4px 0;font-size:13px">`,
    `<div style="color:#666">${escapeHtml(item.file)} · ${item.task} · ${item.length}x</div>`,
    `<div><i>${escapeHtml(parts.prefix)}</i></div>`,
    `<div>Captions (keyframes in video order):</div><ol style="margin:2px 0">${caps}</ol>`,
    `<div><b>Question:</b> ${escapeHtml(parts.question)}</div>`,
    `<ul style="list-style:none;margin:2px 0;padding-left:12px">${opts}</ul>`,
    `<div><i>${escapeHtml(parts.suffix)}</i> → gpt: <code>${escapeHtml(item.answer)}</code></div>`,
    "</div>",
  ].join("");
}

/** Displays the first item of `task` (at `length`) in the running tslab notebook. */
export function showSynthesisExample(items: readonly LoadedItem[], task: string, length = 1): void {
  const item = items.find((i) => i.task === task && i.length === length && i.split === "train");
  const tslab = require("tslab") as typeof import("tslab");
  tslab.display.html(item ? synthesisExampleHtml(item) : `<p>no ${task} item at ${length}x</p>`);
}
