// What the page puts on the window, and reads from it, beyond the DOM's own.
export {};

declare global {
  /** Set by the end-to-end tests and the benchmark before the page loads (test-hook.js). */
  var __edTestHook: boolean | undefined;
}
