// Types the panels share, each derived from the module that makes such values
// (the words, the engine's parameter table), so that they follow it as it is
// typed more closely, instead of being written a second time here.

/**
 * The words of a root (words/index.js): `w(key, ...values)`, with `w.int`,
 * `w.pick` and `w.lang`.
 * @typedef {ReturnType<typeof import('../words/index.js').wordsIn>} Words
 */

/**
 * One entry of the engine's parameter table (`paramSchema()`, app/state.js).
 * @typedef {ReturnType<typeof import('../app/state.js').schema>[number]} ParamEntry
 */

/**
 * The run's settings as the reader set them (app/state.js): a value per parameter.
 * @typedef {Record<string, any>} PageState
 */

export {};
