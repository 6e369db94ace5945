// The words of the page's own markup and controls: see index.js. Each entry:
// `key: { en, ja }`. Keys are `part.what`.
export const PAGE = {
  // The language switch names the language it switches to, in that language.
  'language.en': { en: 'English', ja: 'English' },
  'language.ja': { en: '日本語', ja: '日本語' },
};
