// The words of "Explain one step"'s button and panel, which the markup names
// (the page's and the element's): every figure has them from its start. What
// the walk says is in explain-stages.js, loaded with it. See index.js.

/** @type {import('./index.js').WordTable} */
export const EXPLAIN = {
  'explain.button': { en: 'Explain one step', ja: '1 回の更新を詳しく' },
  'explain.buttonTitle': {
    en: "Pause and walk through the next pattern's update, stage by stage",
    ja: '一時停止して、次のパターンでの更新を段階ごとにたどります',
  },
  'explain.label': { en: 'One ED update', ja: 'ED の 1 回の更新' },
  'explain.close': { en: 'Close the explanation', ja: '説明を閉じる' },
  'explain.back': { en: 'Back', ja: '戻る' },
  'explain.next': { en: 'Next', ja: '次へ' },
  'explain.unavailable': {
    en: (reason) => `Explain one step could not load (${reason}).`,
    ja: (reason) => `「1 回の更新を詳しく」を読み込めませんでした (${reason})。`,
  },
};
