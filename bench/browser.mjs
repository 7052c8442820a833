// Browser benchmark: ms per training step of the 1-D lesson in Chromium, on the
// CPU backend (flex in wasm) and on WebGPU (SwiftShader here, forced), at batch
// 128 and 256. Needs a built dist/. Prints one JSON line per measurement.
import { serve, launch, openPlayground } from '../tests/harness.mjs';

const server = await serve();
for (const backend of ['cpu', 'webgpu']) {
  const browser = await launch({ webgpu: backend === 'webgpu' });
  try {
    await openPlayground(browser.page, `${server.url}/?backend=${backend}`, 180_000);
    for (const batch of [128, 256]) {
      const steps = backend === 'cpu' ? 300 : 8;
      const result = await browser.page.evaluate(async ({ batch, steps }) => {
        // One readback for the whole run: stepsPerFrame = steps.
        await window.gan.configure({ batch, stepsPerFrame: Math.min(500, steps) });
        // Warm-up: shader compilation on WebGPU; on the CPU, the engine's
        // optimising tier (the first hundred steps ran in its baseline tier).
        await window.gan.step(steps > 100 ? 100 : 3);
        const t0 = performance.now();
        await window.gan.step(steps);
        return { ms: (performance.now() - t0) / steps, state: window.gan.state() };
      }, { batch, steps });
      console.log(JSON.stringify({
        where: 'browser', backend, adapter: result.state.adapter ?? null, batch, steps, msPerStep: +result.ms.toFixed(3),
      }));
    }
  } finally {
    await browser.close();
  }
}
await server.close();
