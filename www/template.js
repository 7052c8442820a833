// The markup of one <gan-playground> (the 1-D lesson), stamped into its shadow
// root. Ids are scoped to that root, so several widgets on a page never clash.
// Every control a link or an attribute can hide carries `data-control`; each
// plot, `data-panel` (the `panels` attribute chooses which show).

export const TEMPLATE = /* html */ `
<div class="bar">
  <span class="title">1-D lesson · Deterministic Transformation by Network</span>
  <span id="backend-badge" class="badge" data-kind="loading">starting…</span>
</div>
<p id="notice" class="notice" hidden></p>
<p id="error" class="error" role="alert" hidden></p>

<section class="message" data-control="message">
  <p lang="en">The network does not create a distribution: it maps a known distribution onto the target one.</p>
  <p lang="ko"><strong>Network는 distribution을 만드는 것 아님</strong> — <strong>알고있는 distribution에서 target distribution으로 mapping 해주는 역할!</strong></p>
</section>

<div class="panels">
  <figure class="panel" data-panel="latent">
    <canvas id="latent-canvas" width="300" height="220"></canvas>
    <figcaption>
      <b>The latent z ~ N(0, 1)</b>
      <span class="prose" lang="en">The input neuron has a Gaussian distribution: a distribution we know and can sample.</span>
      <span class="prose" lang="ko">input neuron이 Gaussian 분포를 가짐</span>
    </figcaption>
  </figure>
  <figure class="panel" data-panel="mapping">
    <canvas id="mapping-canvas" width="300" height="220"></canvas>
    <figcaption>
      <b>The mapping x = G(z)</b>
      <span class="prose" lang="en">The network itself is deterministic: training shapes this curve, which carries z onto x.</span>
      <span class="prose" lang="ko">Network 자체는 deterministic 함 · network는 모델을 학습하여 mapping을 진행</span>
      <span id="mapping-note" class="note" hidden>latentDim &gt; 1: drawn along the first latent coordinate, the others held at 0.</span>
    </figcaption>
  </figure>
  <figure class="panel wide" data-panel="distributions">
    <canvas id="dist-canvas" width="460" height="220"></canvas>
    <figcaption>
      <b>P<sub>data</sub> vs P<sub>model</sub>, and D(x)</b>
      <span class="prose" lang="en">Make P<sub>model</sub>(x) approximate P<sub>data</sub>(x); where they meet, D(x) approaches 0.5.</span>
      <span class="prose" lang="ko">P<sub>data</sub>(x)와 비슷한 P<sub>model</sub>(x) approximation — P<sub>model</sub>(x)이 P<sub>data</sub>(x)에 근사하도록 만드는 것이 GAN 목적</span>
      <span class="legend"><i class="sw real"></i>P<sub>data</sub> samples <i class="sw pdf"></i>P<sub>data</sub> density <i class="sw fake"></i>P<sub>model</sub> = G(z) <i class="sw disc"></i>D(x)</span>
    </figcaption>
  </figure>
  <figure class="panel" data-panel="losses">
    <canvas id="loss-canvas" width="300" height="220"></canvas>
    <figcaption>
      <b>Losses</b>
      <span class="legend"><i class="sw lossd"></i>D <i class="sw lossg"></i>G · dashed: log 2 and 2·log 2 (the equilibrium D ≡ ½)</span>
    </figcaption>
  </figure>
</div>

<section class="readout" aria-live="polite">
  <span>step <b id="out-step">0</b></span>
  <span>W<sub>1</sub> <b id="out-w1">–</b></span>
  <span>JS <b id="out-js">–</b> nats</span>
  <span>loss D <b id="out-lossd">–</b></span>
  <span>loss G <b id="out-lossg">–</b></span>
  <span><b id="out-rate">–</b> steps/s</span>
</section>

<section class="controls" id="controls">
  <div class="buttons">
    <button id="btn-play" type="button" data-control="play">▶ Play</button>
    <button id="btn-pause" type="button" data-control="pause" disabled>❚❚ Pause</button>
    <button id="btn-step" type="button" data-control="step">Step</button>
    <button id="btn-reset" type="button" data-control="reset">Reset</button>
    <button id="btn-reset-all" type="button" data-control="resetAll" title="Forget the saved model and settings, and start over from the defaults">Reset everything</button>
  </div>
  <div class="weights" data-control="weights">
    <button id="btn-export" type="button">Export weights</button>
    <label class="button">Import weights <input id="import-file" type="file" accept=".safetensors"></label>
  </div>
  <div class="share" data-control="share">
    <button id="btn-share" type="button">Copy link</button>
    <input id="share-link" type="text" readonly hidden aria-label="link to this configuration">
    <span id="share-status" class="note" aria-live="polite"></span>
  </div>
  <fieldset data-control="target">
    <legend>Target P<sub>data</sub></legend>
    <label>kind
      <select id="target-kind">
        <option value="gaussian">Gaussian</option>
        <option value="bimodal">bimodal mixture</option>
        <option value="uniform">uniform</option>
        <option value="exponential">exponential</option>
        <option value="mixture3">3-mixture</option>
        <option value="custom">draw your own</option>
      </select>
    </label>
    <span id="target-fields"></span>
    <div id="draw-box" hidden>
      <canvas id="draw-canvas" width="360" height="120"></canvas>
      <span class="note">Drag (mouse or touch) to shape the histogram on [−4, 4]; release to train on it.</span>
    </div>
  </fieldset>
  <fieldset class="group" data-group="training">
    <legend>Training</legend>
    <label data-control="batch">batch <input data-key="batch" type="number" min="1" max="4096" step="1"></label>
    <label data-control="lrG">lr G <input data-key="lrG" type="number" min="0.000001" max="1" step="0.0001"></label>
    <label data-control="lrD">lr D <input data-key="lrD" type="number" min="0.000001" max="1" step="0.0001"></label>
    <label data-control="beta1">Adam β1 <input data-key="beta1" type="number" min="0" max="0.999" step="0.05"></label>
    <label data-control="stepsPerFrame">steps/frame <input data-key="stepsPerFrame" type="number" min="1" max="500" step="1"></label>
  </fieldset>
  <fieldset class="group" data-group="networks">
    <legend>Networks</legend>
    <label data-control="latentDim">latent dim <input data-key="latentDim" type="number" min="1" max="16" step="1"></label>
    <label data-control="hidden">hidden width <input data-key="hidden" type="number" min="1" max="256" step="1"></label>
    <label data-control="layers">hidden layers <input data-key="layers" type="number" min="1" max="6" step="1"></label>
    <label data-control="seed">seed <input data-key="seed" type="number" min="0" step="1"></label>
    <label data-control="backend">backend
      <select data-key="backend">
        <option value="auto">auto</option>
        <option value="cpu">CPU</option>
        <option value="webgpu">WebGPU</option>
      </select>
    </label>
  </fieldset>
</section>
`;
