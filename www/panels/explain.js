// "Explain one step": one ED update in slow motion. The button pauses the run
// and trains exactly the next pattern of its epoch through the engine's traced
// update (`Playground.explain`, src/train/session/explain.rs), which returns
// every number of that update; the panel then walks through them in five
// stages (the inputs doubled, the forward pass, the error and the signal, the
// broadcast, the update), drawing each on the network view and, in the last,
// the weights that grew on the heatmaps. Next after the last stage explains
// the pattern after it, so a reader can walk a whole epoch: the weights are
// then those of one Step, bit for bit. The update is applied when its
// explanation opens; closing leaves the run paused there.
import { el, fmtNum } from '../ui.js';
import { wordsAt } from '../words/index.js';

const STAGES = 5;
const LISTED = 12; // values listed per layer; the rest are counted

/**
 * The button `#explain-open` and the panel `#explain` of `root` (absent:
 * nothing). `on`: `{ current() (the run), pause(), redraw() (the run moved or
 * the stage changed), net, weights (the views, either may be absent) }`. Returns
 * `{ close() }`, for a new run, Play or Step.
 */
export function explainPanel(root, on) {
  const $ = (id) => root.getElementById(id);
  const box = $('explain'),
    open = $('explain-open');
  if (!box || !open) return { close() {} };
  const w = () => wordsAt(root);
  const body = $('explain-body'),
    back = $('explain-back'),
    next = $('explain-next');
  let x = null,
    stage = 0,
    bp = false,
    edge = null,
    why = 'explain.diverged';

  // The next pattern, trained and traced; stage 1 of it.
  function take() {
    on.pause();
    const pg = on.current();
    x = pg.explain() ?? null;
    // Nothing trained: the reader's own points, none placed yet, or a diverged run.
    why = pg.patternTargets().length ? 'explain.diverged' : 'explain.empty';
    stage = 1;
    edge = null;
    show();
  }

  open.addEventListener('click', () => {
    take();
    box.scrollIntoView?.({ block: 'nearest' });
    next.focus({ preventScroll: true }); // the button that opened it steps aside
  });
  next.addEventListener('click', () => {
    if (!x) {
      if (why === 'explain.empty') take();
      return;
    }
    if (stage < STAGES) {
      stage++;
      show();
    } else take();
  });
  back.addEventListener('click', () => {
    if (stage > 1) {
      stage--;
      show();
    }
  });
  $('explain-close').addEventListener('click', close);
  // Another output's sub-network: this trace is of the one shown before.
  $('view-output')?.addEventListener('change', close);

  function close() {
    if (box.hidden) return;
    const inside = box.contains(root.activeElement);
    box.hidden = true;
    open.hidden = false;
    if (inside) open.focus({ preventScroll: true });
    x = null;
    on.net?.explain(null);
    on.weights?.mark(null);
    on.redraw();
  }

  // The same weight pointed at again (a redraw reads the pointer again): nothing new.
  function point(hit) {
    if (!x || (edge && hit.l === edge.l && hit.s === edge.s && hit.u === edge.u)) return;
    edge = hit;
    show();
  }

  function show() {
    box.hidden = false;
    open.hidden = true; // Next takes the next pattern from here
    const t = w();
    if (!x) {
      $('explain-progress').textContent = '';
      $('explain-where').textContent = '';
      body.replaceChildren(el('p', {}, t(why)));
      back.disabled = true;
      next.disabled = why !== 'explain.empty'; // once points are placed, Next explains the first
      on.net?.explain(null);
      on.weights?.mark(null);
      return;
    }
    const { trace } = x;
    $('explain-progress').textContent = t('explain.progress', stage, STAGES);
    const where = [
      t(
        'explain.where',
        t.int(x.epoch),
        x.position + 1,
        x.patterns,
        `(${trace.input.map((v) => num(v)).join(', ')})`,
        num(trace.target),
      ),
    ];
    if (x.targets.length > 1) where.push(t('explain.subNet', x.output));
    $('explain-where').textContent = where.join(' ');
    back.disabled = stage === 1;
    next.disabled = false;
    body.replaceChildren(...STAGE[stage](t, x, trace));
    on.net?.explain({ x: trace, stage, bp, edge: stage === 5 ? pointed() : null }, point);
    on.weights?.mark(stage === 5 ? { delta: trace.layers.map((l) => l.delta), pointed: pointed(), cell: point } : null);
    on.redraw();
  }

  // The weight the formula is for: the reader's, else the one that grew most.
  function pointed() {
    if (edge) return edge;
    let best = null,
      most = -1;
    x.trace.layers.forEach((layer, l) =>
      layer.delta.forEach((d, k) => {
        if (Math.abs(d) > most) {
          most = Math.abs(d);
          best = { l, s: Math.floor(k / layer.units.length), u: k % layer.units.length };
        }
      }),
    );
    return best;
  }

  const bias = (trace) => trace.layers[0].sources.length - 2 * trace.input.length;
  const heading = (t, n) => el('h4', {}, t(`explain.h${n}`));

  const STAGE = [
    null,
    // 1. The inputs, doubled.
    (t, x, trace) => {
      const b = bias(trace),
        sources = trace.layers[0].sources;
      const names = sources.map((v, i) => `${i < b ? 'β' : `x${(i - b) >> 1}`}${i % 2 ? '−' : '+'} = ${num(v)}`);
      const out = [heading(t, 1), el('p', {}, t('explain.inputs', listed(t, names), sources.length))];
      if (b) out.push(el('p', {}, t('explain.bias', num(sources[0]))));
      out.push(el('p', { className: 'explain-aside' }, t('explain.whyDouble')));
      return out;
    },
    // 2. The forward pass, layer by layer.
    (t, x, trace) => {
      const L = trace.layers.length;
      const lines = trace.layers.map((layer, l) =>
        el(
          'li',
          {},
          t(
            'explain.layerOut',
            t('network.layer', l + 1, L),
            listed(
              t,
              layer.units.map((v) => fmtNum(v, 3)),
            ),
          ),
        ),
      );
      const out =
        trace.loss === 'bce-with-logits'
          ? t('explain.logit', fmtNum(trace.y), fmtNum(trace.p))
          : t('explain.output', fmtNum(trace.y));
      return [
        heading(t, 2),
        el('p', {}, t('explain.forward')),
        el('ul', { className: 'explain-list' }, ...lines),
        el('p', {}, out),
      ];
    },
    // 3. The error, and the signal ED derives from it.
    (t, x, trace) => {
      const out = [heading(t, 3), el('p', {}, t('explain.verdict', num(trace.target), fmtNum(trace.p), trace.rise))];
      if (trace.rule === 'seed') {
        out.push(
          el('p', {}, t('explain.seed', trace.loss, fmtNum(trace.derivative), num(trace.lr), fmtNum(trace.signal))),
        );
      } else {
        const e = trace.error,
          L = trace.layers.length;
        // The amine that is not there reads as a plain 0.
        const amine = (v) => (v > 0 ? fmtNum(v) : '0');
        out.push(el('p', {}, t('explain.kaneko', fmtNum(e), amine(e), amine(-e))));
        const hidden = L > 1 ? trace.layers[0].signal : trace.signal;
        out.push(
          el('p', {}, t('explain.kanekoShare', num(trace.lr), fmtNum(trace.signal), num(trace.u1), fmtNum(hidden))),
        );
      }
      return out;
    },
    // 4. The broadcast: every layer at once; backprop's path beside it if asked.
    (t, x, trace) => {
      const L = trace.layers.length;
      const lines = trace.layers.map((layer, l) =>
        el('li', {}, t('explain.layerSignal', t('network.layer', l + 1, L), fmtNum(layer.signal))),
      );
      const toggle = el('input', { type: 'checkbox', checked: bp, id: 'explain-bp' });
      toggle.addEventListener('change', () => {
        bp = toggle.checked;
        show();
      });
      const out = [
        heading(t, 4),
        el('p', {}, t('explain.broadcast')),
        el('ul', { className: 'explain-list' }, ...lines),
        el('label', { className: 'explain-toggle' }, toggle, el('span', {}, t('explain.bpToggle'))),
      ];
      if (bp) out.push(el('p', { className: 'explain-aside' }, t('explain.bp')));
      return out;
    },
    // 5. The update: which weights grew, by how much, and the pointed one's numbers.
    (t, x, trace) => {
      let grew = 0,
        all = 0,
        max = 0;
      for (const layer of trace.layers)
        for (const d of layer.delta) {
          all++;
          if (d) grew++;
          max = Math.max(max, Math.abs(d));
        }
      const out = [
        heading(t, 5),
        el('p', {}, t('explain.learners', trace.rise)),
        el('p', {}, t('explain.grew', t.int(grew), t.int(all), fmtNum(max), Boolean(on.weights))),
        el('p', {}, t('explain.rule', trace.rule === 'seed')),
        el('p', { className: 'explain-aside' }, t('explain.point')),
      ];
      const p = pointed();
      if (p) out.push(formula(t, trace, p));
      if (x.epochEnded) out.push(el('p', {}, t('explain.ended', t.int(x.epoch))));
      out.push(el('p', { className: 'explain-aside' }, t('explain.nextPattern')));
      return out;
    },
  ];

  // One weight's update with its own numbers put in.
  function formula(t, trace, { l, s, u }) {
    const layer = trace.layers[l],
      n = layer.units.length,
      k = s * n + u,
      L = trace.layers.length,
      b = bias(trace);
    const sign = (i) => (i % 2 ? '−' : '+');
    const from = s < b ? t('network.bias', s) : l === 0 ? t('network.input', s - b) : t('network.unit', l, L, s - b);
    const to = t('network.unit', l + 1, L, u);
    const before = layer.before[k],
      after = layer.after[k],
      xs = layer.sources[s];
    let text;
    if (s % 2 !== (trace.rise ? 0 : 1)) text = `${t('explain.resting', trace.rise)} (w = ${fmtNum(before)}).`;
    else if (xs === 0) text = `${t('explain.zeroX')} (w = ${fmtNum(before)}).`;
    else {
      const gain = Math.abs(layer.step[u]),
        f = fmtNum(layer.factor[u]),
        dw = fmtNum(layer.delta[k]);
      text =
        trace.rule === 'seed'
          ? t('explain.formulaSeed', f, fmtNum(layer.signal), fmtNum(gain), num(xs), dw)
          : t('explain.formulaKaneko', f, fmtNum(layer.signal), fmtNum(gain), num(xs), dw);
      text += `; ${t('explain.moved', fmtNum(before), fmtNum(after))}.`;
    }
    return el(
      'div',
      { className: 'explain-formula' },
      el('p', { className: 'explain-weight' }, t('explain.weight', `${from} (${sign(s)})`, `${to} (${sign(u)})`)),
      el('p', {}, text),
    );
  }

  return { close };
}

// A value of a pattern: its digits as given (0, 1, 0.25), else four places.
const num = (v) => (Number.isInteger(v) ? String(v) : String(+v.toPrecision(4)));

// The first LISTED of `items`, joined, with the count of all if there are more.
const listed = (t, items) =>
  items.slice(0, LISTED).join(', ') + (items.length > LISTED ? ` ${t('explain.more', items.length)}` : '');
