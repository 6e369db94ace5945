// The decision map: the network's output over the input square, computed in
// wasm as RGBA and blitted here, with the training points on top coloured by target.
import { theme as pageTheme, fitCanvas } from './ui.js';

const PAD = 16; // room for the points on the corners and the axis names

export function decisionView(canvas, theme = pageTheme) {
  let pg = null, n = 48;
  const off = document.createElement('canvas');
  const size = fitCanvas(canvas, () => draw());

  function draw() {
    const { ctx, w, h } = size();
    ctx.clearRect(0, 0, w, h);
    if (!pg || !w) return;
    const side = Math.min(w, h) - 2 * PAD, x0 = (w - side) / 2, y0 = PAD / 2;
    const px = pg.decisionMap(n);
    if (off.width !== n) off.width = off.height = n; // resizing clears and reallocates
    off.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(px.buffer, px.byteOffset, px.length), n, n), 0, 0);
    // Pixel centres sit on the inputs 0 .. 1, so the image overhangs by half a pixel.
    const half = side / (2 * (n - 1));
    ctx.save();
    ctx.beginPath(); ctx.rect(x0, y0, side, side); ctx.clip();
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(off, x0 - half, y0 - half, side + 2 * half, side + 2 * half);
    ctx.restore();
    ctx.strokeStyle = theme.line; ctx.lineWidth = 1; ctx.strokeRect(x0 + 0.5, y0 + 0.5, side - 1, side - 1);
    const X = pg.patternInputs(), T = pg.patternTargets(), k = X.length / T.length;
    for (let i = 0; i < T.length; i++) {
      ctx.beginPath();
      ctx.arc(x0 + X[i * k] * side, y0 + (1 - (k > 1 ? X[i * k + 1] : 0.5)) * side, 6.5, 0, 7);
      ctx.fillStyle = T[i] >= 0.5 ? theme.pos : theme.neg; ctx.fill();
      ctx.lineWidth = 2; ctx.strokeStyle = theme.card; ctx.stroke();
    }
    ctx.fillStyle = theme.muted; ctx.font = '11px system-ui, sans-serif'; ctx.textAlign = 'center';
    ctx.fillText('x0 →', x0 + side / 2, y0 + side + 12);
    ctx.save(); ctx.translate(x0 - 6, y0 + side / 2); ctx.rotate(-Math.PI / 2); ctx.fillText('x1 →', 0, 0); ctx.restore();
  }

  return {
    reset(p) {
      pg = p;
      let cost = 0;
      for (let l = 0; l < p.layerCount(); l++) { const [s, u] = p.layerShape(l); cost += s * u; }
      // About 250,000 multiply-adds per map (48 x 48 for 4-8-8-1), so a big network stays cheap.
      n = Math.max(12, Math.min(48, Math.round(Math.sqrt(250000 / cost))));
      draw();
    },
    draw,
  };
}
