// A figure's words in Japanese: the build keeps only the Japanese texts
// (scripts/words-by-language.mjs); words/index.js `learn` loads it.
export { TABLES } from '../figure.js';
