// <ed-playground wasm-url="…">: where the page's one learning engine comes
// from, when not from next to the element's script (a site that keeps its wasm
// elsewhere, a bundler that renames it). Every instance on a page shares one
// engine, fetched once, before any instance starts: so the first
// <ed-playground> in the document that has a wasm-url when the script runs
// decides for all of them (a module script runs once the page's HTML is
// parsed). Read once; changing it later changes nothing. Like `src`, a relative
// value is read against the document's base URL.

/**
 * The URL an attribute's text names, or null when it names none a page can fetch.
 * @param {string} text
 * @param {string} [base]
 * @returns {URL | null}
 */
export function parseWasmUrl(text, base = document.baseURI) {
  if (text.trim() === '') return null;
  try {
    const url = new URL(text.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Where the page's engine loads from: the first instance's wasm-url, else `nextToScript`.
 * @param {URL} nextToScript
 * @returns {URL}
 */
export function pageWasm(nextToScript) {
  const text = document.querySelector('ed-playground[wasm-url]')?.getAttribute('wasm-url');
  return (text == null ? null : parseWasmUrl(text)) ?? nextToScript;
}

/**
 * This instance's message about its wasm-url, in `w`'s language (null when it has none, or it is the one in force).
 * @param {Element} element
 * @param {URL} used
 * @param {import('../words/index.js').Words} w
 * @returns {string | null}
 */
export function wasmUrlProblem(element, used, w) {
  const text = element.getAttribute('wasm-url');
  if (text === null) return null;
  const url = parseWasmUrl(text);
  if (!url) return w('embed.wasm.notUrl', text, used.href);
  return url.href === used.href ? null : w('embed.wasm.ignored', text, used.href);
}
