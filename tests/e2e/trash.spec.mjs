// Issue #10 (never lose data): whatever is removed from a person's record waits in the trash
// with the day it was removed and the last day it can come back; restoring it is one click
// (and can be undone); 30 days after removal the next start deletes it for good.
import { test, expect } from './fixtures.mjs';
import { addPerson, chooseOrganization, h1, historyRows, recordOnPersonPage } from './helpers.mjs';

test('a removed training waits in the trash, comes back in one click, and is purged 30 days later', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-24T12:00:00'));
  await chooseOrganization(page);
  await addPerson(page, { name: 'Ana Ruiz', worker: 'chw' });
  const personUrl = new URL(page.url()).pathname;
  await recordOnPersonPage(page, { training: 'builtin.hipaa', date: '2026-02-01' });
  await recordOnPersonPage(page, { training: 'builtin.mhfa_adult', date: '2026-03-01' });
  await page.getByRole('button', { name: 'Remove: HIPAA privacy and security training' }).click();
  await expect(page.getByRole('status')).toContainText('Training record removed.');

  await page.goto('/settings');
  await page.getByRole('link', { name: /^Trash/ }).click();
  await expect(h1(page)).toHaveText('Trash');
  const row = page.locator('#trash tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('November 24, 2026');
  await expect(row).toContainText('Training recorded: HIPAA privacy and security training, February 1, 2026');
  await expect(row).toContainText('December 23, 2026');
  await expect(row.getByRole('link', { name: 'Ana Ruiz' })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/trash.png', fullPage: true });

  // One click brings it back; the toast's undo sends it to the trash again.
  await row.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('status')).toContainText('Brought back from the trash.');
  await expect(page.locator('#trash-empty')).toBeVisible();
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Restore' }).click();
  // Saved before leaving: a full page load would cut the write short.
  await expect(page.locator('#trash-empty')).toBeVisible();
  await page.goto(personUrl);
  await expect(historyRows(page)).toHaveCount(2);

  // Removed again, then 30 days pass: the next start deletes it for good.
  await page.getByRole('button', { name: 'Remove: HIPAA privacy and security training' }).click();
  await expect(page.getByRole('status')).toContainText('Training record removed.');
  await page.clock.setFixedTime(new Date('2026-12-23T12:00:00'));
  await page.goto('/trash');
  // The purge runs 3 s after the start; on the 30th day it keeps the record.
  await page.waitForTimeout(4_000);
  await expect(row).toHaveCount(1);
  await page.clock.setFixedTime(new Date('2026-12-24T12:00:00'));
  await page.goto('/trash');
  await expect(page.locator('#trash-empty')).toBeVisible({ timeout: 30_000 });
  await page.goto(personUrl);
  await expect(historyRows(page)).toHaveCount(1);
  await expect(page.locator('details.removed')).toHaveCount(0);

  // An archived person is listed as kept until restored, never purged.
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText('This person is archived.')).toBeVisible();
  await page.goto('/trash');
  await expect(page.locator('.trash-kept').getByRole('link', { name: 'Ana Ruiz' })).toBeVisible();
});
