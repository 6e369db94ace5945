// The words of the page's own markup and controls: see index.js. Each entry:
// `key: { en, ja }`. Keys are `part.what`. The English of an entry marked in
// index.html (`data-w`, `data-w-label`, `data-w-title`) is the markup's, as written.
/** @type {import('./index.js').WordTable} */
export const PAGE = {
  // The language switch names the language it switches to, in that language.
  'language.en': { en: 'English', ja: 'English' },
  'language.ja': { en: '日本語', ja: '日本語' },

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
  'masthead.lede1': { en: "Watch a neural network learn by Isamu Kaneko's ", ja: '金子勇の' },
  'masthead.lede2': { en: 'error diffusion', ja: '誤差拡散学習法' },
  'masthead.lede3': {
    en: ' (ED, 1999), a learning rule without backpropagation.',
    ja: ' (ED法、1999年) で、ニューラルネットワークが学習する様子を見てみましょう。誤差逆伝播法を使わない学習則です。',
  },
  // The banners.
  'banner.reload': { en: 'Reload', ja: '再読み込み' },
  'banner.noWasm': {
    en: 'ED Playground runs its learning code as WebAssembly, which this browser does not offer (or has turned off). A current Firefox, Chrome, Edge or Safari will run it.',
    ja: 'ED Playground は学習のコードを WebAssembly で動かしますが、このブラウザでは使えません (または無効になっています)。最新の Firefox、Chrome、Edge、Safari なら動きます。',
  },
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
  'present.enter': { en: 'Present', ja: '発表モード' },
  'present.enterHelp': {
    en: 'Presentation mode: the network, the map and the loss chart on one screen, in large type',
    ja: '発表モード: ネットワーク、決定マップ、損失のグラフを大きな文字で一画面に表示します',
  },
  'present.exit': { en: 'Exit presentation', ja: '発表モードを終了' },
  'present.exitHelp': { en: 'Leave presentation mode (Esc)', ja: '発表モードを終了します (Esc)' },
  // The "Embed this" dialog (share.js). The snippets themselves are code.
  'embedThis.heading': { en: 'Embed this run', ja: 'この学習を埋め込む' },
  'embedThis.close': { en: 'Close', ja: '閉じる' },
  'embedThis.closeTitle': { en: 'Close (Esc)', ja: '閉じる (Esc)' },
  'embedThis.intro': {
    en: 'Put this figure in a blog post or a course page: these settings, from epoch 0, training as it opens (with any loss or learning-rate switch you made, at its epoch).',
    ja: 'この図をブログ記事や授業のページに載せられます。いまの設定で、開くとエポック 0 から学習を始めます (損失関数や学習率を切り替えていれば、そのエポックで同じように切り替わります)。',
  },
  'embedThis.asElement': { en: 'As an element', ja: '要素として' },
  'embedThis.elementCode': { en: "The element's code", ja: '要素のコード' },
  'embedThis.asIframe': { en: 'As an iframe', ja: 'iframe として' },
  'embedThis.iframeCode': { en: "The iframe's code", ja: 'iframe のコード' },
  'embedThis.note1': {
    en: 'The script loads from this site. To serve it from yours (a site that allows only its own scripts must), copy ',
    ja: 'スクリプトはこのサイトから読み込まれます。自分のサイトから配信するには (自サイトのスクリプトしか許さないサイトでは必須です)、',
  },
  'embedThis.note2': { en: ' and ', ja: ' と ' },
  'embedThis.note3': { en: ' there, side by side as here, and point ', ja: ' をここと同じ並びでそこへコピーし、' },
  'embedThis.note4': { en: ' at your copy.', ja: ' をそのコピーに向けてください。' },
  'embedThis.frame1': { en: 'The page ', ja: 'このサイトのページ ' },
  'embedThis.frame2': {
    en: ' of this site, in a frame: nothing to copy but the code.',
    ja: ' をフレームで表示します。コピーするのはこのコードだけです。',
  },
  'embedThis.example': { en: 'An example post', ja: '記事の例' },
  'embedThis.exampleRest': {
    en: ' with four live figures, and the attributes they take.',
    ja: ': 動く図が4つと、それぞれの属性。',
  },
  'embedThis.copy': { en: 'Copy', ja: 'コピー' },
  'embedThis.copied': { en: 'Copied', ja: 'コピーしました' },
  // The clipboard was refused (an older browser, a page without permission): the text is selected instead.
  'embedThis.selected': {
    en: 'Selected: press Ctrl+C (⌘C on a Mac) to copy',
    ja: '選択しました: Ctrl+C (Mac では ⌘C) でコピーしてください',
  },
  // The iframe's title, for the author's readers.
  'embedThis.title': {
    en: 'ED Playground: a live error diffusion experiment',
    ja: 'ED Playground: 誤差拡散学習法のライブ実験',
  },
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
