// The words of views: see index.js. Each entry: `key: { en, ja }`.
export const VIEWS = {
};
