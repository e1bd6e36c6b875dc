// Issue #8: rules change over time the way regulations do. Raising the CHW annual hours from
// 6 to 8 from 1 January 2027 asks from when and by whom, keeps the old rule in the
// requirement's history, and leaves the compliance CSV for a past "as of" date byte for byte
// as it was; dates after the change are judged by the new rule.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import { addPerson, chooseOrganization, h1, parseCsv, recordOnPersonPage } from './helpers.mjs';

const REQ = 'preset.chw_annual_training';

async function csvAsOf(page, day) {
  await page.goto(`/compliance?as_of=${day}&requirement=${REQ}`);
  await expect(page.locator('.tiles')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  return fs.readFileSync(await download.path(), 'utf8');
}

test('a rule edited with an effective date leaves a past "as of" CSV unchanged and shows its history', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Rita Mora', worker: 'chw', hire: '2020-01-06' });
  await recordOnPersonPage(page, { training: 'builtin.trauma_informed_care', date: '2026-05-01', hours: '6' });
  const before = await csvAsOf(page, '2026-12-31');
  expect(parseCsv(before)[1].slice(4, 8)).toEqual(['current', '2027-12-31', '6', '6']);

  await page.goto('/requirements');
  await page.getByRole('link', { name: 'Edit: Medi-Cal CHW annual training (6 hours a year)' }).click();
  await expect(h1(page)).toHaveText('Edit requirement');
  await page.getByLabel('Hours required per cycle').fill('8');
  await page.getByLabel('The new rule applies from').fill('2027-01-01');
  // Who changed it is part of the record: asked inline, nothing saved without it.
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#req-changed-by-error')).toHaveText('This field is required.');
  await expect(h1(page)).toHaveText('Edit requirement');
  await page.getByLabel('Changed by (name and role)').fill('Ana Ruiz, HR');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('Requirements');

  const annual = page.locator(`li.req[data-requirement="${REQ}"]`);
  await expect(annual).toContainText('8 hours every 12 months');
  const history = annual.locator('details.history');
  await expect(history.locator('summary')).toHaveText('History: 1 earlier rule');
  await history.locator('summary').click();
  await expect(history.locator('li').nth(0)).toContainText('Since January 1, 2027: 8 hours every 12 months');
  await expect(history.locator('li').nth(1)).toContainText('Until December 31, 2026 (changed by Ana Ruiz, HR on');
  await expect(history.locator('li').nth(1)).toContainText('6 hours every 12 months');
  await annual.screenshot({ path: 'tests/e2e/screenshots/requirement-history.png' });

  // The past report is what it was; the new rule judges the year it applies to.
  expect(await csvAsOf(page, '2026-12-31')).toBe(before);
  const after = parseCsv(await csvAsOf(page, '2027-06-01'));
  expect(after[1].slice(4, 8)).toEqual(['current', '2027-12-31', '0', '8']);

  // Spanish: the history in the reader's language.
  await page.goto('/requirements');
  await page.getByRole('button', { name: 'Ver en español' }).click();
  await annual.locator('details.history summary').click();
  await expect(annual.locator('details.history summary')).toHaveText('Historial: 1 regla anterior');
  await expect(annual.locator('details.history li').nth(1)).toContainText('Hasta el 31 de diciembre de 2026 (cambiada por Ana Ruiz, HR el');
});
