// The page without WebGPU (no --enable-unsafe-webgpu): the CPU fallback, training,
// validation, the controls, and a page that stays on 127.0.0.1 with a clean console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPlayground, colouredPixels, CANVASES } from './harness.mjs';

let server, browser, page;

before(async () => {
  server = await serve();
  browser = await launch({ webgpu: false });
  page = browser.page;
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => { window.__ganAtDomReady = typeof window.gan; });
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`);
    });
  });
  await openPlayground(page, `${server.url}/`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('window.gan appears only once ready', async () => {
  assert.equal(await page.evaluate(() => window.__ganAtDomReady), 'undefined');
  assert.equal(await page.evaluate(() => window.gan.ready.then((g) => g === window.gan)), true);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true');
});

test('without WebGPU the backend is cpu, with the reason shown', async () => {
  const state = await page.evaluate(() => window.gan.state());
  // The shape www/gan-playground.d.ts declares.
  assert.deepEqual(Object.keys(state).sort(), ['adapter', 'backend', 'backendReason', 'config', 'lossD', 'lossG', 'metrics', 'step']);
  assert.deepEqual(Object.keys(state.config).sort(), ['backend', 'batch', 'beta1', 'hidden', 'latentDim', 'layers', 'lesson', 'lrD', 'lrG', 'seed', 'stepsPerFrame', 'target']);
  assert.equal(state.adapter, null);
  assert.equal(state.lossD, null);
  assert.equal(state.backend, 'cpu');
  assert.match(state.backendReason, /WebGPU/);
  assert.equal(await page.locator('#backend-badge').textContent(), 'CPU (burn flex)');
  const notice = page.locator('#notice');
  assert.ok(await notice.isVisible());
  assert.match(await notice.textContent(), /Running on the CPU backend: .*WebGPU/);
});

test('500 steps on CPU cut W1 by at least half, and the canvases show data', async () => {
  await page.evaluate(() => window.gan.reset());
  const before = await page.evaluate(() => window.gan.state());
  assert.equal(before.step, 0);
  const after = await page.evaluate(() => window.gan.step(500));
  assert.equal(after.step, 500);
  assert.ok(Number.isFinite(after.lossD) && Number.isFinite(after.lossG), JSON.stringify(after));
  assert.ok(after.metrics.w1 <= 0.5 * before.metrics.w1, `W1 ${before.metrics.w1} -> ${after.metrics.w1}`);
  assert.ok(after.metrics.js < before.metrics.js, `JS ${before.metrics.js} -> ${after.metrics.js}`);
  for (const [c, least] of Object.entries(CANVASES)) {
    const n = await colouredPixels(page, c);
    assert.ok(n >= least, `${c} shows ${n} coloured pixels, fewer than ${least}`);
  }
  const xs = await page.evaluate(() => window.gan.sample(1000));
  assert.ok(Array.isArray(xs) && xs.length === 1000 && xs.every(Number.isFinite));
});

test('a bad configure rejects with the key and range, and changes nothing', async () => {
  const before = await page.evaluate(() => window.gan.state());
  const cases = [
    [{ batch: 0 }, /`batch` must be an integer in 1..=4096; got 0/],
    [{ lrG: 'fast' }, /`lrG` must be a number in 0.000001..=1; got the string "fast"/],
    [{ target: { kind: 'gaussian', std: -1 } }, /`target.std` must be a number in 0.01..=5/],
    [{ wings: 2 }, /unknown config key `wings`/],
    [{ batch: 64, hidden: 9999 }, /`hidden` must be an integer in 1..=256/],
  ];
  for (const [patch, message] of cases) {
    const err = await page.evaluate((p) => window.gan.configure(p).then(() => null, (e) => e.message), patch);
    assert.match(err ?? 'accepted', message, JSON.stringify(patch));
  }
  const stepErr = await page.evaluate(() => window.gan.step(2.5).then(() => null, (e) => e.message));
  assert.match(stepErr, /step: n must be an integer/);
  assert.deepEqual(await page.evaluate(() => window.gan.state()), before);
});

test('forcing WebGPU where there is none rejects and keeps the CPU backend', async () => {
  const before = await page.evaluate(() => window.gan.state());
  const err = await page.evaluate(() => window.gan.configure({ backend: 'webgpu' }).then(() => null, (e) => e.message));
  assert.match(err ?? 'accepted', /WebGPU was requested, but/);
  assert.deepEqual(await page.evaluate(() => window.gan.state()), before);
});

test('a bad ?backend= is reported and ignored; ?backend=cpu is honoured', async () => {
  const other = await browser.context.newPage();
  try {
    await openPlayground(other, `${server.url}/?backend=%3Cscript%3E`);
    assert.match(await other.locator('#notice').textContent(), /Ignored \?backend=<script>: `backend` must be one of "auto", "cpu", "webgpu"; got the string "<script>"/);
    await openPlayground(other, `${server.url}/?backend=cpu`);
    const s = await other.evaluate(() => window.gan.state());
    assert.equal(s.config.backend, 'cpu');
    assert.equal(s.backendReason, 'the CPU backend was requested');
  } finally {
    await other.close();
  }
});

test('the same seed gives the same losses, step for step', async () => {
  const run = () => page.evaluate(async () => {
    await window.gan.configure({ seed: 11, stepsPerFrame: 1 });
    await window.gan.reset();
    const losses = [];
    for (let i = 0; i < 5; i++) { const s = await window.gan.step(1); losses.push([s.lossD, s.lossG]); }
    return losses;
  });
  const a = await run();
  const b = await run();
  assert.deepEqual(a, b);
  assert.ok(a.every(([d, g]) => Number.isFinite(d) && Number.isFinite(g)));
  await page.evaluate(() => window.gan.configure({ seed: 1, stepsPerFrame: 10 }));
});

test('configure applies a valid patch and reports it in state().config', async () => {
  const state = await page.evaluate(() =>
    window.gan.configure({ target: { kind: 'gaussian', mean: 4, std: 0.5 }, batch: 64, seed: 7 }),
  );
  assert.deepEqual(state.config.target, { kind: 'gaussian', mean: 4, std: 0.5 });
  assert.equal(state.config.batch, 64);
  assert.equal(state.step, 0, 'a new target starts a fresh model');
  // The UI follows: the kind select and the field inputs show the new target.
  assert.equal(await page.locator('#target-kind').inputValue(), 'gaussian');
  assert.equal(await page.locator('#target-fields input[data-field="mean"]').inputValue(), '4');
});

test('a wider latent, deeper nets and another width train, and the mapping note shows', async () => {
  const s = await page.evaluate(async () => {
    await window.gan.configure({ latentDim: 3, hidden: 16, layers: 3 });
    return window.gan.step(20);
  });
  assert.equal(s.step, 20);
  assert.ok(Number.isFinite(s.lossD) && Number.isFinite(s.lossG), JSON.stringify(s));
  assert.ok(await page.locator('#mapping-note').isVisible());
  assert.ok((await colouredPixels(page, '#mapping-canvas')) >= 200);
  await page.evaluate(() => window.gan.configure({ latentDim: 1, hidden: 32, layers: 2 }));
  assert.ok(await page.locator('#mapping-note').isHidden());
});

test('a bad value typed into a control shows the error and reverts', async () => {
  const input = page.locator('input[data-key="batch"]');
  await input.fill('0');
  await input.dispatchEvent('change');
  await page.locator('#error').waitFor({ state: 'visible' });
  assert.match(await page.locator('#error').textContent(), /`batch` must be an integer in 1..=4096/);
  assert.equal(await input.inputValue(), '64');
});

test('play moves the step counter, pause stops it', async () => {
  await page.click('#btn-play');
  await page.waitForFunction(() => window.gan.state().step > 50, null, { polling: 50 });
  await page.click('#btn-pause');
  // Let any in-flight frame finish through the API's queue, then the count must hold.
  const held = await page.evaluate(() => window.gan.sample(1).then(() => window.gan.state().step));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.gan.state().step), held);
  assert.ok(await page.locator('#btn-play').isEnabled());
  assert.ok(await page.locator('#btn-pause').isDisabled());
});

test('the step and reset buttons work', async () => {
  const s0 = await page.evaluate(() => window.gan.state().step);
  await page.click('#btn-step');
  await page.waitForFunction((s) => window.gan.state().step === s + 1, s0, { polling: 50 });
  await page.click('#btn-reset');
  await page.waitForFunction(() => window.gan.state().step === 0, null, { polling: 50 });
});

test('drawing a target makes it P_data, and G learns it', async () => {
  await page.selectOption('#target-kind', 'custom');
  await page.waitForFunction(() => window.gan.state().config.target.kind === 'custom', null, { polling: 50 });
  await page.locator('#draw-canvas').scrollIntoViewIfNeeded();
  const box = await page.locator('#draw-canvas').boundingBox();
  await page.mouse.move(box.x + 5, box.y + box.height - 5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 10, { steps: 10 });
  await page.mouse.move(box.x + box.width - 5, box.y + box.height - 5, { steps: 10 });
  await page.mouse.up();
  await page.waitForFunction(
    () => { const t = window.gan.state().config.target; return t.histogram[20] > 0.8 && t.histogram[39] < 0.2; },
    null, { polling: 50 },
  );
  const fresh = await page.evaluate(() => window.gan.state());
  assert.equal(fresh.step, 0);
  const trained = await page.evaluate(() => window.gan.step(400));
  assert.ok(trained.metrics.w1 < fresh.metrics.w1, `W1 ${fresh.metrics.w1} -> ${trained.metrics.w1}`);
});

test('everything above ran under the strict CSP with zero violations', async () => {
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.equal(csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob: data:");
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline scripts');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
});

test('the page made no request off 127.0.0.1 and logged no console errors', async () => {
  assert.deepEqual(browser.foreign, []);
  assert.deepEqual(browser.consoleErrors, []);
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length), 1,
    'the page fetched the wasm once (its preload is the loader\'s request)');
});
