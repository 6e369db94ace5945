// The words around the parameters (the link's and the fields' messages, the
// help toggle, notices): see index.js. The parameters' own labels, help and
// refusals are the engine's schema's. Each entry: `key: { en, ja }`.
export const SETTINGS = {
};
