// Issue #20: what new users found wrong, each checked the way they found it, on the example
// organization's data: renewals of the credential held, partial attendance, attendance before
// the session's day, a click right after typing hours, pending hours left out of totals, and a
// dashboard whose every count leads to its people.
import { test, expect } from './fixtures.mjs';
import { h1, openRecordForm } from './helpers.mjs';

async function explore(page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Explore with example data' }).click();
  await expect(h1(page)).toHaveText('People');
}

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'America/Los_Angeles' });

test('every dashboard count leads to its people, and renewals are of the credential held', async ({ page }) => {
  await explore(page);
  await page.goto('/compliance');
  const tiles = page.locator('.tile');
  await expect(tiles).toHaveCount(6);
  let opened = 0;
  for (const status of ['missing', 'in_progress', 'expired', 'current']) {
    const tile = page.locator(`.tile[data-status="${status}"]`);
    const n = Number(await tile.locator('.tile-count').textContent());
    await tile.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`status=${status}`));
    await expect(tile.getByRole('link')).toHaveAttribute('aria-current', 'page');
    // The list under the tiles is that status's, with the same count.
    await expect(page.locator('#status-list .count')).toHaveText(String(n));
    if (n > 0) {
      await expect(page.locator('section.horizon tbody tr')).toHaveCount(Math.min(n, 50));
      await expect(page.locator(`section.horizon tbody .badge`).first()).toBeVisible();
      opened++;
    }
    // A link keeps the view: a reload shows the same list.
    await page.reload();
    await expect(page.locator('#status-list .count')).toHaveText(String(n));
    await page.getByRole('link', { name: 'Back to the lists by date' }).click();
    await expect(page.locator('#expired-list')).toBeVisible();
  }
  expect(opened, 'the example has people in several statuses').toBeGreaterThan(1);

  // Adult Mental Health First Aid is renewed by adult MHFA, never by the youth course.
  await page.goto('/training');
  const forecast = page.locator('#forecast-table');
  await expect(forecast).toContainText('Mental Health First Aid (adult)');
});

test('attendance opens on the session\'s day; a part attended records hours, completes nothing, and no click is lost', async ({ page }) => {
  await explore(page);
  // The example's support session is next week: nobody can be marked yet.
  await page.goto('/training');
  await page.locator('#sessions-table a').first().click();
  await expect(page.locator('#attendance-opens')).toContainText("the session's day");
  await expect(page.locator('#roster').getByLabel('Present').first()).toBeDisabled();
  await expect(page.locator('#record-attendance')).toBeDisabled();

  // A CPR session today, with two people on it.
  await page.goto('/training/sessions/new');
  await page.locator('#session-training').selectOption('builtin.cpr_first_aid');
  await page.getByLabel('Date', { exact: true }).fill(today());
  await page.getByRole('button', { name: 'Save' }).click();
  const pick = page.getByLabel('Add a person');
  await expect(pick).toBeVisible();
  const names = [];
  for (const i of [1, 2]) {
    const option = pick.locator('option').nth(i);
    names.push((await option.textContent()).trim());
    await pick.selectOption({ index: i });
    await page.getByRole('button', { name: 'Add to the roster' }).click();
    await expect(page.locator('#roster tbody tr')).toHaveCount(i);
  }
  await expect(page.locator('#partial-hint')).toBeVisible();
  const [first, second] = names.map((n) => page.getByRole('row', { name: new RegExp(n) }));
  // Typing 2.5 hours, then straight to the next person's "Present": the click counts.
  await first.getByLabel('Hours attended').fill('2.5');
  await second.getByLabel('Present').click();
  await expect(second.getByLabel('Present')).toBeChecked();
  await expect(first.getByLabel('Part of it')).toBeChecked();
  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(names[1]) }).getByLabel('Present')).toBeChecked();
  await page.getByRole('button', { name: 'Record trainings for everyone present' }).click();
  await expect(page.locator('#record-note')).toContainText('Recorded');
  await expect(first.locator('.still-needs')).toBeVisible();
  await expect(second.locator('.still-needs')).toHaveCount(0);

  // On the first person's page: 2.5 hours, not complete, CPR not current from it.
  await page.goto('/people');
  await page.getByRole('link', { name: names[0], exact: true }).click();
  const row = page.locator('#history tbody tr', { hasText: 'CPR' }).first();
  await expect(row).toContainText('Part attended: not complete');
  await expect(row.getByRole('button', { name: /Open Badge/ })).toHaveCount(0);
});

test('a self-reported training waits for verification outside the total, and is verified from the list', async ({ page }) => {
  await explore(page);
  await page.goto('/people');
  await page.locator('main a[href^="/people/example.person."]').first().click();
  const total = await page.locator('#total-hours').textContent();
  await openRecordForm(page);
  const form = page.locator('form.completion-form');
  await form.getByLabel('Training').selectOption('builtin.trauma_informed_care');
  await form.getByLabel('Date completed').fill(today());
  await form.getByLabel(/Self-reported/).check();
  await form.getByLabel('Reported by').fill('María Guadalupe Fernández-Villaseñor');
  await form.getByRole('button', { name: 'Record a training' }).click();
  await expect(page.locator('#history tbody tr', { hasText: 'Pending verification' }).first()).toBeVisible();
  await expect(page.locator('#total-hours')).toHaveText(total);
  await expect(page.locator('#hours-not-counted')).toContainText('not counted');

  // The verification list: reachable from People, verify from the row.
  await page.goto('/people');
  await page.locator('#verification-link').click();
  await expect(h1(page)).toHaveText('Waiting for verification');
  const mine = page.locator('#verification tbody tr', { hasText: 'María Guadalupe Fernández-Villaseñor' });
  await expect(mine).toHaveCount(1);
  await mine.getByText('Verify or reject').click();
  await mine.getByLabel('Your name').fill('Marta Gil');
  await mine.getByRole('button', { name: 'Verify' }).click();
  await expect(page.locator('#verification tbody tr', { hasText: 'María Guadalupe Fernández-Villaseñor' })).toHaveCount(0);
});

test('a full device says so, saves nothing, and points to the backup', async ({ page }) => {
  await explore(page);
  await page.goto('/people');
  await page.locator('main a[href^="/people/example.person."]').first().click();
  const name = (await h1(page).textContent()).trim();
  await page.goto(`${new URL(page.url()).pathname}/edit`);
  // The browser's quota used up: every write is refused the way a real one is.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await page.getByLabel('Full name').fill('Renamed While Full');
  await page.getByRole('button', { name: 'Save' }).click();
  const full = page.getByRole('status').filter({ hasText: 'storage for Escalera is full, so nothing was saved' });
  await expect(full).toBeVisible();
  await expect(full).toContainText('Download a backup');
  await page.reload();
  await expect(page.getByLabel('Full name')).toHaveValue(name);
});

test('on a phone, links in lists and "← back" links are at least 44 px tall', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await explore(page);
  await page.locator('main a[href^="/people/example.person."]').first().click();
  const person = new URL(page.url()).pathname;
  const heights = async (selector) => page.locator(selector).evaluateAll((els) => els.filter((e) => e.offsetParent).map((e) => e.getBoundingClientRect().height));
  await expect(page.locator('#history a').first()).toBeVisible();
  const inHistory = await heights('#history a');
  expect(inHistory.length).toBeGreaterThan(0);
  for (const h of inHistory) expect(h).toBeGreaterThanOrEqual(44);
  await page.goto(`${person}/transcript`);
  await expect(page.locator(`main p > a[href="${person}"]`).first()).toBeVisible();
  for (const h of await heights(`main p > a[href="${person}"]`)) expect(h).toBeGreaterThanOrEqual(44);
});

// Issue #20: a readiness group is titled by what blocks it, never by one member's months or
// date; each person's own date is in their row.
test('readiness groups are titled by their blocker, and each person shows their own date', async ({ page }) => {
  await explore(page);
  await page.getByRole('link', { name: 'Readiness', exact: true }).click();
  await expect(h1(page)).toHaveText('Readiness board');
  const headings = page.locator('h3.blocker');
  await expect(headings.first()).toBeVisible();
  expect(await headings.count()).toBeGreaterThan(1);
  for (const heading of await headings.allTextContents()) {
    expect(heading, 'no member\'s own count or date in a group title').not.toMatch(/\d+ more|\(\w+ \d{1,2}, \d{4}\)/);
  }
  // Each member's own months and date are in their row of the group.
  const rows = page.locator('section[aria-labelledby="blocked"] tbody tr');
  expect(await rows.count()).toBeGreaterThan(1);
  const missing = await rows.allTextContents();
  expect(missing.some((t) => /\d+ more month|[A-Z][a-z]+ \d{1,2}, \d{4}/.test(t)), missing.slice(0, 5).join(' | ')).toBe(true);
});

// Issue #20: person pickers over the example's 60 people are alphabetical and searchable
// (without accents, as people type on phones); the cohort form lists each ladder step once.
test('person pickers are sorted and searchable, and the cohort form lists each ladder step once', async ({ page }) => {
  await explore(page);
  await page.goto('/training');
  await page.locator('#sessions-table a').first().click();
  const pick = page.getByLabel('Add a person');
  const options = async () => (await pick.locator('option').allTextContents()).slice(1).map((t) => t.trim());
  const all = await options();
  expect(all.length).toBeGreaterThan(20);
  const fold = (t) => t.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
  expect(all).toEqual([...all].sort((a, b) => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0)));
  await page.locator('#roster-search').fill('nunez');
  const found = await options();
  expect(found.length).toBeGreaterThan(0);
  expect(found.length).toBeLessThan(all.length);
  for (const name of found) expect(fold(name)).toContain('nunez');

  await page.goto('/training/assign');
  await page.locator('#assign-search').fill('garcia');
  const targets = (await page.locator('#assign-target option').allTextContents()).filter((t) => t.startsWith('Person: '));
  expect(targets.length).toBeGreaterThan(0);
  for (const t of targets) expect(fold(t)).toContain('garcia');

  await page.goto('/training/cohorts/new');
  await expect.poll(() => page.locator('#cohort-step option').count()).toBeGreaterThan(4);
  const steps = (await page.locator('#cohort-step option').allTextContents()).slice(1);
  expect(steps.length).toBeGreaterThan(3);
  expect(new Set(steps).size, steps.join(' | ')).toBe(steps.length);
});
