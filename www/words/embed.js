// The words of embed: see index.js. Each entry: `key: { en, ja }`.
export const EMBED = {
};
