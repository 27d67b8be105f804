/**
 * Interactive use, as the README tells it: start Debian's classic Jupyter Notebook with the
 * README's own command line, open the printed address in Chromium, click through to a
 * notebook, Cell → Run All, and check that a table and a drawn figure appear.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../lib/paths/index";
import { launchChromium } from "../report/check-out-pages";

const NOTEBOOK = "02-t3-synthesis";

/** What the test reads of classic Notebook's page object (window.Jupyter). */
interface ClassicNotebook {
  notebook?: {
    kernel?: { is_connected?: () => boolean };
    set_autosave_interval(ms: number): void;
    get_cells(): Array<{ cell_type: string; input_prompt_number?: number | string | null }>;
  };
}
type JupyterWindow = { Jupyter?: ClassicNotebook };
// (page functions run in the browser: they may use types, not this file's functions)

/** The command block of the README's "Opening the notebooks in Jupyter" section. */
export function readmeServerCommand(readme: string): string {
  const section = readme.split("## Opening the notebooks in Jupyter")[1] ?? "";
  const block = section.match(/```bash\n([\s\S]*?)```/)?.[1];
  assert.ok(block, "the README section has a bash block");
  return block.trim();
}

/** Starts the README's command in the project root; resolves with the printed address. */
function startServer(
  command: string,
  env: NodeJS.ProcessEnv,
): { server: ChildProcess; url: Promise<string> } {
  const server = spawn("bash", ["-c", command], { cwd: projectRoot, env, detached: true });
  let log = "";
  const url = new Promise<string>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      log += chunk.toString();
      const m = log.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/);
      if (m) resolve(m[0]);
    };
    server.stdout!.on("data", seen);
    server.stderr!.on("data", seen);
    server.on("exit", (code) => reject(new Error(`the server exited (${code}):\n${log}`)));
    setTimeout(() => reject(new Error(`no address printed in 60 s:\n${log}`)), 60_000).unref();
  });
  return { server, url };
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.pid === undefined) return;
  const exited = new Promise((r) => server.once("exit", r));
  process.kill(-server.pid, "SIGTERM"); // bash and the server it started: one process group
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (server.exitCode === null) process.kill(-server.pid, "SIGKILL");
}

// The Notebook application's own noise, not the notebook's: classic Notebook 6.4 always asks
// for the ipywidgets extension, which Debian does not ship; the MathJax 2.7 it loads for
// markdown probes a font at about:blank, which Chromium refuses now and then.
const knownNoise = (text: string, url: string) =>
  `${text} ${url}`.includes("/nbextensions/widgets/") ||
  url === "about:blank" ||
  text.startsWith("Access to font at 'about:blank'");

test("the README's Jupyter Notebook command serves a notebook that runs in Chromium with tables and figures", async () => {
  const command = readmeServerCommand(readFileSync(join(projectRoot, "README.md"), "utf8"));
  assert.match(
    command,
    /^JUPYTER_PATH=\$PWD\/\.jupyter-kernels .*jupyter notebook .*--ip=127\.0\.0\.1/,
  );
  const nbFile = join(projectRoot, "notebooks", `${NOTEBOOK}.ipynb`);
  const nbBytes = readFileSync(nbFile);
  const checkpoints = join(projectRoot, "notebooks", ".ipynb_checkpoints");
  const hadCheckpoints = existsSync(checkpoints);
  const out = mkdtempSync(join(tmpdir(), "t3kit-jupyter-"));
  const { server, url } = startServer(command, { ...process.env, T3KIT_OUT: out });
  const browser = await launchChromium();
  const consoleErrors: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const tree = await context.newPage();
    await tree.goto(await url);
    await tree.click('#notebook_list a.item_link[href$="/tree/notebooks"]');
    const [page] = await Promise.all([
      context.waitForEvent("page"),
      tree.click(`#notebook_list a.item_link[href$="/${NOTEBOOK}.ipynb"]`),
    ]);
    page.on("console", (m) => {
      const url = m.location().url;
      if (m.type() === "error" && !knownNoise(m.text(), url))
        consoleErrors.push(`${m.text()} (${url})`);
    });
    page.on("pageerror", (e) => consoleErrors.push(e.message));
    await page.waitForFunction(
      () =>
        (window as unknown as JupyterWindow).Jupyter?.notebook?.kernel?.is_connected?.() === true,
      undefined,
      {
        timeout: 60_000,
      },
    );
    // The test must not save outputs into the repository's notebook.
    await page.evaluate(() =>
      (window as unknown as JupyterWindow).Jupyter!.notebook!.set_autosave_interval(0),
    );
    assert.equal(await page.locator(".kernel_indicator_name").innerText(), "TypeScript (t3kit)");
    await page.click("#celllink");
    await page.click("#run_all_cells");
    await page.waitForFunction(
      () =>
        (window as unknown as JupyterWindow)
          .Jupyter!.notebook!.get_cells()
          .filter((c) => c.cell_type === "code")
          .every((c) => typeof c.input_prompt_number === "number") &&
        document.querySelector("#kernel_indicator_icon.kernel_idle_icon") !== null,
      undefined,
      { timeout: 240_000, polling: 500 },
    );
    assert.equal(await page.locator(".output_stderr").count(), 0, "no cell wrote to stderr");
    assert.ok((await page.locator(".output_area table").count()) >= 1, "a table is shown");
    await page.locator(".output_area .t3kit-figure .main-svg").first().waitFor({ timeout: 30_000 });
    const figures = await page.locator(".output_area .t3kit-figure").count();
    const drawn = await page.locator(".output_area .t3kit-figure .main-svg").count();
    assert.ok(figures >= 2 && drawn >= figures, `every figure drew (${drawn} of ${figures})`);
    assert.ok(
      existsSync(join(out, "synthesis", "manifest.json")),
      "the kernel wrote to $T3KIT_OUT",
    );
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
    await stopServer(server);
    if (!readFileSync(nbFile).equals(nbBytes)) writeFileSync(nbFile, nbBytes);
    if (!hadCheckpoints && existsSync(checkpoints))
      rmSync(checkpoints, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
  assert.ok(readFileSync(nbFile).equals(nbBytes), "the notebook file is unchanged");
});
