// Starts the page, or says plainly why it cannot: no WebAssembly, a file that
// failed to load, or an error (a wasm panic included) that stopped the engine.

import { reason } from './engine.js';
import { chooseLanguage, learn, learnFrom, speak, applyWords } from '../words/index.js';

/** The words only the page says, a module per language (words/lang/). @type {import('../words/index.js').WordModules} */
const PAGE_WORDS = {
  en: () => import('../words/lang/page-en.js'),
  ja: () => import('../words/lang/page-ja.js'),
};

/** The page's element `id`, which index.html always has. @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

// The page's language as the link or the browser asks (main.js chooses it the
// same way once the engine has read the link): the banners speak it even when
// the page never starts. Its words, the figure's and the page's own, load
// first; the markup's English is the first paint meanwhile.
const asked = new URLSearchParams(location.search).get('lang');
const lang = chooseLanguage(asked === 'auto' ? null : asked, null);
/** @type {import('../words/index.js').Words | null} */
let w = null;
const spoken = Promise.all([learn(lang), learnFrom(PAGE_WORDS, lang)]).then(() => {
  w = speak(document, lang);
  document.documentElement.lang = w.lang;
  applyWords(document, w);
  document.querySelector('meta[name="description"]')?.setAttribute('content', w('page.description'));
});

/** The error banner: `fail(error)` shows it once and stops the page's work. */
function banner() {
  let failed = false;
  return {
    /** @param {unknown} error */
    fail(error) {
      if (failed) return;
      failed = true;
      // Without its words (their file failed to load) the reason alone, beside the markup's Reload.
      $('banner-text').textContent = w ? w('boot.stopped', reason(error)) : reason(error);
      $('banner').hidden = false;
    },
    hasFailed: () => failed,
  };
}

// On a phone the settings start folded, so the first screen shows the network
// training rather than a page of fields; the summary opens them.
if (matchMedia('(max-width: 560px)').matches) /** @type {HTMLDetailsElement} */ ($('settings')).open = false;

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  spoken.catch(() => {}); // its words failed to load: the markup's English stays
  $('no-wasm').hidden = false;
  document.body.classList.add('no-wasm');
} else {
  const { fail, hasFailed } = banner();
  addEventListener('error', (e) => {
    // Not an error: the browser reports that a ResizeObserver's callback changed
    // the layout (a canvas redrawn for its new size) and the rest of that
    // round's notifications come next frame. Nothing threw, and nothing is lost.
    if (!e.error && /^ResizeObserver loop/.test(e.message)) return;
    fail(e.error || e.message);
  });
  addEventListener('unhandledrejection', (e) => fail(e.reason));
  $('banner-reload').addEventListener('click', () => location.reload());
  Promise.all([spoken, import('./main.js')])
    .then(([, m]) => m.start({ fail, hasFailed }))
    .catch(fail);
}
