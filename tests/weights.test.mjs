// Keep and move models: export → import gives the same model; every bad file
// is refused with its reason and leaves the model as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPlayground } from './harness.mjs';

let server, browser, page;

before(async () => {
  server = await serve();
  browser = await launch({ webgpu: false });
  page = browser.page;
  await openPlayground(page, `${server.url}/#hidden=16&seed=4`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('export → import gives the same model (same outputs on the same latents)', async () => {
  const r = await page.evaluate(async () => {
    const trained = await window.gan.step(50);
    window.__weights = await window.gan.exportWeights();
    const reset = await window.gan.reset();
    const back = await window.gan.importWeights(window.__weights);
    return { trained, reset, back, bytes: window.__weights.length, head: Array.from(window.__weights.slice(0, 8)) };
  });
  assert.notDeepEqual(r.reset.metrics, r.trained.metrics, 'reset changed the model');
  assert.deepEqual(r.back.metrics, r.trained.metrics);
  assert.equal(r.back.step, 50);
  assert.deepEqual(r.back.config, r.trained.config);
  // 644 f32 parameters plus a JSON header.
  assert.ok(r.bytes > 644 * 4 && r.bytes < 644 * 4 + 4096, `${r.bytes} bytes`);
});

test('each bad weight file is refused with its reason, and the model is unchanged', async () => {
  const before = await page.evaluate(() => window.gan.state());
  const cases = [
    ['new Uint8Array(0)', /importWeights: the file is empty/],
    ['window.__weights.slice(0, window.__weights.length - 5)', /importWeights: not a readable safetensors file/],
    ['new TextEncoder().encode("GIF89a not weights at all")', /importWeights: not a readable safetensors file/],
    ['(() => { const b = window.__weights.slice(); new DataView(b.buffer).setBigUint64(0, 2n ** 62n, true); return b; })()',
      /importWeights: not a readable safetensors file/],
    ['"a string"', /importWeights: expects a File, Blob, ArrayBuffer or Uint8Array/],
  ];
  for (const [expr, message] of cases) {
    const err = await page.evaluate(`window.gan.importWeights(${expr}).then(() => null, (e) => e.message)`);
    assert.match(err ?? 'accepted', message, expr);
  }
  assert.deepEqual(await page.evaluate(() => window.gan.state()), before);
});

test('the Export button downloads a .safetensors file; Import shows a bad file\'s error', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-export')]);
  assert.match(download.suggestedFilename(), /^gan-playground-1d-step\d+\.safetensors$/);
  const before = await page.evaluate(() => window.gan.state());
  await page.setInputFiles('#import-file', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('\x89PNG\r\n\x1a\n....') });
  await page.locator('#error').waitFor({ state: 'visible' });
  assert.match(await page.locator('#error').textContent(), /^photo\.png: importWeights: not a readable safetensors file/);
  assert.deepEqual(await page.evaluate(() => window.gan.state()), before);
  assert.deepEqual(browser.consoleErrors, []);
});
