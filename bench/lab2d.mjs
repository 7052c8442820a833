// Benchmark (not a test): ms per D+G step of the 2-D lab's GAN (2 hidden layers of
// 64, batch 256, Adam, non-saturating) in Chromium, ours (CPU backend = flex in
// wasm; WebGPU) side by side with TF.js 4.22 (wasm, webgl, webgpu) on the same
// architecture, batch and optimizer, in one run. Needs a built dist/ and
// `npm --prefix bench install`. Prints one JSON line per measurement, then a table.
import { resolve } from 'node:path';
import { serve, serveMounts, launch, openPlayground } from '../tests/harness.mjs';

const BENCH = resolve(new URL('.', import.meta.url).pathname);
const rows = [];
const STEPS = { ours: { cpu: 200, webgpu: 20 }, tfjs: { wasm: 100, webgl: 40, webgpu: 10 } };

const dist = await serve();
for (const backend of ['cpu', 'webgpu']) {
  const browser = await launch({ webgpu: backend === 'webgpu' });
  try {
    await openPlayground(browser.page, `${dist.url}/?dev&backend=${backend}#lesson=2d`, 180_000);
    const steps = STEPS.ours[backend];
    const r = await browser.page.evaluate(async (n) => {
      await window.gan.configure({ batch: 256, hidden: 64, layers: 2, loss: 'nonsaturating', optimizerG: 'adam', optimizerD: 'adam', stepsPerFrame: 500 });
      await window.gan.step(n > 100 ? 50 : 3); // warm-up: shaders on WebGPU, the engine's optimising tier on the CPU
      const t0 = performance.now();
      const s = await window.gan.step(n); // one readback at the end
      return { ms: (performance.now() - t0) / n, adapter: s.adapter, lossD: s.lossD };
    }, steps);
    rows.push({ who: 'ours (burn)', backend: r.adapter ? `${backend} (${r.adapter})` : backend, steps, msPerStep: +r.ms.toFixed(2) });
    console.log(JSON.stringify(rows.at(-1)));
  } finally {
    await browser.close();
  }
}
await dist.close();

const tfServer = await serveMounts({ '/': resolve(BENCH, 'tfjs'), '/node_modules/': resolve(BENCH, 'node_modules') });
for (const backend of ['wasm', 'webgl', 'webgpu']) {
  const browser = await launch({ webgpu: backend === 'webgpu' });
  try {
    await browser.page.goto(`${tfServer.url}/index.html`);
    await browser.page.waitForFunction(() => typeof window.benchTf === 'function');
    const steps = STEPS.tfjs[backend];
    const r = await browser.page.evaluate(([b, n]) => window.benchTf(b, n), [backend, steps]);
    rows.push({ who: 'TF.js 4.22', backend: r.backend, steps, msPerStep: +r.ms.toFixed(2) });
    console.log(JSON.stringify(rows.at(-1)));
  } catch (e) {
    console.log(JSON.stringify({ who: 'TF.js 4.22', backend, error: String(e).slice(0, 200) }));
  } finally {
    await browser.close();
  }
}
await tfServer.close();

const tfBest = Math.min(...rows.filter((r) => r.who.startsWith('TF')).map((r) => r.msPerStep));
console.log('\n| who | backend | steps | ms/step | × TF.js best |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.who} | ${r.backend} | ${r.steps} | ${r.msPerStep.toFixed(2)} | ${(r.msPerStep / tfBest).toFixed(2)} |`);
