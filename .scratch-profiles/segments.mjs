import { chromium } from '@playwright/test';
const base = process.env.BASE ?? 'http://127.0.0.1:3317';
const [path, ...offsets] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
await page.goto(base + path);
for (const y of offsets) {
  await page.evaluate((y) => window.scrollTo(0, Number(y)), y);
  const file = `/tmp/shots/phone-${path.replace(/[^a-z0-9]+/gi, '_')}-${y}.png`;
  await page.screenshot({ path: file });
  console.log(file);
}
await browser.close();
