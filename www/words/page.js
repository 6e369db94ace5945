// The words of the page's own markup and controls: see index.js. Each entry:
// `key: { en, ja }`. Keys are `part.what`. The English of an entry marked in
// index.html (`data-w`, `data-w-label`, `data-w-title`) is the markup's, as written.
/** @type {import('./index.js').WordTable} */
export const PAGE = {
  'page.title': {
    en: 'ED Playground: error diffusion learning, live in your browser',
    ja: 'ED Playground: 誤差拡散学習法をブラウザでライブ体験',
  },
  'page.description': {
    en: "Train a neural network live with Isamu Kaneko's error diffusion (ED) learning rule: excitatory and inhibitory units, one broadcast error, no backpropagation.",
    ja: '金子勇の誤差拡散学習法 (ED法) で、ニューラルネットワークをブラウザの中で学習させてみましょう。興奮性と抑制性のユニット、全層に同時に届く一つの誤差信号、誤差逆伝播法なし。',
  },
  'page.footer': {
    en: "ED Playground: Kaneko's error diffusion learning, written in Rust and compiled to WebAssembly. Charts by uPlot.",
    ja: 'ED Playground: 金子勇の誤差拡散学習法を Rust で書き、WebAssembly にコンパイルしたものです。グラフは uPlot で描いています。',
  },
  // The masthead's lede, in three pieces around its emphasis.
  // The banners.
  // The bar: transport, status, sharing.
  'bar.label': { en: 'Training controls', ja: '学習の操作' },
  'bar.reset': { en: 'Reset', ja: 'リセット' },
  'bar.resetTitle': { en: 'Reset (r)', ja: 'リセット (r)' },
  'bar.play': { en: 'Play', ja: '再生' },
  'bar.playTitle': { en: 'Play (space)', ja: '再生 (スペース)' },
  'bar.step': { en: 'Step', ja: '1 エポック進める' },
  'bar.stepTitle': { en: 'Step one epoch (s)', ja: '1 エポック進める (s)' },
  'bar.copyLinkTitle': {
    en: 'Copy a link that opens this run at this epoch, paused',
    ja: 'この学習をこのエポックで一時停止した状態で開くリンクをコピーします',
  },
  'bar.copyLinkText': { en: "This moment's link", ja: 'この瞬間のリンク' },
  'bar.embed': { en: 'Embed this', ja: '埋め込む' },
  'bar.embedTitle': {
    en: 'The code to put this run, as it is set now, in a blog post or a web page',
    ja: 'いまの設定のこの学習をブログ記事やウェブページに載せるためのコード',
  },
  'bar.settings': { en: 'Settings', ja: '設定' },
  // Presentation mode (present.js).
  // The "Embed this" dialog (share.js). The snippets themselves are code.
  // The clipboard was refused (an older browser, a page without permission): the text is selected instead.
  // The iframe's title, for the author's readers.
  // The alerts and the solved panel over the views.
  'diverged.short': { en: 'Training diverged.', ja: '学習が発散しました。' },
  'diverged.reset': { en: 'Reset', ja: 'リセット' },
  'solved.label': { en: 'Solved', ja: '解けました' },
  'solved.short': { en: 'Solved.', ja: '解けました。' },
  'solved.replay': { en: 'Replay', ja: 'もう一度再生' },
  'solved.keep': { en: 'Keep training', ja: '学習を続ける' },
  'solved.close': { en: 'Close', ja: '閉じる' },
  // The Network card.
  'page.network.heading': { en: 'Network', ja: 'ネットワーク' },
  'page.network.subNet': { en: 'Sub-network', ja: 'サブネットワーク' },
  'page.network.units': { en: 'Units', ja: 'ユニット' },
  'page.network.excitatory': { en: 'excitatory', ja: '興奮性' },
  'page.network.inhibitory': { en: 'inhibitory', ja: '抑制性' },
  'page.network.connections': { en: 'Connections', ja: '結合' },
  'page.network.positive': { en: 'weight > 0: joins two of a kind', ja: '重み > 0: 同じ種類どうしを結ぶ' },
  'page.network.negative': { en: 'weight < 0: joins + and −', ja: '重み < 0: + と − を結ぶ' },
  'page.network.aboutHead': { en: 'How ED learns.', ja: 'ED法の学習のしくみ。' },
  'page.network.about': {
    en: "Every unit is excitatory (+) or inhibitory (−); a connection's sign is set by the two units it joins, so learning makes a weight stronger but never flips it. One error signal reaches every layer at once, with no backpropagation: if the output must rise, connections from + units grow; if it must fall, those from − units.",
    ja: 'どのユニットも興奮性 (+) か抑制性 (−) のどちらかで、結合の符号はつなぐ2つのユニットの種類で決まります。そのため学習で重みが強くなることはあっても、符号が反転することはありません。誤差信号は一つだけで、誤差逆伝播なしにすべての層へ同時に届きます。出力を上げるべきときは + ユニットからの結合が、下げるべきときは − ユニットからの結合が強くなります。',
  },
  'page.network.canvas': {
    en: 'The network: units as + or − circles, connections coloured by sign, wider for larger weights',
    ja: 'ネットワーク: ユニットは + か − の円、結合は符号で色分けし、重みが大きいほど太く描いています',
  },
  'page.network.note': {
    en: 'Each input comes in twice, as a + copy and a − copy, and the units of every layer alternate +, −, +, …; a connection is excitatory when both its ends are the same kind. Line width and depth show |w| within each layer. Hover or tap a unit or a connection; a unit shows what it emits over the input square.',
    ja: '各入力は + のコピーと − のコピーの2つとして入り、各層のユニットは +, −, +, … と交互に並びます。両端が同じ種類の結合は興奮性です。線の太さと濃さは層ごとの |w| を表します。ユニットや結合にポインターを乗せるかタップしてみてください。ユニットは入力の正方形全体での出力を表示します。',
  },
  // The Weights card.
  'page.weights.heading': { en: 'Weights', ja: '重み' },
  'page.weights.key': { en: 'rows: sources · columns: units', ja: '行: 入力元 · 列: ユニット' },
  'page.weights.note': {
    en: "The checkerboard is ED's sign rule at work. Each layer's average weight size (mean |w|) only ever rises: ED grows weights, it never shrinks them.",
    ja: '市松模様は ED の符号の規則の表れです。各層の重みの平均の大きさ (平均 |w|) は増える一方です。ED は重みを大きくするだけで、小さくすることはありません。',
  },
  // The Output card.
  'page.output.heading': { en: 'Output', ja: '出力' },
  'page.output.map': {
    en: "Decision map: the network's output over the input square, with the training points filled and the test points as rings",
    ja: '決定マップ: 入力の正方形全体でのネットワークの出力。訓練データの点は塗りつぶし、テストデータの点は輪で表示',
  },
  'page.output.mapBp': { en: "Backprop's decision map, with the same points", ja: '逆伝播の決定マップ (同じ点を表示)' },
  'page.output.backprop': { en: 'Backprop', ja: '逆伝播' },
  'page.output.truth': { en: 'Truth table', ja: '真理値表' },
  // The Loss card.
  'page.loss.heading': { en: 'Loss', ja: '損失' },
  'page.loss.note': {
    en: "Mean loss per epoch, log scale. Change the loss function while it trains: a dashed line marks the switch and the curve goes on in the new loss's colour.",
    ja: 'エポックごとの平均損失 (対数目盛)。学習中に損失関数を切り替えると、その位置に破線が入り、曲線は新しい損失関数の色で続きます。',
  },
  // The This run card.
  'run.heading': { en: 'This run', ja: 'この学習' },
  'run.saveCsv': { en: 'Download loss (CSV)', ja: '損失をダウンロード (CSV)' },
  'run.saveJson': { en: 'Download model (JSON)', ja: 'モデルをダウンロード (JSON)' },
  'run.load': { en: 'Load model…', ja: 'モデルを読み込む…' },
  'run.keyboard': { en: 'Keyboard: ', ja: 'キーボード: ' },
  'run.keySpace': { en: 'Space', ja: 'スペース' },
  'run.keyPlay': { en: ' play / pause · ', ja: ' 再生 / 一時停止 · ' },
  'run.keyStep': { en: ' step one epoch · ', ja: ' 1 エポック進める · ' },
  'run.keyReset': { en: ' reset', ja: ' リセット' },
  'run.note': {
    en: 'The address bar always holds a link that replays this run, loss switches included.',
    ja: 'アドレスバーには、損失関数の切り替えも含めてこの学習を再現するリンクが常に入っています。',
  },
};
