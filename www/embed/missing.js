// Why the engine did not load, when the reason is a file not where the element
// looks for it: the author copied ed-playground.js alone, or put the wasm
// elsewhere. A reload cannot fix that, so the message says what to copy where.

const BUNDLE = new URL(import.meta.url).pathname.split('/').pop() || 'ed-playground.js';

/** The message an author reads (to be translated with the page). */
const SAY = {
  missing: (path, url, answer) => `ED Playground cannot start: its learning engine is missing. Copy dist/${path} from the build `
    + `to ${path} next to ${BUNDLE}, that is to ${url} (it answered ${answer}).`,
  missingAt: (url, answer) => `ED Playground cannot start: its learning engine is missing. Copy dist/pkg/ed_playground_bg.wasm `
    + `from the build to ${url}, where the wasm-url attribute says it is (it answered ${answer}).`,
};

let asked;

/** A message naming the file to copy and where, when the wasm at `wasm` is
 * missing (a 404, or a page that is no wasm: a site's "not found" page);
 * null when it is there or the network did not answer (then a reload may help).
 * `named`: the URL is a wasm-url attribute's, not the place next to the script. */
export function engineMissing(wasm, named = false) {
  asked ??= fetch(wasm, { cache: 'no-store' }).then((r) => {
    const type = r.headers.get('content-type') ?? '';
    if (r.ok && !/html|text/.test(type)) return null;
    const path = new URL(wasm).pathname.split('/').slice(-2).join('/');
    const answer = r.ok ? `with a ${type.split(';')[0]} page, not the engine` : `${r.status}${r.statusText ? ` ${r.statusText}` : ''}`;
    return named ? SAY.missingAt(wasm.href, answer) : SAY.missing(path, wasm.href, answer);
  }, () => null);
  return asked;
}
