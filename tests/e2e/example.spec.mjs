// Issue #10 (try it with example data): the first-run screen loads a fictional organization
// through the same restore path as a backup, every screen shows it, a banner says it is
// example data, and removing it asks first, keeps what the visitor made if they want, and can be undone
// (issue #20).
import { test, expect } from './fixtures.mjs';
import { addPerson, h1, setLanguage } from './helpers.mjs';

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

  // Removing it asks first. With nothing made while exploring, there is nothing to keep.
  await page.getByRole('button', { name: 'Remove example data and start' }).click();
  await expect(page.getByRole('heading', { name: 'Remove the example organization?' })).toBeFocused();
  await expect(page.locator('#example-keep-made')).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(banner).toBeVisible();

  // Something of their own, made while exploring: a person with a long name.
  const own = 'Guadalupe Xóchitl Hernández-Villaseñor de la Cruz';
  await addPerson(page, { name: own, worker: 'peer_support_specialist' });
  await page.getByRole('button', { name: 'Remove example data and start' }).click();
  await expect(page.locator('.example-remove')).toContainText('Its 60 fictional people go');
  await expect(page.locator('#example-made')).toHaveText('1 person');
  await expect(page.getByRole('status')).not.toContainText('Saved.');
  // On a phone, in Spanish: the question fits the screen and names what stays in Spanish.
  await page.setViewportSize({ width: 360, height: 740 });
  await setLanguage(page, 'es');
  await expect(page.locator('.example-remove h2')).toHaveText('¿Quitar la organización de ejemplo?');
  await expect(page.locator('.example-remove')).toContainText('Se van sus 60 personas ficticias');
  await expect(page.locator('#example-made')).toHaveText('1 persona');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${overflow}px too wide at 360 px`).toBeLessThanOrEqual(0);
  await page.locator('.example-remove').screenshot({ path: 'tests/e2e/screenshots/example-remove-es-360.png' });
  await setLanguage(page, 'en');
  await page.locator('.example-remove').screenshot({ path: 'tests/e2e/screenshots/example-remove-en-360.png' });
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.getByRole('button', { name: 'Remove the example, keep what I made' }).click();
  await expect(h1(page)).toHaveText('People');
  await expect(page.getByRole('status')).toContainText('What you made is kept.');
  await expect(banner).toHaveCount(0);
  await expect(page.locator('table.list tbody tr')).toHaveCount(1);
  await expect(page.locator('table.list tbody')).toContainText(own);
  // And it can be taken back: the example returns, their person with it.
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(banner).toBeVisible();
  await expect(page.locator('table.list tbody tr')).toHaveCount(59);

  // "Remove everything" leaves an empty device and the first-run choice.
  await page.getByRole('button', { name: 'Remove example data and start' }).click();
  await page.getByRole('button', { name: 'Remove everything' }).click();
  await expect(h1(page)).toHaveText('Welcome to Escalera');
  await expect(page.getByRole('status')).toContainText('The example data was removed.');
  await expect(banner).toHaveCount(0);
  await page.getByRole('button', { name: /An organization/ }).click();
  await expect(h1(page)).toHaveText('People');
  await expect(page.getByText('No one here yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No one here yet.')).toBeVisible();
});
