// The two methods the digits card trains, in the order it shows them: its
// table's columns, its pad's bars, its confusion matrices. One list, for the
// card, its pad and their workers.

/** @typedef {'ed' | 'backprop'} DigitsMethod */

/** @type {DigitsMethod[]} */
export const METHODS = ['ed', 'backprop'];
