// Stories: build a three-step story of the 2020 crackdown from the seed on the map ("Add this view
// as a step", with a caption and highlights), reorder and recaption it, then present it
// full-screen with the keyboard: each step's view, date, caption (text, links, never markup) and
// the grades of the ties it highlights, linked to their pages.
import { mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

const SCREENSHOTS = path.join('e2e', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

async function waitForMap(page: Page) {
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
}

function classed(page: Page, cls: string): Promise<string[]> {
  return page.evaluate((c) => (window as unknown as { __cy: import('cytoscape').Core }).__cy.$(`.${c}`).map((e) => e.id()).sort(), cls);
}

async function addStep(page: Page, address: string, caption: string, story: { newTitle?: string }) {
  await page.goto(address);
  await waitForMap(page);
  const panel = page.getByRole('form', { name: 'Add this view as a step' });
  if (story.newTitle) {
    await panel.getByRole('combobox', { name: 'Story', exact: true }).selectOption('new');
    await panel.getByLabel('New story’s title').fill(story.newTitle);
  } else {
    await expect(panel.getByRole('combobox', { name: 'Story', exact: true })).toHaveValue(/^(?!new$)/);
  }
  await panel.getByLabel('Caption').fill(caption);
  await panel.getByRole('button', { name: 'Add step' }).click();
  await expect(panel.getByRole('status')).toHaveText('Added a step to “The 2020 crackdown”');
}

test('build a three-step story from the map and present it with the keyboard', async ({ page }) => {
  await signIn(page, 'analyst');
  await addStep(
    page,
    '/?asOf=2020-09-01&focus=nikolai-karpenkov&select=tie%3Akarpenkov-leads-gubopik',
    'August 2020: GUBOPiK, under Karpenkov, forms the "Ataka" groups <b>against</b> protesters. See https://example.org/report.',
    { newTitle: 'The 2020 crackdown' },
  );
  // What a step highlights defaults to the selection and the focus; both were offered and ticked.
  await addStep(page, '/?asOf=2020-11-20&focus=nikolai-karpenkov&select=tie%3Akarpenkov-leads-internal-troops', '19 November 2020: promoted to Commander of the Internal Troops.', {});
  await addStep(page, '/?asOf=2022-08-10&focus=nikolai-karpenkov&select=tie%3Akarpenkov-sanctioned-by-united-states', 'August 2022: sanctioned by the United States.', {});

  await page.goto('/views');
  const own = page.getByRole('region', { name: 'Your stories' });
  await expect(own.getByText('3 steps')).toBeVisible();
  await own.getByRole('link', { name: 'Edit The 2020 crackdown' }).click();

  // Reorder: the sanctions step before the promotion; recaption the (new) second step.
  const editor = page.getByRole('form', { name: 'Edit story' });
  await editor.getByRole('button', { name: 'Move step 3 up' }).click();
  await editor.getByLabel('Caption of step 2').fill('2022: the United States sanctions him.');
  await editor.getByRole('button', { name: 'Save story' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved the story');
  await expect(page.getByLabel('Caption of step 2')).toHaveValue('2022: the United States sanctions him.');
  await expect(page.getByLabel('Caption of step 3')).toHaveValue('19 November 2020: promoted to Commander of the Internal Troops.');
  await expect(page.getByRole('region', { name: 'History' }).getByText(/Order of steps/)).toBeVisible();

  await page.getByRole('link', { name: 'Present this story' }).click();
  await expect(page).toHaveURL(/\/present\?asOf=2020-09-01&focus=nikolai-karpenkov&select=tie%3Akarpenkov-leads-gubopik$/);
  await waitForMap(page);
  const step = page.getByRole('complementary', { name: 'Story step' });
  await expect(step.getByText('The 2020 crackdown · step 1 of 3')).toBeVisible();
  await expect(step.getByText('1 Sep 2020', { exact: true })).toBeVisible();
  // The caption is text: the markup shows as typed, the address is a link.
  await expect(step.getByText(/"Ataka" groups <b>against<\/b> protesters/)).toBeVisible();
  await expect(step.getByRole('link', { name: 'https://example.org/report' })).toHaveAttribute('href', 'https://example.org/report');
  const tie = step.getByRole('region', { name: 'Highlighted ties' });
  await expect(tie.getByRole('link', { name: 'Nikolay Karpenkov leads GUBOPiK' })).toHaveAttribute('href', '/ties/karpenkov-leads-gubopik');
  await expect(tie.getByRole('listitem')).toContainText(/grade|ungraded/);
  await expect.poll(() => classed(page, 'story-highlight')).toEqual(['actor:nikolai-karpenkov', 'tie:karpenkov-leads-gubopik']);
  expect((await classed(page, 'story-faded')).length).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'story-present-step-1.png') });

  await page.keyboard.press('ArrowRight');
  await expect(step.getByText('The 2020 crackdown · step 2 of 3')).toBeVisible();
  await expect(page).toHaveURL(/asOf=2022-08-10/);
  await expect(step.getByText('10 Aug 2022', { exact: true })).toBeVisible();
  await expect(step.getByText('2022: the United States sanctions him.')).toBeVisible();
  await expect(step.getByRole('link', { name: 'Nikolay Karpenkov sanctioned by United States' })).toBeVisible();
  await expect.poll(() => classed(page, 'story-highlight')).toEqual(['actor:nikolai-karpenkov', 'tie:karpenkov-sanctioned-by-united-states']);

  // The step as a report: its PDF names the story, the step and its caption, its date and legend.
  await page.getByText('Export this step', { exact: true }).click();
  const exportStep = page.getByRole('region', { name: 'Export this step' });
  const [download] = await Promise.all([page.waitForEvent('download'), exportStep.getByRole('button', { name: 'PDF', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^powermap-story-.+-step-2\.pdf$/);
  const pdfText = execFileSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' });
  expect(pdfText).toContain('The 2020 crackdown — step 2 of 3: 2022: the United States sanctions him.');
  expect(pdfText).toContain('As of 10 Aug 2022');
  expect(pdfText).toContain('Shape: kind of actor');
  expect(pdfText).toMatch(/Powermap — sources: \d+/);

  await page.keyboard.press('ArrowRight');
  await expect(step.getByText('step 3 of 3')).toBeVisible();
  await expect(page).toHaveURL(/asOf=2020-11-20/);
  await page.keyboard.press('ArrowRight'); // the last step stays
  await expect(step.getByText('step 3 of 3')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(step.getByText('step 1 of 3')).toBeVisible();
  await expect(page).toHaveURL(/asOf=2020-09-01/);

  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/stories\/[^/]+\/edit$/);
});
