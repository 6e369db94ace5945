// Starts the page, or says plainly why it cannot: no WebAssembly, a file that
// failed to load, or an error (a wasm panic included) that stopped the engine.

import { reason } from './engine.js';

const $ = (id) => document.getElementById(id);

/** The error banner: `fail(error)` shows it once and stops the page's work. */
function banner() {
  let failed = false;
  return {
    fail(error) {
      if (failed) return;
      failed = true;
      $('banner-text').textContent = `ED Playground stopped: ${reason(error)}. Reload the page to start again.`;
      $('banner').hidden = false;
    },
    hasFailed: () => failed,
  };
}

// On a phone the settings start folded, so the first screen shows the network
// training rather than a page of fields; the summary opens them.
if (matchMedia('(max-width: 560px)').matches) $('settings').open = false;

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
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
  import('./main.js').then((m) => m.start({ fail, hasFailed })).catch(fail);
}
