// Routing lives in the view (leptos_router): deep links and reloads, back and forward,
// state worth sharing in the query string, `aria-current` on the navigation, and a
// translated "not found" page with a way home.
import { test, expect } from './fixtures.mjs';
import { addPerson, chooseOrganization, h1, recordOnPersonPage } from './helpers.mjs';

const nav = (page) => page.getByRole('navigation', { name: /Main|Principal/ });

test('a deep link to a person on an "as of" date survives a reload, and back/forward restore the date', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Rosa Delgado', worker: 'peer_support_specialist' });
  await recordOnPersonPage(page, { training: 'builtin.cpr_first_aid', date: '2025-03-03', hours: '4' });
  const personUrl = new URL(page.url());
  expect(personUrl.pathname).toMatch(/^\/people\/[0-9a-f]{32}$/);

  const cpr = page.locator('.progress li.req[data-requirement="preset.cpr"]');
  await page.getByLabel('Status as of').fill('2026-01-01');
  await expect(page).toHaveURL(/\?as_of=2026-01-01$/);
  await expect(cpr).toHaveAttribute('data-status', 'current');
  await page.getByLabel('Status as of').fill('2027-04-01');
  await expect(page).toHaveURL(/\?as_of=2027-04-01$/);
  await expect(cpr).toHaveAttribute('data-status', 'expired');

  await page.goBack();
  await expect(page).toHaveURL(/\?as_of=2026-01-01$/);
  await expect(page.getByLabel('Status as of')).toHaveValue('2026-01-01');
  await expect(cpr).toHaveAttribute('data-status', 'current');
  await page.goForward();
  await expect(page.getByLabel('Status as of')).toHaveValue('2027-04-01');
  await expect(cpr).toHaveAttribute('data-status', 'expired');

  // The link reproduces the view, in a fresh load and in another tab.
  await page.reload();
  await expect(h1(page)).toHaveText('Rosa Delgado');
  await expect(page.getByLabel('Status as of')).toHaveValue('2027-04-01');
  await expect(cpr).toHaveAttribute('data-status', 'expired');
  const other = await page.context().newPage();
  await other.goto(`${personUrl.pathname}?as_of=2026-01-01`);
  await expect(h1(other)).toHaveText('Rosa Delgado');
  await expect(other.locator('.progress li.req[data-requirement="preset.cpr"]')).toHaveAttribute('data-status', 'current');
  await other.close();
});

test('the people search is in the URL: it survives a reload and a shared link', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'José Núñez' });
  await addPerson(page, { name: 'Grace Kim' });
  await page.goto('/people');
  await page.getByLabel('Search people').fill('jose nunez');
  await expect(page).toHaveURL(/\/people\?q=jose(\+|%20)nunez$/);
  await expect(page.locator('table.list tbody tr')).toHaveCount(1);
  await page.reload();
  await expect(page.getByLabel('Search people')).toHaveValue('jose nunez');
  await expect(page.locator('table.list tbody tr')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'José Núñez' })).toBeVisible();
  // Typing replaced the history entry instead of adding one per keystroke: back leaves the list.
  await page.getByRole('link', { name: 'José Núñez' }).click();
  await expect(h1(page)).toHaveText('José Núñez');
  await page.goBack();
  await expect(page.getByLabel('Search people')).toHaveValue('jose nunez');
});

test('the dashboard date and filters are in the URL; back and forward step through them', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Ana Ruiz', program: 'Crisis' });
  await addPerson(page, { name: 'Luis Soto', program: 'Street medicine' });
  await page.goto('/compliance?as_of=2026-02-01');
  await expect(page.getByLabel('Status as of')).toHaveValue('2026-02-01');
  await page.getByLabel('Program').selectOption('Crisis');
  await expect(page).toHaveURL(/program=Crisis/);
  await expect(page.locator('.horizon a', { hasText: 'Luis Soto' })).toHaveCount(0);
  await page.getByLabel('Worker type').selectOption('chw');
  await expect(page).toHaveURL(/worker=chw/);

  await page.goBack();
  await expect(page).not.toHaveURL(/worker=/);
  await expect(page.getByLabel('Worker type')).toHaveValue('');
  await expect(page.getByLabel('Program')).toHaveValue('Crisis');
  await page.goBack();
  await expect(page.getByLabel('Program')).toHaveValue('');
  await page.goForward();
  await expect(page.getByLabel('Program')).toHaveValue('Crisis');

  await page.reload();
  await expect(page.getByLabel('Program')).toHaveValue('Crisis');
  await expect(page.getByLabel('Status as of')).toHaveValue('2026-02-01');
});

test('the navigation marks the current section with aria-current', async ({ page }) => {
  await chooseOrganization(page);
  await expect(nav(page).getByRole('link', { name: 'People' })).toHaveAttribute('aria-current', 'page');
  await expect(nav(page).getByRole('link', { name: 'Compliance' })).not.toHaveAttribute('aria-current', /.*/);
  await addPerson(page, { name: 'Minh Nguyen' });
  // A person's page is within People.
  await expect(nav(page).getByRole('link', { name: 'People' })).toHaveAttribute('aria-current', 'page');
  await nav(page).getByRole('link', { name: 'Trainings' }).click();
  await expect(h1(page)).toHaveText('Training catalog');
  await expect(nav(page).getByRole('link', { name: 'Trainings' })).toHaveAttribute('aria-current', 'page');
  await expect(nav(page).getByRole('link', { name: 'People' })).not.toHaveAttribute('aria-current', /.*/);
  // Focus moves to the new page's content, as a page load would.
  await expect(page.locator('main')).toBeFocused();
});

test('unknown paths show a translated "not found" page with a way home', async ({ page }) => {
  await chooseOrganization(page);
  for (const path of ['/nowhere', '/people/a/b', '/people/abc/record/26x', '/people/abc/record/99999', '/requirements/new/other']) {
    await page.goto(path);
    await expect(h1(page)).toHaveText('Not found');
  }
  await page.getByRole('button', { name: 'Ver en español' }).click();
  await expect(h1(page)).toHaveText('No se encontró');
  await page.getByRole('link', { name: 'Ir a la página de inicio' }).click();
  await expect(h1(page)).toHaveText('Personas');
  await expect(page).toHaveURL(/\/people$/);
});
