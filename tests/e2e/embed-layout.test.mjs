// End-to-end tests of <ed-playground>'s layout (issue 13, item 11): every set
// of views (chart, network, map, table: 15 non-empty sets) at 320, 480, 720 and
// 1000 px wide, for XOR, a race on the moons (two maps, four curves, four rows
// of scores) and the adder (a 16-row table, a map per output), on one page, the
// figure rebuilt for each set and its box resized for each width. And the
// iframe snippet of docs/embedding.md, at its own size, racing: nothing
// clipped. Run `make dist` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSite, stopSite, withPage, until, ready } from './harness.mjs';

before(() => startSite(['ed-playground.js', 'embed.html', 'examples/blog-post.html', 'pkg/ed_playground_bg.wasm']));
after(stopSite);

const VIEWS = ['chart', 'network', 'map', 'table'];
const SETS = Array.from({ length: 15 }, (_, i) => VIEWS.filter((_, k) => (i + 1) & (1 << k)));
const WIDTHS = [320, 480, 720, 1000];
const FIGURES = {
  xor: {},
  race: { task: 'moons', race: '1' },
  adder: { task: 'adder' },
};
// The minimum size of each view, in CSS px: the chart's plot with its axes
// (legend aside); the network; a decision map (square), each of a race's two,
// each of the small per-output maps; the table, whole, at least this wide.
const MIN = { chart: [260, 180], network: [260, 200], map: 160, raceMap: 120, smallMap: 100, table: 200 };

/** Where each view is, relative to the element, and what sticks out of it, a frame after the last change. */
async function measure(host) {
  await new Promise(requestAnimationFrame);
  const root = host.shadowRoot,
    H = host.getBoundingClientRect();
  const shown = (e) => e.getClientRects().length > 0;
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return {
      left: Math.round(r.left - H.left),
      top: Math.round(r.top - H.top),
      width: Math.round(r.width),
      height: Math.round(r.height),
    };
  };
  const name = (e) =>
    `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`;
  const wide = [];
  for (const e of root.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (!shown(e) || (r.width === 0 && r.height === 0)) continue;
    if (r.left < H.left - 0.5 || r.right > H.right + 0.5)
      wide.push(`${name(e)} at ${Math.round(r.left - H.left)} to ${Math.round(r.right - H.left)}`);
  }
  const all = (selector) => [...root.querySelectorAll(selector)].filter(shown);
  const table = all('#truth')[0];
  // A table's cells stay inside it (a table wider than its box would push them out).
  const cellsOut = table
    ? all('#truth th, #truth td').filter((c) => {
        const r = c.getBoundingClientRect(),
          t = table.getBoundingClientRect();
        return r.left < t.left - 0.5 || r.right > t.right + 0.5;
      }).length
    : 0;
  // The views' blocks, which must not overlap one another.
  const blocks = all('#loss-chart .uplot, #network, .maps figure, #truth').map((e) => ({ name: name(e), ...box(e) }));
  return {
    width: Math.round(H.width),
    views: box(root.querySelector('.views')),
    wide,
    pageWide: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    chart: all('#loss-chart .u-wrap').map(box)[0],
    network: all('#network').map(box)[0],
    maps: all('canvas.map:not(.small)').map(box),
    small: all('canvas.map.small').map(box),
    table: table && { ...box(table), cellsOut },
    blocks,
  };
}

const overlap = (a, b) =>
  Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top));

/** What is wrong with layout `m` of `views` (a list of sentences; none: laid out well). */
function faults(m, views, figure, width) {
  const out = [];
  if (m.width !== width) out.push(`the element is ${m.width} px wide`);
  for (const w of m.wide) out.push(`wider than the element: ${w}`);
  if (m.pageWide > 0) out.push(`the page scrolls sideways by ${m.pageWide} px`);
  const has = (v) => views.includes(v);
  const at =
    (what, [w, h]) =>
    (b) =>
      !b
        ? out.push(`no ${what}`)
        : (b.width < w || b.height < h) && out.push(`${what} ${b.width} × ${b.height} (under ${w} × ${h})`);
  if (has('chart')) at('chart', MIN.chart)(m.chart);
  if (has('network')) at('network', MIN.network)(m.network);
  if (has('map')) {
    const racing = figure === 'race',
      n = racing ? 2 : 1,
      least = racing ? MIN.raceMap : MIN.map;
    if (m.maps.length !== n) out.push(`${m.maps.length} maps, not ${n}`);
    for (const b of m.maps) at('map', [least, least])(b);
    if (figure === 'adder' && m.small.length !== 3) out.push(`${m.small.length} per-output maps, not 3`);
    for (const b of m.small) at('per-output map', [MIN.smallMap, MIN.smallMap])(b);
  }
  if (has('table')) {
    at('table', [MIN.table, 0])(m.table);
    if (m.table?.cellsOut) out.push(`${m.table.cellsOut} table cells outside the table`);
  }
  for (let i = 0; i < m.blocks.length; i++) {
    for (const b of m.blocks.slice(i + 1))
      if (overlap(m.blocks[i], b) > 1) out.push(`${m.blocks[i].name} overlaps ${b.name}`);
  }
  // Each row of views (blocks side by side, by their heights) either fills the
  // width or sits in its middle: no view pushed to one side of an empty row.
  for (const row of rows(m.blocks)) {
    const left = Math.min(...row.map((b) => b.left)),
      right = Math.max(...row.map((b) => b.left + b.width));
    const V = m.views,
      off = Math.abs((left + right) / 2 - (V.left + V.width / 2));
    if (right - left < 0.9 * V.width && off > 0.08 * V.width) {
      out.push(
        `${row.map((b) => b.name).join(', ')} to one side of an empty row: ${left} to ${right} of ${V.left} to ${V.left + V.width}`,
      );
    }
  }
  return out;
}

/** The blocks grouped into rows: those whose heights overlap (by more than 4 px), transitively. */
function rows(blocks) {
  const groups = [];
  for (const b of [...blocks].sort((x, y) => x.top - y.top)) {
    const last = groups.at(-1);
    if (last && b.top < Math.max(...last.map((x) => x.top + x.height)) - 4) last.push(b);
    else groups.push([b]);
  }
  return groups;
}

test(
  'every set of views lays out from 320 to 1000 px: nothing wider than the element, no view under its minimum, none overlapping',
  { timeout: 240000 },
  (t) =>
    withPage('examples/blog-post.html', { viewport: { width: 1040, height: 900 } }, async (page) => {
      // One figure alone on the post's page, 20 px from either side: as wide as the window less 40 px.
      await page.evaluate(() => {
        const box = document.createElement('div');
        box.id = 'box';
        document.body.replaceChildren(box);
        document.body.style.padding = '0 20px';
      });
      const figure = page.locator('#fig');
      const problems = [];
      let checked = 0;
      const started = Date.now();
      for (const [kind, attrs] of Object.entries(FIGURES)) {
        for (const views of SETS) {
          // A new element with every attribute set before it starts: one run. Paused, so it holds still.
          await page.evaluate(
            ([attrs, views]) => {
              const e = document.createElement('ed-playground');
              for (const [k, v] of Object.entries({
                ...attrs,
                views,
                autoplay: '0',
                controls: 'play,step,reset,loss,task,speed,layers,race,seed',
              }))
                e.setAttribute(k, v);
              e.id = 'fig';
              document.getElementById('box').replaceChildren(e);
            },
            [attrs, views.join(',')],
          );
          await ready(figure);
          if (kind === 'race' && views.includes('map')) await figure.locator('#map-bp').waitFor();
          for (const width of WIDTHS) {
            await page.setViewportSize({ width: width + 40, height: 900 });
            // Read until two reads frames apart agree: laid out (charts and maps resize on their observers).
            let last = '';
            const m = await until(
              async () => {
                const read = await figure.evaluate(measure);
                const same = JSON.stringify(read) === last;
                last = JSON.stringify(read);
                return same ? read : null;
              },
              Boolean,
              { what: `a settled layout of ${kind} ${views} at ${width} px` },
            );
            for (const f of faults(m, views, kind, width)) problems.push(`${kind}, views=${views}, ${width} px: ${f}`);
            checked++;
          }
        }
      }
      t.diagnostic(`${checked} layouts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      assert.equal(checked, 3 * 15 * 4);
      assert.deepEqual(problems, []);
    }),
);

// The iframe snippet of docs/embedding.md, its size as written there.
const SNIPPET = /<iframe src="\/ed\/(embed\.html\?[^"]+)"[^>]*\swidth="(\d+)" height="(\d+)"/.exec(
  readFileSync('docs/embedding.md', 'utf8'),
);

test("the iframe snippet's size holds a racing figure whole: its legend's four curves, both maps, nothing scrolled", () =>
  withPage('examples/blog-post.html', async (page) => {
    assert.ok(SNIPPET, 'an iframe snippet in docs/embedding.md');
    const [, src, width, height] = SNIPPET;
    await page.evaluate(
      ([src, width, height]) => {
        const frame = document.createElement('iframe');
        frame.src = `../${src}&task=moons&race=1&stop=never`;
        frame.title = 'ED Playground';
        Object.assign(frame, { width, height });
        document.querySelector('article').prepend(frame);
      },
      [src.replaceAll('&amp;', '&'), width, height],
    );
    const inner = page.frameLocator('iframe').locator('ed-playground');
    await inner.locator('#map-bp').waitFor();
    const legend = await until(
      () => inner.locator('#loss-chart .u-legend .u-series th').allTextContents(),
      (s) => s.length === 5,
      { what: 'a legend of four curves' },
    );
    assert.deepEqual(
      legend.slice(2).map((s) => s.trim()),
      ['ED test', 'Backprop', 'Backprop test'],
    );
    const frame = page.frames().find((f) => f.url().includes('embed.html'));
    const fit = await frame.evaluate(() => {
      const root = document.querySelector('ed-playground').shadowRoot;
      const bottom = (s) => Math.max(...[...root.querySelectorAll(s)].map((e) => e.getBoundingClientRect().bottom));
      return {
        legend: bottom('#loss-chart .u-legend .u-series'),
        maps: bottom('.maps figure'),
        height: innerHeight,
        scroll: [
          document.documentElement.scrollWidth - innerWidth,
          document.documentElement.scrollHeight - innerHeight,
        ],
      };
    });
    assert.ok(
      fit.legend <= fit.height && fit.maps <= fit.height,
      `legend and maps inside the frame: ${JSON.stringify(fit)}`,
    );
    assert.deepEqual(fit.scroll, [0, 0], 'nothing scrolls');
  }));
