// What the element imports a style sheet as: its text (scripts/build-element.mjs
// bundles each .css import as a string, adopted into the shadow roots).
declare module '*.css' {
  const css: string;
  export default css;
}
