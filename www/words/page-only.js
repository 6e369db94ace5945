// The words only the page itself says (its masthead, banners, the Embed this
// dialog, presentation mode, the language switch): the page's start (boot.js)
// adds them; an <ed-playground> figure never downloads them.
/** @type {import('./index.js').WordTable} */
export const PAGE_ONLY = {
  // The language switch names the language it switches to, in that language.
  'language.en': { en: 'English', ja: 'English' },
  'language.ja': { en: '日本語', ja: '日本語' },
  'masthead.lede1': { en: "Watch a neural network learn by Isamu Kaneko's ", ja: '金子勇の' },
  'masthead.lede2': { en: 'error diffusion', ja: '誤差拡散学習法' },
  'masthead.lede3': {
    en: ' (ED, 1999), a learning rule without backpropagation.',
    ja: ' (ED法、1999年) で、ニューラルネットワークが学習する様子を見てみましょう。誤差逆伝播法を使わない学習則です。',
  },
  'banner.reload': { en: 'Reload', ja: '再読み込み' },
  'banner.noWasm': {
    en: 'ED Playground runs its learning code as WebAssembly, which this browser does not offer (or has turned off). A current Firefox, Chrome, Edge or Safari will run it.',
    ja: 'ED Playground は学習のコードを WebAssembly で動かしますが、このブラウザでは使えません (または無効になっています)。最新の Firefox、Chrome、Edge、Safari なら動きます。',
  },
  'present.enter': { en: 'Present', ja: '発表モード' },
  'present.enterHelp': {
    en: 'Presentation mode: the network, the map and the loss chart on one screen, in large type',
    ja: '発表モード: ネットワーク、決定マップ、損失のグラフを大きな文字で一画面に表示します',
  },
  'present.exit': { en: 'Exit presentation', ja: '発表モードを終了' },
  'present.exitHelp': { en: 'Leave presentation mode (Esc)', ja: '発表モードを終了します (Esc)' },
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
  'embedThis.selected': {
    en: 'Selected: press Ctrl+C (⌘C on a Mac) to copy',
    ja: '選択しました: Ctrl+C (Mac では ⌘C) でコピーしてください',
  },
  'embedThis.title': {
    en: 'ED Playground: a live error diffusion experiment',
    ja: 'ED Playground: 誤差拡散学習法のライブ実験',
  },
};
