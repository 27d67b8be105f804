import { scanJsonArrayFile } from "../lib/json/index";
(async () => {
  const f = process.argv[2];
  const t = performance.now();
  const n = await scanJsonArrayFile(f, () => {}, { topKeys: ["conversations"] });
  console.log("scan", n, (performance.now() - t).toFixed(0), "ms");
})();
