// The markup of one <gan-playground>, stamped into its shadow root: the bar
// (title, backend badge, notices) at once, then the lesson's body once the
// lesson is known. Ids are scoped to that root, so several widgets on a page never clash.
// Every control a link or an attribute can hide carries `data-control`; each
// plot, `data-panel` (the `panels` attribute chooses which show).

// Pieces more than one lesson shows.
const SHARE = /* html */ `
  <div class="share" data-control="share">
    <button id="btn-share" type="button">Copy link</button>
    <input id="share-link" type="text" readonly hidden aria-label="link to this configuration">
    <span id="share-status" class="note" aria-live="polite"></span>
  </div>`;
const WEIGHTS = /* html */ `
  <div class="weights" data-control="weights">
    <button id="btn-export" type="button">Export weights</button>
    <label class="button">Import weights <input id="import-file" type="file" accept=".safetensors,.pt,.pth,.tar"></label>
  </div>`;
/** The end of the networks fieldset: width, depth, seed, backend. */
const NETWORKS = /* html */ `
    <label data-control="hidden">hidden width <input data-key="hidden" type="number" min="1" max="256" step="1"></label>
    <label data-control="layers">hidden layers <input data-key="layers" type="number" min="1" max="6" step="1"></label>
    <label data-control="seed">seed <input data-key="seed" type="number" min="0" step="1"></label>
    <label data-control="backend">backend
      <select data-key="backend">
        <option value="auto">auto</option>
        <option value="cpu">CPU</option>
        <option value="webgpu">WebGPU</option>
      </select>
    </label>`;

export const BAR = /* html */ `
<div class="bar">
  <span id="title" class="title">GAN playground</span>
  <span id="backend-badge" class="badge" data-kind="loading">starting…</span>
</div>
<p id="notice" class="notice" hidden></p>
<p id="error" class="error" role="alert" hidden></p>

`;

/** The 1-D lesson: the deterministic transformation. */
export const LESSON_1D = /* html */ `
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
${WEIGHTS}
${SHARE}
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
${NETWORKS}
  </fieldset>
</section>
`;

/** The 2-D lab. */
export const LESSON_2D = /* html */ `
<section class="message" data-control="message">
  <p lang="en">Make P<sub>model</sub> approximate P<sub>data</sub>, then sample from it: G maps a known 2-D latent onto the data, and D learns where the data is.</p>
  <p lang="ko">P<sub>data</sub>(x)와 비슷한 P<sub>model</sub>(x) approximation 하여 그 모델에서 random sampling — P<sub>model</sub>(x)가 P<sub>data</sub>(x)와 비슷하면, P<sub>model</sub>(x)에서 sampling 하여 데이터를 얻을 수 있음</p>
</section>

<div class="panels lab2d">
  <figure class="panel lab" data-panel="lab">
    <canvas id="lab-canvas" width="480" height="480"></canvas>
    <ol id="phases" class="phases" hidden aria-live="polite">
      <li data-phase="sample">1 · sample z ~ P<sub>z</sub> and x ~ P<sub>data</sub></li>
      <li data-phase="d">2 · update D (the heatmap moves)</li>
      <li data-phase="g">3 · update G (the samples follow the arrows)</li>
    </ol>
    <figcaption>
      <b>P<sub>data</sub>, P<sub>model</sub>, D and G on one plane</b>
      <span class="prose" lang="en">Blue: real samples. Orange: G(z). The background is D: where it says "real". The mesh is G's image of a regular latent grid; arrows show where G's loss pushes each sample.</span>
      <span class="prose" lang="ko">Network는 distribution을 만드는 것 아님 — 알고있는 distribution(latent)에서 target distribution으로 mapping</span>
      <span class="toggles" data-control="view">
        <label><input type="checkbox" data-layer="heat" checked> D heatmap</label>
        <label><input type="checkbox" data-layer="manifold" checked> G manifold</label>
        <label><input type="checkbox" data-layer="real" checked> real</label>
        <label><input type="checkbox" data-layer="fake" checked> fake</label>
        <label><input type="checkbox" data-layer="arrows" checked> gradient arrows</label>
      </span>
      <span id="draw-note" class="note" hidden>Drawing: drag on the plane (mouse or touch) to paint points; release to train on them. <button id="btn-clear-drawing" type="button">Clear</button></span>
    </figcaption>
  </figure>
  <figure class="panel" data-panel="losses">
    <canvas id="loss-canvas" width="300" height="220"></canvas>
    <figcaption>
      <b>Losses</b>
      <span class="legend"><i class="sw lossd"></i>D <i class="sw lossg"></i>G</span>
      <span id="loss-explain" class="note"></span>
    </figcaption>
  </figure>
</div>

<section class="readout" aria-live="polite">
  <span>step <b id="out-step">0</b></span>
  <span>modes <b id="out-modes">–</b></span>
  <span>high quality <b id="out-hq">–</b></span>
  <span>JS <b id="out-js">–</b> nats</span>
  <span>loss D <b id="out-lossd">–</b></span>
  <span>loss G <b id="out-lossg">–</b></span>
  <span><b id="out-rate">–</b> steps/s</span>
</section>

<section class="controls" id="controls">
  <div class="buttons">
    <button id="btn-play" type="button" data-control="play">▶ Play</button>
    <button id="btn-pause" type="button" data-control="pause" disabled>❚❚ Pause</button>
    <button id="btn-step" type="button" data-control="step" title="One iteration: D, then G">Step</button>
    <button id="btn-step-d" type="button" data-control="stepD">Step D</button>
    <button id="btn-step-g" type="button" data-control="stepG">Step G</button>
    <button id="btn-reset" type="button" data-control="reset">Reset</button>
    <button id="btn-reset-all" type="button" data-control="resetAll" title="Forget the saved settings, and start over from the defaults">Reset everything</button>
    <label class="button" data-control="slow"><input id="slow" type="checkbox"> slow mode</label>
  </div>
${WEIGHTS}
  <div class="presets" id="presets" data-control="presets"><span class="note">Presets:</span></div>
${SHARE}
  <fieldset data-control="dataset">
    <legend>Dataset P<sub>data</sub></legend>
    <label>kind
      <select id="dataset-kind">
        <option value="ring">ring of 8</option>
        <option value="grid">grid of 25</option>
        <option value="spiral">spiral</option>
        <option value="moons">two moons</option>
        <option value="drawn">draw your own</option>
      </select>
    </label>
    <span id="dataset-fields"></span>
  </fieldset>
  <fieldset data-control="loss">
    <legend>Loss</legend>
    <label>loss
      <select data-key="loss">
        <option value="minimax">minimax (saturating)</option>
        <option value="nonsaturating">non-saturating</option>
        <option value="lsgan">least squares (LSGAN)</option>
        <option value="hinge">hinge</option>
        <option value="wgan-clip">WGAN, weight clipping</option>
        <option value="wgan-gp">WGAN-GP</option>
      </select>
    </label>
    <label data-control="clip">clip c <input data-key="clip" type="number" min="0.001" max="1" step="0.005"></label>
    <label data-control="gpWeight">λ <input data-key="gpWeight" type="number" min="0" max="100" step="1"></label>
  </fieldset>
  <fieldset class="group" data-group="training">
    <legend>Training</legend>
    <label data-control="optimizerG">G <select data-key="optimizerG"><option value="adam">Adam</option><option value="sgd">SGD</option></select></label>
    <label data-control="lrG">lr G <input data-key="lrG" type="number" min="0.000001" max="1" step="0.0001"></label>
    <label data-control="optimizerD">D <select data-key="optimizerD"><option value="adam">Adam</option><option value="sgd">SGD</option></select></label>
    <label data-control="lrD">lr D <input data-key="lrD" type="number" min="0.000001" max="1" step="0.0001"></label>
    <label data-control="beta1">Adam β1 <input data-key="beta1" type="number" min="0" max="0.999" step="0.05"></label>
    <label data-control="dSteps">D steps <input data-key="dSteps" type="number" min="1" max="10" step="1"></label>
    <label data-control="gSteps">G steps <input data-key="gSteps" type="number" min="1" max="10" step="1"></label>
    <label data-control="batch">batch <input data-key="batch" type="number" min="1" max="4096" step="1"></label>
    <label data-control="stepsPerFrame">steps/frame <input data-key="stepsPerFrame" type="number" min="1" max="500" step="1"></label>
  </fieldset>
  <fieldset class="group" data-group="networks">
    <legend>Networks</legend>
    <label data-control="latent">latent <select data-key="latent"><option value="gaussian">Gaussian</option><option value="uniform">uniform</option></select></label>
    <label data-control="latentDim">latent dim <input data-key="latentDim" type="number" min="1" max="16" step="1"></label>
${NETWORKS}
  </fieldset>
</section>
`;

/** Lesson 0: a probability distribution (the dice). */
export const LESSON_DICE = /* html */ `
<section class="message" data-control="message">
  <p lang="en">A die's faces are events; the probability of each is its PMF. Roll it N times: the histogram approaches the PMF as N grows.</p>
  <p lang="ko">주사위 던지면 {1, 2, 3, 4, 5, 6}의 event 발생 — discrete 한 경우이기 때문에 PMF라 함 · true 한 distribution이라고 한다면 무수히 많이 반복한다면 비슷한 histogram을 가지게 됨</p>
</section>

<div class="panels">
  <figure class="panel wide" data-panel="dice">
    <canvas id="dice-canvas" width="460" height="240"></canvas>
    <figcaption>
      <b>The PMF and the histogram of N rolls</b>
      <span class="prose" lang="en">Bars: how often each face came up, as a fraction of N. Outlines: the die's true probabilities.</span>
      <span class="prose" lang="ko">몇 번의 경험을 가지고 나온 확률이라면 통계적으로 이 확률을 추론을 할 수 있음</span>
      <span class="legend"><i class="sw real"></i>histogram of N rolls <i class="sw pdf"></i>PMF</span>
    </figcaption>
  </figure>
  <figure class="panel" data-panel="tv">
    <canvas id="tv-canvas" width="300" height="240"></canvas>
    <figcaption>
      <b>Total variation ½ Σ |histogram − PMF|</b>
      <span class="prose" lang="en">It falls like 1/√N (dashed: its expected value): more experience, a better estimate of the probabilities.</span>
    </figcaption>
  </figure>
</div>

<section class="readout" aria-live="polite">
  <span>N <b id="out-step">0</b></span>
  <span>TV <b id="out-tv">–</b></span>
</section>



<section class="controls" id="controls">
  <div class="buttons">
    <button id="btn-play" type="button" data-control="play" title="Keep rolling">▶ Roll on</button>
    <button id="btn-pause" type="button" data-control="pause" disabled>❚❚ Pause</button>
    <button id="btn-step" type="button" data-control="step">Roll once</button>
    <button id="btn-reroll" type="button" data-control="reroll" title="N fresh rolls (the next seed)">Roll N again</button>
    <button id="btn-reset" type="button" data-control="reset">Reset</button>
    <button id="btn-reset-all" type="button" data-control="resetAll">Reset everything</button>
  </div>
${SHARE}
  <fieldset data-control="die">
    <legend>The die</legend>
    <label>die
      <select id="die-kind">
        <option value="fair">fair</option>
        <option value="loaded">loaded (6 is 5× as likely)</option>
        <option value="custom">custom</option>
      </select>
    </label>
    <span id="die-weights"></span>
  </fieldset>
  <fieldset data-control="rolls">
    <legend>Rolls</legend>
    <label>N <input id="rolls-range" type="range" min="0" max="5" step="0.01" aria-label="N, on a log scale"></label>
    <label><input data-key="rolls" type="number" min="1" max="100000" step="1"></label>
    <label data-control="seed">seed <input data-key="seed" type="number" min="0" step="1"></label>
  </fieldset>
</section>

<h3 class="section">Discriminative vs generative, on the same points</h3>
<div class="panels" data-panel="compare">
  <figure class="panel">
    <canvas id="disc-canvas" width="300" height="300"></canvas>
    <figcaption>
      <b>Discriminative model: p(y | x)</b>
      <span class="prose" lang="en">Trained on labelled points (two moons, one class each), it learns which class a point belongs to: a decision boundary. It cannot make a new point.</span>
      <span class="prose" lang="ko">Discriminative model — 주어진 x가 어떤 class(y)인지 구분: p(y|x)</span>
      <span>accuracy <b id="out-accuracy">–</b> (held-out)</span>
    </figcaption>
  </figure>
  <figure class="panel">
    <canvas id="gen-canvas" width="300" height="300"></canvas>
    <figcaption>
      <b>Generative model: p(x)</b>
      <span class="prose" lang="en">Trained on the points alone, with no labels, a GAN learns where points lie, p(x), and samples new ones (orange) that cover the data (blue).</span>
      <span class="prose" lang="ko">Generative model — unsupervised model, 즉, input만 있음</span>
      <span>JS <b id="out-compare-js">–</b> nats</span>
    </figcaption>
  </figure>
</div>
<div class="buttons" data-control="compare">
  <button id="btn-compare" type="button">▶ Train both</button>
  <button id="btn-compare-reset" type="button">Reset both</button>
</div>
`;

/** The faces lesson: a 64×64×3 image as a random variable, a DCGAN that maps z onto it. */
export const LESSON_FACES = /* html */ `
<section class="message" data-control="message">
  <p lang="en">A 64×64×3 face image is a random variable x with structure: where the face is, where the eyes are. Faces fill a tiny, structured part of pixel space. G maps a 100-D Gaussian latent onto it; sampling z and running G gives faces from P<sub>model</sub>.</p>
  <p lang="ko">random variable x가 training data의 image(64×64×3)인 경우 — 사람이라는 사전정보가 있으면 어느 정도 특정한 분포를 가짐 (눈의 위치, 얼굴의 위치 등). P<sub>data</sub>(x)와 비슷한 P<sub>model</sub>(x) approximation 하여 그 모델에서 random sampling 하여 진짜처럼 보이는 이미지가 나오게 해야 함!</p>
</section>

<div class="panels faces">
  <figure class="panel" data-panel="faces">
    <canvas id="grid-canvas" class="faces-grid" width="512" height="512" title="Click a face to pick it for the walk and the sliders"></canvas>
    <figcaption>
      <b>Samples from P<sub>model</sub>: G(z) for 64 fixed z</b>
      <span class="prose" lang="en">Redrawn every few steps from the same 64 latents, so you watch one set of faces change. Click a face to pick it for the walk and the sliders.</span>
      <span class="prose" lang="ko">우리가 알고있는 Gaussian에서 sampling 하여 Network를 거쳐 Fake로 generate된 dataset 획득</span>
      <span class="toggles" data-control="view">
        <label>upscale <select id="upscale"><option value="pixelated">pixelated</option><option value="smooth">smooth</option></select></label>
        <span id="pretrained-note" class="note"></span>
      </span>
    </figcaption>
  </figure>
  <figure class="panel" data-panel="dataset">
    <canvas id="real-canvas" class="faces-grid" width="256" height="256"></canvas>
    <figcaption>
      <b>Real samples from P<sub>data</sub></b> <span id="dataset-name" class="note"></span>
      <span class="prose" lang="en">D is shown these as "real". Procedural faces come with their ground truth: face and eye positions, sizes, colours.</span>
      <span class="prose" lang="ko">얼굴 데이터의 확률 분포가 존재 할 것 (차원을 plot해서 볼 수 없어서 1차원이라고 가정)</span>
      <span class="uploads" data-control="upload">
        <span id="drop-zone" class="drop-zone" tabindex="0">Drop images or a folder here, or
          <label class="button">choose files <input id="upload-files" type="file" accept="image/*" multiple></label>
          <label class="button">a folder <input id="upload-folder" type="file" webkitdirectory multiple></label>
        </span>
        <span class="note">Your images never leave this device: the page decodes, crops and trains on them here, and sends nothing anywhere.</span>
        <span id="upload-status" class="note" aria-live="polite"></span>
        <ul id="upload-errors" class="upload-errors"></ul>
      </span>
    </figcaption>
  </figure>
  <figure class="panel" data-panel="timeline">
    <canvas id="timeline-canvas" class="faces-strip" width="640" height="400"></canvas>
    <figcaption>
      <b>Fixed-noise timeline</b>
      <span class="prose" lang="en">The same 8 latents, one column per snapshot (every 100 steps, spacing doubling as it fills): faces emerge from noise.</span>
      <span class="prose" lang="ko">input neuron이 Gaussian 분포를 가짐 — network는 모델을 학습하여 mapping을 진행</span>
    </figcaption>
  </figure>
  <figure class="panel" data-panel="walk">
    <canvas id="walk-canvas" class="faces-one" width="192" height="192"></canvas>
    <figcaption>
      <b>Walk in latent space</b>
      <span class="prose" lang="en">The slerp from face A to face B along the great circle of the latent sphere: every point on the way is a face too.</span>
      <span class="prose" lang="ko">Network 자체는 deterministic 함 — 가까운 z는 비슷한 얼굴로 mapping</span>
      <span class="walk-buttons" data-control="walk">
        <span class="note">A <b id="walk-a">random</b> · B <b id="walk-b">random</b></span>
        <button id="btn-walk" type="button">Walk A → B</button>
        <button id="btn-walk-random" type="button">Two random faces</button>
      </span>
    </figcaption>
  </figure>
  <figure class="panel" data-panel="sliders">
    <canvas id="slider-canvas" class="faces-one" width="192" height="192"></canvas>
    <figcaption>
      <b>Latent sliders</b> <span class="note">face <b id="slider-face">0</b></span>
      <span class="prose" lang="en">Directions in z fitted to the regressor's reading of G's faces: move along one and that property of the face moves.</span>
      <span class="prose" lang="ko">Generative models from lower dimension — 낮은 차원의 latent에서 얼굴로</span>
      <span id="sliders" class="sliders" data-control="sliders"></span>
    </figcaption>
  </figure>
  <figure class="panel" data-panel="losses">
    <canvas id="loss-canvas" width="300" height="180"></canvas>
    <canvas id="structure-canvas" width="300" height="140"></canvas>
    <figcaption>
      <b>Losses and the structure score</b>
      <span class="legend"><i class="sw lossd"></i>D <i class="sw lossg"></i>G</span>
      <span class="prose" lang="en">Structure: a CNN (a discriminative model, trained on procedural faces) reads the face parameters off each image; the score is the Fréchet distance between those readings on G's 64 faces and on real faces. 0 means the same structure.</span>
      <span class="prose" lang="ko">눈의 위치, 얼굴의 위치 등 — 구조를 숫자로: P<sub>model</sub>(x)가 P<sub>data</sub>(x)와 비슷하면 0에 가까움</span>
    </figcaption>
  </figure>
</div>

<section class="readout" aria-live="polite">
  <span>step <b id="out-step">0</b></span>
  <span>structure <b id="out-structure">–</b></span>
  <span>loss D <b id="out-lossd">–</b></span>
  <span>loss G <b id="out-lossg">–</b></span>
  <span><b id="out-rate">–</b> steps/s</span>
</section>

<section class="controls" id="controls">
  <div class="buttons">
    <button id="btn-play" type="button" data-control="play">▶ Train</button>
    <button id="btn-pause" type="button" data-control="pause" disabled>❚❚ Pause</button>
    <button id="btn-step" type="button" data-control="step" title="One iteration: D, then G">Step</button>
    <button id="btn-reset" type="button" data-control="reset" title="Back to the start: the pretrained generator, or the seed">Reset</button>
    <button id="btn-scratch" type="button" data-control="pretrained" title="Train from random weights instead of the pretrained generator">Start from scratch</button>
    <button id="btn-reset-all" type="button" data-control="resetAll" title="Forget the saved settings, and start over from the defaults">Reset everything</button>
  </div>
${WEIGHTS}
${SHARE}
  <fieldset data-control="dataset">
    <legend>Dataset P<sub>data</sub></legend>
    <label>faces
      <select data-key="dataset">
        <option value="procedural">procedural faces</option>
        <option value="uploaded">your images</option>
      </select>
    </label>
  </fieldset>
  <fieldset class="group" data-group="training">
    <legend>Training</legend>
    <label data-control="loss">loss
      <select data-key="loss">
        <option value="hinge">hinge</option>
        <option value="nonsaturating">non-saturating</option>
        <option value="minimax">minimax (saturating)</option>
        <option value="lsgan">least squares (LSGAN)</option>
      </select>
    </label>
    <label data-control="lr">lr <input data-key="lr" type="number" min="0.000001" max="0.1" step="0.0001"></label>
    <label data-control="batch">batch <input data-key="batch" type="number" min="1" max="256" step="1"></label>
    <label data-control="refreshEvery">redraw every <input data-key="refreshEvery" type="number" min="1" max="1000" step="1"> steps</label>
    <label data-control="stepsPerFrame">steps/frame <input data-key="stepsPerFrame" type="number" min="1" max="100" step="1"></label>
  </fieldset>
  <fieldset class="group" data-group="networks">
    <legend>Networks (DCGAN)</legend>
    <label data-control="resolution">resolution <select data-key="resolution"><option value="64">64×64</option><option value="32">32×32</option></select></label>
    <label data-control="ngf">G width ngf <input data-key="ngf" type="number" min="4" max="64" step="4"></label>
    <label data-control="ndf">D width ndf <input data-key="ndf" type="number" min="4" max="64" step="4"></label>
    <label data-control="latentDim">latent dim <input data-key="latentDim" type="number" min="2" max="256" step="1"></label>
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
