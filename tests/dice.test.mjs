// Lesson 0 in the browser: the histogram of N rolls approaches the die's PMF
// as N grows (TV falls), loaded and custom dice, and bad input refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPlayground, colouredPixels } from './harness.mjs';

let server, browser, page;

before(async () => {
  server = await serve();
  browser = await launch({ webgpu: false });
  page = browser.page;
  await openPlayground(page, `${server.url}/?dev#lesson=dice`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('TV falls as N grows', async () => {
  const tv = [];
  for (const rolls of [10, 100, 1000, 10000, 100000]) {
    const s = await page.evaluate((n) => window.gan.configure({ rolls: n }), rolls);
    assert.equal(s.step, rolls);
    assert.equal(s.counts.reduce((a, b) => a + b, 0), rolls);
    tv.push(s.metrics.tv);
  }
  assert.ok(tv[4] < 0.01, `TV at N = 100,000: ${tv[4]}`);
  assert.ok(tv[0] > 5 * tv[4] && tv[2] > tv[4] && tv[1] > tv[3], JSON.stringify(tv));
  // The curve the page draws, from the rolls themselves, falls too.
  const curve = (await page.evaluate(() => window.gan.state())).tvCurve;
  assert.ok(curve.length > 40 && curve[0][0] === 1 && curve.at(-1)[0] > 80000, `${curve.length} points, to N = ${curve.at(-1)[0]}`);
  assert.ok(curve.at(-1)[1] < curve[5][1]);
  assert.ok((await colouredPixels(page, '#dice-canvas')) > 500);
  assert.ok((await colouredPixels(page, '#tv-canvas')) > 30);
  assert.equal(await page.locator('#out-tv').textContent(), tv[4].toFixed(3));
});

test('a loaded die and a custom one', async () => {
  await page.locator('#die-kind').selectOption('loaded');
  await page.waitForFunction(() => window.gan.state().config.weights[5] === 5, null, { polling: 50 });
  const s = await page.evaluate(() => window.gan.configure({ rolls: 60000 }));
  assert.ok(Math.abs(s.probs[5] - 0.5) < 1e-12);
  assert.ok(Math.abs(s.counts[5] / 60000 - 0.5) < 0.01, JSON.stringify(s.counts));
  const face1 = page.locator('#die-weights input[data-face="1"]');
  await face1.fill('0');
  await face1.dispatchEvent('change');
  await page.waitForFunction(() => window.gan.state().config.weights[0] === 0, null, { polling: 50 });
  assert.equal((await page.evaluate(() => window.gan.state())).counts[0], 0, 'a face of weight 0 never comes up');
  assert.equal(await page.locator('#die-kind').inputValue(), 'custom');
});

test('rolling on grows N; bad input is refused and changes nothing', async () => {
  await page.evaluate(() => window.gan.configure({ weights: [1, 1, 1, 1, 1, 1], rolls: 10 }));
  await page.locator('#btn-play').click();
  await page.waitForFunction(() => window.gan.state().step > 200, null, { polling: 50 });
  await page.locator('#btn-pause').click();
  const before = await page.evaluate(() => window.gan.sample(1).then(() => window.gan.state()));
  for (const [patch, message] of [
    [{ rolls: 0 }, /`rolls` must be an integer in 1..=100000; got 0/],
    [{ weights: [0, 0, 0, 0, 0, 0] }, /all are 0/],
    [{ weights: [1, 2, 3] }, /`weights` must be an array of 6 face weights/],
    [{ loss: 'hinge' }, /unknown config key `loss`; the keys are: lesson, weights, rolls, seed, stepsPerFrame/],
  ]) {
    const err = await page.evaluate((p) => window.gan.configure(p).then(() => null, (e) => e.message), patch);
    assert.match(err ?? 'accepted', message);
  }
  assert.deepEqual(await page.evaluate(() => window.gan.state()), before);
  const err = await page.evaluate(() => window.gan.exportWeights().then(() => null, (e) => e.message));
  assert.match(err, /the dice lesson has no model/);
  assert.deepEqual(browser.consoleErrors, []);
});

test('discriminative vs generative: the classifier finds the boundary, the GAN covers the points', async () => {
  const first = await page.evaluate(() => new Promise((resolve) => {
    const el = document.querySelector('gan-playground');
    const seen = [];
    el.addEventListener('compare', (e) => {
      seen.push(e.detail);
      if (e.detail.step >= 450) resolve(seen);
    });
    el.shadowRoot.getElementById('btn-compare').click();
  }));
  await page.locator('#btn-compare').click(); // pause
  const start = first[0];
  const end = first.at(-1);
  assert.ok(end.accuracy > 0.95, `accuracy ${start.accuracy} -> ${end.accuracy}`);
  assert.ok(end.js < start.js, `the GAN's JS ${start.js} -> ${end.js}`);
  assert.ok((await colouredPixels(page, '#disc-canvas')) > 2000, 'the boundary shows');
  assert.ok((await colouredPixels(page, '#gen-canvas')) > 300, 'the samples show');
  for (const id of ['#disc-canvas', '#gen-canvas']) {
    const caption = await page.locator(`figure:has(${id}) figcaption`).textContent();
    assert.match(caption, /[가-힣]/, `${id} has a Korean caption`);
    assert.match(caption, /p\((y \| )?x\)/, `${id} names what it learns`);
  }
  assert.deepEqual(browser.consoleErrors, []);
});
