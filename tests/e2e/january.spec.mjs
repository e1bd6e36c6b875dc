// Issue #8: 1 January on the dashboard. Three CHWs owe 6 hours of training a year (DHCS): one
// did all of 2026's hours, one did 5 of 6, one did none. On 1 January 2027 the first is
// current and the other two are expired, lapsed after 31 December 2026, with 2027's hours due
// by 31 December 2027; the CSV says the same, and a person's page says it in Spanish too.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import { addPerson, chooseOrganization, h1, parseCsv, recordOnPersonPage } from './helpers.mjs';

const REQ = 'preset.chw_annual_training';

test('on 1 January last year\'s hours decide: counts, lists, CSV and a Spanish person page', async ({ page }) => {
  await chooseOrganization(page);
  for (const [name, hours] of [['Ana Flores', '6'], ['Beto Ruiz', '5'], ['Carla Soto', '']]) {
    await addPerson(page, { name, worker: 'chw', hire: '2025-02-01' });
    if (hours) await recordOnPersonPage(page, { training: 'builtin.trauma_informed_care', date: '2026-05-01', hours });
  }

  await page.goto(`/compliance?as_of=2027-01-01&requirement=${REQ}`);
  await expect(h1(page)).toHaveText('Compliance');
  const count = (status) => page.locator(`.tile[data-status="${status}"] .tile-count`);
  await expect(count('current')).toHaveText('1');
  await expect(count('expired')).toHaveText('2');
  await expect(count('missing')).toHaveText('0');
  await expect(count('in_progress')).toHaveText('0');
  const expired = page.locator('#expired-list').locator('xpath=..');
  const rows = expired.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  for (const name of ['Beto Ruiz', 'Carla Soto']) {
    const row = rows.filter({ hasText: name });
    // The day it lapsed, not a day in the future; the next deadline is this year's last day.
    await expect(row).toContainText('December 31, 2026');
    await expect(row).toContainText('6 more hours by December 31, 2027');
  }
  await expect(expired).not.toContainText('Ana Flores');
  await page.screenshot({ path: 'tests/e2e/screenshots/compliance-january.png', fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const csv = parseCsv(fs.readFileSync(await download.path(), 'utf8'));
  const header = csv[0];
  const col = (row, name) => row[header.indexOf(name)];
  const byName = Object.fromEntries(csv.slice(1).map((r) => [col(r, 'person'), r]));
  expect(col(byName['Ana Flores'], 'status')).toBe('current');
  expect(col(byName['Ana Flores'], 'valid_until')).toBe('2027-12-31');
  for (const name of ['Beto Ruiz', 'Carla Soto']) {
    expect(col(byName[name], 'status')).toBe('expired');
    expect(col(byName[name], 'valid_until')).toBe('2026-12-31');
    expect(col(byName[name], 'cycle_start')).toBe('2027-01-01');
    expect(col(byName[name], 'cycle_end')).toBe('2027-12-31');
  }

  // The last day of 2026: Beto is still in progress with one hour to go, due that day.
  await page.getByLabel('Status as of').fill('2026-12-31');
  await expect(count('current')).toHaveText('1');
  await expect(count('in_progress')).toHaveText('1');
  await expect(count('missing')).toHaveText('1');
  await expect(page.locator('#within-30').locator('xpath=..').locator('tbody tr').filter({ hasText: 'Beto Ruiz' }))
    .toContainText('1 more hour by December 31, 2026');

  // Beto's own page in Spanish: dates and plurals the reader's way.
  await page.getByLabel('Status as of').fill('2027-01-01');
  await openFromList(page, expired, 'Beto Ruiz');
  await page.getByRole('button', { name: 'Ver en español' }).click();
  await page.getByLabel('Estado al').fill('2027-01-01');
  const card = page.locator(`.progress li.req[data-requirement="${REQ}"]`);
  await expect(card).toHaveAttribute('data-status', 'expired');
  await expect(card.locator('.req-date')).toHaveText('Venció después del 31 de diciembre de 2026');
  await expect(card.locator('.next')).toContainText('6 horas más a más tardar el 31 de diciembre de 2027');
  await page.getByLabel('Estado al').fill('2026-12-31');
  await expect(card.locator('.next')).toContainText('1 hora más a más tardar el 31 de diciembre de 2026');
  await expect(card.locator('.bar-text').first()).toHaveText('5 de 6 horas');
  await page.screenshot({ path: 'tests/e2e/screenshots/person-january-es.png', fullPage: true });
});

/** From the dashboard's expired list to a person's page by their name. */
async function openFromList(page, list, name) {
  await list.getByRole('link', { name }).click();
  await expect(h1(page)).toHaveText(name);
}
