// The words of "Explain one step"'s walk (www/panels/explain/walk.js), loaded
// with it when a reader first presses the button (lang/explain-*.js); the
// panel's buttons are in explain.js. See index.js. Each
// entry: `key: { en, ja }`, a string or a function of its values. Numbers come
// in already formatted; `layer` names come from the views' words; a loss's name
// and its derivative's formula come from the engine's parameter table (the
// schema's loss options), where they are written once for every page part
// that names a loss.

/**
 * A value an entry is given: a number already formatted, a count, or a flag.
 * @typedef {string | number | boolean} Value
 */
/**
 * An entry's text in one language: as it stands, or made from its values.
 * @typedef {string | ((...values: Value[]) => string)} Text
 */

/** @satisfies {Record<string, { en: Text, ja: Text }>} */
export const EXPLAIN_STAGES = {
  'explain.progress': { en: (n, of) => `Stage ${n} of ${of}`, ja: (n, of) => `段階 ${n} / ${of}` },
  'explain.nextPattern': { en: 'Next: the next pattern.', ja: '「次へ」で次のパターンに進みます。' },
  'explain.where': {
    en: (epoch, k, n, inputs, t) => `Epoch ${epoch}, pattern ${k} of ${n}: inputs ${inputs}, target ${t}.`,
    ja: (epoch, k, n, inputs, t) => `エポック ${epoch}、${n} 個中 ${k} 個目のパターン: 入力 ${inputs}、正解 ${t}。`,
  },
  'explain.subNet': {
    en: (o) => `Shown: the sub-network of output ${o}; every output's network learns this pattern at the same time.`,
    ja: (o) => `表示は出力 ${o} のサブネットワークです。どの出力のネットワークも、このパターンで同時に学習します。`,
  },
  'explain.empty': {
    en: 'There are no points yet: place some on the map, and the next update can be explained.',
    ja: 'まだ点がありません。マップに点を置くと、次の更新を説明できます。',
  },
  'explain.diverged': {
    en: 'This run has diverged: there is no update to explain.',
    ja: 'この学習は発散しました。説明できる更新はありません。',
  },

  // Stage 1: the inputs.
  'explain.h1': { en: '1. The inputs, doubled', ja: '1. 入力を + と − に複製' },
  'explain.inputs': {
    en: (list, n) => `Each input enters twice, as a + copy and a − copy: the first layer's ${n} sources are ${list}.`,
    ja: (list, n) => `各入力は + 側と − 側の 2 つに複製されて入ります。最初の層への ${n} 個の入力は ${list} です。`,
  },
  'explain.bias': {
    en: (beta) => `Kaneko's two bias units (+ and −) lead every layer's sources, fed β = ${beta}.`,
    ja: (beta) => `どの層の入力も、金子のバイアスユニット 2 つ (+ と −、値 β = ${beta}) から始まります。`,
  },
  'explain.whyDouble': {
    en: 'A + copy excites a + unit and inhibits a − unit; the − copy does the opposite. So one input can push any unit either way, while every weight keeps the sign it was born with.',
    ja: '+ 側の入力は + のユニットを興奮させ − のユニットを抑制し、− 側はその逆です。こうして重みの符号を変えないまま、1 つの入力がどのユニットもどちら向きにも動かせます。',
  },

  // Stage 2: the forward pass.
  'explain.h2': { en: '2. The forward pass', ja: '2. 順伝播' },
  'explain.forward': {
    en: "Layer by layer, each unit adds up w × x over its sources and passes the sum through its sigmoid. Each unit's output is written beside it in the network view.",
    ja: '層ごとに、各ユニットは入力元ごとの w × x を足し合わせ、シグモイド関数に通して出力します。各ユニットの出力はネットワーク図のユニットの横に書いてあります。',
  },
  'explain.layerOut': { en: (layer, list) => `${layer}: ${list}`, ja: (layer, list) => `${layer}: ${list}` },
  'explain.more': { en: (n) => `… (${n} in all)`, ja: (n) => `… (全 ${n} 個)` },
  'explain.output': { en: (y) => `The output: y = ${y}.`, ja: (y) => `出力: y = ${y}。` },
  'explain.logit': {
    en: (y, p) => `The output unit emits a logit, y = ${y}, which stands for the probability p = ${p}.`,
    ja: (y, p) => `出力ユニットはロジット y = ${y} を出し、これは確率 p = ${p} を表します。`,
  },

  // Stage 3: the error and the signal.
  'explain.h3': { en: '3. The error and the signal', ja: '3. 誤差と学習信号' },
  'explain.verdict': {
    en: (t, p, rise) => `Target t = ${t}, output p = ${p}: the output must ${rise ? 'rise' : 'fall'}.`,
    ja: (t, p, rise) => `正解 t = ${t}、出力 p = ${p}: 出力は${rise ? '上がる' : '下がる'}べきです。`,
  },
  // `loss`: the loss's label; `formula`: its derivative's formula (both the engine's).
  'explain.seed': {
    en: (loss, formula, d, lr, delta) =>
      `The loss-based rule takes the derivative of the loss (${loss}): dL/dy = ${formula} = ${d}. Times the learning rate, δ = ${lr} × ${d} = ${delta}. This one number is the signal ED broadcasts; its sign says which way the output must go.`,
    ja: (loss, formula, d, lr, delta) =>
      `損失関数ベースの学習則は損失関数「${loss}」の微分を使います: dL/dy = ${formula} = ${d}。学習率を掛けて δ = ${lr} × ${d} = ${delta}。この 1 つの数が ED の一斉に送る信号で、その符号が出力の向かうべき方向を表します。`,
  },
  'explain.kaneko': {
    en: (e, dp, dm) =>
      `Kaneko's original rule takes the error e = t − p = ${e} and makes two amines of it: d+ = ${dp} and d− = ${dm}. Only one is ever non-zero: d+ when the output must rise, d− when it must fall.`,
    ja: (e, dp, dm) =>
      `金子のオリジナルの学習則は誤差 e = t − p = ${e} から 2 つのアミン d+ = ${dp} と d− = ${dm} を作ります。0 でないのは常に片方だけで、出力を上げるべきときは d+、下げるべきときは d− です。`,
  },
  'explain.kanekoShare': {
    en: (alpha, out, u1, hidden) =>
      `The output layer receives α × |e| = ${alpha} × |e| = ${out}; each hidden layer receives the share u1 of it: ${u1} × ${out} = ${hidden}.`,
    ja: (alpha, out, u1, hidden) =>
      `出力層は α × |e| = ${alpha} × |e| = ${out} を受け取り、各隠れ層はその u1 倍を受け取ります: ${u1} × ${out} = ${hidden}。`,
  },

  // Stage 4: the broadcast.
  'explain.h4': { en: '4. The broadcast', ja: '4. 全層へ一斉に届く信号' },
  'explain.broadcast': {
    en: "The signal reaches every layer at the same moment, drawn as the arrows above the network. No layer waits for another, and no layer's update needs the weights of the layers after it.",
    ja: '信号はすべての層に同時に届きます (ネットワーク図の上の矢印)。どの層も他の層を待たず、後ろの層の重みを使うこともありません。',
  },
  'explain.layerSignal': { en: (layer, v) => `${layer} receives ${v}`, ja: (layer, v) => `${layer}が受け取る値 ${v}` },
  'explain.bpToggle': { en: "Show backprop's path beside it", ja: '逆伝播の経路も並べて表示' },
  'explain.bp': {
    en: "Backprop instead carries the error back one layer at a time (the numbered arrows under the network): each layer's error is computed from the next layer's error and weights, so the layers wait for each other, last to first.",
    ja: '逆伝播では、誤差を出力側から 1 層ずつ逆向きに運びます (図の下の番号付き矢印)。各層の誤差は 1 つ後ろの層の誤差と重みから計算されるので、層は後ろから順に待つことになります。',
  },

  // Stage 5: the update.
  'explain.h5': { en: '5. The update', ja: '5. 重みの更新' },
  'explain.learners': {
    en: (rise) =>
      rise
        ? 'The output must rise, so only weights from excitatory (+) sources learn. Weights from inhibitory (−) sources learn only when the output must fall; this time they stay as they are.'
        : 'The output must fall, so only weights from inhibitory (−) sources learn. Weights from excitatory (+) sources learn only when the output must rise; this time they stay as they are.',
    ja: (rise) =>
      rise
        ? '出力を上げるべきなので、学習するのは興奮性 (+) の入力元からの重みだけです。抑制性 (−) の入力元からの重みは出力を下げるべきときにだけ学習し、今回は変わりません。'
        : '出力を下げるべきなので、学習するのは抑制性 (−) の入力元からの重みだけです。興奮性 (+) の入力元からの重みは出力を上げるべきときにだけ学習し、今回は変わりません。',
  },
  // `heatmaps`: the root shows the weights' heatmaps too (an element may not).
  'explain.grew': {
    en: (n, of, max, heatmaps) =>
      `${n} of ${of} weights grew (marked on the network${heatmaps ? ' and the heatmaps' : ''}), the most by ${max}. Each grows along its own sign: |w| never shrinks.`,
    ja: (n, of, max, heatmaps) =>
      `${of} 個の重みのうち ${n} 個が大きくなりました (ネットワーク図${heatmaps ? 'とヒートマップ' : ''}に印)。最大の変化は ${max} です。どの重みも自分の符号の向きに育ち、|w| が小さくなることはありません。`,
  },
  'explain.rule': {
    en: (seed) =>
      seed
        ? "Δw = ±|f′(o) × δ| × x: the unit's gain times the source's value, signed like the connection."
        : "Δw = ±α × o (1 − o) × amine × x: the unit's gain times the source's value, signed like the connection.",
    ja: (seed) =>
      seed
        ? 'Δw = ±|f′(o) × δ| × x: ユニットのゲインと入力元の値の積に、結合の符号を付けたものです。'
        : 'Δw = ±α × o (1 − o) × アミン × x: ユニットのゲインと入力元の値の積に、結合の符号を付けたものです。',
  },
  'explain.point': {
    en: 'Point at (or tap) a connection or a heatmap cell to see its numbers.',
    ja: '結合かヒートマップのマスを指す (タップする) と、その数値が見られます。',
  },
  'explain.weight': { en: (from, to) => `${from} → ${to}`, ja: (from, to) => `${from} → ${to}` },
  'explain.formulaSeed': {
    en: (f, delta, gain, x, dw) => `Δw = ±|f′(o) × δ| × x = ±|${f} × ${delta}| × ${x} = ±${gain} × ${x} = ${dw}`,
    ja: (f, delta, gain, x, dw) => `Δw = ±|f′(o) × δ| × x = ±|${f} × ${delta}| × ${x} = ±${gain} × ${x} = ${dw}`,
  },
  'explain.formulaKaneko': {
    en: (f, amine, gain, x, dw) =>
      `Δw = ±o (1 − o) × α × amine × x = ±${f} × ${amine} × ${x} = ±${gain} × ${x} = ${dw}`,
    ja: (f, amine, gain, x, dw) =>
      `Δw = ±o (1 − o) × α × アミン × x = ±${f} × ${amine} × ${x} = ±${gain} × ${x} = ${dw}`,
  },
  'explain.moved': {
    en: (before, after) => `w: ${before} → ${after}`,
    ja: (before, after) => `w: ${before} → ${after}`,
  },
  'explain.resting': {
    en: (rise) =>
      `Its source is ${rise ? 'inhibitory (−)' : 'excitatory (+)'}: it learns only when the output must ${rise ? 'fall' : 'rise'}. Δw = 0; w stays`,
    ja: (rise) =>
      `入力元が${rise ? '抑制性 (−)' : '興奮性 (+)'}なので、出力を${rise ? '下げる' : '上げる'}べきときにだけ学習します。Δw = 0 で、w はそのまま`,
  },
  'explain.zeroX': {
    en: 'Its source emitted x = 0, so Δw = 0 × gain = 0; w stays',
    ja: '入力元の値が x = 0 なので Δw = 0 × ゲイン = 0 で、w はそのまま',
  },
  'explain.ended': {
    en: (epoch) => `This pattern ended epoch ${epoch}.`,
    ja: (epoch) => `このパターンでエポック ${epoch} が終わりました。`,
  },
};
