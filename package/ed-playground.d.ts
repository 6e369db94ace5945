// Types of the package's main entry, ed-playground.js: the <ed-playground>
// custom element. Importing the module defines the element (once per page); it
// loads its learning engine, pkg/ed_playground_bg.wasm next to the script,
// unless the page's first <ed-playground> with a `wasm-url` names another file.
// Written by hand, but for the views' union, which scripts/build-package.mjs
// writes from the views registry; tests/e2e/package.test.mjs checks that the
// attributes listed here are the element's own.

/**
 * A view the element shows when its `views` attribute names it: a token of the
 * page's views registry (www/views/registry.js). scripts/build-package.mjs
 * writes this union from the registry into the package's copy of this file.
 */
export type EdPlaygroundView = 'chart' | 'network' | 'weights' | 'histogram' | 'map' | 'table';

/**
 * The element's attributes, all read as text (as a page link's parameters are).
 * A bad value is named in the console and in a notice inside the figure, and
 * the default is used. A flag takes `1`, `yes`, `true`, `on` or `0`, `no`,
 * `false`, `off`; the bare attribute is on. Usable as the props of the element
 * in a JSX or template type map.
 */
export interface EdPlaygroundAttributes {
  /** What the network learns: `xor` (default), `and`, `or`, `nand`, `parity`, `adder`, `circle`, `gaussians`, `spiral`, `moons`, `spiral3`, or the reader's own points: `points` (two classes), `points3` (three), given by `data`. */
  task?: string;
  /** Input bits of the parity task, 2 to 8 (default 3). */
  bits?: string;
  /** The update rule: `seed` (the seed's loss-driven rule, default) or `kaneko` (Kaneko's 1999 rule, with his defaults for what is not given). */
  rule?: string;
  /** What the output's error is measured by: `mse` (default), `bce`, `bce-with-logits`. */
  loss?: string;
  /** 1 to 4 hidden layer sizes from 1 to 256, comma-separated, like `8,8` (default). */
  layers?: string;
  /** Learning rate (Kaneko's alpha), greater than 0 (default 0.5). */
  lr?: string;
  /** The random seed, a whole number from 0 to 2^53 − 1 (default 42). */
  seed?: string;
  /** Epochs trained per animation frame, 0.1 to 10000 (default: the task's pace, 0.2 for XOR). */
  speed?: string;
  /** `solved` (default): training pauses once the task is solved; `never`: it trains on. */
  stop?: string;
  /** Open paused at this epoch, the run replayed to it (default 0). */
  at?: string;
  /** Loss and learning-rate switches to replay at their epochs, like `300:loss:bce,900:lr:0.1`. */
  changes?: string;
  /** Kaneko's sigmoid width, greater than 0 and at most 100. */
  u0?: string;
  /** Kaneko's factor of the error in the hidden layers, 0 to 100. */
  u1?: string;
  /** What Kaneko's two bias units are fed, 0 to 100. */
  beta?: string;
  /** A 2-D task's noise, 0 to 0.5 (default 0.1). */
  noise?: string;
  /** A 2-D task's held-out share, 0.1 to 0.9 (default 0.5). */
  test_fraction?: string;
  /** A 2-D task's points, training and test together, 20 to 1000 (default 200). */
  points?: string;
  /** A flag: plain backprop trains beside ED, on the same network shape. */
  race?: string;
  /** A flag: a new pattern order every epoch, drawn from the seed. */
  shuffle?: string;
  /** The points of `task="points"` / `"points3"`: the page's link's `data=` value (up to 200 points, base64url; see docs/playground.md). */
  data?: string;
  /** Initial weight magnitudes are drawn from U(0, init_range) (default 1). */
  init_range?: string;
  /** A flag: it trains as soon as it is in view (default on; off under `prefers-reduced-motion`). */
  autoplay?: string;
  /** Comma-separated controls: `play`, `step`, `reset`, `explain` (one ED update in slow motion) and parameter names such as `loss`, `lr`, `speed`, `task`, `layers`, `race`, `seed`; or `none` (default). */
  controls?: string;
  /** Comma-separated views, each an {@link EdPlaygroundView} (default `chart`, the loss chart); docs/embedding.md says what each shows. */
  views?: string;
  /** `light`, `dark` or `auto` (default: the reader's colour scheme). */
  theme?: string;
  /** Its language, `en` or `ja`: else the nearest ancestor's `lang`, else the browser's. A change rebuilds it in the new one. */
  lang?: string;
  /**
   * Where the learning engine's wasm file is, when not at
   * `pkg/ed_playground_bg.wasm` next to ed-playground.js: an http or https URL,
   * relative ones read against the document's base URL. Every instance on a
   * page shares one engine, so the first `<ed-playground>` in the document
   * with a `wasm-url` decides for all of them, read once when the script runs
   * (a module script runs once the page's HTML is parsed); a different value
   * on a later instance is named in its notices and ignored.
   */
  'wasm-url'?: string;
}

/**
 * `<ed-playground>`: a live ED experiment in an open shadow root. Several on a
 * page train independently on one shared engine; each stops while scrolled out
 * of view. Changing an attribute on a live element takes effect at once.
 */
export declare class EdPlaygroundElement extends HTMLElement {
  /** The attributes whose changes the element follows (every one above but `wasm-url`, and HTML's `hidden`). */
  static readonly observedAttributes: string[];
  /**
   * A page link's parameter as this element's attribute: `[attribute, value]`,
   * or null for a name the element does not take (`hidden` gives `layers`,
   * `paused` the opposite `autoplay`).
   */
  static fromLink(name: string, value: string): [attribute: string, value: string] | null;
  /** The language (`en` or `ja`) for `asked` (a link's `lang=`), else the nearest `lang` around `node`, else the browser's. */
  static chooseLanguage(asked: string | null, node: Element | null): 'en' | 'ja';
  /** The epoch its run has reached: 0 before it trains (and again after Reset). */
  readonly epoch: number;
  /** The mean loss of its run's last epoch, null before one (its `loss` attribute names the loss function). */
  readonly meanLoss: number | null;
  /** The epoch its run solved its task at, null until it does. */
  readonly solvedAt: number | null;
  addEventListener<K extends keyof EdPlaygroundEventMap>(
    type: K,
    listener: (this: EdPlaygroundElement, ev: EdPlaygroundEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

/** The element's events; both bubble. */
export interface EdPlaygroundEventMap extends HTMLElementEventMap {
  /** Its run reached a new epoch (at most once an animation frame): the epoch and its mean loss. */
  'ed-epoch': CustomEvent<{ epoch: number; loss: number }>;
  /** Its run solved its task (once a run): the epoch it solved at. */
  'ed-solved': CustomEvent<{ epoch: number }>;
}

declare global {
  interface HTMLElementTagNameMap {
    'ed-playground': EdPlaygroundElement;
  }
}
