import { parseAspectList, runProbingStudy } from "./lib/probing/index";
(async () => {
  const aspects = parseAspectList("order_3,referring_end,grounding_bloom,blooming,brightness");
  let t = Date.now();
  for (const [lr, ep] of [[1e-2, 30], [5e-3, 40]]) {
    const r = await runProbingStudy({ features: "/tmp/pf3", aspects, probes: ["lstm"], seeds: [12, 22], resize: null, epochs: ep, learningRate: { lstm: lr } });
    console.log("lstm lr", lr, ep, r.map((x) => `${x.aspect}:${(x.accuracy * 100).toFixed(0)}`).join(" "), Date.now() - t); t = Date.now();
  }
})();
