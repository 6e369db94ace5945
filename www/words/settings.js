// The words around the parameters (the link's and the fields' messages, the
// help toggle, notices): see index.js. The parameters' own labels, help and
// refusals are the engine's schema's. Each entry: `key: { en, ja }`.
/** @type {import('./index.js').WordTable} */
export const SETTINGS = {
  // A link's refused value: `what` (“URL parameter”) “name” `error`; what is used instead.
  'settings.url-parameter': { en: 'URL parameter', ja: 'URL パラメータ' },
  'settings.refused': {
    en: (what, name, error, using) => `${what} “${name}” ${error}; ${using}.`,
    ja: (what, name, error, using) => `${what}「${name}」は ${error}。${using}。`,
  },
  'settings.using': { en: (value) => `using ${value}`, ja: (value) => `${value} を使います` },
  'settings.using-none': { en: 'using none', ja: 'なしにします' },
  'settings.using-default': { en: 'using the default', ja: '既定値を使います' },
  // A field's refused value: its label, then the engine's refusal.
  'settings.field-refused': {
    en: (label, error) => `${label} ${error}.`,
    ja: (label, error) => `${label}は ${error}。`,
  },
  'settings.help-show': { en: 'What these mean', ja: 'それぞれの意味' },
  'settings.help-hide': { en: 'Hide the explanations', ja: '説明を隠す' },
  'settings.random-seed': { en: 'Draw a random seed', ja: '乱数シードを引く' },
  'settings.dismiss': { en: 'Dismiss', ja: '閉じる' },
  // The speed slider's value: below one epoch a frame, and from one up.
  'settings.frames-per-epoch': {
    en: (frames) => `1 epoch every ${frames} frames`,
    ja: (frames) => `${frames} フレームに 1 エポック`,
  },
  'settings.epochs-per-frame': {
    en: (n, written) => `${written} epoch${n > 1 ? 's' : ''}/frame`,
    ja: (_n, written) => `${written} エポック/フレーム`,
  },
  // The sentence closing a task's note after its link.
  'settings.note-end': { en: '.', ja: '。' },
  'settings.changes-full': {
    en: (label, max) =>
      `${label}: a run holds at most ${max}, so that its link replays it. Reset to go on from these settings in a new run.`,
    ja: (label, max) =>
      `${label}: リンクで再現できるよう、1 回の学習に記録できるのは ${max} 個までです。この設定で続けるには、リセットして新しい学習を始めてください。`,
  },
};
