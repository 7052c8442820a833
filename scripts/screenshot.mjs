// Takes the README's screenshots in headless Chromium after training. Needs a built dist/.
//   node scripts/screenshot.mjs [lesson=1d] [steps=1500] [out.png]
// (1d: the bimodal target; 2d: the ring of 8; faces: the pretrained generator, trained on.)
import { serve, launch, openPlayground } from '../tests/harness.mjs';

const lesson = process.argv[2] ?? '1d';
const steps = Number(process.argv[3] ?? 1500);
const out = process.argv[4] ?? `docs/screenshot-${lesson}.png`;
const server = await serve();
const browser = await launch({});
try {
  await browser.page.setViewportSize({ width: 1320, height: 900 });
  await openPlayground(browser.page, `${server.url}/?dev#lesson=${lesson}`);
  const state = await browser.page.evaluate((n) => window.gan.step(n), steps);
  await browser.page.screenshot({ path: out, fullPage: true });
  const m = state.metrics;
  console.log(`${out}: step ${state.step}, ${Object.entries(m).map(([k, v]) => `${k} ${typeof v === 'number' ? +v.toFixed(3) : v}`).join(', ')}`);
} finally {
  await browser.close();
  await server.close();
}
