// Trainers (issue #11), clicking and typing as a trainer would: copy an example curriculum,
// assign it to a rule cohort of new peers with a relative due date, schedule a session, mark
// attendance and see the board move; a peer hired later is assigned by the rule; a
// self-reported training counts only once verified; the sign-in sheet prints (Letter and A4);
// the forecast chart has a text alternative; axe finds nothing serious at 360 px in both
// languages.
import { test, expect } from './fixtures.mjs';
import { addPerson, chooseOrganization, h1, openRecordForm, seriousViolations, setLanguage } from './helpers.mjs';

/** A date `days` from today, as the app's date inputs take it: the browser's local day, in
 * the time zone the tests give it (playwright.config.mjs), whatever this machine's is. */
function isoDaysFromNow(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(d);
}

const boardRow = (page, name) => page.locator('#board-table tbody tr', { hasText: name });

/** New cohort by rule: peers hired from `from`. Lands on the trainer home, filtered to it. */
async function newPeersCohort(page, from) {
  await page.goto('/training');
  await page.getByRole('link', { name: 'New cohort' }).click();
  await expect(h1(page)).toHaveText('New cohort');
  await page.getByLabel('Name', { exact: true }).fill('New peers, fall class');
  await page.locator('#cohort-workers').getByLabel('Peer support specialist').check();
  await page.getByLabel('Hired on or after').fill(from);
  await expect(page.locator('#cohort-preview')).toContainText('1 person');
  await expect(page.locator('#cohort-preview')).toContainText('Ana Ríos');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('Training');
}

test('a trainer copies an example, assigns it to a rule cohort, runs a session and the board follows', async ({ page }) => {
  test.setTimeout(120_000);
  await chooseOrganization(page);
  await addPerson(page, { name: 'Ana Ríos', worker: 'peer_support_specialist', hire: isoDaysFromNow(-10) });
  await addPerson(page, { name: 'Beto Cruz', worker: 'chw', hire: isoDaysFromNow(-10) });
  await addPerson(page, { name: 'Olga Paz', worker: 'peer_support_specialist', hire: '2019-04-01' });

  // Validation first: a cohort by rule needs a condition.
  await page.goto('/training/cohorts/new');
  await page.getByLabel('Name', { exact: true }).fill('Nobody yet');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#cohort-rule-error')).toHaveText('Choose at least one condition.');
  await newPeersCohort(page, isoDaysFromNow(-60));

  // Copy the peer onboarding example; it keeps the example's trainings and sections.
  await page.getByRole('link', { name: 'Copy: Peer support onboarding' }).click();
  await expect(h1(page)).toHaveText('Copy a curriculum');
  await expect(page.getByLabel('Name in English')).toHaveValue('Peer support onboarding (copy)');
  await page.getByLabel('Name in English').fill('Fall peer onboarding');
  await page.getByLabel('Name in Spanish').fill('Incorporación de pares, otoño');
  const trainings = await page.locator('.item-row select[id$="-training"]').evaluateAll((els) => els.map((e) => e.value));
  expect(trainings.length).toBeGreaterThanOrEqual(3);
  // "All, in any order": every required training is needed.
  const needed = await page.locator('.item-row input[type="checkbox"]:checked').count();
  expect(needed).toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('Training');
  const copied = page.locator('#curricula-table tbody tr', { hasText: 'Fall peer onboarding' });
  await expect(copied).toBeVisible();
  await expect(copied).not.toContainText('Example');

  // Assign it to the cohort, due 30 days after it is given.
  await copied.getByRole('link', { name: 'Assign: Fall peer onboarding' }).click();
  await expect(h1(page)).toHaveText('Assign training');
  await page.getByLabel('To whom').selectOption({ label: 'Cohort: New peers, fall class' });
  await page.getByLabel('Due').selectOption('after_given');
  await page.getByLabel('Days').fill('0');
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.locator('#assign-days-error')).toHaveText('Enter a whole number from 1 to 3,650.');
  await expect(page.locator('#assign-by-error')).toContainText('required');
  await page.getByLabel('Days').fill('30');
  await page.getByLabel('Assigned by (your name)').fill('Marta Gil');
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(h1(page)).toHaveText('Training');
  await expect(page.getByLabel('Cohort')).toHaveValue(/.+/);
  const ana = boardRow(page, 'Ana Ríos');
  await expect(ana).toContainText('Not started');
  await expect(ana).toContainText(`0 of ${needed} done`);
  await expect(page.locator('#board-table tbody tr')).toHaveCount(1); // not Beto (a CHW), not Olga (hired earlier)

  // A session of the first training: Ana on the roster (with her cohort), present.
  await page.getByRole('link', { name: 'New session' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#session-training-error')).toContainText('required');
  await page.locator('#session-training').selectOption(trainings[0]);
  await page.getByLabel('Date', { exact: true }).fill(isoDaysFromNow(0));
  await page.getByLabel('Place or link').fill('Sala 2, 100 Main St');
  await page.getByLabel('Places').fill('1');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#roster-person')).toBeVisible();
  await page.getByLabel('Add a whole cohort').selectOption({ label: 'New peers, fall class' });
  await page.getByRole('button', { name: 'Add the cohort' }).click();
  await page.getByLabel('Add a person').selectOption({ label: 'Olga Paz' });
  await page.getByRole('button', { name: 'Add to the roster' }).click();
  await expect(page.locator('#session-places')).toHaveText('1 of 1 place taken · 1 waiting');
  await expect(page.locator('#waiting-list')).toContainText('Olga Paz');
  await page.getByRole('row', { name: /Ana Ríos/ }).getByLabel('Present').check();
  await page.getByRole('button', { name: 'Record trainings for everyone present' }).click();
  await expect(page.locator('#record-note')).toHaveText('Recorded 1 training completed.');
  await expect(page.getByRole('row', { name: /Ana Ríos/ })).toContainText('Recorded');

  // The sign-in sheet prints, bilingual, on Letter and on A4.
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('.sign-in-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Name / Nombre');
  await expect(sheet).toContainText('Signature / Firma');
  await expect(sheet).toContainText('Hours / Horas');
  await expect(sheet).toContainText('Ana Ríos');
  await expect(page.locator('header.top')).toBeHidden();
  await expect(page.locator('#roster')).toBeHidden();
  for (const format of ['Letter', 'A4']) {
    const pdf = await page.pdf({ format, preferCSSPageSize: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
  }
  await page.screenshot({ path: 'tests/e2e/screenshots/sign-in-sheet.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // The board moves: one of N done.
  await page.goto('/training');
  await expect(boardRow(page, 'Ana Ríos')).toContainText('In progress');
  await expect(boardRow(page, 'Ana Ríos')).toContainText(new RegExp(`1 of ${needed} done · [\\d.,]+ hours`));

  // A peer hired later joins the cohort by its rule and is assigned, due 30 days from today.
  await addPerson(page, { name: 'Carla Vega', worker: 'peer_support_specialist', hire: isoDaysFromNow(0) });
  await page.goto('/training');
  const carla = boardRow(page, 'Carla Vega');
  await expect(carla).toContainText('Not started');
  const due = new Date(`${isoDaysFromNow(30)}T12:00:00Z`);
  await expect(carla).toContainText(due.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }));
  await page.getByLabel('Status').selectOption('in_progress');
  await expect(page.locator('#board-table tbody tr')).toHaveCount(1);
  await expect(page).toHaveURL(/status=in_progress/);

  // Undo the recording: Ana is back to not started.
  await page.goto('/training');
  await page.locator('#sessions-table a').first().click();
  await page.getByRole('button', { name: 'Undo the recording' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The recorded trainings were removed' })).toBeVisible();
  await page.goto('/training');
  await expect(boardRow(page, 'Ana Ríos')).toContainText('Not started');

  // The forecast: a chart with a text alternative and the same figures as a table.
  const chart = page.locator('#forecast-chart');
  await expect(chart).toHaveAttribute('role', 'img');
  await expect(chart).toHaveAttribute('aria-label', /Credentials entering their renewal window, per month: \w{3} \d{4} \d/);
  await expect(page.locator('#forecast-table tbody tr')).toHaveCount(12);
  await page.screenshot({ path: 'tests/e2e/screenshots/trainer-home.png', fullPage: true });

  // Editing the assigned curriculum makes version 2; what Ana was given stays version 1.
  await page.locator('#curricula-table tbody tr', { hasText: 'Fall peer onboarding' }).getByRole('link', { name: 'Edit: Fall peer onboarding' }).click();
  await expect(page.getByText('saving a change makes a new version')).toBeVisible();
  await page.getByRole('button', { name: 'Add a training' }).click();
  await page.locator('.item-row select[id$="-training"]').last().selectOption('builtin.cpr_first_aid');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('Training');
  await expect(page.locator('#curricula-table tbody tr', { hasText: 'Fall peer onboarding' })).toContainText('Version 2');
  await expect(boardRow(page, 'Ana Ríos')).toContainText('Fall peer onboarding (Version 1)');
  await expect(boardRow(page, 'Ana Ríos')).toContainText(`0 of ${needed} done`);
});

test('a self-reported training counts only after a trainer verifies it', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Dora Soto', worker: 'chw' });
  const person = new URL(page.url()).pathname;
  // HR assigns her CPR.
  await page.goto('/training/assign');
  await page.getByLabel('What').selectOption('training:builtin.cpr_first_aid');
  await page.getByLabel('To whom').selectOption({ label: 'Person: Dora Soto' });
  await page.getByLabel('Due').selectOption('none');
  await page.getByLabel('Assigned by (your name)').fill('Marta Gil');
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(h1(page)).toHaveText('Dora Soto');
  const assignment = page.locator('.assignment-list .assignment').first();
  await expect(assignment).toContainText('Not started');

  // She reports it herself: pending, shown, and counting toward nothing.
  await openRecordForm(page);
  const form = page.locator('form.completion-form');
  await form.getByLabel('Training').selectOption('builtin.cpr_first_aid');
  await form.getByLabel('Date completed').fill(isoDaysFromNow(-3));
  await form.getByLabel(/Self-reported/).check();
  await form.getByLabel('Certificate number').fill('AHA-5521');
  await form.getByRole('button', { name: 'Record a training' }).click();
  await expect(form.locator('#completion-reported-by-error')).toContainText('required');
  await form.getByLabel('Reported by').fill('Dora Soto');
  await form.getByRole('button', { name: 'Record a training' }).click();
  const row = page.locator('#history tbody tr', { hasText: 'CPR' });
  await expect(row).toContainText('Pending verification');
  await expect(row).toContainText('Self-reported by Dora Soto');
  await expect(assignment).toContainText('Not started');
  await expect(row.getByRole('button', { name: /Open Badge/ })).toHaveCount(0);

  // A rejection needs a reason; a verification counts at once, with who and when.
  await row.getByText('Verify or reject').click();
  await row.getByLabel('Your name').fill('Marta Gil');
  await row.getByRole('button', { name: 'Reject' }).click();
  await expect(row.locator('[id^="verify-reason-"][id$="-error"]')).toContainText('required');
  await row.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Verified: it now counts.' })).toBeVisible();
  await expect(row).toContainText('Verified by Marta Gil');
  await expect(assignment).toContainText('Complete');
  await page.goto(person);
  await expect(page.locator('.assignment-list .assignment').first()).toContainText('Complete');
});

test('the trainer pages: axe finds nothing serious at 360 px, in English and in Spanish', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 740 });
  await chooseOrganization(page);
  await addPerson(page, { name: 'Ana Ríos', worker: 'peer_support_specialist', hire: isoDaysFromNow(-10) });
  await newPeersCohort(page, isoDaysFromNow(-60));
  const cohortEdit = await page.locator('.cohort-list a').first().getAttribute('href');
  // Monthly support sessions: a series, each its own session.
  await page.goto('/training/sessions/new');
  await page.locator('#session-training').selectOption('builtin.support_session');
  await page.getByLabel('Repeats').selectOption('monthly');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#session-count-error')).toHaveText('This field is required.');
  await page.getByLabel('How many sessions').fill('3');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#roster-person')).toBeVisible();
  const session = new URL(page.url()).pathname;
  await page.getByLabel('Add a person').selectOption({ label: 'Ana Ríos' });
  await page.getByRole('button', { name: 'Add to the roster' }).click();
  await expect(page.locator('#roster')).toContainText('Ana Ríos');
  await page.reload(); // opened afresh, the roster names everyone on it
  await expect(page.locator('#roster tbody th')).toHaveText('Ana Ríos');
  // Ana's page with an assignment and a training she reported, waiting for verification.
  await page.goto('/training/assign');
  await page.getByLabel('What').selectOption('training:builtin.cpr_first_aid');
  await page.getByLabel('To whom').selectOption({ label: 'Person: Ana Ríos' });
  await page.getByLabel('Assigned by (your name)').fill('Marta Gil');
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(h1(page)).toHaveText('Ana Ríos');
  const person = new URL(page.url()).pathname;
  await openRecordForm(page);
  const form = page.locator('form.completion-form');
  await form.getByLabel('Training').selectOption('builtin.mhfa_adult');
  await form.getByLabel(/Self-reported/).check();
  await form.getByLabel('Reported by').fill('Ana Ríos');
  await form.getByRole('button', { name: 'Record a training' }).click();
  await expect(page.locator('#history')).toContainText('Pending verification');
  await page.goto('/training');
  await expect(page.locator('#sessions-table tbody tr', { hasText: 'Support session' })).toHaveCount(3);
  const pages = {
    'assigned-person': person,
    trainer: '/training',
    'curriculum-new': '/training/curricula/new',
    'curriculum-copy': '/training/curricula/new?from=example.curriculum.peer_certification',
    'cohort-edit': cohortEdit,
    assign: '/training/assign',
    'session-new': '/training/sessions/new',
    session,
  };
  for (const lang of ['en', 'es']) {
    await setLanguage(page, lang);
    for (const [name, url] of Object.entries(pages)) {
      await page.goto(url);
      await expect(h1(page)).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page), `${name} (${lang})`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} (${lang}) scrolls sideways`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `tests/e2e/screenshots/phone-${name}-${lang}.png`, fullPage: true });
    }
  }
});
