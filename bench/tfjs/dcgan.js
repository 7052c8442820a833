// The faces lesson's DCGAN in TF.js 4.22, layer for layer as ours: G is nz → 4×4
// (transposed conv, stride 1) then ×2 per stage to 64×64×3, batch norm (batch
// statistics) and ReLU, tanh out; D mirrors it with stride-2 convolutions,
// batch norm after the first and LeakyReLU(0.2); no biases; Adam(2e-4, β1 0.5);
// the hinge loss; procedural-face-sized real batches uploaded each step.
// `benchDcgan(backend, steps, {ngf, ndf, batch})` returns ms per D+G step.
/* global tf */

function normal(n, std = 1) {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = std * Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
  return out;
}
const w = (shape) => tf.variable(tf.tensor(normal(shape.reduce((a, b) => a * b), 0.02), shape));
const bn = (c) => ({ g: tf.variable(tf.ones([c])), b: tf.variable(tf.zeros([c])) });
function norm(x, p) {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  return tf.batchNorm(x, mean, variance, p.b, p.g, 1e-5);
}

function generator(nz, ngf) {
  const ch = [8, 4, 2, 1].map((k) => k * ngf);
  const convs = [];
  let input = nz;
  for (const c of ch) { convs.push(w([4, 4, c, input])); input = c; }
  convs.push(w([4, 4, 3, input]));
  return { convs, norms: ch.map(bn), ch };
}
function gForward(G, z, B) {
  let h = tf.reshape(z, [B, 1, 1, -1]);
  let size = 1;
  G.convs.forEach((f, i) => {
    const c = f.shape[2];
    if (i === 0) { size = 4; h = tf.conv2dTranspose(h, f, [B, 4, 4, c], 1, 'valid'); }
    else { size *= 2; h = tf.conv2dTranspose(h, f, [B, size, size, c], 2, 'same'); }
    h = i < G.norms.length ? tf.relu(norm(h, G.norms[i])) : tf.tanh(h);
  });
  return h;
}
function discriminator(ndf) {
  const ch = [1, 2, 4, 8].map((k) => k * ndf);
  const convs = [];
  let input = 3;
  for (const c of ch) { convs.push(w([4, 4, input, c])); input = c; }
  convs.push(w([4, 4, input, 1]));
  return { convs, norms: ch.slice(1).map(bn) };
}
function dForward(D, x, B) {
  let h = x;
  D.convs.forEach((f, i) => {
    if (i < D.convs.length - 1) {
      h = tf.conv2d(h, f, 2, 'same');
      if (i > 0) h = norm(h, D.norms[i - 1]);
      h = tf.leakyRelu(h, 0.2);
    } else h = tf.conv2d(h, f, 1, 'valid');
  });
  return tf.reshape(h, [B, 1]);
}

/** The G forward of batch `B` alone (for the inference comparison). */
window.benchDcganForward = async function benchDcganForward(backend, runs, { ngf = 16, nz = 100, batch = 4 } = {}) {
  if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} is unavailable`);
  await tf.ready();
  const G = generator(nz, ngf);
  const run = async () => { const z = tf.tensor2d(normal(batch * nz), [batch, nz]); const y = gForward(G, z, batch); await y.data(); tf.dispose([z, y]); };
  await run();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await run();
  return { ms: (performance.now() - t0) / runs, backend: tf.getBackend() };
};

window.benchDcgan = async function benchDcgan(backend, steps, { ngf = 16, ndf = 16, batch = 8, nz = 100 } = {}) {
  if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} is unavailable`);
  await tf.ready();
  const B = batch;
  const G = generator(nz, ngf);
  const D = discriminator(ndf);
  const vg = [...G.convs, ...G.norms.flatMap((p) => [p.g, p.b])];
  const vd = [...D.convs, ...D.norms.flatMap((p) => [p.g, p.b])];
  const optG = tf.train.adam(2e-4, 0.5, 0.999, 1e-8);
  const optD = tf.train.adam(2e-4, 0.5, 0.999, 1e-8);
  let lossD, lossG;
  const step = () => {
    const real = tf.tensor4d(normal(B * 64 * 64 * 3, 0.5), [B, 64, 64, 3]);
    const z1 = tf.tensor2d(normal(B * nz), [B, nz]);
    lossD?.dispose();
    lossD = optD.minimize(() => {
      const fake = gForward(G, z1, B); // minimize updates only D's variables
      return tf.add(tf.mean(tf.relu(tf.sub(1, dForward(D, real, B)))), tf.mean(tf.relu(tf.add(1, dForward(D, fake, B)))));
    }, true, vd);
    const z2 = tf.tensor2d(normal(B * nz), [B, nz]);
    lossG?.dispose();
    lossG = optG.minimize(() => tf.neg(tf.mean(dForward(D, gForward(G, z2, B), B))), true, vg);
    tf.dispose([real, z1, z2]);
  };
  step();
  await lossG.data();
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) step();
  const [ld, lg] = [await lossD.data(), await lossG.data()];
  return { ms: (performance.now() - t0) / steps, lossD: ld[0], lossG: lg[0], backend: tf.getBackend() };
};
