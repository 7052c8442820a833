// Offline after the first visit: the service worker caches the versioned bundle,
// so with the server gone a reload still trains. `?dev` skips the worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPlayground } from './harness.mjs';

test('after one visit, with the server stopped, a reload still works', async () => {
  const server = await serve();
  const browser = await launch({ webgpu: false });
  try {
    const { page } = browser;
    await openPlayground(page, `${server.url}/#seed=3`);
    // Wait until the worker has precached everything and controls the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
      }
    });
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys.find((k) => k.startsWith('gan-playground-')));
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    assert.ok(cached.some((p) => p.endsWith('.wasm')), JSON.stringify(cached));
    assert.ok(cached.includes('/'));

    await server.close();
    const requestsBefore = server.requests.length;
    await page.reload();
    await page.waitForFunction(() => window.gan !== undefined, null, { timeout: 60_000, polling: 100 });
    const s = await page.evaluate(() => window.gan.step(20));
    assert.equal(s.step, 20);
    assert.equal(s.config.seed, 3, 'the link settings came back from the cached page');
    assert.ok(Number.isFinite(s.lossD));
    assert.equal(server.requests.length, requestsBefore, 'nothing reached the (stopped) server');
    // The faces lesson too: its pretrained generator comes from the cache.
    assert.ok(cached.includes('/www/assets/faces-generator.safetensors'), JSON.stringify(cached));
    await page.evaluate(() => window.gan.configure({ lesson: 'faces' }));
    const f = await page.evaluate(() => window.gan.state());
    assert.equal(f.pretrained.used, true, JSON.stringify(f.pretrained));
    assert.ok(Number.isFinite(f.metrics.structure));
    assert.equal(server.requests.length, requestsBefore, 'nothing reached the (stopped) server');
    assert.deepEqual(browser.foreign, []);
  } finally {
    await browser.close();
    await server.close().catch(() => {});
  }
});

test('?dev skips the service worker', async () => {
  const server = await serve();
  const browser = await launch({ webgpu: false });
  try {
    const { page } = browser;
    await openPlayground(page, `${server.url}/?dev`);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('dist/ works from a sub-path of another site', async () => {
  const server = await serve(undefined, '/vendor/gan/');
  const browser = await launch({ webgpu: false });
  try {
    const { page } = browser;
    await openPlayground(page, `${server.url}/vendor/gan/#batch=64`);
    const s = await page.evaluate(() => window.gan.step(10));
    assert.equal(s.step, 10);
    assert.equal(s.config.batch, 64);
    assert.deepEqual(browser.consoleErrors, [], 'no 404s, no errors');
    assert.ok(server.requests.every((r) => r.startsWith('/vendor/gan/')), JSON.stringify(server.requests));
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(new URL(scope).pathname, '/vendor/gan/');
  } finally {
    await browser.close();
    await server.close();
  }
});
