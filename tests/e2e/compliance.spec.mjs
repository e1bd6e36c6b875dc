// Issue #3 end to end: the rules engine on screen. A peer's certification moves from missing
// to in progress to current as trainings are recorded, and shows expired as of a later date;
// the dashboard counts and lists it; the CSV has the exact rows; work hours, waivers,
// requirement edits and the printable yearly record work through the interface.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import { addPerson, chooseOrganization, h1, historyRows, parseCsv, recordOnPersonPage, tabTo, fitsPrintedPage } from './helpers.mjs';

const card = (page, id) => page.locator(`.progress li.req[data-requirement="preset.${id}"]`);

test('a peer\'s certification: missing → in progress → current, expired as of a later date, and the CSV', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Rosa Delgado', worker: 'peer_support_specialist', program: 'Crisis', email: 'rosa@example.org' });
  // A fixed "as of" date keeps the test true whenever it runs.
  await page.getByLabel('Status as of').fill('2025-06-01');
  const cert = card(page, 'peer_certification');
  await expect(cert).toHaveAttribute('data-status', 'missing');
  await expect(cert.locator('.badge')).toHaveText('Missing');

  await recordOnPersonPage(page, { training: 'builtin.peer_core_80h', date: '2025-01-10' });
  await expect(cert).toHaveAttribute('data-status', 'in_progress');
  await expect(cert.locator('.badge')).toHaveText('In progress');
  await expect(cert.locator('.bar-text')).toHaveText(/^80 of \d+ hours$/);
  await expect(cert.locator('.next')).toContainText('Complete');
  await expect(cert.locator('.next')).toContainText('exam');

  await recordOnPersonPage(page, { training: 'builtin.peer_exam', date: '2025-03-01' });
  await expect(cert).toHaveAttribute('data-status', 'current');
  await expect(cert.locator('.badge')).toHaveText('Current');
  await expect(cert.locator('.req-date')).toHaveText('Valid until March 1, 2027');
  // CE for the certification period: 20 hours, 6 of them law and ethics, with a bar each.
  const ce = card(page, 'peer_ce');
  await expect(ce.locator('.bar-row')).toHaveCount(2);
  await expect(ce.locator('.next')).toContainText('6 more law and ethics hours');
  await expect(page.locator('.timeline li')).toContainText(['Medi-Cal peer support specialist certification']);

  // HR asks: what will it be on a later date? Past the expiry it is expired.
  await page.getByLabel('Status as of').fill('2027-03-02');
  await expect(cert).toHaveAttribute('data-status', 'expired');
  await expect(cert.locator('.badge')).toHaveText('Expired');
  await expect(cert.locator('.req-date')).toHaveText('Lapsed after March 1, 2027');
  // Inside the 90-day window before that it is due soon, with the renewal window in words.
  await page.getByLabel('Status as of').fill('2027-01-15');
  await expect(cert).toHaveAttribute('data-status', 'due_soon');
  await expect(cert.locator('.next')).toContainText('Renew between December 2, 2026 and March 1, 2027');
  await page.screenshot({ path: 'tests/e2e/screenshots/progress-peer.png', fullPage: true });

  // The dashboard, as of the day after expiry, filtered to the certification.
  await page.getByRole('link', { name: 'Compliance' }).click();
  await expect(h1(page)).toHaveText('Compliance');
  await page.getByLabel('Status as of').fill('2027-03-02');
  await page.getByLabel('Requirement', { exact: true }).selectOption('preset.peer_certification');
  await expect(page.locator('.tile[data-status="expired"] .tile-count')).toHaveText('1');
  await expect(page.locator('.tile[data-status="current"] .tile-count')).toHaveText('0');
  const expired = page.locator('section.horizon', { has: page.locator('#expired-list') });
  await expect(expired.locator('tbody tr')).toHaveCount(1);
  await page.screenshot({ path: 'tests/e2e/screenshots/compliance-dashboard.png', fullPage: true });

  // The CSV: exact header, one row for the filtered requirement, ISO dates, decimal hours.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('escalera-compliance-2027-03-02.csv');
  const rows = parseCsv(fs.readFileSync(await download.path(), 'utf8'));
  expect(rows[0].join(',')).toBe('person,email,worker_type,requirement,status,valid_until,hours_done,hours_required,next_action,'
    + 'cycle_start,cycle_end,category_hours,waiver_reason,waived_by,waived_until');
  expect(rows.slice(1)).toEqual([[
    'Rosa Delgado', 'rosa@example.org', 'peer_support_specialist', 'Medi-Cal peer support specialist certification',
    'expired', '2027-03-01', '', '', expect.stringMatching(/^Complete .+/), '', '', '', '', '', '',
  ]]);
  // Unfiltered: one row per requirement that applies to a peer, CE hours as decimals.
  await page.getByLabel('Requirement', { exact: true }).selectOption('');
  const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const allRows = parseCsv(fs.readFileSync(await all.path(), 'utf8')).slice(1);
  // Peer presets in use (core, certification, CE; specializations are opt-in) + MHFA, CPR, HIPAA.
  expect(allRows.length).toBe(6);
  const ceRow = allRows.find((r) => r[3].startsWith('Peer certification continuing education'));
  // Once the certification has lapsed, its CE waits for the certification to be renewed.
  expect(ceRow.slice(4)).toEqual(['missing', '', '0', '20', 'First: Medi-Cal peer support specialist certification', '', '', '', '', '', '']);

  // One click to the person.
  await expired.getByRole('link', { name: 'Rosa Delgado' }).click();
  await expect(h1(page)).toHaveText('Rosa Delgado');
});

test('work hours meet the CHW experience pathway; a waiver sets a requirement aside and can be withdrawn', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Luis Ortega', worker: 'chw' });
  await page.getByLabel('Status as of').fill('2025-07-15');
  const qual = card(page, 'chw_qualification');
  await expect(qual).toHaveAttribute('data-status', 'missing');

  await page.locator('details', { hasText: 'Hours worked' }).locator('summary').click();
  const work = page.getByRole('form', { name: 'Add hours worked' });
  // Bad input: a clear message, nothing saved.
  await work.getByLabel('From').fill('2025-01-01');
  await work.getByLabel('To').fill('2024-12-31');
  await work.getByLabel('Hours').fill('0');
  await work.getByRole('button', { name: 'Add hours worked' }).click();
  await expect(page.locator('#work-to-error')).toHaveText('The end cannot be before the start.');
  await expect(page.locator('#work-hours-input-error')).toHaveText('Hours must be more than 0 and at most 10,000 for one period.');
  await expect(page.locator('#work-hours li')).toHaveCount(0);

  await work.getByLabel('From').fill('2024-01-01');
  await work.getByLabel('To').fill('2024-12-31');
  await work.getByLabel('Hours').fill('1500');
  await work.getByRole('button', { name: 'Add hours worked' }).click();
  await expect(page.locator('#work-hours li')).toHaveCount(1);
  await expect(qual).toHaveAttribute('data-status', 'in_progress');
  // A threshold in whole terms: "more than 2,000", and the hours so far.
  await expect(qual.locator('.next')).toContainText('Work more than 2,000 hours within 36 months (1,500 so far)');
  await work.getByLabel('From').fill('2025-01-01');
  await work.getByLabel('To').fill('2025-06-30');
  await work.getByLabel('Hours').fill('900,5');
  await work.getByRole('button', { name: 'Add hours worked' }).click();
  await expect(page.locator('#work-hours li')).toHaveCount(2);
  // More than 2,000 hours: qualified for now, with the certificate due within 18 months.
  await expect(qual).toHaveAttribute('data-status', 'current');
  await expect(qual.locator('.next')).toContainText('Complete');

  // Waive CPR: reason and who decided are required and shown.
  const cpr = card(page, 'cpr');
  await expect(cpr).toHaveAttribute('data-status', 'missing');
  await page.locator('details', { hasText: 'Waivers' }).locator('summary').click();
  const waive = page.getByRole('form', { name: 'Waive a requirement' });
  await waive.getByRole('button', { name: 'Waive a requirement' }).click();
  await expect(page.locator('#waiver-reason-error')).toHaveText('This field is required.');
  await waive.getByLabel('Requirement').selectOption('preset.cpr');
  await waive.getByLabel('Reason').fill('Medical leave');
  await waive.getByLabel(/Waived by/).fill('Ana Ruiz, HR');
  await waive.getByLabel('From').fill('2025-07-01');
  await waive.getByRole('button', { name: 'Waive a requirement' }).click();
  await expect(cpr).toHaveAttribute('data-status', 'waived');
  await expect(cpr).toContainText('Waived by Ana Ruiz, HR: Medical leave');

  // Withdrawing is undoable.
  await page.getByRole('button', { name: /Withdraw: CPR/ }).click();
  await expect(cpr).toHaveAttribute('data-status', 'missing');
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(cpr).toHaveAttribute('data-status', 'waived');
});

test('edit a preset, stop using one, restore it; the due-soon window is a setting', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Ana Ruiz', worker: 'chw' });
  await recordOnPersonPage(page, { training: 'builtin.cpr_first_aid', date: '2025-03-03' });
  const personUrl = page.url();
  await page.goto(personUrl);
  await page.getByLabel('Status as of').fill('2027-02-15');
  await expect(card(page, 'cpr')).toHaveAttribute('data-status', 'due_soon');
  await expect(card(page, 'chw_annual_training').locator('.bar-text')).toHaveText('0 of 6 hours');

  await page.getByRole('link', { name: 'Requirements' }).click();
  await expect(h1(page)).toHaveText('Requirements');
  await page.getByRole('link', { name: 'Edit: Medi-Cal CHW annual training (6 hours a year)' }).click();
  await expect(h1(page)).toHaveText('Edit requirement');
  await page.getByLabel('Hours required per cycle').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#req-hours-error')).toHaveText('This field is required.');
  await page.getByLabel('Hours required per cycle').fill('8');
  await page.getByLabel('Changed by (name and role)').fill('Ana Ruiz, HR');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('Requirements');
  const annual = page.locator('li.req[data-requirement="preset.chw_annual_training"]');
  await expect(annual).toContainText('8 hours every 12 months');
  await expect(annual.locator('.badge').first()).toHaveText('Customised');
  await page.getByRole('button', { name: /^Stop using: Mental Health First Aid/ }).click();
  await expect(page.locator('li.req[data-requirement="preset.mhfa"]')).toContainText('Not in use');

  await page.goto(personUrl);
  await expect(card(page, 'chw_annual_training').locator('.bar-text')).toHaveText('0 of 8 hours');
  await expect(card(page, 'mhfa')).toHaveCount(0);

  // Restoring the preset brings back 6 hours; the records were never touched.
  await page.goto('/requirements');
  await page.getByRole('button', { name: /^Restore the preset: Medi-Cal CHW annual training/ }).click();
  await expect(annual).toContainText('6 hours every 12 months');
  await page.goto(personUrl);
  await expect(card(page, 'chw_annual_training').locator('.bar-text')).toHaveText('0 of 6 hours');

  // A 30-day window: CPR valid until March 31, 2027 is current on February 15.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel(/due soon/).fill('400');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#settings-due-soon-error')).toHaveText('Enter a whole number from 1 to 365.');
  await page.getByLabel(/due soon/).fill('30');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Saved');
  await page.goto(personUrl);
  await page.getByLabel('Status as of').fill('2027-02-15');
  await expect(card(page, 'cpr')).toHaveAttribute('data-status', 'current');
});

test('the yearly training record has the DHCS checklist fields and fits A4 and Letter when printed', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Marisol Vega', worker: 'chw', role: 'Promotora' });
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel(/Type of employment/).selectOption('employee');
  await page.getByLabel(/Supervising provider \(name/).fill('Dr. Ana Ruiz, MD');
  await page.getByLabel(/Supervising provider's organization/).fill('Clínica del Valle');
  await page.getByLabel(/Hire date/).fill('2024-05-01');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('Marisol Vega');
  await recordOnPersonPage(page, { training: 'builtin.chw_annual_ce', date: '2025-02-10', hours: '3' });
  await recordOnPersonPage(page, { training: 'builtin.cpr_first_aid', date: '2025-09-01' });
  await recordOnPersonPage(page, { training: 'builtin.hipaa', date: '2024-05-03' });
  await expect(historyRows(page)).toHaveCount(3);

  const url = new URL(page.url()).pathname;
  await page.goto(`${url}/record/2025`);
  await expect(h1(page)).toHaveText('Annual training record 2025');
  const fields = page.locator('.record-fields');
  for (const text of ['Marisol Vega · Promotora', 'Dr. Ana Ruiz, MD', 'Clínica del Valle', 'May 1, 2024', 'Employee']) {
    await expect(fields).toContainText(text);
  }
  await expect(page.locator('#year-record tbody tr')).toHaveCount(2);
  await expect(page.locator('#year-total')).toHaveText('7');
  // Another year is another page.
  await page.getByLabel('Year').selectOption('2024');
  await expect(page).toHaveURL(/\/record\/2024$/);
  await expect(page.locator('#year-record tbody tr')).toHaveCount(1);

  await fitsPrintedPage(page, 'year-record');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.length).toBeGreaterThan(1000);
});

test('the dashboard works with the keyboard alone', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Rosa Delgado', worker: 'peer_support_specialist' });
  await recordOnPersonPage(page, { training: 'builtin.cpr_first_aid', date: '2020-01-06' });
  await page.goto('/compliance');
  await expect(h1(page)).toHaveText('Compliance');
  const select = page.getByLabel('Requirement', { exact: true });
  await tabTo(page, select);
  // Arrow keys choose in a closed select: the first requirement in use, peer core training.
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('preset.peer_core');
  await page.keyboard.press('End');
  await expect(select).not.toHaveValue('preset.peer_core');
  await expect(page).toHaveURL(/requirement=/);
  await page.keyboard.press('Home');
  await expect(select).toHaveValue('');
  // The filter reaches the URL (and the lists re-render) before the next Tab, so the focused
  // link is the one on screen, not one about to be replaced.
  await expect(page).not.toHaveURL(/requirement=/);
  await expect(page.locator('#expired-list').locator('xpath=..')).toContainText('Rosa Delgado');
  const link = page.locator('#expired-list').locator('xpath=..').getByRole('link', { name: 'Rosa Delgado' });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('Rosa Delgado');
});
