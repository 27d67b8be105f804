/** Loss, learning rate and grad norm against steps, three stacked panels sharing the step axis. */
import type { Data } from "plotly.js";
import type { Figure } from "../../plots/index";
import type { TrainingCurves } from "./read-training-curves";

export function trainingCurvesFigure(
  c: TrainingCurves,
  title = `Training curves (${c.format})`,
): Figure {
  const series = (key: "loss" | "evalLoss" | "learningRate" | "gradNorm") => {
    const pts = c.points.filter((p) => p[key] !== undefined);
    return { x: pts.map((p) => p.step), y: pts.map((p) => p[key] as number) };
  };
  const data: Data[] = [
    { ...series("loss"), name: "loss", type: "scatter", mode: "lines", yaxis: "y" },
    {
      ...series("evalLoss"),
      name: "eval loss",
      type: "scatter",
      mode: "lines+markers",
      yaxis: "y",
    },
    {
      ...series("learningRate"),
      name: "learning rate",
      type: "scatter",
      mode: "lines",
      yaxis: "y2",
    },
    { ...series("gradNorm"), name: "grad norm", type: "scatter", mode: "lines", yaxis: "y3" },
  ].filter((d) => (d.x as number[]).length > 0) as Data[];
  return {
    data,
    layout: {
      title: { text: title },
      width: 900,
      height: 700,
      xaxis: { title: { text: "step" }, anchor: "y3" },
      yaxis: { title: { text: "loss" }, domain: [0.68, 1] },
      yaxis2: { title: { text: "learning rate" }, domain: [0.36, 0.64], exponentformat: "e" },
      yaxis3: { title: { text: "grad norm" }, domain: [0, 0.32] },
      legend: { orientation: "h", y: -0.1 },
    },
  };
}
