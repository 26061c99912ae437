import { chromium } from '@playwright/test';
const base = process.env.BASE ?? 'http://127.0.0.1:3317';
const pages = (process.env.PAGES ?? '/actors/nikolai-karpenkov').split(',');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [name, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  for (const p of pages) {
    await page.goto(base + p);
    const file = `/tmp/shots/${p.replace(/[^a-z0-9]+/gi, '_')}-${name}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
    console.log(file);
  }
}
await browser.close();
