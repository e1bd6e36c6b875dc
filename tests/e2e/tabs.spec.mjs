// Two tabs of the app: a write in one shows in the other without a reload, so the second
// tab never shows (or saves over) stale records.
import { test, expect } from './fixtures.mjs';
import { addPerson, chooseOrganization, h1, seriousViolations, setLanguage } from './helpers.mjs';

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
