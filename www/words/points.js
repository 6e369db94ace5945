// The words of the reader's own points (www/panels/points.js): see index.js. Each entry: `key: { en, ja }`.
/** @type {import('./index.js').WordTable} */
export const POINTS = {
  'points.tools': { en: 'Your points', ja: '自分で置いた点' },
  'points.classGroup': { en: 'Class of a new point', ja: '新しく置く点のクラス' },
  'points.class': { en: (k) => `class ${k}`, ja: (k) => `クラス ${k}` },
  'points.remove': { en: 'Remove', ja: '消す' },
  'points.removeHelp': {
    en: 'Remove mode: tap a point to remove it (a click right on a point removes it in either mode).',
    ja: '消すモード: 点をタップすると消えます (点の真上をクリックすると、どちらのモードでも消えます)。',
  },
  'points.clear': { en: 'Clear', ja: 'すべて消す' },
  'points.load': { en: 'Load CSV…', ja: 'CSV を読み込む…' },
  'points.save': { en: 'Save CSV', ja: 'CSV で保存' },
  'points.none': {
    en: 'No points yet: click or tap the map to place some. Training starts with the first.',
    ja: 'まだ点がありません。マップをクリック (タップ) して置いてください。最初の点から学習が始まります。',
  },
  'points.count': {
    en: (n) => `${n} point${n === '1' ? '' : 's'}; the link holds them.`,
    ja: (n) => `${n} 点。リンクにすべて含まれます。`,
  },
  'points.overLink': {
    en: (n, max) =>
      `${n} points: more than the ${max} a link holds, so the link leaves them out. Save them as CSV to share them.`,
    ja: (n, max) =>
      `${n} 点: リンクに含められる ${max} 点を超えているため、リンクには入りません。共有するには CSV で保存してください。`,
  },
  'points.full': {
    en: (max) => `A set holds at most ${max} points; remove some to add more.`,
    ja: (max) => `置ける点は ${max} 点までです。追加するには、いくつか消してください。`,
  },
  'points.loaded': {
    en: (name, n) => `Loaded ${n} points from ${name}.`,
    ja: (name, n) => `${name} から ${n} 点を読み込みました。`,
  },
  'points.loadFailed': {
    en: (name, why) => `Could not load ${name}: ${why}. Nothing was loaded; your points are as they were.`,
    ja: (name, why) => `${name} を読み込めませんでした: ${why}。何も読み込んでいません。点は元のままです。`,
  },
};
