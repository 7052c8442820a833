// The 2-D lab's GAN in TF.js 4.22, as close to ours as the API allows: G 2→64→64→2
// and D 2→64→64→1 with LeakyReLU(0.2), Adam(1e-3, β1 0.5), the non-saturating
// loss, batch 256, a ring of 8 sampled on the host and uploaded each step, one
// D update then one G update per step. `benchTf(backend, steps)` returns ms/step.
/* global tf */
const B = 256, H = 64;

function ring(n) {
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(Math.random() * 8), a = (2 * Math.PI * k) / 8;
    const g = () => Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
    out[2 * i] = Math.cos(a) + 0.05 * g();
    out[2 * i + 1] = Math.sin(a) + 0.05 * g();
  }
  return out;
}
function normal(n) {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
  return out;
}
function mlp(dims) {
  return dims.slice(1).map((out, i) => {
    const bound = 1 / Math.sqrt(dims[i]);
    return { w: tf.variable(tf.randomUniform([dims[i], out], -bound, bound)), b: tf.variable(tf.randomUniform([out], -bound, bound)) };
  });
}
function forward(net, x) {
  return net.reduce((h, l, i) => {
    const y = tf.add(tf.matMul(h, l.w), l.b);
    return i < net.length - 1 ? tf.leakyRelu(y, 0.2) : y;
  }, x);
}
const vars = (net) => net.flatMap((l) => [l.w, l.b]);
const softplus = (x) => tf.softplus(x);

window.benchTf = async function benchTf(backend, steps) {
  if (backend === 'wasm') tf.wasm.setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
  const ok = await tf.setBackend(backend);
  if (!ok) throw new Error(`TF.js backend ${backend} is unavailable`);
  await tf.ready();
  const g = mlp([2, H, H, 2]);
  const d = mlp([2, H, H, 1]);
  const optG = tf.train.adam(1e-3, 0.5, 0.999, 1e-8);
  const optD = tf.train.adam(1e-3, 0.5, 0.999, 1e-8);
  let lossD, lossG;
  const step = () => {
    const real = tf.tensor2d(ring(B), [B, 2]);
    const z1 = tf.tensor2d(normal(2 * B), [B, 2]);
    lossD?.dispose();
    lossD = optD.minimize(() => {
      const fake = forward(g, z1);
      return tf.add(tf.mean(softplus(tf.neg(forward(d, real)))), tf.mean(softplus(forward(d, fake))));
    }, true, vars(d));
    const z2 = tf.tensor2d(normal(2 * B), [B, 2]);
    lossG?.dispose();
    lossG = optG.minimize(() => tf.mean(softplus(tf.neg(forward(d, forward(g, z2))))), true, vars(g));
    tf.dispose([real, z1, z2]);
  };
  for (let i = 0; i < 3; i++) step(); // warm-up: kernels and shaders
  await lossG.data();
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) step();
  const [ld, lg] = [await lossD.data(), await lossG.data()]; // waits for the device
  const ms = (performance.now() - t0) / steps;
  return { ms, lossD: ld[0], lossG: lg[0], backend: tf.getBackend() };
};
