import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { closeBrowser, saveFigure } from "../../lib/plots/index";

after(() => closeBrowser());

/** Width and height as ffprobe (real ffmpeg) reads them from the PNG. */
function probeSize(png: string): [number, number] {
  const out = execFileSync(
    "ffprobe",
    [
      "-v",
      "error",
      "-select_streams",
      "v:0",
      "-show_entries",
      "stream=width,height",
      "-of",
      "csv=p=0",
      png,
    ],
    {
      encoding: "utf8",
    },
  );
  const [w, h] = out.trim().split(",").map(Number);
  return [w, h];
}

/** Distinct grey levels in the image, decoded by ffmpeg: 1 means blank. */
function greyLevels(png: string): number {
  const raw = execFileSync(
    "ffmpeg",
    ["-v", "error", "-i", png, "-f", "rawvideo", "-pix_fmt", "gray", "-"],
    { maxBuffer: 1 << 26 },
  );
  return new Set(raw).size;
}

test("saveFigure writes a self-contained HTML page and a non-blank PNG of the figure's size", async () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-fig-"));
  const fig = {
    data: [
      {
        type: "bar" as const,
        x: ["order", "attribute"],
        y: [65.9, 68.1],
        marker: { color: "#e45756" },
      },
    ],
    layout: { width: 640, height: 360, title: { text: "T3 gains" } },
  };
  const saved = await saveFigure(fig, "bars", dir);
  const [w, h] = probeSize(saved.png);
  assert.ok(Math.abs(w - 640) <= 2 && Math.abs(h - 360) <= 2, `PNG is ${w}x${h}`);
  assert.ok(greyLevels(saved.png) > 20, "PNG is not blank");
  const html = readFileSync(saved.html, "utf8");
  assert.doesNotMatch(html, /<script[^>]+src=/, "no external scripts");
  assert.match(html, /T3 gains/);
  assert.deepEqual(readdirSync(dir).sort(), ["bars.html", "bars.png"], "no temp files left");
});
