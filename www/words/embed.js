// The words of <ed-playground>, its iframe page and its messages to an author
// (a mistaken attribute, a missing engine): see index.js. Each entry:
// `key: { en, ja }`. Keys are `embed.what`. The English is the element's
// template's as written, and the attribute messages' as they were.
/** @param {string[]} xs */
const list = (xs) => xs.join(', ');
/** @param {string[]} xs */
const quoted = (xs) => xs.map((x) => `“${x}”`).join(', ');
/** @param {string[]} xs */
const kagi = (xs) => xs.map((x) => `「${x}」`).join('、');

/** @type {import('./index.js').WordTable} */
export const EMBED = {
  // The template's static texts and accessible names.
  'embed.step.title': { en: 'Step one epoch', ja: '1エポックだけ進める' },
  'embed.card.loss': { en: 'Loss', ja: '損失' },
  'embed.card.network': { en: 'Network', ja: 'ネットワーク' },
  'embed.card.output': { en: 'Output', ja: '出力' },
  'embed.map.ed': { en: 'ED', ja: 'ED法' },
  'embed.map.bp.caption': { en: 'Backprop', ja: '逆伝播' },
  'embed.truth': { en: 'Truth table', ja: '真理値表' },

  // When it cannot run.
  'embed.stopped': { en: 'stopped', ja: '停止しました' },
  'embed.reload': { en: 'Reload', ja: '再読み込み' },
  'embed.failed': {
    en: (why) => `ED Playground stopped: ${why}. `,
    ja: (why) => `ED Playground が停止しました: ${why}。`,
  },
  // The engine's file not where the element looks (missing.js): `answer` is the server's.
  'embed.missing': {
    en: (path, url, bundle, answer) =>
      `ED Playground cannot start: its learning engine is missing. Copy dist/${path} from the build ` +
      `to ${path} next to ${bundle}, that is to ${url} (it answered ${answer}).`,
    ja: (path, url, bundle, answer) =>
      `ED Playground を起動できません: 学習エンジンのファイルが見つかりません。ビルドの dist/${path} を ` +
      `${bundle} の隣の ${path}、つまり ${url} にコピーしてください（サーバーの応答: ${answer}）。`,
  },
  'embed.missingAt': {
    en: (url, answer) =>
      `ED Playground cannot start: its learning engine is missing. Copy dist/pkg/ed_playground_bg.wasm ` +
      `from the build to ${url}, where the wasm-url attribute says it is (it answered ${answer}).`,
    ja: (url, answer) =>
      `ED Playground を起動できません: 学習エンジンのファイルが見つかりません。ビルドの dist/pkg/ed_playground_bg.wasm を、` +
      `wasm-url 属性が示す ${url} にコピーしてください（サーバーの応答: ${answer}）。`,
  },
  // The engine's file is there but is not this build's (another version's wasm, a damaged copy).
  'embed.wrongEngine': {
    en: (url, bundle, why) =>
      `ED Playground cannot start: the learning engine at ${url} is not the one ${bundle} was built with ` +
      `(another version, or a damaged copy: ${why}). Copy dist/pkg/ed_playground_bg.wasm from the same build as ${bundle} there.`,
    ja: (url, bundle, why) =>
      `ED Playground を起動できません: ${url} の学習エンジンは ${bundle} と同じビルドのものではありません` +
      `（別のバージョンか、壊れたコピーです: ${why}）。${bundle} と同じビルドの dist/pkg/ed_playground_bg.wasm をそこにコピーしてください。`,
  },
  'embed.answer.page': {
    en: (type) => `with a ${type} page, not the engine`,
    ja: (type) => `エンジンではなく ${type} のページ`,
  },

  // An attribute's mistakes (attributes.js), for the author: in the console and in the figure.
  // controls="…,explain" without the network view, which the explanation is drawn on.
  'embed.explainAlone': {
    en: 'Control “explain” needs the network view, which Explain one step draws its update on: add network to views (views="chart,network"). Left out.',
    ja: 'コントロール「explain」にはネットワークの表示が必要です (1 ステップの解説はその上に更新を描きます)。views に network を加えてください (views="chart,network")。今回は表示しません。',
  },
  'embed.value': {
    en: (attr, error, using) => `Attribute “${attr}” ${error}; using ${using}.`,
    // After a question (“…のことですか？”) no full stop.
    ja: (attr, error, using) => `属性「${attr}」: ${error}${/[？?]$/.test(error) ? ' ' : '。'}${using} を使います。`,
  },
  'embed.default': { en: 'the default', ja: '既定値' },
  'embed.none': { en: 'none', ja: 'なし' },
  'embed.unknown': {
    en: (attr, value, meant, all) =>
      meant
        ? `“${attr}” is not an attribute of ED Playground: did you mean ${meant}="${value}"? Ignored.`
        : `“${attr}” is not an attribute of ED Playground (it takes ${list(all)}); ignored.`,
    ja: (attr, value, meant, all) =>
      meant
        ? `「${attr}」は ED Playground の属性ではないので無視します。${meant}="${value}" のことですか？`
        : `「${attr}」は ED Playground の属性ではないので無視します（使える属性: ${list(all)}）。`,
  },
  'embed.tokens': {
    en: (attr, bad, allowed, meant, kept) =>
      `Attribute “${attr}” has ${quoted(bad)}, not one of ${list(allowed)}${
        meant.length ? ` (did you mean ${list(meant)}?)` : ''
      }; using ${kept.length ? list(kept) : 'none'}.`,
    ja: (attr, bad, allowed, meant, kept) =>
      `属性「${attr}」の ${kagi(bad)} は指定できません（${list(allowed)} から選びます）。${
        meant.length ? `${list(meant)} のことですか？ ` : ''
      }${kept.length ? list(kept) : 'なし'} を使います。`,
  },
  'embed.oneOf': {
    en: (values) => `must be one of ${list(values)}`,
    ja: (values) => `${list(values)} のいずれかを指定してください`,
  },
  'embed.notValue': { en: (text) => `, not “${text}”`, ja: (text) => `（「${text}」は使えません）` },
  'embed.meant': { en: (value) => ` (did you mean ${value}?)`, ja: (value) => `。${value} のことですか？` },
  'embed.oldHidden': {
    en: (value, also) =>
      also
        ? `<ed-playground hidden="${value}">: “hidden” is HTML's attribute for hiding an element, not the layer sizes; ignored, as “layers” gives them.`
        : `<ed-playground hidden="${value}">: “hidden” is HTML's attribute for hiding an element (a site's [hidden] { display: none } hides it), not the layer sizes; read as layers="${value}" this time. Write layers="${value}".`,
    ja: (value, also) =>
      also
        ? `<ed-playground hidden="${value}">:「hidden」は要素を隠すための HTML の属性で、層のサイズではありません。層のサイズは「layers」で指定されているので、無視します。`
        : `<ed-playground hidden="${value}">:「hidden」は要素を隠すための HTML の属性で（サイトの [hidden] { display: none } で隠れてしまいます）、層のサイズではありません。今回は layers="${value}" として読みました。layers="${value}" と書いてください。`,
  },
  // wasm-url (wasm-url.js).
  'embed.wasm.notUrl': {
    en: (text, used) =>
      `Attribute “wasm-url” must be an http or https URL, not “${text}”; the engine loads from ${used}.`,
    ja: (text, used) =>
      `属性「wasm-url」には http か https の URL を指定してください（「${text}」は使えません）。エンジンは ${used} から読み込みます。`,
  },
  'embed.wasm.ignored': {
    en: (text, used) =>
      `Attribute “wasm-url” (“${text}”) is ignored: every <ed-playground> on a page shares one engine, ` +
      `and it loads from ${used} (the first one with a wasm-url decides).`,
    ja: (text, used) =>
      `属性「wasm-url」（「${text}」）は無視します: ページ上の <ed-playground> はすべて一つのエンジンを共有し、` +
      `エンジンは ${used} から読み込みます（最初に wasm-url を持つ要素の指定が使われます）。`,
  },
};
