// The WebGPU path on Chromium's software adapter (SwiftShader): forced with
// ?backend=webgpu it trains; in auto mode it is detected as software and skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPlayground, colouredPixels, CANVASES } from './harness.mjs';

test('?backend=webgpu trains on WebGPU: finite losses and drawn canvases', async () => {
  const server = await serve();
  const browser = await launch({ webgpu: true });
  try {
    const { page } = browser;
    await openPlayground(page, `${server.url}/?backend=webgpu`, 180_000);
    const s0 = await page.evaluate(() => window.gan.state());
    assert.equal(s0.backend, 'webgpu', JSON.stringify(s0));
    assert.ok(s0.adapter, 'adapter name reported');
    assert.match(s0.backendReason, /software adapter/);
    assert.match(await page.locator('#backend-badge').textContent(), /^WebGPU \(.+\)$/);
    const s = await page.evaluate(() => window.gan.step(3));
    assert.equal(s.step, 3);
    assert.ok(Number.isFinite(s.lossD) && Number.isFinite(s.lossG), JSON.stringify(s));
    assert.ok(s.lossD > 0 && s.lossG > 0);
    assert.ok(Number.isFinite(s.metrics.w1) && Number.isFinite(s.metrics.js));
    for (const [c, least] of Object.entries(CANVASES)) {
      const n = await colouredPixels(page, c);
      assert.ok(n >= least, `${c} shows ${n} coloured pixels, fewer than ${least}`);
    }
    // A second widget on the same page shares the GPU device and trains its own model.
    const two = await page.evaluate(async () => {
      const el = document.createElement('gan-playground');
      el.setAttribute('backend', 'webgpu');
      el.setAttribute('target', 'uniform');
      document.body.append(el);
      await el.ready;
      const b = await el.step(2);
      const a = window.gan.state();
      return { a: [a.step, a.adapter, a.config.target.kind], b: [b.step, b.adapter, b.config.target.kind, b.backend, b.lossD] };
    });
    assert.deepEqual(two.a, [3, s0.adapter, 'bimodal']);
    assert.deepEqual(two.b.slice(0, 4), [2, s0.adapter, 'uniform', 'webgpu']);
    assert.ok(Number.isFinite(two.b[4]));
    assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length), 1,
      'the page fetched the wasm once, for every widget');
    assert.deepEqual(browser.foreign, []);
    assert.deepEqual(browser.consoleErrors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('auto mode sees the software adapter and picks the CPU backend, saying why', async () => {
  const server = await serve();
  const browser = await launch({ webgpu: true });
  try {
    const { page } = browser;
    await openPlayground(page, `${server.url}/`);
    const s = await page.evaluate(() => window.gan.state());
    assert.equal(s.backend, 'cpu');
    assert.match(s.backendReason, /software fallback/);
    assert.match(await page.locator('#notice').textContent(), /software fallback/);
    assert.deepEqual(browser.consoleErrors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the 2-D lab trains on WebGPU too, WGAN-GP included, and its layers draw', async () => {
  const { pixelsNear } = await import('./harness.mjs');
  const server = await serve();
  const browser = await launch({ webgpu: true });
  try {
    const { page } = browser;
    await openPlayground(page, `${server.url}/?dev&backend=webgpu#lesson=2d`, 180_000);
    const s0 = await page.evaluate(() => window.gan.state());
    assert.equal(s0.backend, 'webgpu');
    const s = await page.evaluate(() => window.gan.step(3));
    assert.ok(Number.isFinite(s.lossD) && Number.isFinite(s.lossG), JSON.stringify(s));
    const gp = await page.evaluate(() => window.gan.configure({ loss: 'wgan-gp', dSteps: 2 }).then(() => window.gan.step(2)));
    assert.ok(Number.isFinite(gp.lossD) && Number.isFinite(gp.lossG), JSON.stringify(gp));
    assert.ok((await pixelsNear(page, '#lab-canvas', [230, 100, 0], 25)) > 30, 'fake samples drawn');
    assert.ok((await pixelsNear(page, '#lab-canvas', [200, 0, 90], 25)) > 30, 'arrows drawn');
    assert.deepEqual(browser.consoleErrors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the faces lesson trains a few steps on WebGPU: the grid changes, the losses stay finite', async () => {
  const server = await serve();
  const browser = await launch({ webgpu: true });
  try {
    const { page } = browser;
    await openPlayground(page, `${server.url}/?backend=webgpu#lesson=faces&refreshEvery=1`, 240_000);
    const s0 = await page.evaluate(() => window.gan.state());
    assert.equal(s0.backend, 'webgpu', JSON.stringify(s0));
    assert.equal(s0.pretrained.used, true);
    const grid = () => page.evaluate(() => {
      const c = document.querySelector('gan-playground').shadowRoot.querySelector('#grid-canvas');
      return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data);
    });
    const before = await grid();
    const t0 = Date.now();
    const s = await page.evaluate(() => window.gan.step(2));
    console.log(`2 faces steps on WebGPU (SwiftShader), with 2 grid redraws: ${Date.now() - t0} ms`);
    assert.equal(s.step, s0.step + 2);
    assert.ok(Number.isFinite(s.lossD) && Number.isFinite(s.lossG), JSON.stringify(s));
    assert.ok(Number.isFinite(s.metrics.structure));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const after = await grid();
    const n = after.reduce((k, v, i) => k + (Math.abs(v - before[i]) > 8 ? 1 : 0), 0);
    assert.ok(n > 1000, `only ${n} pixel values changed`);
    assert.deepEqual(browser.consoleErrors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
