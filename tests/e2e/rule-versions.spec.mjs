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

test('a training\'s validity changed from a date keeps earlier certificates under their rule', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Noé Vargas', worker: 'peer_support_specialist' });
  const personUrl = page.url();
  await recordOnPersonPage(page, { training: 'builtin.mhfa_adult', date: '2026-01-10' });
  const mhfa = page.locator('.progress li.req[data-requirement="preset.mhfa"]');
  await page.getByLabel('Status as of').fill('2027-06-01');
  await expect(mhfa).toHaveAttribute('data-status', 'current');
  await expect(mhfa.locator('.req-date')).toHaveText('Valid until January 10, 2029');

  // MHFA certificates earned from 2027 on last one year (a local policy, for the test).
  await page.goto('/trainings/builtin.mhfa_adult');
  await page.getByRole('link', { name: 'Customise' }).click();
  await page.getByLabel('How many', { exact: true }).fill('1');
  await page.getByLabel('The new rule applies to completions from').fill('2027-01-01');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#training-changed-by-error')).toHaveText('This field is required.');
  await page.getByLabel('Changed by (name and role)').fill('Ana Ruiz, HR');
  await page.getByRole('button', { name: 'Save' }).click();
  const history = page.locator('details.history');
  await history.locator('summary').click();
  await expect(history.locator('li').nth(0)).toContainText('Completed since January 1, 2027: 1 year after completion');
  await expect(history.locator('li').nth(1)).toContainText('Completed until December 31, 2026 (changed by Ana Ruiz, HR on');
  await expect(history.locator('li').nth(1)).toContainText('3 years after completion');

  // The 2026 certificate keeps its three years.
  await page.goto(personUrl);
  await page.getByLabel('Status as of').fill('2027-06-01');
  await expect(mhfa.locator('.req-date')).toHaveText('Valid until January 10, 2029');
});
