// The example pages in www/examples/: a blog post embedding the 1-D lesson with
// only play and the target, and a slide with three widgets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch } from './harness.mjs';

let server, browser;

before(async () => {
  server = await serve();
  browser = await launch({ webgpu: false });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` and waits until every widget on it is ready. */
async function open(page, path) {
  await page.goto(`${server.url}${path}`);
  await page.waitForFunction(() => {
    const els = [...document.querySelectorAll('gan-playground')];
    return els.length > 0 && els.every((el) => { try { el.state(); return true; } catch { return false; } });
  }, null, { timeout: 120_000, polling: 100 });
}

test('the blog post shows the 1-D lesson with only play and the target', async () => {
  const page = await browser.context.newPage();
  try {
    await open(page, '/www/examples/blog.html');
    const visible = await page.locator('#post-widget [data-control]').evaluateAll((els) =>
      els.filter((el) => el.checkVisibility()).map((el) => el.dataset.control));
    assert.deepEqual(visible.sort(), ['pause', 'play', 'target']);
    const state = await page.locator('#post-widget').evaluate((el) => el.state());
    assert.equal(state.config.target.kind, 'bimodal');
    assert.equal(state.config.seed, 3);
    await page.locator('#post-widget #btn-play').click();
    await page.waitForFunction(() => document.getElementById('post-widget').state().step > 100, null, { polling: 50 });
    await page.locator('#post-widget #btn-pause').click();
    await page.locator('#post-widget #target-kind').selectOption('exponential');
    await page.waitForFunction(() => document.getElementById('post-widget').state().config.target.kind === 'exponential', null, { polling: 50 });
    assert.deepEqual(browser.consoleErrors, []);
  } finally {
    await page.close();
  }
});

test('the slide runs three widgets, each its own model, from one wasm module', async () => {
  const page = await browser.context.newPage();
  const before = server.requests.filter((r) => r.endsWith('.wasm')).length;
  try {
    await open(page, '/www/examples/slides.html');
    assert.equal(server.requests.filter((r) => r.endsWith('.wasm')).length - before, 1);
    const ids = ['slide-gaussian', 'slide-bimodal', 'slide-exponential'];
    const kinds = [];
    for (const id of ids) kinds.push(await page.locator(`#${id}`).evaluate((el) => el.state().config.target.kind));
    assert.deepEqual(kinds, ['gaussian', 'bimodal', 'exponential']);
    for (const id of ids) {
      // panels="mapping,distributions" compact: two plots, no prose, no backend notice.
      const panels = await page.locator(`#${id} [data-panel]`).evaluateAll((els) => els.filter((el) => el.checkVisibility()).map((el) => el.dataset.panel));
      assert.deepEqual(panels, ['mapping', 'distributions'], id);
      assert.equal(await page.locator(`#${id} #notice`).isVisible(), false);
      assert.equal(await page.locator(`#${id} figcaption .prose`).first().isVisible(), false);
      assert.match(await page.locator(`#${id} #backend-badge`).getAttribute('title'), /WebGPU/);
    }
    for (const id of ids) await page.locator(`#${id} #btn-play`).click();
    await page.waitForFunction((list) => list.every((id) => document.getElementById(id).state().step > 50), ids, { polling: 50, timeout: 60_000 });
    for (const id of ids) await page.locator(`#${id} #btn-pause`).click();
    const w1 = [];
    for (const id of ids) w1.push(await page.locator(`#${id}`).evaluate((el) => el.state().metrics.w1));
    assert.ok(w1.every(Number.isFinite), JSON.stringify(w1));
    assert.deepEqual(browser.consoleErrors, []);
  } finally {
    await page.close();
  }
});

test('the API page documents every config key, control name and panel, under the CSP', async () => {
  const page = await browser.context.newPage();
  try {
    const violations = [];
    await page.exposeFunction('__violation', (v) => violations.push(v));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.__violation(e.violatedDirective)));
    await page.goto(`${server.url}/www/api.html`);
    const text = await page.locator('main').textContent();
    // The lists the code uses, read from the built bundle itself.
    const share = await (await fetch(`${server.url}/www/share.js`)).text();
    const names = (list) => [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    const controls = names(share.match(/CONTROL_NAMES = \[([^\]]+)\]/)[1]);
    const element = await (await fetch(`${server.url}/www/element.js`)).text();
    const panels = names(element.match(/PANEL_NAMES = \[([^\]]+)\]/)[1]);
    const keys = [];
    for (const lesson of ['1d', '2d', 'dice', 'faces']) {
      await page.goto(`${server.url}/?dev#lesson=${lesson}`);
      // Only the hash changes between lessons: wait for the switch itself.
      await page.waitForFunction((l) => window.gan?.state().config.lesson === l, lesson, { timeout: 120_000, polling: 100 });
      keys.push(...Object.keys(await page.evaluate(() => window.gan.state().config)));
    }
    for (const name of [...keys, ...controls, ...panels]) assert.ok(text.includes(name), `api.html does not mention ${name}`);
    assert.ok(controls.length >= 35 && panels.length === 13 && keys.length >= 45, `${controls.length} controls, ${panels.length} panels, ${keys.length} keys`);
    assert.deepEqual(violations, []);
  } finally {
    await page.close();
  }
});
