// The foundation slice end to end: first-run modes, people, completions, persistence,
// archive/restore, validation, duplicates, customising the catalog, keyboard-only use.
import { test, expect } from './fixtures.mjs';
import { addPerson, chooseOrganization, h1, historyRows, recordOnPersonPage, tabTo } from './helpers.mjs';

test('first run "my own record" opens on my own page, also after a reload', async ({ page }) => {
  await page.goto('/');
  await expect(h1(page)).toHaveText('Welcome to Escalera');
  await page.getByRole('button', { name: /My own record/ }).click();
  await expect(h1(page)).toHaveText('Tell us about yourself');
  await page.getByLabel('Full name').fill('Rosa Delgado');
  await page.getByLabel('Worker type').selectOption('peer_support_specialist');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('Rosa Delgado');
  await expect(page.getByRole('link', { name: 'My record' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'People' })).toHaveCount(0);

  await page.goto('/');
  await expect(h1(page)).toHaveText('Rosa Delgado');
  await expect(page.locator('.facts')).toContainText('Peer support specialist');
});

test('add a person, record two completions, reload and find them', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'María López', role: 'Promotora', program: 'ECM' });
  await recordOnPersonPage(page, { training: 'builtin.mhfa_adult', date: '2025-03-10' });
  // The form is ready for the next record: same date, no training, no leftover hours.
  await expect(page.getByLabel('Training', { exact: true })).toHaveValue('');
  await expect(page.locator('form.completion-form').getByLabel('Hours')).toHaveValue('');
  await expect(page.getByLabel('Date completed')).toHaveValue('2025-03-10');
  await recordOnPersonPage(page, { training: 'builtin.law_ethics_ce', date: '2026-01-15', hours: '6.5' });

  await page.reload();
  await expect(h1(page)).toHaveText('María López');
  await expect(historyRows(page)).toHaveCount(2);
  // Newest first, with the validity each rule gives and the total of the hours.
  await expect(historyRows(page).nth(0)).toContainText('Law and ethics continuing education');
  await expect(historyRows(page).nth(0)).toContainText('January 15, 2026');
  await expect(historyRows(page).nth(1)).toContainText('Mental Health First Aid (adult)');
  await expect(historyRows(page).nth(1)).toContainText('March 10, 2028');
  await expect(page.locator('#total-hours')).toHaveText('14');

  // The person is in the list and found by an accent-free search.
  await page.getByRole('link', { name: 'People' }).click();
  await page.getByLabel('Search people').fill('maria lopez');
  await expect(page.getByRole('link', { name: 'María López' })).toBeVisible();
  await page.getByLabel('Search people').fill('nobody');
  await expect(page.getByText('No one matches your search.')).toBeVisible();
});

test('record a completion from the training page', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Luis Ortega', worker: 'violence_prevention' });
  await page.getByRole('link', { name: 'Trainings' }).click();
  await page.getByRole('link', { name: 'CPR, AED and first aid (American Heart Association)' }).click();
  await expect(page.getByText('Through the end of the month, 24 months after completion')).toBeVisible();
  const form = page.locator('form.completion-form');
  await form.getByLabel('Person').selectOption({ label: 'Luis Ortega' });
  await form.getByLabel('Date completed').fill('2025-03-03');
  await expect(form.getByLabel('Hours')).toHaveValue('4');
  await form.getByRole('button', { name: 'Record a training' }).click();
  await expect(page.getByRole('status')).toContainText('Training recorded.');
  await expect(page.getByRole('cell', { name: 'Luis Ortega' })).toBeVisible();

  await page.getByRole('link', { name: 'Luis Ortega' }).click();
  await expect(historyRows(page)).toHaveCount(1);
  await expect(historyRows(page).first()).toContainText('March 31, 2027'); // AHA: end of month, 2 years
});

test('archive and restore a person; undo brings a removed record back', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Ana Ruiz' });
  await recordOnPersonPage(page, { training: 'builtin.hipaa', date: '2026-02-01' });

  await page.getByRole('button', { name: 'Remove: HIPAA privacy and security training' }).click();
  await expect(page.getByRole('status')).toContainText('Training record removed.');
  await expect(page.getByText('No trainings recorded yet.')).toBeVisible();
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(historyRows(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText('This person is archived.')).toBeVisible();
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByText('No one here yet.')).toBeVisible();
  await page.getByLabel('Show archived people').check();
  await page.getByRole('link', { name: 'Ana Ruiz' }).click();
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('This person is archived.')).toHaveCount(0);
  await page.reload();
  await expect(historyRows(page)).toHaveCount(1);
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('link', { name: 'Ana Ruiz' })).toBeVisible();
});

test('invalid input shows inline messages and saves nothing', async ({ page }) => {
  await chooseOrganization(page);
  await page.getByRole('link', { name: 'Add person' }).click();
  await page.getByLabel(/^Email/).fill('maria@');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Please correct the fields marked below. Nothing has been saved.')).toBeVisible();
  // Keyboard and screen-reader users land on the summary, not somewhere below it.
  await expect(page.locator('#form-errors')).toBeFocused();
  await expect(page.locator('#person-name-error')).toHaveText('This field is required.');
  await expect(page.getByLabel('Full name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#person-email-error')).toHaveText('Enter an email address like name@example.org.');
  await page.goto('/people');
  await expect(page.getByText('No one here yet.')).toBeVisible();

  await addPerson(page, { name: 'Pedro Sánchez' });
  const form = page.locator('form.completion-form');
  await form.getByRole('button', { name: 'Record a training' }).click();
  await expect(page.locator('#completion-training-error')).toHaveText('This field is required.');
  await form.getByLabel('Training').selectOption('builtin.trauma_informed_care');
  await form.getByLabel('Date completed').fill('2099-01-01');
  await form.getByLabel('Hours').fill('0');
  await form.getByRole('button', { name: 'Record a training' }).click();
  await expect(page.locator('#completion-date-error')).toHaveText('The date cannot be in the future.');
  await expect(page.locator('#completion-hours-error')).toHaveText('Hours must be more than 0 and at most 500.');
  await form.getByLabel('Hours').fill('501');
  await form.getByRole('button', { name: 'Record a training' }).click();
  await expect(page.locator('#completion-hours-error')).toHaveText('Hours must be more than 0 and at most 500.');
  await page.reload();
  await expect(page.getByText('No trainings recorded yet.')).toBeVisible();
});

test('a possible duplicate person is flagged before saving', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'José Núñez' });
  await page.goto('/people/new');
  await page.getByLabel('Full name').fill('jose  nunez');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Someone with the same name or email is already recorded.')).toBeVisible();
  await expect(page.locator('#duplicate-warning')).toBeFocused();
  await expect(page.locator('#duplicate-warning')).toContainText('José Núñez');
  await page.getByRole('button', { name: 'Save anyway' }).click();
  await expect(h1(page)).toHaveText('jose nunez');
  await page.goto('/people');
  await expect(page.getByText('2 people')).toBeVisible();
});

test('customise a built-in training, then restore the original', async ({ page }) => {
  await chooseOrganization(page);
  await page.goto('/trainings/builtin.mhfa_adult');
  await expect(page.getByText('3 years after completion')).toBeVisible();
  await page.getByRole('link', { name: 'Customise' }).click();
  await page.getByLabel('Typical hours').fill('8');
  await page.getByLabel('Unit', { exact: true }).selectOption('months');
  await page.getByLabel('How many', { exact: true }).fill('30');
  await page.getByLabel('Changed by (name and role)').fill('Ana Ruiz, HR');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your organization changed this built-in training.')).toBeVisible();
  await expect(page.locator('.validity-now')).toHaveText('30 months after completion');
  await page.reload();
  await expect(page.locator('.validity-now')).toHaveText('30 months after completion');
  await page.getByRole('button', { name: 'Restore the original' }).click();
  await expect(page.getByText('3 years after completion')).toBeVisible();
  await expect(page.getByText('Built-in', { exact: true })).toBeVisible();
});

test('an own training type with a fixed calendar date can be added', async ({ page }) => {
  await chooseOrganization(page);
  await page.goto('/trainings/new');
  await page.getByLabel('Name in English').fill('County cultural humility refresher');
  await page.getByLabel('Typical hours').fill('2');
  await page.getByLabel('How long a completion stays valid').selectOption('fixed_date');
  await page.getByLabel('Month', { exact: true }).selectOption('9');
  await page.getByLabel('Day', { exact: true }).fill('31');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#validity-day-error')).toHaveText('That day does not exist in every year.');
  await expect(page.locator('#form-errors')).toBeFocused();
  await expect(page.locator('#form-errors')).toBeInViewport();
  await page.getByLabel('Day', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('County cultural humility refresher');
  await expect(page.getByText('Until September 1, every 2 years (odd years)')).toBeVisible();
  await expect(page.getByText('Your own')).toBeVisible();
});

test('works with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(h1(page)).toHaveText('Welcome to Escalera');
  await tabTo(page, page.getByRole('button', { name: /An organization/ }));
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('People');
  await tabTo(page, page.getByRole('link', { name: 'Add person' }));
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('Add a person');
  await tabTo(page, page.getByLabel('Full name'));
  await page.keyboard.type('Keyboard Person');
  await page.keyboard.press('Enter'); // submits the form
  await expect(h1(page)).toHaveText('Keyboard Person');
  await tabTo(page, page.locator('form.completion-form').getByLabel('Training'));
  await page.keyboard.press('ArrowDown'); // the first training in the list
  await tabTo(page, page.locator('form.completion-form').getByRole('button', { name: 'Record a training' }));
  await page.keyboard.press('Enter');
  await expect(historyRows(page)).toHaveCount(1);
});

test('settings switch an organization copy to "my own record"', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Inés Morales', worker: 'perinatal_doula' });
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(h1(page)).toHaveText('Settings');
  await page.getByRole('radio', { name: /My own record/ }).check();
  await page.getByLabel('My record').selectOption({ label: 'Inés Morales' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Saved.');
  await expect(page.getByRole('link', { name: 'My record' })).toBeVisible();
  await page.goto('/');
  await expect(h1(page)).toHaveText('Inés Morales');
  await page.goBack();
  await page.goForward();
  await expect(h1(page)).toHaveText('Inés Morales');
});
