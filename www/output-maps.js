// One small decision map per output of a several-output task (a class of the
// 3-class spiral, a bit of the adder's sum), each from its own sub-network, and
// the select offering each output's sub-network to the network and weights views.
import { decisionView } from './decision.js';
import { el } from './ui.js';

/** Returns `{ reset(pg, task), draw() }`; either place missing from `root` is simply not used. */
export function outputMaps(root, theme) {
  const box = root.getElementById('output-maps'), select = root.getElementById('view-output');
  let maps = [];
  return {
    reset(pg, task) {
      const many = pg.outputCount > 1;
      if (box) {
        box.hidden = !many;
        const name = task === 'adder' ? (k) => `sum bit ${2 - k}` : (k) => `class ${k}`;
        const figures = [];
        maps = many ? Array.from({ length: pg.outputCount }, (_, k) => {
          const canvas = el('canvas', { className: 'map small' });
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', `Decision map of ${name(k)} alone`);
          figures.push(el('figure', {}, canvas, el('figcaption', {}, name(k))));
          return decisionView(canvas, theme, { view: 'map', output: k }, { name: `output-map-${k}` });
        }) : [];
        box.replaceChildren(...figures);
        maps.forEach((m) => m.reset(pg));
      }
      if (select) {
        select.closest('label').hidden = !many;
        select.replaceChildren(...Array.from({ length: pg.outputCount }, (_, k) => new Option(`output ${k}`, String(k))));
      }
    },
    draw() { maps.forEach((m) => m.draw()); },
  };
}
