// The view contract: what every view of a run is, so the conductor, the
// element, the benchmark and the tests find views in one registry
// (registry.js) and treat them alike. A view module exports one `ViewSpec`; the
// conductor makes each spec whose place is in the root, resets it with every
// new run, and the frame scheduler calls its jobs while its card is on screen.
// A view whose card the host did not write (the element's template, the page's
// HTML) brings it: its spec's `place` builds the card, and the host puts it
// where its cards go before the views are made.

/**
 * The learning engine's run, as the page drives it.
 * @typedef {import('../../pkg/ed_playground.js').Playground} Run
 */

/**
 * A root a playground runs in: the page's document or an element's shadow root.
 * @typedef {Document | ShadowRoot} Root
 */

/**
 * The names of the colours a view draws in (the CSS variables ui.js `readTheme` reads).
 * @typedef {'card' | 'fg' | 'muted' | 'line' | 'pos' | 'neg' | 'class0' | 'class1' | 'class2'
 *   | 'loss0' | 'loss1' | 'loss2' | 's0' | 's1' | 's2' | 's3' | 's4'} Colour
 */

/**
 * The colours in force (ui.js `readTheme`), by name, and the canvases' label
 * size in CSS px; refilled in place when the scheme changes.
 * (`Colour` names those the views read; any name reads, as the cards' charts
 * name theirs by index: `s${i}`.)
 * @typedef {Record<string, string> & { label: number }} Theme
 */

/**
 * What a view is given when it is made.
 * @typedef {object} ViewContext
 * @property {Theme} theme the colours, refilled in place when the scheme changes
 * @property {number} [chartHeight] the charts' height in CSS px (presentation mode sets a larger one)
 * @property {() => Readonly<Record<string, any>>} state the run's settings as the reader set them
 */

/**
 * One view of a run, made by its spec. `draw()` shows the run last given to
 * `reset`; `refresh(what)` hears that the run's `points` (the reader's own) or
 * its viewed `output` changed (without it, such a change resets the view).
 * @typedef {object} View
 * @property {(run: Run) => void} reset starts again from a new run
 * @property {() => void} draw shows the run as it is now
 * @property {(part: string) => void} [drawPart] draws one named part (a job's `part`)
 * @property {(what: Change) => void} [refresh]
 * @property {() => void} [retheme] redraws in the colours now in force
 * @property {() => void} destroy lets go of the run, observers, listeners and charts
 */

/**
 * A change to a run that some views redraw for: the reader's own `points`, or
 * the `output` whose sub-network the views show.
 * @typedef {'points' | 'output'} Change
 */

/**
 * A periodic draw: every `every` frames, at `phase` among them, so that the
 * views' costs spread over frames; `part` names a part drawn on its own
 * (the view's `drawPart`), else the whole view is drawn.
 * @typedef {{ every: number, phase: number, part?: string }} ViewJob
 */

/**
 * A view's declaration. `make` is the view's factory: it finds its place in
 * `root` (by the ids of its card's parts) and returns null when `root` has none.
 * @template {View} [V=View]
 * @typedef {object} ViewSpec
 * @property {string} name the view's own name (the benchmark's and the tests')
 * @property {string} token the element's `views=` word that shows it
 * @property {string} card the id of the card it draws in: off screen, its jobs wait
 * @property {ViewJob[]} jobs
 * @property {Change[]} [follows] the changes of a run it redraws for
 * @property {(root: Root, ctx: ViewContext) => V | null} make
 * @property {(root: Root) => HTMLElement} [place] builds its card (id `card`), in
 *   the words of `root`, for a host whose markup has none; the host appends it
 * @property {string} [after] on the page, the id of the card a placed card follows
 */

export {};
