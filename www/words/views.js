// The words of views: see index.js. Each entry: `key: { en, ja }`.
/** A column's name: 0 the inputs, `last` the output. @param {number} c @param {number} last */
const name = (c, last) => (c === 0 ? 'input' : c === last ? 'output' : `hidden ${c}`);
/** @param {number} c @param {number} last */
const nameJa = (c, last) => (c === 0 ? '入力層' : c === last ? '出力層' : `隠れ層 ${c}`);
/** A unit's or source's sign by its place: even +, odd −. @param {number} i */
const sign = (i) => (i % 2 ? '−' : '+');

/** @type {import('./index.js').WordTable} */
export const VIEWS = {
  // The network view (www/network.js). `c`: a column (0 the inputs, `last` the output).
  'network.layer': { en: name, ja: nameJa },
  'network.layerShort': { en: (c) => `h${c}`, ja: (c) => `h${c}` },
  'network.bias': { en: (i) => `bias ${sign(i)}`, ja: (i) => `バイアス ${sign(i)}` },
  'network.input': { en: (j) => `input x${j >> 1}, ${sign(j)} copy`, ja: (j) => `入力 x${j >> 1} の ${sign(j)} 側` },
  'network.unit': {
    en: (c, last, j) => `${name(c, last)} unit ${j}`,
    ja: (c, last, j) => `${nameJa(c, last)}のユニット ${j}`,
  },
  'network.unitSign': {
    en: (i) => (i % 2 ? 'inhibitory (−)' : 'excitatory (+)'),
    ja: (i) => (i % 2 ? '抑制性 (−)' : '興奮性 (+)'),
  },
  'network.incoming': {
    en: (v) => `, its incoming weights' average size ${v}`,
    ja: (v) => `、入力側の重みの大きさの平均 ${v}`,
  },
  'network.edge': {
    en: (from, to, w, neg) => `${from} → ${to}: w = ${w}, ${neg ? 'inhibitory' : 'excitatory'}`,
    ja: (from, to, w, neg) => `${from} → ${to}: w = ${w}、${neg ? '抑制性' : '興奮性'}`,
  },

  // The weights view (www/weights.js).
  'weights.layer': {
    en: (l, count) => `${l === 0 ? 'input' : `hidden ${l}`} → ${l === count - 1 ? 'output' : `hidden ${l + 1}`}`,
    ja: (l, count) => `${l === 0 ? '入力層' : `隠れ層 ${l}`} → ${l === count - 1 ? '出力層' : `隠れ層 ${l + 1}`}`,
  },
  'weights.layerShort': {
    en: (l, count) => `${l === 0 ? 'input' : `h${l}`} → ${l === count - 1 ? 'output' : `h${l + 1}`}`,
    ja: (l, count) => `${l === 0 ? '入力' : `隠れ${l}`} → ${l === count - 1 ? '出力' : `隠れ${l + 1}`}`,
  },
  'weights.cell': {
    en: (layer, r, c, w) => `${layer}: source ${r} (${sign(r)}) → unit ${c} (${sign(c)}), w = ${w}`,
    ja: (layer, r, c, w) => `${layer}: 入力元 ${r} (${sign(r)}) → ユニット ${c} (${sign(c)})、w = ${w}`,
  },
  'weights.hover': { en: 'Hover a cell to read its weight.', ja: 'マスにポインタを重ねると、その重みが読めます。' },
  'weights.yLabel': { en: 'average weight size', ja: '重みの大きさの平均' },

  // The weights histogram (www/views/histogram.js): each layer's weight sizes, + and − apart.
  'histogram.heading': { en: 'Weight sizes', ja: '重みの大きさの分布' },
  'histogram.canvas': {
    en: "Histogram of each layer's weight sizes |w| on a log scale: excitatory weights (w > 0) above the line, inhibitory (w < 0) below",
    ja: '層ごとの重みの大きさ |w| のヒストグラム (対数目盛): 興奮性の重み (w > 0) は線の上、抑制性 (w < 0) は下',
  },
  'histogram.excitatory': { en: 'excitatory: w > 0', ja: '興奮性: w > 0' },
  'histogram.inhibitory': { en: 'inhibitory: w < 0', ja: '抑制性: w < 0' },
  'histogram.axis': { en: '|w|, log scale', ja: '|w| (対数目盛)' },
  'histogram.hover': {
    en: 'Hover or tap a bar to read its counts.',
    ja: '棒にポインタを重ねるかタップすると、その本数が読めます。',
  },
  'histogram.bin': {
    en: (layer, from, to, pos, neg) => `${layer}: |w| ${from} to ${to}: ${pos} excitatory (+), ${neg} inhibitory (−)`,
    ja: (layer, from, to, pos, neg) => `${layer}: |w| ${from} 〜 ${to}: 興奮性 (+) ${pos} 本、抑制性 (−) ${neg} 本`,
  },
  'histogram.mean': { en: 'mean', ja: '平均' },
  'histogram.note': {
    en: "Each layer's weights by size, on a log scale (each bar a half octave), excitatory above the line and inhibitory below; a tick marks each side's mean. ED only ever grows a weight, never shrinks it or flips its sign, so as it learns the histogram drifts right.",
    ja: '層ごとの重みを大きさで数えたものです (対数目盛、棒 1 本が半オクターブ)。興奮性は線の上、抑制性は下に描き、それぞれの平均に目盛りを付けています。ED は重みを大きくするだけで、小さくすることも符号を変えることもないので、学習が進むとヒストグラムは右へずれていきます。',
  },

  // The Output card's maps and key (www/output-maps.js).
  'output.class': { en: (k) => `class ${k}`, ja: (k) => `クラス ${k}` },
  'output.bit': {
    en: (k, outputs) => `sum bit ${outputs - 1 - k}`,
    ja: (k, outputs) => `和のビット ${outputs - 1 - k}`,
  },
  'output.test': { en: 'test (hollow)', ja: 'テストデータ (白抜き)' },
  'output.mapOf': { en: (name) => `Decision map of ${name} alone`, ja: (name) => `${name}だけの決定マップ` },
  'output.option': { en: (k) => `output ${k}`, ja: (k) => `出力 ${k}` },
  'output.classMaps': {
    en: 'Small maps: one class each, blue where it is that class.',
    ja: '小さなマップ: 1 つずつのクラスについて、そのクラスと判定された所が青。',
  },
  'output.bitMaps': {
    en: 'Small maps: one bit each, blue where it is 1.',
    ja: '小さなマップ: 1 ビットずつ、そのビットが 1 の所が青。',
  },
  'output.slice': {
    en: (rest) => `Maps over x0 and x1 with ${rest} = 0, and the points there.`,
    ja: (rest) => `マップは ${rest} = 0 としたときの x0・x1 平面と、そこにある点です。`,
  },

  // The truth table and the scores (www/truth-table.js).
  'table.truth': { en: 'Truth table', ja: '真理値表' },
  'table.output': { en: 'output', ja: '出力' },
  'table.outputs': { en: 'outputs', ja: '出力' },
  'table.target': { en: 'target', ja: '正解' },
  'table.scores': { en: 'Scores', ja: 'スコア' },
  'table.loss': { en: 'loss', ja: '損失' },
  'table.accuracy': { en: 'accuracy', ja: '正解率' },
  'table.train': { en: 'train', ja: '学習' },
  'table.test': { en: 'test', ja: 'テスト' },
  'table.edTrain': { en: 'ED train', ja: 'ED 学習' },
  'table.edTest': { en: 'ED test', ja: 'ED テスト' },
  'table.bpTrain': { en: 'backprop train', ja: '逆伝播 学習' },
  'table.bpTest': { en: 'backprop test', ja: '逆伝播 テスト' },

  // The loss chart (www/loss-chart.js) and every chart's x axis (www/chart.js).
  'chart.epoch': { en: 'epoch', ja: 'エポック' },
  // A chart whose library (vendor/uPlot.esm.js) did not load; the training goes on.
  'chart.missing': {
    en: (why) => `The chart could not load (${why}); the training goes on without it.`,
    ja: (why) => `グラフを読み込めませんでした (${why})。学習はグラフなしで続きます。`,
  },
  'loss.edTest': { en: 'ED test', ja: 'ED テスト' },
  // ED's training loss in a race, beside backprop's: the method first, then the loss it is under.
  'loss.edKind': { en: (kind) => `ED (${kind})`, ja: (kind) => `ED (${kind})` },
  'loss.bp': { en: 'Backprop', ja: '逆伝播' },
  'loss.bpTest': { en: 'Backprop test', ja: '逆伝播 テスト' },
  'loss.yLabel': { en: 'mean loss per epoch', ja: 'エポックごとの平均損失' },
  'loss.solved': { en: (e) => `solved: epoch ${e}`, ja: (e) => `解けた: エポック ${e}` },
  'loss.edSolved': { en: (e) => `ED solved: epoch ${e}`, ja: (e) => `ED が解けた: エポック ${e}` },
  'loss.bpSolved': { en: (e) => `backprop solved: epoch ${e}`, ja: (e) => `逆伝播が解けた: エポック ${e}` },
  'loss.kanekoStop': { en: (e) => `Kaneko's stop: epoch ${e}`, ja: (e) => `金子の停止条件: エポック ${e}` },
};
