// The faces lesson in the browser (CPU backend): the pretrained faces appear
// at once, training changes them with finite losses, uploads (a folder with a
// broken file) train on the good images and report the bad one, and the walk
// and the sliders move pixels. Bad input is refused and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPlayground } from './harness.mjs';

let server, browser, page;
/** ms from navigation to a grid of faces (varied pixels) on the canvas. */
let firstFacesMs = Infinity;

/** The variance of a canvas's pixel values in the widget (0 for a blank one). */
const variance = (sel) => page.evaluate((s) => {
  const c = document.querySelector('gan-playground').shadowRoot.querySelector(s);
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let sum = 0; let sq = 0; let n = 0;
  for (let i = 0; i < d.length; i += 4) for (let k = 0; k < 3; k++) { sum += d[i + k]; sq += d[i + k] ** 2; n++; }
  return sq / n - (sum / n) ** 2;
}, sel);
/** A canvas's pixels, to compare before and after. */
const pixels = (sel) => page.evaluate((s) => {
  const c = document.querySelector('gan-playground').shadowRoot.querySelector(s);
  return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data);
}, sel);
const changed = (a, b) => a.reduce((n, v, i) => n + (Math.abs(v - b[i]) > 8 ? 1 : 0), 0);

before(async () => {
  server = await serve();
  browser = await launch({ webgpu: false });
  page = browser.page;
  const t0 = Date.now();
  await page.goto(`${server.url}/#lesson=faces`);
  await page.waitForFunction(() => {
    const c = document.querySelector('gan-playground')?.shadowRoot?.querySelector('#grid-canvas');
    if (!c) return false;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let sum = 0; let sq = 0;
    for (let i = 0; i < d.length; i += 16) { sum += d[i]; sq += d[i] * d[i]; }
    const n = d.length / 16;
    return sq / n - (sum / n) ** 2 > 200;
  }, null, { timeout: 60_000, polling: 50 });
  firstFacesMs = Date.now() - t0;
  await openPlayground(page, page.url());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const gan = (fn, arg) => page.evaluate(fn, arg);

test('the pretrained faces show within 3 s of loading, with a structure score', async () => {
  console.log(`first faces on the grid ${firstFacesMs} ms after navigation`);
  assert.ok(firstFacesMs < 3000, `${firstFacesMs} ms`);
  const s = await gan(() => window.gan.state());
  assert.equal(s.config.lesson, 'faces');
  assert.equal(s.backend, 'cpu');
  assert.equal(s.pretrained.used, true, JSON.stringify(s.pretrained));
  assert.ok(s.step >= 1000, `the shipped generator is at step ${s.step}`);
  assert.deepEqual([s.config.resolution, s.config.ngf, s.config.ndf, s.config.latentDim], [64, 16, 16, 100]);
  assert.ok(Number.isFinite(s.metrics.structure), JSON.stringify(s.metrics));
  assert.ok(await variance('#real-canvas') > 200, 'real samples drawn');
  assert.ok(await variance('#timeline-canvas') > 100, 'the timeline has its first column');
  assert.deepEqual(browser.consoleErrors, []);
});

test('sampleImages resolves to RGBA arrays at the model resolution', async () => {
  const r = await gan(async () => {
    const imgs = await window.gan.sampleImages(3);
    return imgs.map((a) => [a.constructor.name, a.length, a[3]]);
  });
  assert.deepEqual(r, [['Uint8ClampedArray', 64 * 64 * 4, 255], ['Uint8ClampedArray', 64 * 64 * 4, 255], ['Uint8ClampedArray', 64 * 64 * 4, 255]]);
  const bad = await gan(() => window.gan.sampleImages(0).then(() => 'resolved', (e) => e.message));
  assert.match(bad, /sampleImages: n must be an integer in 1\.\.=1024; got 0/);
});

test('50 CPU steps change the grid and keep the losses finite', async () => {
  const before = await pixels('#grid-canvas');
  const s0 = await gan(() => window.gan.state());
  const s = await gan(() => window.gan.step(50));
  assert.equal(s.step, s0.step + 50);
  assert.ok(Number.isFinite(s.lossD) && Number.isFinite(s.lossG), `${s.lossD} ${s.lossG}`);
  assert.ok(Number.isFinite(s.metrics.structure));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  const n = changed(before, await pixels('#grid-canvas'));
  assert.ok(n > 1000, `only ${n} pixel values changed`);
});

test('the walk and the sliders change pixels', async () => {
  const root = page.locator('gan-playground');
  await root.locator('#btn-walk-random').click();
  await page.waitForFunction(() => document.querySelector('gan-playground').shadowRoot.querySelector('#walk-canvas').dataset.frame !== undefined, null, { polling: 50 });
  const w1 = await pixels('#walk-canvas');
  await page.waitForFunction(() => Number(document.querySelector('gan-playground').shadowRoot.querySelector('#walk-canvas').dataset.frame) >= 10, null, { polling: 20, timeout: 10_000 });
  assert.ok(changed(w1, await pixels('#walk-canvas')) > 500, 'the walk moved');

  const s0 = await pixels('#slider-canvas');
  assert.ok(await variance('#slider-canvas') > 100, 'the slider face is drawn');
  const slider = root.locator('input[data-slider="face size"]');
  await slider.fill('3');
  await slider.dispatchEvent('input');
  await page.waitForFunction((before) => {
    const c = document.querySelector('gan-playground').shadowRoot.querySelector('#slider-canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i++) if (Math.abs(d[i] - before[i]) > 8) n++;
    return n > 500;
  }, s0, { polling: 50, timeout: 20_000 });
  const bad = await gan(() => document.querySelector('gan-playground').ready.then((el) => el.state() && null));
  assert.equal(bad, null);
});

test('a folder of two images and a broken file trains on the two and shows one error', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gan-faces-'));
  try {
    // Two real PNGs (drawn in the page), and a "photo" that is not one.
    const pngs = await page.evaluate(async () => {
      const out = [];
      for (const [w, h, colour] of [[120, 80, '#c84'], [64, 200, '#48c']]) {
        const c = document.createElement('canvas');
        c.width = w; c.height = h;
        const ctx = c.getContext('2d');
        ctx.fillStyle = colour; ctx.fillRect(0, 0, w, h);
        ctx.fillStyle = '#222'; ctx.beginPath(); ctx.arc(w / 2, h / 2, Math.min(w, h) / 4, 0, 7); ctx.fill();
        const blob = await new Promise((r) => c.toBlob(r, 'image/png'));
        out.push(Array.from(new Uint8Array(await blob.arrayBuffer())));
      }
      return out;
    });
    await writeFile(join(dir, 'a.png'), Buffer.from(pngs[0]));
    await writeFile(join(dir, 'b.png'), Buffer.from(pngs[1]));
    await writeFile(join(dir, 'broken.jpg'), Buffer.from('this is not a JPEG at all'));
    const uploaded = page.evaluate(() => new Promise((r) => document.querySelector('gan-playground').addEventListener('upload', (e) => r(e.detail), { once: true })));
    await page.locator('gan-playground').locator('#upload-folder').setInputFiles(dir);
    const detail = await uploaded;
    assert.equal(detail.loaded, 2);
    assert.equal(detail.errors.length, 1);
    assert.match(detail.errors[0], /broken\.jpg: a broken or unsupported image/);
    const items = await page.locator('gan-playground').locator('#upload-errors li').allTextContents();
    assert.equal(items.length, 1);
    const s = await gan(() => window.gan.state());
    assert.equal(s.config.dataset, 'uploaded');
    assert.equal(s.uploaded, 2);
    const t = await gan(() => window.gan.step(5));
    assert.ok(Number.isFinite(t.lossD) && Number.isFinite(t.lossG));
    assert.match(await page.locator('gan-playground').locator('#dataset-name').textContent(), /your 2 images/);
    // A set of only broken files leaves the dataset as it was.
    await writeFile(join(dir, 'a.png'), Buffer.alloc(0));
    await rm(join(dir, 'b.png'));
    const again = page.evaluate(() => new Promise((r) => document.querySelector('gan-playground').addEventListener('upload', (e) => r(e.detail), { once: true })));
    await page.locator('gan-playground').locator('#upload-files').setInputFiles([join(dir, 'a.png'), join(dir, 'broken.jpg')]);
    const none = await Promise.race([again, new Promise((r) => setTimeout(() => r(null), 3000))]);
    assert.equal(none, null, 'no upload event when nothing loads');
    const msgs = await page.locator('gan-playground').locator('#upload-errors li').allTextContents();
    assert.equal(msgs.length, 2);
    assert.match(msgs.join('\n'), /a\.png: the file is empty \(0 bytes\)/);
    assert.equal((await gan(() => window.gan.state())).uploaded, 2);
    await gan(() => window.gan.configure({ dataset: 'procedural' }));
    // A link that asks for uploaded images starts on the procedural faces, and says why.
    const linked = await gan(async () => {
      const el = document.createElement('gan-playground');
      el.setAttribute('lesson', 'faces');
      el.setAttribute('dataset', 'uploaded');
      document.body.append(el);
      await el.ready;
      const s = el.state();
      el.remove();
      return [s.config.dataset, s.datasetNote];
    });
    assert.equal(linked[0], 'procedural');
    assert.match(linked[1], /not kept across page loads/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('bad config is refused with the key named and changes nothing; from scratch is a choice', async () => {
  const before = await gan(() => window.gan.state());
  for (const [patch, msg] of [
    [{ resolution: 48 }, /`resolution` must be 32 or 64; got 48/],
    [{ loss: 'wgan-gp' }, /`loss` must be one of "nonsaturating"/],
    [{ ngf: 0 }, /`ngf` must be an integer in 4\.\.=64; got 0/],
  ]) {
    const err = await gan((p) => window.gan.configure(p).then(() => null, (e) => e.message), patch);
    assert.match(err, msg);
  }
  const after = await gan(() => window.gan.state());
  assert.deepEqual(after.config, before.config);
  assert.equal(after.step, before.step);
  const err = await gan(() => window.gan.step(1, 'd').then(() => null, (e) => e.message));
  assert.match(err, /a mode \("d" or "g"\) is for the 2-D lab/);

  await page.locator('gan-playground').locator('#btn-scratch').click();
  await page.waitForFunction(() => window.gan.state().pretrained.used === false, null, { polling: 50 });
  const s = await gan(() => window.gan.state());
  assert.equal(s.step, 0);
  assert.ok(s.metrics.structure > after.metrics.structure, `scratch ${s.metrics.structure} vs pretrained ${after.metrics.structure}`);
  // A smaller model (32×32, width 8) trains from scratch.
  const small = await gan(() => window.gan.configure({ resolution: 32, ngf: 8, ndf: 8, pretrained: true }));
  assert.equal(small.resolution, 32);
  assert.match(small.pretrained.note ?? '', /pretrained generator is 64×64/);
  const imgs = await gan(() => window.gan.sampleImages(1).then((a) => a[0].length));
  assert.equal(imgs, 32 * 32 * 4);
});

test('Import weights takes a PyTorch-tutorial netG checkpoint; a damaged one changes nothing', async () => {
  const fixture = new URL('../crate/tests/fixtures/netg-small.pth', import.meta.url).pathname;
  const before = await gan(() => window.gan.state());
  const { readFile } = await import('node:fs/promises');
  const bytes = [...(await readFile(fixture))];
  const bad = await gan((b) => window.gan.importWeights(new Uint8Array(b)).then(() => null, (e) => e.message), bytes.slice(0, 30000));
  assert.match(bad, /importWeights: a PyTorch checkpoint, but/);
  const same = await gan(() => window.gan.state());
  assert.deepEqual([same.step, same.config], [before.step, before.config]);
  // Through the page's own file input, as a user would.
  await page.locator('gan-playground').locator('#import-file').setInputFiles(fixture);
  await page.waitForFunction(() => window.gan.state().config.ngf === 4, null, { polling: 50, timeout: 20_000 });
  const s = await gan(() => window.gan.state());
  assert.deepEqual([s.config.ngf, s.config.latentDim, s.config.resolution, s.step], [4, 8, 64, 0]);
  const img = await gan(() => window.gan.sampleImages(1).then((a) => a[0].length));
  assert.equal(img, 64 * 64 * 4);
  const t = await gan(() => window.gan.step(2));
  assert.ok(Number.isFinite(t.lossD) && Number.isFinite(t.lossG));
});
