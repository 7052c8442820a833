// The <gan-playground> widget embedded in another site: the bundle under
// /vendor/gan/, a post at /posts/gan.html with two widgets and hostile CSS.
// Two widgets train independently on one wasm module; hidden controls stay
// hidden; attributes configure; events fire; no CSS or globals leak either way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { serveMounts, launch, colouredPixels, CANVASES, DIST } from './harness.mjs';

const HOST = resolve(new URL('.', import.meta.url).pathname, 'fixtures/host');
let server, browser, page;

/** Runs `fn(el, ...args)` in the page on the widget with this id. */
const on = (id, fn, arg) => page.locator(`#${id}`).evaluate(fn, arg);
/** The widget's shadow-DOM element matching `sel`: visible or not. */
const shown = (id, sel) => page.locator(`#${id} ${sel}`).isVisible();

before(async () => {
  server = await serveMounts({ '/': HOST, '/vendor/gan/': DIST });
  browser = await launch({ webgpu: false });
  page = browser.page;
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await page.goto(`${server.url}/posts/gan.html`);
  await page.waitForFunction(() => window.__events?.filter((e) => e.type === 'ready').length === 2, null, { timeout: 120_000, polling: 100 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('both widgets start from the one wasm module, each from its attributes', async () => {
  assert.equal(server.requests.filter((r) => r.endsWith('.wasm')).length, 1, server.requests.join('\n'));
  assert.ok(server.requests.every((r) => r.startsWith('/vendor/gan/') || r.startsWith('/posts/') || r.startsWith('/assets/')), server.requests.join('\n'));
  const a = await on('a', (el) => el.state());
  const b = await on('b', (el) => el.state());
  assert.deepEqual(a.config.target, { kind: 'gaussian', mean: 0, std: 1 }, 'target="gaussian" is the kind with its defaults');
  assert.equal(a.config.seed, 1);
  assert.deepEqual(b.config.target, { kind: 'uniform', low: -1, high: 3 });
  assert.equal(b.config.batch, 64);
  assert.equal(await on('a', (el) => el.ready.then((r) => r === el)), true);
  const backends = (await page.evaluate(() => window.__events)).filter((e) => e.type === 'backendchange');
  assert.deepEqual(backends.map((e) => `${e.id}:${e.detail.backend}`).sort(), ['a:cpu', 'b:cpu']);
  assert.match(backends[0].detail.reason, /WebGPU/);
});

test('an unknown attribute is reported in that widget only, and the rest applies', async () => {
  assert.match(await page.locator('#b #notice').textContent(), /Ignored the attribute `wings`: not a config key \(lesson, backend, target/);
  assert.doesNotMatch(await page.locator('#a #notice').textContent(), /Ignored/);
});

test('two widgets train independently', async () => {
  await on('a', (el) => el.reset());
  await on('b', (el) => el.reset());
  const a = await on('a', (el) => el.step(300));
  assert.equal(a.step, 300);
  assert.equal(await on('b', (el) => el.state().step), 0, 'stepping a leaves b alone');
  const b = await on('b', (el) => el.step(40));
  assert.equal(b.step, 40);
  assert.equal(await on('a', (el) => el.state().step), 300);
  // Each learnt its own target: a's samples sit around 0, b's inside [-1, 3].
  const xa = await on('a', (el) => el.sample(2000));
  const xb = await on('b', (el) => el.step(400).then(() => el.sample(2000)));
  const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(mean(xa)) < 0.5, `a's mean ${mean(xa)}`);
  assert.ok(Math.abs(mean(xb) - 1) < 0.6, `b's mean ${mean(xb)}`);
  // Both draw, in their own shadow roots.
  for (const id of ['a', 'b']) {
    for (const [c, least] of Object.entries(CANVASES)) {
      const n = await colouredPixels(page, c, `#${id}`);
      assert.ok(n >= least, `#${id} ${c} shows ${n} coloured pixels`);
    }
  }
  // Both play at once, then stop.
  await on('a', (el) => el.play());
  await on('b', (el) => el.play());
  await page.waitForFunction(() => ['a', 'b'].every((id) => document.getElementById(id).state().step > 800), null, { polling: 50, timeout: 60_000 });
  await on('a', (el) => el.pause());
  await on('b', (el) => el.pause());
  assert.equal(await on('a', (el) => el.playing), false);
});

test('controls= shows only the named controls; hide= hides the named ones', async () => {
  assert.ok(await shown('a', '#btn-play'));
  assert.ok(await shown('a', '#btn-pause'), 'play brings its pause');
  assert.ok(await shown('a', '#target-kind'));
  for (const sel of ['#btn-step', '#btn-reset', '#btn-export', '#btn-share', 'input[data-key="batch"]', 'input[data-key="seed"]', '.message']) {
    assert.equal(await shown('a', sel), false, `#a ${sel} is hidden`);
  }
  assert.equal(await page.locator('#a fieldset[data-group="training"]').isVisible(), false, 'an emptied group goes too');
  for (const sel of ['input[data-key="seed"]', 'input[data-key="batch"]', '#btn-export']) assert.equal(await shown('b', sel), false, `#b ${sel}`);
  for (const sel of ['#btn-step', 'input[data-key="lrG"]', '#btn-share', '.message']) assert.ok(await shown('b', sel), `#b ${sel}`);
  // Hidden stays hidden through training, a reset and a new config.
  await on('a', (el) => el.configure({ target: { kind: 'bimodal' } }).then(() => el.step(5)).then(() => el.reset()));
  assert.equal(await shown('a', '#btn-step'), false);
  // Changing the attribute re-applies it.
  await on('b', (el) => el.setAttribute('hide', 'play,message'));
  await page.waitForFunction(() => document.getElementById('b').shadowRoot.getElementById('btn-play').hidden);
  assert.ok(await shown('b', 'input[data-key="seed"]'));
  assert.equal(await shown('b', '.message'), false);
});

test('changed attributes configure; a bad one fires `error`, shows it, and changes nothing', async () => {
  await on('b', (el) => el.setAttribute('lrg', '0.002'));
  await page.waitForFunction(() => document.getElementById('b').state().config.lrG === 0.002, null, { polling: 50 });
  const before = await on('b', (el) => el.state());
  await on('b', (el) => el.setAttribute('batch', '0'));
  await page.waitForFunction(() => window.__events.some((e) => e.id === 'b' && e.type === 'error'), null, { polling: 50 });
  const error = (await page.evaluate(() => window.__events)).find((e) => e.id === 'b' && e.type === 'error');
  assert.match(error.detail, /`batch` must be an integer in 1..=4096; got 0/);
  assert.match(await page.locator('#b #error').textContent(), /`batch` must be an integer/);
  assert.deepEqual(await on('b', (el) => el.state()), before);
  assert.ok(!(await page.evaluate(() => window.__events)).some((e) => e.id === 'a' && e.type === 'error'));
});

test('`step` fires per frame with the steps run; `height` sizes the widget', async () => {
  const count = (await page.evaluate(() => window.__events)).filter((e) => e.id === 'a' && e.type === 'step').length;
  const s = await on('a', (el) => el.configure({ stepsPerFrame: 10 }).then(() => el.step(25)));
  const steps = (await page.evaluate(() => window.__events)).filter((e) => e.id === 'a' && e.type === 'step').slice(count);
  assert.deepEqual(steps.map((e) => e.detail.steps), [10, 10, 5]);
  assert.equal(steps.at(-1).detail.step, s.step);
  assert.equal(await on('a', (el) => el.getBoundingClientRect().height), 520);
  await on('a', (el) => el.setAttribute('height', '30em'));
  assert.equal(await on('a', (el) => el.style.height), '30em');
  await on('a', (el) => el.setAttribute('height', 'calc(1px); color: red'));
  await page.locator('#a #error').waitFor({ state: 'visible' });
  assert.match(await page.locator('#a #error').textContent(), /Ignored `height=/);
  assert.equal(await on('a', (el) => el.style.height), '30em');
});

test('the page\'s CSS does not reach in, the widget\'s does not reach out, and no globals leak', async () => {
  const inside = await on('a', (el) => {
    const b = el.shadowRoot.getElementById('btn-play');
    const c = el.shadowRoot.getElementById('dist-canvas');
    return { bg: getComputedStyle(b).backgroundColor, radius: getComputedStyle(b).borderTopLeftRadius, canvas: getComputedStyle(c).display };
  });
  assert.deepEqual(inside, { bg: 'rgb(255, 255, 255)', radius: '6px', canvas: 'block' });
  const host = await page.evaluate(() => getComputedStyle(document.getElementById('host-button')).borderTopLeftRadius);
  assert.equal(host, '0px', "the site's button keeps the site's style");
  // The same post without the widget script: the same window globals, bar our test's own.
  const plain = await browser.context.newPage();
  try {
    await plain.route('**/vendor/gan/gan-playground.js', (r) => r.fulfill({ contentType: 'text/javascript', body: '' }));
    await plain.goto(`${server.url}/posts/gan.html`);
    const without = await plain.evaluate(() => Object.keys(window));
    const withWidget = await page.evaluate(() => Object.keys(window));
    assert.deepEqual(withWidget.filter((k) => !without.includes(k) && k !== '__cspViolations'), []);
  } finally {
    await plain.close();
  }
});

test('calls made before the element is ready wait for it; state() says to await ready', async () => {
  const r = await page.evaluate(async () => {
    const el = document.createElement('gan-playground');
    el.id = 'late';
    let early;
    try { el.state(); } catch (e) { early = e.message; }
    const stepped = el.configure({ seed: 5 }).then(() => el.step(3));
    document.body.append(el);
    const s = await stepped;
    el.play();
    el.remove(); // off the page it stops
    const playingAfterRemove = el.playing;
    return { early, step: s.step, seed: s.config.seed, playingAfterRemove };
  });
  assert.match(r.early, /state\(\) before the element is ready; await el.ready first/);
  assert.equal(r.step, 3);
  assert.equal(r.seed, 5);
  assert.equal(r.playingAfterRemove, false);
});

test('"Copy link" in a widget links to the playground page, which reproduces the config', async () => {
  await on('b', (el) => el.configure({ seed: 42, hidden: 20 }));
  await page.locator('#b #btn-share').click();
  const link = await page.locator('#b #share-link').inputValue();
  assert.ok(link.startsWith(`${server.url}/vendor/gan/index.html#`), link);
  const other = await browser.context.newPage();
  try {
    await other.goto(link);
    await other.waitForFunction(() => window.gan !== undefined, null, { timeout: 120_000, polling: 100 });
    assert.deepEqual(await other.evaluate(() => window.gan.state().config), await on('b', (el) => el.state().config));
    assert.equal(await other.locator('input[data-key="seed"]').isVisible(), true, 'b shows seed again (hide=play,message)');
    assert.equal(await other.locator('#btn-play').isVisible(), false);
  } finally {
    await other.close();
  }
});

test('changing the lesson attribute switches that widget, and only it', async () => {
  await on('a', (el) => el.setAttribute('lesson', 'dice'));
  await page.waitForFunction(() => document.getElementById('a').state().config.lesson === 'dice', null, { polling: 50 });
  assert.ok(await page.locator('#a #dice-canvas').isVisible());
  assert.equal(await on('b', (el) => el.state().config.lesson), '1d');
  // controls="play,target" still applies: the dice's own controls are not in it.
  assert.equal(await shown('a', '#btn-reroll'), false);
  assert.ok(await shown('a', '#btn-play'));
  await on('a', (el) => el.setAttribute('lesson', 'nope'));
  await page.locator('#a #error').waitFor({ state: 'visible' });
  assert.match(await page.locator('#a #error').textContent(), /`lesson` must be one of "1d", "2d", "faces", "dice"; got "nope"/);
  assert.equal(await on('a', (el) => el.state().config.lesson), 'dice');
});

test('a faces widget embedded from /vendor/gan/ loads its pretrained generator from there', async () => {
  const r = await page.evaluate(async () => {
    const el = document.createElement('gan-playground');
    el.setAttribute('lesson', 'faces');
    el.setAttribute('panels', 'faces');
    document.body.append(el);
    await el.ready;
    const s = el.state();
    const imgs = await el.sampleImages(2);
    el.remove();
    return { used: s.pretrained.used, structure: s.metrics.structure, n: imgs.length, len: imgs[0].length };
  });
  assert.deepEqual([r.used, r.n, r.len], [true, 2, 64 * 64 * 4]);
  assert.ok(Number.isFinite(r.structure));
  assert.ok(server.requests.includes('/vendor/gan/www/assets/faces-generator.safetensors'), server.requests.join('\n'));
});

test('no CSP violation, no console error, and nothing fetched from another host', async () => {
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(browser.consoleErrors, []);
  assert.deepEqual(browser.foreign, []);
});
