/**
 * Figures to PNG through Debian's headless Chromium, driven by playwright-core (never a
 * downloaded browser). One browser serves every figure of a process and closes itself
 * after a short idle time: about 1 s to launch, then well under a second per figure.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext } from "playwright-core";

export const CHROMIUM_PATH = process.env.T3KIT_CHROMIUM ?? "/usr/bin/chromium";

// Without the background-networking flags Chromium keeps dialling hosts this machine
// cannot reach; playwright refuses --user-data-dir in args, so a fresh temp profile is used.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let shared: { context: Promise<BrowserContext>; profile: string } | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let inFlight = 0;

async function openContext(): Promise<BrowserContext> {
  if (!shared) {
    const profile = await mkdtemp(join(tmpdir(), "t3kit-chromium-"));
    // playwright-core is loaded with the first figure: importing this floor costs nothing.
    const { chromium } = require("playwright-core") as typeof import("playwright-core");
    const context = chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      // The CLI's own handlers end Chromium with everything else it started
      // (lib/processes); Playwright's would close it first and fail the run with its message.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    shared = { context, profile };
    context.catch(() => {
      shared = undefined;
    });
  }
  return shared.context;
}

/** Closes the shared browser now (tests and CLI commands call this before exiting). */
export async function closeBrowser(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = undefined;
  const s = shared;
  shared = undefined;
  if (!s) return;
  try {
    await (await s.context).close();
  } finally {
    await rm(s.profile, { recursive: true, force: true });
  }
}

/**
 * Screenshots the figure drawn by the self-contained page `htmlPath` into `pngPath`.
 * Waits for plotly's `.main-svg` so the PNG is never blank.
 */
export async function renderHtmlToPng(
  htmlPath: string,
  pngPath: string,
  size: { width: number; height: number },
): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  inFlight++;
  try {
    const context = await openContext();
    const page = await context.newPage();
    try {
      await page.setViewportSize({ width: size.width + 20, height: size.height + 20 });
      await page.goto(pathToFileURL(htmlPath).href);
      await page.waitForSelector(".main-svg", { timeout: 30_000 });
      await page.locator("#figure").screenshot({ path: pngPath, animations: "disabled" });
    } finally {
      await page.close();
    }
  } finally {
    inFlight--;
    if (inFlight === 0) {
      idleTimer = setTimeout(() => void closeBrowser(), 3000);
      idleTimer.unref();
    }
  }
}
