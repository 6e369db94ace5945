// The words of cards: see index.js. Each entry: `key: { en, ja }`.
export const CARDS = {
};
