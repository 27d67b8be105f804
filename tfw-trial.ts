import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
(async () => {
  for (const be of ["wasm", "cpu"]) {
  await tf.setBackend(be);
  await tf.ready();
  const x = tf.randomNormal([24, 40, 32]);
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 128, inputShape: [40, 32], recurrentActivation: "sigmoid", kernelInitializer: "zeros", recurrentInitializer: "zeros" }));
  model.add(tf.layers.dense({ units: 6 }));
  const opt = tf.train.adam(5e-5, 0.9, 0.999, 1e-8);
  const y = tf.oneHot(tf.tensor1d([0,1,2,3,4,5,0,1,2,3,4,5,0,1,2,3,4,5,0,1,2,3,4,5], "int32"), 6);
  model.compile({optimizer: opt, loss: "categoricalCrossentropy"});
  let t1 = Date.now();
  await model.fit(x, y, {epochs: 5, batchSize: 64, verbose: 0, shuffle: false});
  console.log(be, "fit 5 epochs", Date.now() - t1, "ms");
  t1 = Date.now();
  for (let e = 0; e < 5; e++) {
    tf.tidy(() => { opt.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x) as tf.Tensor) as tf.Scalar); });
  }
  console.log(be, "minimize 5 steps", Date.now() - t1, "ms");
  }
})();
