// Reviewing claims in bulk, as an analyst after an import: 24 ties arrive with claims marked
// "needs review"; the analyst filters the review table by the import's source, chooses rows with
// the keyboard and with one box, accepts all 24 with one reason, and sees each claim accepted,
// its history carrying that reason.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A Powermap document: six new actors, 24 ties among them, each with one claim to review. */
function reviewDocument(tag: string) {
  const source = { id: `review-src-${tag}`, title: `Leaked staff list ${tag}`, reliability: 'D' };
  const actors = Array.from({ length: 6 }, (_, i) => ({ slug: `review-${tag}-${i}`, name: `Reviewed Person ${tag} ${i}`, kind: 'person', faction: 'other' }));
  const ties = [];
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j < 6; j++) {
      if (i === j || ties.length === 24) continue;
      ties.push({
        id: `review-${tag}-${i}-${j}`,
        source: actors[i].slug,
        target: actors[j].slug,
        type: 'associate_of',
        claims: [{ id: `review-${tag}-${i}-${j}-c1`, source: source.id, quote: `Listed together on sheet ${i}-${j}`, credibility: 4, status: 'needs_review' }],
      });
    }
  }
  return { sources: [source], actors, ties };
}

async function importDocument(page: Page, document: object) {
  const response = await page.request.post('/api/import?format=powermap&fileName=review.json', {
    data: JSON.stringify(document),
    headers: { 'Content-Type': 'application/json' },
  });
  expect(response.status(), await response.text()).toBe(200);
}

test('an analyst accepts twenty-four claims that need review at once, with one reason each claim’s history keeps', async ({ page }) => {
  await signIn(page, 'analyst');
  const tag = unique();
  const document = reviewDocument(tag);
  await importDocument(page, document);

  await page.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review claims' })).toBeVisible();
  const filters = page.getByRole('search', { name: 'Filter claims' });
  await filters.getByLabel('Source').selectOption({ label: `Leaked staff list ${tag}` });
  await filters.getByRole('button', { name: 'Show claims' }).click();
  await expect(page.getByText('24 claims need review.')).toBeVisible();

  const table = page.getByRole('form', { name: 'Review the chosen claims' });
  const apply = table.getByRole('button', { name: /^Apply to/ });
  await expect(apply).toHaveText('Apply to 0 chosen claims');
  await expect(apply).toBeDisabled();

  // The keyboard: Space chooses, the arrow keys move between rows.
  const first = table.getByRole('checkbox', { name: /^Choose the claim on / }).first();
  await first.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(apply).toHaveText('Apply to 2 chosen claims');
  // Shift-click chooses a range.
  await table.getByRole('checkbox', { name: /^Choose the claim on / }).nth(5).click({ modifiers: ['Shift'] });
  await expect(apply).toHaveText('Apply to 6 chosen claims');

  await table.getByRole('checkbox', { name: 'Choose every claim shown' }).check();
  await expect(apply).toHaveText('Apply to 24 chosen claims');
  await table.getByLabel('Change').selectOption({ label: 'Accept' });
  await table.getByLabel('Reason').fill('Checked each against the leaked list');
  await apply.click();
  await expect(page.getByRole('status')).toHaveText('Accepted 24 claims');
  await expect(page.getByText('Nothing to review here.')).toBeVisible();

  // Each claim is accepted, and its history names the reason.
  const tie = document.ties[7];
  await page.goto(`/ties/${tie.id}`);
  await expect(page.getByText('Listed together on sheet', { exact: false }).first()).toBeVisible();
  await page.goto(`/history/claim/${tie.claims[0].id}`);
  await expect(page.getByText('Checked each against the leaked list')).toBeVisible();
});

test('a reason is required, and a viewer is told the table is for analysts', async ({ page, browser }) => {
  await signIn(page, 'analyst');
  const tag = unique();
  await importDocument(page, reviewDocument(tag));
  await page.goto(`/review?source=review-src-${tag}`);
  const table = page.getByRole('form', { name: 'Review the chosen claims' });
  await table.getByRole('checkbox', { name: 'Choose every claim shown' }).check();
  // The browser's own check stops an empty reason; the server refuses one too (test/db/claim-review.test.ts).
  await table.getByRole('button', { name: 'Apply to 24 chosen claims' }).click();
  await expect(table.getByLabel('Reason')).toHaveJSProperty('validity.valueMissing', true);
  await expect(page.getByText('24 claims need review.')).toBeVisible();

  const theirs = await browser.newContext();
  const viewer = await theirs.newPage();
  await signIn(viewer, 'viewer');
  await viewer.goto('/review');
  await expect(viewer.getByText('Your account can read Powermap but not change it.')).toBeVisible();
  await theirs.close();
});
