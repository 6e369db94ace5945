// Why the engine did not load, when the reason is a file not where the element
// looks for it: the author copied ed-playground.js alone, or put the wasm
// elsewhere. A reload cannot fix that, so the message says what to copy where.

/** The element's own file's name, as the messages name it. */
export const BUNDLE = new URL(import.meta.url).pathname.split('/').pop() || 'ed-playground.js';

/** @typedef {import('../words/index.js').Words} Words */

/** The one answer for every instance: the page's wasm is asked about once. @type {Promise<((w: Words) => string) | null> | undefined} */
let asked;

/** A message naming the file to copy and where, when the wasm at `wasm` is
 * missing (a 404, or a page that is no wasm: a site's "not found" page), as a
 * function of the words it is written in (each instance speaks its own language);
 * null when it is there or the network did not answer (then a reload may help).
 * `named`: the URL is a wasm-url attribute's, not the place next to the script.
 * @param {URL} wasm
 * @param {boolean} [named]
 * @returns {Promise<((w: Words) => string) | null>}
 */
export function engineMissing(wasm, named = false) {
  asked ??= fetch(wasm, { cache: 'no-store' }).then(
    (r) => {
      const type = r.headers.get('content-type') ?? '';
      if (r.ok && !/html|text/.test(type)) return null;
      const path = new URL(wasm).pathname.split('/').slice(-2).join('/');
      return (/** @type {Words} */ w) => {
        const answer = r.ok
          ? w('embed.answer.page', type.split(';')[0])
          : `${r.status}${r.statusText ? ` ${r.statusText}` : ''}`;
        return named ? w('embed.missingAt', wasm.href, answer) : w('embed.missing', path, wasm.href, BUNDLE, answer);
      };
    },
    () => null,
  );
  return asked;
}
