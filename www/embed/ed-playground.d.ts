// embed.html's script (frame.js, built into dist/embed.js) imports the element's
// bundle by the name it has in dist/: ed-playground.js, built from element.js
// (scripts/build-element.mjs) and copied next to it. For the type check, that
// bundle is element.js.
export * from './element.js';
