// Takes the README's screenshot: the 1-D lesson after training on the default
// (bimodal) target, in headless Chromium. Needs a built dist/.
//   node scripts/screenshot.mjs [steps] [out.png]
import { serve, launch, openPlayground } from '../tests/harness.mjs';

const steps = Number(process.argv[2] ?? 1500);
const out = process.argv[3] ?? 'docs/screenshot-1d.png';
const server = await serve();
const browser = await launch({});
try {
  await browser.page.setViewportSize({ width: 1320, height: 900 });
  await openPlayground(browser.page, `${server.url}/`);
  const state = await browser.page.evaluate((n) => window.gan.step(n), steps);
  await browser.page.screenshot({ path: out, fullPage: true });
  console.log(`${out}: step ${state.step}, W1 ${state.metrics.w1.toFixed(3)}, JS ${state.metrics.js.toFixed(3)}`);
} finally {
  await browser.close();
  await server.close();
}
