// A consumer of the npm package's two entries, compiled with `tsc --noEmit`
// against the installed tarball by tests/e2e/package.test.mjs: the element's
// declarations (ed-playground.d.ts) and the engine's (wasm-bindgen's). Each
// expected error below fails the compile if a declaration is missing or `any`.
import { EdPlaygroundElement, type EdPlaygroundAttributes } from 'ed-playground';
import init, { Playground, paramSchema } from 'ed-playground/engine';

// The tag name maps to the element's class (HTMLElementTagNameMap).
const figure: EdPlaygroundElement = document.createElement('ed-playground');
const found: EdPlaygroundElement | null = document.querySelector('ed-playground');
// @ts-expect-error: an element, not an input (were it `any`, this would pass)
const wrong: string = figure.value;

const attributes: EdPlaygroundAttributes = { task: 'moons', race: '1', views: 'chart,map', 'wasm-url': '/assets/ed_playground_bg.wasm' };
// @ts-expect-error: no such attribute
const misspelt: EdPlaygroundAttributes = { tsk: 'moons' };
for (const [name, value] of Object.entries(attributes)) figure.setAttribute(name, value);
document.body.append(figure);

// What its run has done, read-only, and its two events, typed.
const epoch: number = figure.epoch;
const meanLoss: number | null = figure.meanLoss;
// @ts-expect-error: read-only
figure.solvedAt = 3;
figure.addEventListener('ed-epoch', (e) => {
  const reached: number = e.detail.epoch + e.detail.loss;
  return reached;
});
figure.addEventListener('ed-solved', (e) => {
  // @ts-expect-error: a solve tells its epoch, not a loss
  const loss: number = e.detail.loss;
  return loss;
});

const pair: [attribute: string, value: string] | null = EdPlaygroundElement.fromLink('hidden', '8,8');
const observed: readonly string[] = EdPlaygroundElement.observedAttributes;

/** The engine alone: a run of its own, trained without any view. */
export async function trainXor(epochs: number): Promise<{ epoch: number; loss: number }> {
  await init();
  const run = new Playground({ task: 'xor', loss: 'bce', seed: 42 });
  run.step(epochs);
  // @ts-expect-error: step takes a number of epochs
  run.step('ten');
  const result = { epoch: run.epoch, loss: run.loss };
  run.free();
  return result;
}

const names: string[] = paramSchema().map((entry: { name: string }) => entry.name);
export { found, wrong, misspelt, pair, observed, names, epoch, meanLoss };
