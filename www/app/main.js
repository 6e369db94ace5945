// The page: its state from the URL, its parameter fields (fields.js), its
// playground (conductor.js) over the page's own views and controls, its failures in the banner (boot.js), and the
// cards far down the page, whose code loads when they come near the screen.
import { fromPairs } from './state.js';
import { run } from './conductor.js';
import { loadEngine } from './engine.js';
import { documentTheme } from '../ui.js';
import { exposeForTests } from './test-hook.js';
import { fields, helpButton } from '../panels/fields.js';
import { embedThis } from '../panels/share.js';
import { presentation } from '../panels/present.js';
import { chooseLanguage, learn, speak, applyWords } from '../words/index.js';
import { languageSwitch } from '../panels/language-switch.js';
import { placeCards } from '../views/registry.js';

/** @param {{ fail: (error: unknown) => void, hasFailed: () => boolean }} banner */
export async function start({ fail, hasFailed }) {
  await loadEngine();
  // Each refused parameter as { name, text }: its notice goes once a field sets it right.
  const { state, problems } = fromPairs([...new URLSearchParams(location.search)], 'URL parameter');
  // The link as opened: the playground rewrites it with its own settings, which
  // leave out the cards' pool size (`?workers=N`, worker-pool.js reads it).
  const opened = location.search;
  // The page's language: the link's `lang`, else the browser's. Every module
  // finds its words through the document (words/index.js).
  const lang = chooseLanguage(state.lang === 'auto' ? null : state.lang, null);
  await learn(lang); // loaded by the page's start already (boot.js), which chose it the same way
  const w = speak(document, lang);
  document.documentElement.lang = w.lang;
  applyWords(document, w);
  // Before the colours and the canvases' label size are read: presentation mode sets a larger one.
  /** index.html's element `id`, of the type it is there. @template {HTMLElement} [T=HTMLElement] @param {string} id @returns {T} */
  const $ = (id) => /** @type {T} */ (document.getElementById(id));
  const present = presentation($('present'), $('settings'), state.present);
  const { theme, onTheme } = documentTheme();
  placeCards(document); // the views' cards the page's HTML does not write (views/registry.js)
  const box = /** @type {HTMLElement} */ (document.querySelector('.fields'));
  box.append(...fields(undefined, state), helpButton(box));
  const playground = /** @type {NonNullable<Awaited<ReturnType<typeof run>>>} */ (
    await run(document, {
      state,
      problems,
      page: true,
      theme,
      onTheme,
      fail,
      hasFailed,
      chartHeight: present.chartHeight,
    })
  );
  exposeForTests('__edPlayground', playground.hook);
  present.start(playground, theme);
  embedThis($('embed-this'), $('embed-dialog'), playground.state);
  languageSwitch($('language'), w, playground.state);
  // Kaneko's experiment and the handwritten digits are far down the page and
  // most readers never run them: their buttons (disabled in the HTML) work once
  // their code has loaded.
  const experiment = document.getElementById('card-experiment');
  lazyCard(experiment, () =>
    import('../cards/experiment/experiment.js').then((m) => m.experimentPanel(experiment, theme, onTheme, opened)),
  );
  const digits = document.getElementById('card-digits');
  lazyCard(digits, () =>
    import('../cards/digits/digits.js').then((m) => m.digitsPanel(digits, theme, onTheme, opened)),
  );
}

/**
 * `load` runs once, when `card` comes within 200 px of the screen. One batch can
 * hold several entries for the card (scrolled past and back across a long
 * task): the last is where it is now.
 * @param {HTMLElement | null} card @param {() => void} load
 */
function lazyCard(card, load) {
  if (!card) return;
  const io = new IntersectionObserver(
    (entries) => {
      if (!entries.at(-1)?.isIntersecting) return;
      io.disconnect();
      load();
    },
    { rootMargin: '200px' },
  );
  io.observe(card);
}
