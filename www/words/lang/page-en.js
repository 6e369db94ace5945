// The words only the page says, in English: the build keeps only the English
// texts (scripts/words-by-language.mjs); the page's start (app/boot.js) loads it.
import { PAGE_ONLY } from '../page-only.js';
import { CARDS } from '../cards.js';

/** @type {Record<string, import('../index.js').WordTable>} */
export const TABLES = { PAGE_ONLY, CARDS };
