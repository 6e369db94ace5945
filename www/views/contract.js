// The view contract: what every view of a run is, so the conductor, the
// element, the benchmark and the tests find views in one registry
// (registry.js) and treat them alike. A view module exports one `ViewSpec`; the
// conductor makes each spec whose place is in the root, resets it with every
// new run, and the frame scheduler calls its jobs while its card is on screen.

/**
 * The learning engine's run, as the page drives it.
 * @typedef {import('../../pkg/ed_playground.js').Playground} Run
 */

/**
 * A root a playground runs in: the page's document or an element's shadow root.
 * @typedef {Document | ShadowRoot} Root
 */

/**
 * The colours in force (ui.js `readTheme`): CSS variables by name, and the
 * canvases' label size.
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
 * @property {(what: 'points' | 'output') => void} [refresh]
 * @property {() => void} [retheme] redraws in the colours now in force
 * @property {() => void} destroy lets go of the run, observers, listeners and charts
 */

/**
 * A periodic draw: every `every` frames, at `phase` among them, so that the
 * views' costs spread over frames; `part` names a part drawn on its own
 * (the view's `drawPart`), else the whole view is drawn.
 * @typedef {{ every: number, phase: number, part?: string }} ViewJob
 */

/**
 * A view's declaration.
 * @template {View} [V=View]
 * @typedef {object} ViewSpec
 * @property {string} name the view's own name (the benchmark's and the tests')
 * @property {string} token the element's `views=` word that shows it
 * @property {string} card the id of the card it draws in: off screen, its jobs wait
 * @property {ViewJob[]} jobs
 * @property {Array<'points' | 'output'>} [follows] the changes of a run it redraws for
 * @property {(root: Root, ctx: ViewContext) => V | null} make null where its place is not in `root`
 * @property {(root: Root) => HTMLElement | null} [place] builds its card where the host wrote none
 */

export {};
