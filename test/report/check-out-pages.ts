/**
 * Opens every HTML page under an out/ folder in Debian's Chromium (playwright-core) and
 * reports what a reader would hit: a local link or image that does not resolve, anything
 * loaded from outside the folder or from the network, a console error, a figure that does
 * not draw. The independent check behind "out/ works when copied, with no network".
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, type Page, chromium } from "playwright-core";
import { CHROMIUM_PATH } from "../../lib/plots/index";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });

/** Every .html file under `root`, relative, sorted. */
export function htmlPages(root: string, rel = ""): string[] {
  return readdirSync(join(root, rel))
    .sort()
    .flatMap((name) => {
      const path = rel === "" ? name : `${rel}/${name}`;
      if (statSync(join(root, path)).isDirectory()) return htmlPages(root, path);
      return name.endsWith(".html") ? [path] : [];
    });
}

interface Reference {
  tag: string;
  attr: string;
  url: string;
}

export interface PageCheck {
  page: string;
  problems: string[];
  figures: number;
  images: number;
  localLinks: number;
}

const inside = (root: string, path: string) => path === root || path.startsWith(root + sep);

/** Opens `root/page` and lists its problems. */
export async function checkPage(browser: Browser, root: string, page: string): Promise<PageCheck> {
  const problems: string[] = [];
  const context = await browser.newContext();
  // Nothing may come from the network: a request that is not file: or data: is refused.
  await context.route(/^(?!file:|data:|blob:)/, (route) => {
    problems.push(`requested ${route.request().url()}`);
    return route.abort();
  });
  const tab: Page = await context.newPage();
  tab.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  tab.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  tab.on("requestfailed", (r) =>
    problems.push(`failed to load ${r.url()}: ${r.failure()?.errorText}`),
  );
  tab.on("request", (r) => {
    const url = r.url();
    if (url.startsWith("file:") && !inside(root, fileURLToPath(url.split(/[?#]/)[0]))) {
      problems.push(`loaded a file outside the folder: ${url}`);
    }
  });
  try {
    await tab.goto(pathToFileURL(join(root, page)).href, { waitUntil: "load" });
    const figures = await tab.locator(".t3kit-figure").count();
    if (figures > 0) {
      await tab
        .waitForFunction(
          () =>
            Array.from(document.querySelectorAll(".t3kit-figure")).every((d) =>
              d.querySelector(".main-svg"),
            ),
          undefined,
          { timeout: 60_000 },
        )
        .catch(() => problems.push("a figure did not draw (.main-svg missing)"));
    }
    const images = await tab.$$eval("img", (imgs) =>
      imgs.map((i) => ({ src: i.src, ok: i.complete && i.naturalWidth > 0 })),
    );
    for (const img of images) if (!img.ok) problems.push(`image does not render: ${img.src}`);
    const refs: Reference[] = await tab.$$eval("[href], [src]", (els) =>
      els.flatMap((el) =>
        (["href", "src"] as const)
          .filter((a) => el.hasAttribute(a) && el.getAttribute(a) !== "")
          .map((a) => ({
            tag: el.tagName.toLowerCase(),
            attr: a,
            url: new URL(el.getAttribute(a)!, document.baseURI).href,
          })),
      ),
    );
    let localLinks = 0;
    const pageUrl = pathToFileURL(join(root, page)).href;
    for (const ref of refs) {
      const url = new URL(ref.url);
      if (url.protocol === "data:" || url.protocol === "blob:") continue;
      if (url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:") {
        // A link a reader may follow is fine; a resource the page loads is not.
        if (ref.tag !== "a") problems.push(`<${ref.tag} ${ref.attr}> from the network: ${ref.url}`);
        continue;
      }
      if (url.protocol !== "file:") {
        problems.push(`<${ref.tag} ${ref.attr}> with scheme ${url.protocol} ${ref.url}`);
        continue;
      }
      localLinks++;
      const path = fileURLToPath(`file://${url.pathname}`);
      if (!inside(root, path))
        problems.push(`<${ref.tag} ${ref.attr}> outside the folder: ${ref.url}`);
      else if (!existsSync(path))
        problems.push(`<${ref.tag} ${ref.attr}> does not resolve: ${ref.url}`);
      if (url.hash !== "" && `file://${url.pathname}` === pageUrl.split("#")[0]) {
        // As browsers do: the fragment as written first, then percent-decoded.
        const raw = url.hash.slice(1);
        const id = decodeURIComponent(raw);
        const found = await tab.evaluate(
          ([r, d]) => document.getElementById(r) !== null || document.getElementById(d) !== null,
          [raw, id] as const,
        );
        if (!found) problems.push(`anchor #${id} is not on the page`);
      }
    }
    return { page, problems, figures, images: images.length, localLinks };
  } finally {
    await context.close();
  }
}

/** Checks every page under `root`, one at a time. */
export async function checkOutPages(root: string): Promise<PageCheck[]> {
  const browser = await launchChromium();
  try {
    const checks: PageCheck[] = [];
    for (const page of htmlPages(root)) checks.push(await checkPage(browser, root, page));
    return checks;
  } finally {
    await browser.close();
  }
}

export const describeProblems = (checks: PageCheck[]): string =>
  checks
    .filter((c) => c.problems.length > 0)
    .map((c) => `${c.page}:\n  ${c.problems.slice(0, 20).join("\n  ")}`)
    .join("\n");
