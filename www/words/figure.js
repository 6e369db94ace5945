// The tables every figure says (the page and an <ed-playground> alike): the
// language modules in lang/ load them, each with one language's texts once
// built (scripts/words-by-language.mjs).
import { PAGE } from './page.js';
import { RUN } from './run.js';
import { VIEWS } from './views.js';
import { EMBED } from './embed.js';
import { SETTINGS } from './settings.js';
import { EXPLAIN } from './explain.js';
import { POINTS } from './points.js';

/** @type {Record<string, import('./index.js').WordTable>} */
export const TABLES = { PAGE, RUN, VIEWS, EMBED, SETTINGS, EXPLAIN, POINTS };
