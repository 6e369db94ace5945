// What Explain one step's walk says, in English: loaded with the walk (the build
// keeps only the English texts, scripts/words-by-language.mjs).
import { EXPLAIN_STAGES } from '../explain-stages.js';

/** @type {Record<string, import('../index.js').WordTable>} */
export const TABLES = { EXPLAIN_STAGES };
