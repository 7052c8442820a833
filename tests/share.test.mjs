// Shareable state in the URL hash: the link round-trips the config, hostile
// values are ignored one by one with a notice, `_hide` hides controls.
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

test('configure → copy link → open it → the same config', async () => {
  const { page } = browser;
  await openPlayground(page, `${server.url}/`);
  const wanted = await page.evaluate(async () => {
    const s = await window.gan.configure({
      target: { kind: 'gaussian', mean: 3, std: 0.7 }, batch: 64, lrG: 0.002, seed: 9, hidden: 24, latentDim: 2,
    });
    return s.config;
  });
  await page.click('#btn-share');
  const link = await page.locator('#share-link').inputValue();
  assert.ok(link.startsWith(`${server.url}/#`), link);
  const other = await browser.context.newPage();
  try {
    await openPlayground(other, link);
    assert.deepEqual(await other.evaluate(() => window.gan.state().config), wanted);
    assert.equal(await other.locator('input[data-key="batch"]').inputValue(), '64');
    assert.doesNotMatch(await other.locator('#notice').textContent(), /Ignored/, 'a good link raises no notice');
  } finally {
    await other.close();
  }
});

test('hostile hash values are ignored one by one, each with a notice, and the rest applies', async () => {
  const page = await browser.context.newPage();
  const dialogs = [];
  const errors = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    const hash = new URLSearchParams({
      batch: 'abc', seed: '5', wings: '2', lesson: '<img src=x onerror=alert(1)>', target: '{broken', lrD: '1e9',
    }).toString();
    await openPlayground(page, `${server.url}/#${hash}`);
    const config = await page.evaluate(() => window.gan.state().config);
    assert.equal(config.seed, 5);
    assert.equal(config.batch, 128);
    assert.equal(config.lrD, 0.001);
    assert.equal(config.target.kind, 'bimodal');
    const notice = await page.locator('#notice').textContent();
    for (const part of ['`batch` must be an integer', 'unknown config key `wings`', '`lesson` must be "1d"',
      '`target` must be an object', '`lrD` must be a number']) {
      assert.ok(notice.includes(part), `notice lacks ${part}: ${notice}`);
    }
    assert.equal(await page.locator('img').count(), 0, 'no markup from the hash reached the page');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    // The page still trains.
    assert.equal((await page.evaluate(() => window.gan.step(5))).step, 5);
  } finally {
    await page.close();
  }
});

test('an oversized hash or value is ignored with a notice', async () => {
  const page = await browser.context.newPage();
  try {
    await openPlayground(page, `${server.url}/#seed=${'1'.repeat(10000)}`);
    assert.match(await page.locator('#notice').textContent(), /10005 characters is more than 8192/);
    assert.equal(await page.evaluate(() => window.gan.state().config.seed), 1);
    await page.goto('about:blank');
    await openPlayground(page, `${server.url}/#seed=4&lesson=${'x'.repeat(3000)}`);
    assert.match(await page.locator('#notice').textContent(), /`lesson` from the link: its value is 3000 characters long/);
    assert.equal(await page.evaluate(() => window.gan.state().config.seed), 4);
  } finally {
    await page.close();
  }
});

test('_hide hides the named controls, and an unknown name is reported', async () => {
  const page = await browser.context.newPage();
  try {
    await openPlayground(page, `${server.url}/#_hide=play,target,seed,bogus`);
    assert.ok(await page.locator('#btn-play').isHidden());
    assert.ok(await page.locator('#target-kind').isHidden());
    assert.ok(await page.locator('input[data-key="seed"]').isHidden());
    assert.ok(await page.locator('#btn-step').isVisible());
    assert.ok(await page.locator('input[data-key="batch"]').isVisible());
    assert.match(await page.locator('#notice').textContent(), /`_hide=bogus` from the link: no such control/);
    // The hidden controls stay hidden after a change, and the link keeps them hidden.
    await page.evaluate(() => window.gan.configure({ batch: 32 }));
    assert.ok(await page.locator('#btn-play').isHidden());
    assert.match(await page.evaluate(() => location.hash), /_hide=play%2Ctarget%2Cseed/);
  } finally {
    await page.close();
  }
});

test('editing the hash by hand applies it', async () => {
  const page = await browser.context.newPage();
  try {
    await openPlayground(page, `${server.url}/`);
    await page.evaluate(() => { location.hash = '#batch=32&seed=3'; });
    await page.waitForFunction(() => window.gan.state().config.batch === 32 && window.gan.state().config.seed === 3, null, { polling: 50 });
  } finally {
    await page.close();
  }
});
