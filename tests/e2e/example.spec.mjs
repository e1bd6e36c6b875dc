// Issue #10 (try it with example data): the first-run screen loads a fictional organization
// through the same restore path as a backup, every screen shows it, a banner says it is
// example data, and one click removes it all and returns to the first-run choice.
import { test, expect } from './fixtures.mjs';
import { h1 } from './helpers.mjs';

test('a newcomer explores every screen with example data, then removes it all', async ({ page }) => {
  await page.goto('/');
  await expect(h1(page)).toHaveText('Welcome to Escalera');
  const started = Date.now();
  await page.getByRole('button', { name: 'Explore with example data' }).click();
  await expect(h1(page)).toHaveText('People');
  await expect(page.locator('table.list tbody tr')).toHaveCount(58); // two of the 60 are archived
  console.log(`example data: people list shown ${Date.now() - started} ms after the click`);
  const banner = page.locator('#example-banner');
  await expect(banner).toContainText('This is example data.');
  await page.screenshot({ path: 'tests/e2e/screenshots/example-people.png' });

  // Every kind of status a newcomer should see, on today's date whatever it is.
  await page.goto('/compliance');
  await expect(h1(page)).toHaveText('Compliance');
  for (const status of ['current', 'due_soon', 'expired', 'missing']) {
    await expect(page.locator(`.tile[data-status="${status}"] .tile-count`)).not.toHaveText('0');
  }
  await expect(banner).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/example-compliance.png', fullPage: true });
  // Ladders and pay are populated too.
  await page.goto('/readiness');
  await expect(page.locator('main a[href^="/people/example.person."]').first()).toBeVisible();
  await page.goto('/ladders');
  await expect(page.getByRole('link', { name: 'County peer support series' }).first()).toBeVisible();
  // And the trainer's home: a cohort's board, two sessions coming up, the renewal forecast.
  await page.goto('/training');
  await expect(page.locator('#board-table tbody tr').first()).toBeVisible();
  await expect(page.locator('#sessions-table tbody tr')).toHaveCount(2);
  await expect(page.locator('#forecast-chart rect').first()).toBeAttached();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.screenshot({ path: 'tests/e2e/screenshots/example-trainer.png' });
  await page.locator('#forecast-chart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/e2e/screenshots/example-forecast.png' });
  // Example data is not nagged about: no backup reminder.
  await expect(page.locator('#backup-reminder')).toHaveCount(0);

  // One click removes it all and returns to the first-run choice.
  await page.getByRole('button', { name: 'Remove example data and start' }).click();
  await expect(h1(page)).toHaveText('Welcome to Escalera');
  await expect(page.getByRole('status')).toContainText('The example data was removed.');
  await expect(banner).toHaveCount(0);
  await page.getByRole('button', { name: /An organization/ }).click();
  await expect(h1(page)).toHaveText('People');
  await expect(page.getByText('No one here yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No one here yet.')).toBeVisible();
});
