// The static loading screen of index.html: shown before the app's code arrives, in the
// reader's language, replaced by the app, and a clear message where the app cannot run.
import { test, expect } from './fixtures.mjs';
import { h1 } from './helpers.mjs';

test('the loading screen speaks the browser\'s language until the app starts', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-MX' });
  const page = await context.newPage();
  // Hold the app's code back: the static screen is what a slow connection shows.
  await page.route(/\.wasm$/, () => {});
  await page.goto('/');
  await expect(page.locator('#boot')).toContainText('Capacitaciones, certificaciones y escaleras profesionales');
  await expect(page.locator('#boot .boot-hint')).toHaveText('Cargando…');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.unroute(/\.wasm$/);
  await page.reload();
  await expect(h1(page)).toHaveText('Le damos la bienvenida a Escalera');
  await expect(page.locator('#boot')).toHaveCount(0);
  await context.close();
});

test('a browser without WebAssembly or IndexedDB is told so instead of a blank page', async ({ page }) => {
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('This browser cannot run Escalera: it needs WebAssembly and IndexedDB');
  const noIdb = await page.context().newPage();
  await noIdb.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { value: undefined }); });
  await noIdb.goto('/');
  await expect(noIdb.getByRole('alert')).toContainText('This browser cannot run Escalera');
});
