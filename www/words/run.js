// The words of run: see index.js. Each entry: `key: { en, ja }`.
export const RUN = {
};
