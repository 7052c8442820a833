// The 2-D lab in the browser (CPU backend): every layer draws and toggles,
// presets configure, D/G steps and slow mode work, a painted dataset is learnt,
// and bad input is refused with the key named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPlayground, pixelsNear } from './harness.mjs';

let server, browser, page;
const COLORS = { real: [30, 90, 200], fake: [230, 100, 0], manifold: [120, 60, 170], arrows: [200, 0, 90], heat: [250, 200, 150] };

before(async () => {
  server = await serve();
  browser = await launch({ webgpu: false });
  page = browser.page;
  await openPlayground(page, `${server.url}/?dev#lesson=2d&seed=1`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const gan = (fn, arg) => page.evaluate(fn, arg);
const redrawn = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));

test('the lab starts with the healthy defaults and VEEGAN metrics in state()', async () => {
  const s = await gan(() => window.gan.state());
  assert.equal(s.config.lesson, '2d');
  assert.deepEqual(s.config.dataset, { kind: 'ring', radius: 1, sigma: 0.05 });
  assert.equal(s.config.loss, 'nonsaturating');
  assert.deepEqual(Object.keys(s.metrics).sort(), ['highQuality', 'js', 'modesCovered', 'modesTotal']);
  assert.equal(s.metrics.modesTotal, 8);
  const t = await gan(() => window.gan.step(400));
  assert.equal(t.step, 400);
  assert.ok(t.metrics.modesCovered >= 6, JSON.stringify(t.metrics));
  assert.ok(t.metrics.js < s.metrics.js, `JS ${s.metrics.js} -> ${t.metrics.js}`);
  assert.match(await page.locator('#out-modes').textContent(), /^\d \/ 8$/);
});

test('every layer draws, and its toggle removes it', async () => {
  const toggle = (layer, on) => page.locator(`input[data-layer="${layer}"]`).setChecked(on);
  for (const [layer, rgb] of Object.entries(COLORS)) {
    // That layer alone, then nothing: its colour appears, then goes.
    for (const other of Object.keys(COLORS)) await toggle(other, other === layer);
    await redrawn();
    const on = await pixelsNear(page, '#lab-canvas', rgb, 25);
    await toggle(layer, false);
    await redrawn();
    const off = await pixelsNear(page, '#lab-canvas', rgb, 25);
    assert.ok(on >= 30, `${layer}: only ${on} pixels of its colour with the layer on`);
    assert.ok(off <= 0.05 * on, `${layer}: ${on} pixels on, still ${off} off`);
  }
  for (const layer of Object.keys(COLORS)) await toggle(layer, true);
});

test('each preset configures the state', async () => {
  const presets = await gan(() => [...document.querySelector('gan-playground').shadowRoot.querySelectorAll('#presets button')].map((b) => b.textContent));
  assert.deepEqual(presets, ['healthy', 'mode collapse', 'WGAN']);
  await page.locator('#presets button', { hasText: 'mode collapse' }).click();
  await page.waitForFunction(() => window.gan.state().config.loss === 'minimax', null, { polling: 50 });
  let c = (await gan(() => window.gan.state())).config;
  assert.deepEqual([c.loss, c.lrD, c.beta1, c.dSteps], ['minimax', 0.02, 0.9, 1]);
  assert.match(await page.locator('#loss-explain').textContent(), /saturates/);
  await page.locator('#presets button', { hasText: 'WGAN' }).click();
  await page.waitForFunction(() => window.gan.state().config.loss === 'wgan-gp', null, { polling: 50 });
  c = (await gan(() => window.gan.state())).config;
  assert.deepEqual([c.loss, c.dSteps, c.gpWeight], ['wgan-gp', 5, 10]);
  assert.ok(await page.locator('input[data-key="gpWeight"]').isVisible(), 'λ shows for WGAN-GP');
  assert.ok(await page.locator('input[data-key="clip"]').isHidden(), 'the clip bound is for WGAN-clip');
  const s = await gan(() => window.gan.step(30));
  assert.ok(Number.isFinite(s.lossD) && Number.isFinite(s.lossG), JSON.stringify(s));
  await page.locator('#presets button', { hasText: 'healthy' }).click();
  await page.waitForFunction(() => window.gan.state().config.loss === 'nonsaturating', null, { polling: 50 });
  assert.ok(await page.locator('#presets button.on', { hasText: 'healthy' }).isVisible());
});

test('every loss trains with finite losses, and a bad one is refused by name', async () => {
  for (const loss of ['minimax', 'nonsaturating', 'lsgan', 'hinge', 'wgan-clip', 'wgan-gp']) {
    const s = await gan((l) => window.gan.configure({ loss: l }).then(() => window.gan.step(10)), loss);
    assert.ok(Number.isFinite(s.lossD) && Number.isFinite(s.lossG), `${loss}: ${JSON.stringify(s)}`);
  }
  const before = await gan(() => window.gan.state());
  const err = await gan(() => window.gan.configure({ loss: 'wgan', dSteps: 2 }).then(() => null, (e) => e.message));
  assert.match(err, /`loss` must be one of "minimax", "nonsaturating", "lsgan", "hinge", "wgan-clip", "wgan-gp"; got the string "wgan"/);
  const err2 = await gan(() => window.gan.configure({ dataset: { kind: 'drawn', points: [[0, 99]] } }).then(() => null, (e) => e.message));
  assert.match(err2, /`dataset.points\[0\]` must be an \[x, y\] pair in -5..=5/);
  const err3 = await gan(() => window.gan.step(1, 'x').then(() => null, (e) => e.message));
  assert.match(err3, /step: mode must be "both", "d" or "g"/);
  assert.deepEqual(await gan(() => window.gan.state()), before);
  await gan(() => window.gan.configure({ loss: 'nonsaturating' }));
});

test('Step D moves only D, Step G only G', async () => {
  await gan(() => window.gan.reset());
  const fake0 = await gan(() => window.gan.sample(1));
  await page.locator('#btn-step-d').click();
  await page.waitForFunction(() => window.gan.state().step === 1, null, { polling: 50 });
  const s = await gan(() => window.gan.state());
  assert.ok(s.lossD !== null && s.lossG === null, JSON.stringify(s));
  await page.locator('#btn-step-g').click();
  await page.waitForFunction(() => window.gan.state().step === 2, null, { polling: 50 });
  assert.ok((await gan(() => window.gan.state())).lossG !== null);
  assert.equal(fake0.length, 1);
  assert.equal(fake0[0].length, 2);
});

test('slow mode advances through sampling, D and G, in order', async () => {
  await page.locator('#slow').check();
  const start = (await gan(() => window.gan.state())).step;
  await gan(() => {
    window.__phases = [];
    window.__phaseEvents = [];
    document.querySelector('gan-playground').addEventListener('phase', (e) => window.__phaseEvents.push(e.detail.phase));
    const list = document.querySelector('gan-playground').shadowRoot.getElementById('phases');
    new MutationObserver(() => window.__phases.push(list.dataset.phase)).observe(list, { attributes: true, attributeFilter: ['data-phase'] });
  });
  await page.locator('#btn-play').click();
  await page.waitForFunction(() => window.__phases.filter(Boolean).length >= 6, null, { polling: 100, timeout: 15_000 });
  await page.locator('#btn-pause').click();
  await page.locator('#slow').uncheck();
  const phases = (await gan(() => window.__phases)).filter(Boolean);
  assert.deepEqual(phases.slice(0, 6), ['sample', 'd', 'g', 'sample', 'd', 'g']);
  assert.deepEqual((await gan(() => window.__phaseEvents)).slice(0, 6), ['sample', 'd', 'g', 'sample', 'd', 'g'], 'the element fires `phase`');
  assert.ok((await gan(() => window.gan.state())).step >= start + 4);
  assert.ok(await page.locator('#phases').isHidden(), 'the phase strip goes with slow mode');
});

test('painting on the plane makes the dataset, and training covers it', async () => {
  await page.locator('#dataset-kind').selectOption('drawn');
  await page.waitForFunction(() => window.gan.state().config.dataset.kind === 'drawn', null, { polling: 50 });
  await page.locator('#btn-clear-drawing').click();
  const canvas = page.locator('#lab-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  // A horizontal stroke in the plane's upper part, from 25 % to 75 % of its width
  // (away from the origin, where an untrained G's samples sit).
  const y = box.y + 10 + (box.height - 36) * 0.2;
  await page.mouse.move(box.x + box.width * 0.25, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, y, { steps: 30 });
  await page.mouse.up();
  await page.waitForFunction(() => window.gan.state().config.dataset.points?.length > 10, null, { polling: 50 });
  const { points } = (await gan(() => window.gan.state())).config.dataset;
  const ys = points.map(([, py]) => py);
  assert.ok(Math.max(...ys) - Math.min(...ys) < 0.05 && ys[0] > 0.5, `a flat stroke up high: ${JSON.stringify(points.slice(0, 4))}`);
  const near = (xs) => xs.filter(([x, yy]) => points.some(([px, py]) => Math.hypot(x - px, yy - py) < 0.25)).length / xs.length;
  const before = near(await gan(() => window.gan.sample(500)));
  await gan(() => window.gan.step(800));
  const after = near(await gan(() => window.gan.sample(500)));
  assert.ok(after >= 0.7 && after > before, `near the stroke: ${before} -> ${after}`);
});

test('2-D weights: export → import gives the same samples for the same latents; bad files are refused', async () => {
  await gan(() => window.gan.configure({ dataset: { kind: 'ring', sigma: 0.05 }, hidden: 24 }));
  const r = await gan(async () => {
    const el = window.gan;
    let last = null;
    el.addEventListener('frame', (e) => { last = e.detail.frame; });
    const s = await el.step(50);
    const trained = last.fake.slice(0, 40);
    const bytes = await el.exportWeights();
    await el.step(20);
    const moved = last.fake.slice(0, 40);
    const back = await el.importWeights(bytes);
    return { trained, moved, restored: last.fake.slice(0, 40), step: s.step, backStep: back.step, size: bytes.length, config: back.config.hidden };
  });
  assert.deepEqual(r.restored, r.trained);
  assert.notDeepEqual(r.moved, r.trained);
  assert.equal(r.backStep, r.step);
  assert.equal(r.config, 24);
  const before = await gan(() => window.gan.state());
  for (const [bytes, message] of [[[1, 2, 3], /importWeights: not a readable safetensors file/], [[], /the file is empty/]]) {
    const err = await gan((b) => window.gan.importWeights(new Uint8Array(b)).then(() => null, (e) => e.message), bytes);
    assert.match(err, message);
  }
  assert.deepEqual(await gan(() => window.gan.state()), before);
});

test('configure({lesson}) switches the widget; a bad switch changes nothing', async () => {
  const dice = await gan(() => window.gan.configure({ lesson: 'dice', rolls: 50 }));
  assert.equal(dice.config.lesson, 'dice');
  assert.equal(dice.step, 50);
  assert.match(await page.evaluate(() => location.hash), /lesson=dice/);
  assert.ok(await page.locator('#dice-canvas').isVisible());
  assert.equal(await page.locator('#lab-canvas').count(), 0, 'the lab is gone');
  for (const [patch, message] of [
    [{ lesson: 'celeba' }, /`lesson` must be one of "1d", "2d", "faces", "dice"; got "celeba"/],
    [{ lesson: '2d', loss: 'wgan' }, /`loss` must be one of/],
  ]) {
    const err = await gan((p) => window.gan.configure(p).then(() => null, (e) => e.message), patch);
    assert.match(err ?? 'accepted', message);
  }
  assert.equal((await gan(() => window.gan.state())).config.lesson, 'dice');
  // The page's lesson links switch too, through the hash.
  await page.locator('nav a', { hasText: '2-D lab' }).click();
  await page.waitForFunction(() => window.gan.state().config.lesson === '2d', null, { polling: 50 });
  const lab = await gan(() => window.gan.step(20));
  assert.equal(lab.step, 20);
  assert.ok(Number.isFinite(lab.lossD));
  assert.ok(await page.locator('#lab-canvas').isVisible());
});

test('the lab ran with no console error and nothing fetched off 127.0.0.1', async () => {
  assert.deepEqual(browser.consoleErrors, []);
  assert.deepEqual(browser.foreign, []);
});
