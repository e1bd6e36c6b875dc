// Two tabs of the app: a write in one shows in the other without a reload, so the second
// tab never shows (or saves over) stale records.
import { test, expect } from './fixtures.mjs';
import { addPerson, chooseOrganization, h1 } from './helpers.mjs';

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
