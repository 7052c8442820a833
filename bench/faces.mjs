// Benchmark (not a test): the faces lesson's DCGAN in Chromium, side by side in one run.
//  1. ms per D+G step at 64×64, ngf = ndf = 16, batch 8 (the default), ours on the
//     CPU backend (flex in wasm) and on WebGPU, against TF.js 4.22 webgl and webgpu
//     on the same layers, batch, optimizer and loss (bench/tfjs/dcgan.js);
//  2. the same for narrower and smaller models (how the defaults were chosen);
//  3. G's forward pass at batch 4, ours (sampleImages: G, readback, RGBA) against
//     onnxruntime-web's wasm backend on the same weights (bench/make-onnx.py).
// Needs a built dist/ and `npm --prefix bench install`. Prints JSON lines, then tables.
import { resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, serveMounts, launch, openPlayground } from '../tests/harness.mjs';

const BENCH = resolve(new URL('.', import.meta.url).pathname);
const rows = [];
const fwd = [];
const log = (r) => console.log(JSON.stringify(r));
const only = process.env.BENCH_ONLY ?? ''; // e.g. "ours" to skip the peers

// ----- ours -----
const dist = await serve();
// Each patch names every shape key: configure patches accumulate.
const SHAPES = [
  { name: 'default: 64×64, ngf=ndf=16, batch 8', patch: { resolution: 64, ngf: 16, ndf: 16, batch: 8 } },
  { name: '64×64, ngf=ndf=8, batch 8', patch: { resolution: 64, ngf: 8, ndf: 8, batch: 8, pretrained: false } },
  { name: '32×32, ngf=ndf=16, batch 8', patch: { resolution: 32, ngf: 16, ndf: 16, batch: 8, pretrained: false } },
  { name: '32×32, ngf=ndf=8, batch 8', patch: { resolution: 32, ngf: 8, ndf: 8, batch: 8, pretrained: false } },
];
for (const backend of ['cpu', 'webgpu']) {
  const browser = await launch({ webgpu: backend === 'webgpu' });
  try {
    await openPlayground(browser.page, `${dist.url}/?backend=${backend}#lesson=faces&refreshEvery=1000&stepsPerFrame=100`, 240_000);
    for (const shape of backend === 'webgpu' ? SHAPES.slice(0, 1) : SHAPES) {
      const steps = backend === 'webgpu' ? 3 : 20;
      const r = await browser.page.evaluate(async ([patch, n]) => {
        await window.gan.configure(patch);
        await window.gan.step(2); // warm-up: shaders, the engine's optimising tier
        const t0 = performance.now();
        const s = await window.gan.step(n);
        const ms = (performance.now() - t0) / n;
        // G forward at batch 4, as sampleImages returns it.
        await window.gan.sampleImages(4);
        const t1 = performance.now();
        for (let i = 0; i < 5; i++) await window.gan.sampleImages(4);
        return { ms, g4: (performance.now() - t1) / 5, adapter: s.adapter, lossD: s.lossD };
      }, [shape.patch, steps]);
      const where = r.adapter ? `${backend} (${r.adapter})` : backend;
      rows.push({ who: 'ours (burn)', backend: where, model: shape.name, steps, msPerStep: +r.ms.toFixed(1) });
      log(rows.at(-1));
      if (shape === SHAPES[0]) { fwd.push({ who: 'ours (burn)', backend: where, msPerForward: +r.g4.toFixed(1) }); log(fwd.at(-1)); }
    }
  } finally {
    await browser.close();
  }
}
await dist.close();

// ----- TF.js 4.22 and onnxruntime-web -----
if (only !== 'ours') {
  const tmp = mkdtempSync(join(tmpdir(), 'gan-bench-'));
  execFileSync('python3', [join(BENCH, 'make-onnx.py'), join(tmp, 'g.onnx')], { stdio: 'inherit' });
  const peers = await serveMounts({ '/': resolve(BENCH, 'tfjs'), '/node_modules/': resolve(BENCH, 'node_modules'), '/model/': tmp });
  for (const backend of ['webgl', 'webgpu']) {
    const browser = await launch({ webgpu: backend === 'webgpu' });
    try {
      await browser.page.goto(`${peers.url}/index.html`);
      await browser.page.waitForFunction(() => typeof window.benchDcgan === 'function');
      for (const [name, opts] of [['default: 64×64, ngf=ndf=16, batch 8', {}], ['64×64, ngf=ndf=8, batch 8', { ngf: 8, ndf: 8 }]]) {
        const steps = backend === 'webgpu' ? 2 : 3;
        const r = await browser.page.evaluate(([b, n, o]) => window.benchDcgan(b, n, o), [backend, steps, opts]);
        rows.push({ who: 'TF.js 4.22', backend: r.backend, model: name, steps, msPerStep: +r.ms.toFixed(1) });
        log(rows.at(-1));
      }
      const f = await browser.page.evaluate((b) => window.benchDcganForward(b, 5), backend);
      fwd.push({ who: 'TF.js 4.22', backend: f.backend, msPerForward: +f.ms.toFixed(1) });
      log(fwd.at(-1));
    } catch (e) {
      log({ who: 'TF.js 4.22', backend, error: String(e).slice(0, 300) });
    } finally {
      await browser.close();
    }
  }
  {
    const browser = await launch({ webgpu: false });
    try {
      await browser.page.goto(`${peers.url}/ort.html`);
      await browser.page.waitForFunction(() => typeof window.benchOrt === 'function');
      const r = await browser.page.evaluate(() => window.benchOrt('/model/g.onnx', 10));
      fwd.push({ who: 'onnxruntime-web 1.31.1', backend: 'wasm', msPerForward: +r.ms.toFixed(1) });
      log(fwd.at(-1));
    } catch (e) {
      log({ who: 'onnxruntime-web', error: String(e).slice(0, 300) });
    } finally {
      await browser.close();
    }
  }
  await peers.close();
  rmSync(tmp, { recursive: true, force: true });
}

const ref = (model) => rows.find((r) => r.who.startsWith('TF') && r.backend === 'webgl' && r.model === model)?.msPerStep;
console.log('\n| who | backend | model | steps | ms per D+G step | × TF.js webgl |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.who} | ${r.backend} | ${r.model} | ${r.steps} | ${r.msPerStep} | ${ref(r.model) ? (r.msPerStep / ref(r.model)).toFixed(2) : '–'} |`);
const ortMs = fwd.find((f) => f.who.startsWith('onnx'))?.msPerForward;
console.log('\n| who | backend | ms per G forward, batch 4 | × onnxruntime-web |');
console.log('|---|---|---|---|');
for (const f of fwd) console.log(`| ${f.who} | ${f.backend} | ${f.msPerForward} | ${ortMs ? (f.msPerForward / ortMs).toFixed(2) : '–'} |`);
