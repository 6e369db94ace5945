// The words of the run's lines (the status line, the race line, the solved
// panel, a frozen or diverged run's explanation, the run's notices, the file
// buttons, the banner): see index.js. Each entry: `key: { en, ja }`, a string
// or a function of its values. Numbers come in already formatted for the
// language (the caller formats them with `w.locale`).

// The engine's solved rule (src/train/solve.rs, `solved_rule`), a plain English
// string: its Japanese by its English, the English itself if it is new.
/** @type {Record<string, string>} */
const RULES_JA = {
  'every pattern right and mean loss under 0.05': 'すべてのパターンに正解し、平均損失が 0.05 未満',
  '95% of the training points right and mean loss under 0.05': '訓練データの点の 95% に正解し、平均損失が 0.05 未満',
};

/** @type {import('./index.js').WordTable} */
export const RUN = {
  // The status line: `epoch N · loss X · …`.
  'status.epochLoss': {
    en: (epoch, loss) => `epoch ${epoch} · loss ${loss}`,
    ja: (epoch, loss) => `エポック ${epoch} · 損失 ${loss}`,
  },
  // "1 epoch", "0.5 epochs", "12 epochs": a count as written.
  'status.perSecond': { en: (n) => `${n} epoch${n === '1' ? '' : 's'}/s`, ja: (n) => `${n} エポック/秒` },
  'status.capped': {
    en: (n) => `capped at ${n} epoch${n === '1' ? '' : 's'}/frame`,
    ja: (n) => `上限 ${n} エポック/フレーム`,
  },
  'status.paused': { en: 'paused', ja: '一時停止中' },
  'status.solved': { en: (at) => `solved at epoch ${at}`, ja: (at) => `エポック ${at} で解けた` },
  'status.diverged': { en: (at) => `diverged at epoch ${at}`, ja: (at) => `エポック ${at} で発散` },
  'status.opening': {
    en: (at, percent) => `opening at epoch ${at} (${percent} %)`,
    ja: (at, percent) => `エポック ${at} まで再現中 (${percent} %)`,
  },
  'status.loading': { en: 'loading the learning engine…', ja: '学習エンジンを読み込み中…' },
  // The race line: each method's clock.
  'race.diverged': { en: (at) => `diverged at epoch ${at}`, ja: (at) => `エポック ${at} で発散` },
  'race.notYet': { en: (loss) => `not yet (loss ${loss})`, ja: (loss) => `まだ (損失 ${loss})` },
  'race.solved': { en: (at) => `solved at epoch ${at}`, ja: (at) => `エポック ${at} で解けた` },
  'race.lost': {
    en: (at, lost, loss) => `solved at epoch ${at}, lost at epoch ${lost} (loss ${loss})`,
    ja: (at, lost, loss) => `エポック ${at} で解けたが、エポック ${lost} で崩れた (損失 ${loss})`,
  },
  'race.line': {
    en: (ed, bp, rule) => `ED ${ed} · backprop ${bp} · solved: ${rule}`,
    ja: (ed, bp, rule) => `ED ${ed} · 逆伝播 ${bp} · 解けた条件: ${rule}`,
  },
  'run.solvedRule': { en: (rule) => rule, ja: (rule) => RULES_JA[rule] ?? rule },
  'diverged.text': {
    en: (at, loss, lr) =>
      `Training diverged at epoch ${at}: the ${loss} loss became infinite or not a number at learning rate ${lr}. Training has stopped; the views show the last finite weights. Lower the learning rate, then reset.`,
    ja: (at, loss, lr) =>
      `エポック ${at} で学習が発散しました。学習率 ${lr} で ${loss} の損失が無限大か非数 (NaN) になったためです。学習は止まっていて、表示は最後の有限な重みのものです。学習率を下げてからリセットしてください。`,
  },
  // The transport's play button names what it does now.
  'play.play': { en: 'Play', ja: '再生' },
  'play.pause': { en: 'Pause', ja: '一時停止' },
  'play.key': { en: ' (space)', ja: ' (スペース)' },
  // The solved panel.
  'solved.text': {
    en: (at, rule) => `Solved at epoch ${at}: ${rule}.`,
    ja: (at, rule) => `エポック ${at} で解けました: ${rule}。`,
  },
  'solved.race': {
    en: (ed, bp, rule) => `ED solved the task at epoch ${ed}, backprop ${bp}. Solved: ${rule}.`,
    ja: (ed, bp, rule) => `ED はエポック ${ed} で課題を解き、逆伝播は${bp}。解けた条件: ${rule}。`,
  },
  'solved.bpSolved': { en: (at) => `at epoch ${at}`, ja: (at) => `エポック ${at} で解きました` },
  'solved.bpDiverged': { en: (at) => `diverged at epoch ${at}`, ja: (at) => `エポック ${at} で発散しました` },
  // A frozen run (frozen.js).
  'frozen.one': { en: 'every output is pinned at 1', ja: 'すべての出力が 1 に張り付き' },
  'frozen.zero': { en: 'every output is pinned at 0', ja: 'すべての出力が 0 に張り付き' },
  'frozen.mixed': { en: 'every output is pinned at 0 or 1', ja: 'すべての出力が 0 か 1 に張り付き' },
  'frozen.still': { en: 'the outputs no longer change', ja: '出力はもう変わらず' },
  'frozen.stuck': {
    en: (epoch, outputs) => `Stuck since epoch ${epoch}: ${outputs}, and the loss no longer moves.`,
    ja: (epoch, outputs) => `エポック ${epoch} から止まっています。${outputs}、損失ももう動きません。`,
  },
  // The loss was switched to BCE before it froze.
  'frozen.bceSwitch': {
    en: (seedRule) =>
      `${seedRule ? "Under the loss-based rule (the article's), " : ''}BCE's error signal saturated the hidden units after the switch; ED only ever grows weights, so this run cannot come back, and switching back does not help.`,
    ja: (seedRule) =>
      `${seedRule ? '損失関数ベースの学習則では、' : ''}BCE に切り替えた後、その誤差信号が隠れ層のユニットを飽和させました。ED は重みを大きくする一方なので、この学習はもう元に戻らず、損失関数を戻しても効きません。`,
  },
  // At a rate above the rule's default.
  'frozen.rate': {
    en: (lr) =>
      `At learning rate ${lr} the updates saturated every unit; ED only ever grows weights, so this run cannot come back, and lowering the rate now does not help.`,
    ja: (lr) =>
      `学習率 ${lr} では、更新がすべてのユニットを飽和させました。ED は重みを大きくする一方なので、この学習はもう元に戻らず、いま学習率を下げても効きません。`,
  },
  // BCE from the start.
  'frozen.bce': {
    en: (seedRule) =>
      `${seedRule ? "Under the loss-based rule (the article's), " : ''}BCE's error signal saturated the hidden units; ED only ever grows weights, so this run cannot come back.`,
    ja: (seedRule) =>
      `${seedRule ? '損失関数ベースの学習則では、' : ''}BCE の誤差信号が隠れ層のユニットを飽和させました。ED は重みを大きくする一方なので、この学習はもう元に戻りません。`,
  },
  'frozen.other': {
    en: 'Its units saturated; ED only ever grows weights, so this run cannot come back.',
    ja: 'ユニットが飽和しました。ED は重みを大きくする一方なので、この学習はもう元に戻りません。',
  },
  'frozen.withLoss': { en: (loss) => `Start again with ${loss}`, ja: (loss) => `${loss} でやり直す` },
  'frozen.atRate': { en: (lr) => `Start again at learning rate ${lr}`, ja: (lr) => `学習率 ${lr} でやり直す` },
  // "Copy link" (copy-link.js).
  'copyLink.idle': { en: 'Copy link', ja: 'リンクをコピー' },
  'copyLink.done': { en: 'Link copied', ja: 'コピーしました' },
  'copyLink.failed': { en: 'Copy this link:', ja: 'このリンクをコピー:' },
  // The run's notices.
  'notice.loaded': {
    en: (name, epoch) =>
      `Loaded ${name} at epoch ${epoch}. The link now gives its settings from epoch 0, not its trained weights.`,
    ja: (name, epoch) =>
      `${name} をエポック ${epoch} の状態で読み込みました。リンクが伝えるのはこの設定でエポック 0 から始める学習で、学習済みの重みではありません。`,
  },
  'notice.seedFallback': {
    en: (message) => `${message}; using the seed's setting instead.`,
    ja: (message) => `${message}。代わりに既定の設定を使います。`,
  },
  // The file buttons (files.js).
  'files.saveFailed': {
    en: (message) => `Could not save: ${message}.`,
    ja: (message) => `保存できませんでした: ${message}。`,
  },
  'files.loadFailed': {
    en: (name, message) => `Could not load ${name}: ${message}. The current run goes on unchanged.`,
    ja: (name, message) => `${name} を読み込めませんでした: ${message}。いまの学習はそのまま続きます。`,
  },
  // The files module (app/files-module.js) did not load: said inside the two above.
  'files.module': {
    en: (url, why) =>
      `the part of ED Playground that reads and writes files did not load from ${url} (${why}); the site may lack pkg/ed_files_bg.wasm, or the connection dropped. Try again, or reload the page`,
    ja: (url, why) =>
      `ファイルを読み書きする ED Playground の部分を ${url} から読み込めませんでした (${why})。サイトに pkg/ed_files_bg.wasm がないか、接続が切れた可能性があります。もう一度試すか、ページを再読み込みしてください`,
  },
  'files.tooLarge': {
    en: (name, mb) => `${name} is ${mb} MB; a model file is far smaller`,
    ja: (name, mb) => `${name} は ${mb} MB あります。モデルのファイルはずっと小さいはずです`,
  },
  // The banner (boot.js).
  'boot.stopped': {
    en: (reason) => `ED Playground stopped: ${reason}. Reload the page to start again.`,
    ja: (reason) => `ED Playground が停止しました: ${reason}。ページを再読み込みしてやり直してください。`,
  },
};
