// Saved views and stories in the work history: an analyst saves a view from the map, starts a
// story, publishes the view as an embed, and finds each step at /history with who and when, filtered
// by kind and linked to the view and the story; then deletes both, and the history says so.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { credentialsFor, signIn } from './support/accounts';

const SCREENSHOTS = path.join('e2e', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

const VIEW = 'Work history: Karpenkov, autumn 2020';
const STORY = 'Work history: the crackdown';

/** The entries of the work history's list that name a record, by its link or its name. */
function entries(page: Page, name: string, action?: string) {
  const all = page.getByRole('list', { name: 'Recent changes' }).getByRole('listitem').filter({ hasText: name });
  return action ? all.filter({ has: page.getByText(action, { exact: true }) }) : all;
}

test('saved views and stories are listed in the work history, filtered and linked, until deleted', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'analyst');
  const me = credentialsFor('analyst').name;

  await page.goto('/?asOf=2020-09-01&focus=nikolai-karpenkov');
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
  const save = page.getByRole('region', { name: 'Save this view' });
  await save.getByLabel('Name', { exact: true }).fill(VIEW);
  await save.getByLabel('Who may see it').selectOption('public');
  await save.getByRole('button', { name: 'Save view' }).click();
  await expect(save.getByRole('status')).toHaveText(`Saved the view “${VIEW}”`);

  await page.goto('/views');
  await page.getByText('New story', { exact: true }).click();
  const newStory = page.getByRole('form', { name: 'New story' });
  await newStory.getByLabel('Title').fill(STORY);
  await newStory.getByRole('button', { name: 'Create story' }).click();
  await expect(page).toHaveURL(/\/stories\/[^/]+\/edit$/);
  const storyPath = new URL(page.url()).pathname;

  await page.goto('/views');
  await page.getByRole('region', { name: 'Your views' }).getByRole('link', { name: VIEW, exact: true }).click();
  await page.waitForURL(/\/views\/[^/?]+\?/);
  const viewId = /\/views\/([^/?]+)/.exec(page.url())![1]!;
  const embed = page.getByRole('region', { name: 'Embed' });
  await embed.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(embed.getByRole('status')).toHaveText('Published the view');

  // The header's History link: the view's creation and publication, the story's creation, by whom and when.
  await page.getByRole('link', { name: 'History', exact: true }).click();
  await expect(page).toHaveURL('/history');
  await expect(page.getByRole('heading', { name: 'Recent changes' })).toBeVisible();
  const published = entries(page, VIEW, 'published');
  await expect(published).toHaveCount(1);
  await expect(published).toContainText(`Saved view ${VIEW}`);
  await expect(published).toContainText(`by ${me}`);
  await expect(published.getByText('Reason: published')).toBeVisible();
  await expect(published.locator('time')).toHaveText(/\d{4}, \d\d:\d\d UTC$/);
  await expect(entries(page, VIEW, 'created')).toHaveCount(1);
  await expect(entries(page, STORY, 'created')).toContainText(`Story ${STORY}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'work-history.png'), fullPage: true });

  // Filtered by kind, like any record.
  const kinds = page.getByRole('list', { name: 'Kind of record' });
  await kinds.getByRole('link', { name: 'Saved views' }).click();
  await expect(page).toHaveURL('/history?type=view');
  await expect(kinds.getByRole('link', { name: 'Saved views' })).toHaveAttribute('aria-current', 'page');
  await expect(entries(page, VIEW)).toHaveCount(2);
  await expect(entries(page, STORY)).toHaveCount(0);
  await kinds.getByRole('link', { name: 'Stories' }).click();
  await expect(page).toHaveURL('/history?type=story');
  await expect(entries(page, VIEW)).toHaveCount(0);
  await entries(page, STORY).getByRole('link', { name: STORY }).click();
  await expect(page).toHaveURL(storyPath);
  await expect(page.getByRole('heading', { name: STORY, level: 1 })).toBeVisible();

  // Deleting what it made: the story from its page, the view (and its embed) from its edit page.
  await page.getByRole('button', { name: 'Delete story' }).click();
  await page.getByRole('button', { name: 'Yes, delete this story' }).click();
  await expect(page).toHaveURL('/views');
  await page.goto(`/views/${viewId}/edit`);
  await page.getByRole('button', { name: 'Delete view' }).click();
  await page.getByRole('button', { name: 'Yes, delete this view' }).click();
  await expect(page).toHaveURL('/views');

  // The history keeps their past, says they are gone, and links nowhere.
  await page.goto('/history?type=view');
  const deleted = entries(page, VIEW, 'deleted');
  await expect(deleted).toContainText(`by ${me}`);
  await expect(deleted.getByText('(deleted since)')).toBeVisible();
  await expect(entries(page, VIEW).getByRole('link', { name: VIEW })).toHaveCount(0);
  // The old address still leads here.
  await page.goto('/changes?type=story');
  await expect(page).toHaveURL('/history?type=story');
  await expect(entries(page, STORY, 'deleted')).toHaveCount(1);
});
