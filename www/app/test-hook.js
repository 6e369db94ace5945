// Read-only hooks into a running playground for the end-to-end tests and the
// benchmark. They are published only when the harness asks for them, by setting
// `window.__edTestHook = true` before the page loads; otherwise they are no
// part of the page's public surface.

/** Whether this page was opened by the tests or the benchmark. */
export const testing = () => globalThis.__edTestHook === true;

/** Sets `window[name]` to `hook`, when testing. @param {string} name @param {unknown} hook */
export function exposeForTests(name, hook) {
  if (testing()) /** @type {Record<string, unknown>} */ (globalThis)[name] = hook;
}
