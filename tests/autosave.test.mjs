// Autosave: the bare page comes back with the config and the trained model;
// "Reset everything" forgets them; a corrupt save is discarded with a notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPlayground } from './harness.mjs';

let server, browser;

before(async () => {
  server = await serve();
  browser = await launch({ webgpu: false });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const savedStep = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('gan-playground:1d') ?? 'null')?.step ?? -1);

test('a reload of the bare page restores the config and the trained model', async () => {
  const { page } = browser;
  await openPlayground(page, `${server.url}/`);
  const trained = await page.evaluate(async () => {
    await window.gan.configure({ batch: 64, seed: 21 });
    return window.gan.step(40);
  });
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('gan-playground:1d') ?? 'null')?.step === 40, null, { polling: 100, timeout: 20_000 });
  const other = await browser.context.newPage();
  try {
    await openPlayground(other, `${server.url}/`);
    const back = await other.evaluate(() => window.gan.state());
    assert.equal(back.step, 40);
    assert.equal(back.config.batch, 64);
    assert.equal(back.config.seed, 21);
    assert.deepEqual(back.metrics, trained.metrics);
    // A link's hash wins over the save.
    await other.goto('about:blank');
    await openPlayground(other, `${server.url}/#seed=5`);
    const linked = await other.evaluate(() => window.gan.state());
    assert.equal(linked.step, 0);
    assert.equal(linked.config.seed, 5);
  } finally {
    await other.close();
  }
});

test('"Reset everything" returns to the defaults and a fresh model', async () => {
  const { page } = browser;
  await page.click('#btn-reset-all');
  await page.waitForFunction(() => window.gan.state().step === 0 && window.gan.state().config.batch === 128, null, { polling: 50 });
  const fresh = await page.evaluate(() => window.gan.state());
  assert.equal(fresh.config.seed, 1);
  assert.ok((await savedStep(page)) <= 0, 'the trained model is no longer saved');
});

test('a corrupt save is discarded with a notice, and the page still starts', async () => {
  const page = await browser.context.newPage();
  try {
    // Same origin, but no playground that could save over the junk.
    await page.goto(`${server.url}/www/favicon.svg`);
    await page.evaluate(() => localStorage.setItem('gan-playground:1d', JSON.stringify({ config: { batch: 32 }, weights: btoa('junk'), step: 3 })));
    await openPlayground(page, `${server.url}/`);
    assert.match(await page.locator('#notice').textContent(), /The saved model could not be restored and was discarded: importWeights: not a readable safetensors file/);
    const s = await page.evaluate(() => window.gan.state());
    assert.equal(s.step, 0);
  } finally {
    await page.close();
  }
});

test('a 2-D lab widget with autosave comes back, model and all, after a reload', async () => {
  const { serveMounts, DIST } = await import('./harness.mjs');
  const { resolve } = await import('node:path');
  const host = await serveMounts({ '/': resolve(new URL('.', import.meta.url).pathname, 'fixtures/host'), '/vendor/gan/': DIST });
  const page = await browser.context.newPage();
  const ready = () => page.waitForFunction(() => { try { document.getElementById('lab').state(); return true; } catch { return false; } }, null, { timeout: 120_000, polling: 100 });
  try {
    await page.goto(`${host.url}/posts/lab.html`);
    await ready();
    const trained = await page.locator('#lab').evaluate(async (el) => {
      await el.configure({ loss: 'hinge' });
      return el.step(30);
    });
    assert.equal(trained.config.dataset.kind, 'grid', 'from the attribute');
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('gan-playground:2d') ?? 'null')?.step === 30, null, { polling: 100, timeout: 20_000 });
    await page.reload();
    await ready();
    const back = await page.locator('#lab').evaluate((el) => el.state());
    assert.equal(back.step, 30);
    assert.equal(back.config.loss, 'hinge');
    assert.deepEqual(back.metrics, trained.metrics, 'the same model: the same metrics on the fixed evaluation set');
  } finally {
    await page.close();
    await host.close();
  }
});
