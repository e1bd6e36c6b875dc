// Persistent storage: the app asks the browser to keep its data at the first real write
// (not before), and Settings says whether the browser agreed. The Storage API is stubbed so
// both answers are tested, whatever this browser would decide.
import { test, expect } from './fixtures.mjs';
import { chooseOrganization, h1 } from './helpers.mjs';

function stubStorage(page, grant) {
  return page.addInitScript((grant) => {
    const calls = () => Number(sessionStorage.getItem('persistCalls') || 0);
    Object.defineProperty(navigator.storage, 'persist', {
      value: async () => {
        sessionStorage.setItem('persistCalls', String(calls() + 1));
        if (grant) sessionStorage.setItem('persisted', '1');
        return grant;
      },
    });
    Object.defineProperty(navigator.storage, 'persisted', { value: async () => sessionStorage.getItem('persisted') === '1' });
  }, grant);
}

const persistCalls = (page) => page.evaluate(() => Number(sessionStorage.getItem('persistCalls') || 0));

test('asks to keep the data at the first write; settings shows the browser agreed', async ({ page }) => {
  await stubStorage(page, true);
  await page.goto('/');
  await expect(h1(page)).toHaveText('Welcome to Escalera');
  expect(await persistCalls(page)).toBe(0);
  await chooseOrganization(page);
  await expect.poll(() => persistCalls(page)).toBe(1);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.locator('#storage-status')).toHaveText("This browser has agreed to keep Escalera's data until you delete it.");
});

test('settings warns when the browser may clear the data', async ({ page }) => {
  await stubStorage(page, false);
  await chooseOrganization(page);
  await expect.poll(() => persistCalls(page)).toBe(1);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.locator('#storage-status')).toContainText('This browser may clear Escalera');
  await page.getByRole('button', { name: 'Ver en español' }).click();
  await expect(page.locator('#storage-status')).toContainText('Este navegador puede borrar los datos de Escalera');
});
