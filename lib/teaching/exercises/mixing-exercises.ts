import { PythonRandom } from "../../pyrandom/index";
import type { Exercise } from "./exercise";

/** Notebook 03: Python's shuffle, bit for bit. */
export const MIXING_EXERCISES: Exercise[] = [
  {
    id: "03.1",
    points: 1,
    prompt: "After random.seed(1234); random.shuffle(x) on x = [0..9], which number comes first?",
    hint: "The cell that prints `order` is CPython's shuffle; read its first element.",
    expected: () => new PythonRandom(1234).shuffled([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])[0],
  },
  {
    id: "03.2",
    points: 2,
    prompt: "Predict, then check: the whole order of [0..9] after random.seed(42); random.shuffle.",
    hint: "A new generator per seed: new t3.PythonRandom(seed).shuffled(list).",
    expected: () => new PythonRandom(42).shuffled([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
  },
];
