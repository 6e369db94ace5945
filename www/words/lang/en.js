// A figure's words in English: the build keeps only the English texts
// (scripts/words-by-language.mjs); words/index.js `learn` loads it.
export { TABLES } from '../figure.js';
