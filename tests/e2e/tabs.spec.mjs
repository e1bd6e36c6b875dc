// Two tabs of the app: a write in one shows in the other without a reload, so the second
// tab never shows (or saves over) stale records.
import { test, expect } from './fixtures.mjs';
import { addPerson, chooseOrganization, copyPeerExample, h1, seriousViolations, setLanguage } from './helpers.mjs';

test('a change in one tab shows in another open tab', async ({ context }) => {
  const first = await context.newPage();
  await chooseOrganization(first);
  const second = await context.newPage();
  await second.goto('/people');
  await expect(h1(second)).toHaveText('People');
  await expect(second.getByText('No one here yet.')).toBeVisible();

  await addPerson(first, { name: 'Teresa Campos' });
  await expect(second.getByRole('link', { name: 'Teresa Campos' })).toBeVisible();

  // Settings too: switching to "my own record" in one tab updates the other's navigation.
  await first.getByRole('link', { name: 'Settings' }).click();
  await first.getByRole('radio', { name: /My own record/ }).check();
  await first.getByLabel('My record').selectOption({ label: 'Teresa Campos' });
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(second.getByRole('link', { name: 'My record' })).toBeVisible();
});

// Issue #20, 13: a save never overwrites a change it did not see. Tab one saves a new role;
// tab two, still showing the form it opened before, is refused, shown both versions, and
// chooses: take the saved version (and edit from there), or keep its own knowingly.
test('two tabs editing one person: the later save is refused, shows both, and lets the person choose', async ({ context }) => {
  const first = await context.newPage();
  await chooseOrganization(first);
  await addPerson(first, { name: 'Teresa Campos Villanueva de la Fuente' });
  const person = new URL(first.url()).pathname;
  const second = await context.newPage();
  for (const tab of [first, second]) {
    await tab.goto(`${person}/edit`);
    await expect(tab.getByLabel('Role title')).toHaveValue('');
  }
  const role = 'Promotora líder de salud comunitaria, Valle Central';
  await first.getByLabel('Role title').fill(role);
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(h1(first)).toHaveText('Teresa Campos Villanueva de la Fuente');

  const note = 'Prefiere que la llamen por la tarde; acompaña a familias de trabajadores agrícolas en Fresno y Tulare.';
  await second.getByLabel('Notes').fill(note);
  await second.getByRole('button', { name: 'Save' }).click();
  const warning = second.locator('#changed-elsewhere');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('nothing was saved');
  await expect(warning.locator('tr', { hasText: 'Role title' })).toContainText(role);
  await expect(warning.locator('tr', { hasText: 'Role title' })).toContainText('Not given');
  await expect(warning.locator('tr', { hasText: 'Notes' })).toContainText(note);
  expect(new URL(second.url()).pathname).toBe(`${person}/edit`);
  await expect(warning).toBeFocused();
  expect(await seriousViolations(second)).toEqual([]);
  // On a phone, in Spanish: both versions readable without scrolling sideways.
  await second.setViewportSize({ width: 360, height: 740 });
  await setLanguage(second, 'es');
  await expect(warning).toContainText('no se guardó nada');
  expect(await second.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await warning.screenshot({ path: 'tests/e2e/screenshots/changed-elsewhere-es-360.png' });
  await setLanguage(second, 'en');
  await second.setViewportSize({ width: 1280, height: 720 });
  // Nothing was lost: the first tab's role is still what is stored.
  await second.reload();
  await expect(second.getByLabel('Role title')).toHaveValue(role);

  // Again, and this time take the saved version, then edit from there: both changes kept.
  await first.goto(`${person}/edit`);
  await first.getByLabel('Program').fill('Enhanced Care Management');
  await second.getByLabel('Notes').fill(note);
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(h1(first)).toHaveText('Teresa Campos Villanueva de la Fuente');
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(warning).toBeVisible();
  await second.getByRole('button', { name: 'Use the saved version' }).click();
  await expect(warning).toHaveCount(0);
  await expect(second.getByLabel('Program')).toHaveValue('Enhanced Care Management');
  await second.getByLabel('Notes').fill(note);
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(h1(second)).toHaveText('Teresa Campos Villanueva de la Fuente');
  await expect(second.locator('main')).toContainText('Enhanced Care Management');
  await expect(second.locator('main')).toContainText(note);

  // Keeping one's own over the other change is a choice, made knowingly.
  await first.goto(`${person}/edit`);
  await second.goto(`${person}/edit`);
  await first.getByLabel('Program').fill('Community Supports');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(h1(first)).toHaveText('Teresa Campos Villanueva de la Fuente');
  await second.getByLabel('Program').fill('Behavioral Health');
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(warning.locator('tr', { hasText: 'Program' })).toContainText('Community Supports');
  await second.getByRole('button', { name: 'Save mine over it' }).click();
  await expect(h1(second)).toHaveText('Teresa Campos Villanueva de la Fuente');
  await expect(second.locator('main')).toContainText('Behavioral Health');
  await expect(second.locator('main')).not.toContainText('Community Supports');
});

// The same for the catalog: a built-in training edited in two tabs (never customised before,
// so what both forms opened is the built-in itself).
test('two tabs editing one training: the later save is refused until the person chooses', async ({ context }) => {
  const first = await context.newPage();
  await chooseOrganization(first);
  const second = await context.newPage();
  for (const tab of [first, second]) {
    await tab.goto('/trainings/builtin.hipaa/edit');
    await expect(tab.getByLabel('Typical hours')).not.toHaveValue('');
  }
  await first.getByLabel('Typical hours').fill('3');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first).toHaveURL(/\/trainings\/builtin\.hipaa$/);
  await second.getByLabel('Name in Spanish').fill('Capacitación sobre privacidad de HIPAA para todo el personal nuevo');
  await second.getByRole('button', { name: 'Save' }).click();
  const warning = second.locator('#changed-elsewhere');
  await expect(warning).toBeVisible();
  await expect(warning.locator('tbody tr')).not.toHaveCount(0);
  await second.getByRole('button', { name: 'Save mine over it' }).click();
  await expect(second).toHaveURL(/\/trainings\/builtin\.hipaa$/);
  await second.getByRole('button', { name: 'Ver en español' }).click();
  await expect(second.locator('main')).toContainText('Capacitación sobre privacidad de HIPAA para todo el personal nuevo');
});

// Pay: the organization's pay policy (one record, the default until saved) and a built-in
// wage floor, each edited in two tabs.
test('two tabs editing the pay policy or a wage floor: the later save is refused until the person chooses', async ({ context }) => {
  const first = await context.newPage();
  await chooseOrganization(first);
  const second = await context.newPage();
  for (const tab of [first, second]) {
    await tab.goto('/pay/policy');
    await expect(tab.locator('#policy-hours-year')).toHaveValue('2080');
  }
  await first.locator('#policy-hours-year').fill('2088');
  await first.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(first.getByRole('status')).toContainText('Saved');
  await second.locator('#policy-weekly').fill('37');
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  const warning = second.locator('#changed-elsewhere');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('2088');
  await second.getByRole('button', { name: 'Save mine over it' }).click();
  await expect(warning).toHaveCount(0);
  await expect(second.getByRole('status')).toContainText('Saved');
  // Saved, the form goes on from what it saved: a second save is not refused.
  await second.locator('#policy-weekly').fill('38');
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(second.getByRole('status')).toContainText('Saved');
  await expect(warning).toHaveCount(0);

  for (const tab of [first, second]) {
    await tab.goto('/pay/floors/floor.ca_minimum/edit');
    await expect(tab.locator('#floor-name-en')).not.toHaveValue('');
  }
  await first.locator('#floor-name-en').fill('California minimum wage (state)');
  await first.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(first).toHaveURL(/\/pay\/policy$/);
  await second.locator('#floor-name-es').fill('Salario mínimo de California (estatal)');
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('California minimum wage (state)');
});

// A form whose rows were made as it was filled (a ladder's steps, a requirement's pathways,
// the pay policy's tiers) still saves after another tab saved something else: those rows
// belong to the page, not to the effect that filled it (which runs again on every save).
test('a ladder, a requirement and the pay policy still save after another tab saved something else', async ({ context }) => {
  const first = await context.newPage();
  await chooseOrganization(first);
  const errors = [];
  first.on('pageerror', (e) => errors.push(e.message));
  const second = await context.newPage();
  await second.goto('/people');
  const ladder = await copyPeerExample(first);
  await addPerson(second, { name: 'Guadalupe Ramírez Castillo' });
  const stepII = first.locator('.step-editor').nth(2);
  await stepII.locator('.rule-node[data-kind="months_in_step"]').getByLabel('Months').fill('9');
  await first.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(first).toHaveURL(new RegExp(`${ladder}$`));
  await expect(first.locator('main')).toContainText('9 months in the current step');

  await first.goto('/requirements/preset.doula_training/edit');
  await expect(first.getByLabel('Name in English').first()).not.toHaveValue('');
  await addPerson(second, { name: 'Keisha Washington-Delgado' });
  await first.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(first).toHaveURL(/\/requirements$/);

  await first.goto('/pay/policy');
  await expect(first.locator('#policy-hours-year')).toHaveValue('2080');
  await addPerson(second, { name: 'Mai Nguyen Tran' });
  await first.locator('#policy-hours-year').fill('2088');
  await first.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(first.getByRole('status')).toContainText('Saved');
  expect(errors).toEqual([]);
});
