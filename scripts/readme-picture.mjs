// node scripts/readme-picture.mjs (after make dist): rewrites docs/playground.png.
// The README's picture: a race on the two moons, seed 42, once both have solved.
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM } from './chromium.mjs';
const server = await startServer({ root: 'dist', port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(CHROMIUM);
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${origin}/index.html?task=moons&race=1&speed=200`);
await page.locator('#solved').waitFor({ timeout: 120000 });
await page.locator('#solved-close').click();
await page.waitForTimeout(500);
const main = await page.locator('main').boundingBox();
await page.screenshot({
  path: 'docs/playground.png',
  fullPage: true,
  clip: { x: 0, y: 0, width: 1280, height: Math.min(1290, main.y + main.height) },
});
console.log(await page.locator('#race-status').textContent());
await browser.close();
server.close();
