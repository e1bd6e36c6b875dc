// Issue #13: two devices (two browser contexts, each its own IndexedDB) on one CouchDB
// database (pouchdb-server, tests/e2e/couch.mjs), reached through the app's own origin at
// /couch/ as docs/sync.md tells a host to serve it. Nothing is mocked.
import { test, expect } from './fixtures.mjs';
import { addPerson, chooseOrganization, h1, historyRows, recordOnPersonPage, seriousViolations, setLanguage, tabTo } from './helpers.mjs';

const COUCH = 'http://127.0.0.1:5985';
const ADMIN = 'Basic ' + Buffer.from('admin:escalera-test-admin').toString('base64');

/** A database of its own for each test, with one member (and one signed-up non-member). */
async function organizationDatabase() {
  const id = Math.random().toString(36).slice(2, 10);
  const db = `org-${id}`;
  const put = (path, body) => fetch(`${COUCH}${path}`, { method: 'PUT', headers: { authorization: ADMIN, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  expect((await put(`/${db}`)).status).toBe(201);
  for (const name of [`ana-${id}`, `luis-${id}`]) {
    expect((await put(`/_users/org.couchdb.user:${name}`, { name, password: 'correct horse', roles: [], type: 'user' })).ok).toBe(true);
  }
  expect((await put(`/${db}/_security`, { admins: { names: [], roles: [] }, members: { names: [`ana-${id}`], roles: [] } })).ok).toBe(true);
  return { address: `/couch/${db}`, user: `ana-${id}`, outsider: `luis-${id}`, password: 'correct horse' };
}

async function connect(page, { address, user, password }) {
  await page.goto('/settings');
  await page.getByLabel('Database address').fill(address);
  await page.getByLabel(/^Name/).fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in and sync' }).click();
  await expect(page.locator('#sync-outcome')).toContainText('Sync is on.');
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.locator('#sync-status')).toHaveText('Synced', { timeout: 20_000 });
}

async function secondDevice(browser) {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/Los_Angeles' });
  return { context, page: await context.newPage() };
}

test('two devices share records, keep both versions of a conflict until a person chooses, and share the trash', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const org = await organizationDatabase();
  const { context, page: office } = await secondDevice(browser);
  // A step that cannot happen fails with its place, instead of waiting for the test's end.
  page.setDefaultTimeout(30_000);
  office.setDefaultTimeout(30_000);

  // The phone records a person and a training, then turns sync on: both go up.
  await chooseOrganization(page);
  await addPerson(page, { name: 'Rosa Díaz', worker: 'chw' });
  const rosa = new URL(page.url()).pathname;
  await recordOnPersonPage(page, { training: 'builtin.hipaa', date: '2026-02-01' });
  await connect(page, org);
  await expect(page.locator('#sync-last')).toContainText(/: 0 changes received, [23] sent/);

  // The office, a new device, signs in and receives them.
  await chooseOrganization(office);
  await connect(office, org);
  await expect(office.locator('#sync-last')).toContainText(/[23] changes received/);
  await office.goto('/people');
  await expect(office.getByRole('link', { name: 'Rosa Díaz' })).toBeVisible();
  await office.goto(rosa);
  await expect(historyRows(office)).toHaveCount(1);

  // A person added on the office reaches the phone without a reload (the change feed).
  await addPerson(office, { name: 'Luz Ortega', worker: 'peer_support_specialist' });
  await page.goto('/people');
  await expect(page.getByRole('link', { name: 'Luz Ortega' })).toBeVisible({ timeout: 10_000 });

  // The office goes offline; both change Rosa's role.
  await context.setOffline(true);
  await office.goto(`${rosa}/edit`);
  await expect(h1(office)).toHaveText('Edit person');
  await office.getByLabel(/Role title/).fill('Lead CHW');
  await office.getByRole('button', { name: 'Save' }).click();
  await expect(h1(office)).toHaveText('Rosa Díaz');
  await expect(office.locator('#sync-status')).toHaveText('Sync waits for a network');
  await page.goto(`${rosa}/edit`);
  await expect(h1(page)).toHaveText('Edit person');
  await page.getByLabel(/Role title/).fill('Community health worker II');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('Rosa Díaz');
  await expect(page.locator('#sync-status')).toHaveText('Synced');

  // Back online: the office's edit goes up, the phone's comes down; one record, two versions.
  await context.setOffline(false);
  await office.goto('/settings');
  await expect(office.locator('#sync-conflicts')).toContainText('1 record has two versions.', { timeout: 20_000 });
  await page.goto('/settings');
  await expect(page.locator('#sync-conflicts')).toContainText('1 record has two versions.', { timeout: 20_000 });
  // Both show the same version meanwhile.
  await page.goto(rosa);
  await office.goto(rosa);
  const shownOnPhone = await page.locator('ul.facts').innerText();
  const winner = shownOnPhone.includes('Lead CHW') ? 'Lead CHW' : 'Community health worker II';
  const loser = winner === 'Lead CHW' ? 'Community health worker II' : 'Lead CHW';
  await expect(office.locator('ul.facts')).toContainText(winner);

  // The conflict, side by side; the office keeps the other version.
  await office.goto('/settings');
  await office.getByRole('link', { name: 'See the conflicts' }).click();
  await expect(h1(office)).toHaveText('Conflicts');
  const card = office.locator('.conflict-card');
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('heading')).toHaveText('Person: Rosa Díaz');
  const row = card.locator('tbody tr', { has: office.getByRole('rowheader', { name: 'Role title' }) });
  await expect(row.locator('td').nth(0)).toHaveText(winner);
  await expect(row.locator('td').nth(1)).toHaveText(loser);
  await office.screenshot({ path: 'tests/e2e/screenshots/sync-conflicts.png', fullPage: true });
  expect(await seriousViolations(office)).toEqual([]);
  // On a phone, nothing scrolls sideways; the choice is made with the keyboard alone.
  await office.setViewportSize({ width: 360, height: 740 });
  expect(await office.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await office.screenshot({ path: 'tests/e2e/screenshots/phone-sync-conflicts.png', fullPage: true });
  const keepOther = card.getByRole('button', { name: 'Keep the other version' });
  await tabTo(office, keepOther);
  await office.keyboard.press('Enter');
  await expect(office.locator('#conflicts-empty')).toBeVisible();
  await office.goto(rosa);
  await expect(office.locator('ul.facts')).toContainText(loser);
  // The choice reaches the phone: the same version, no conflict left.
  await page.goto('/sync/conflicts');
  await expect(page.locator('#conflicts-empty')).toBeVisible({ timeout: 20_000 });
  await page.goto(rosa);
  await expect(page.locator('ul.facts')).toContainText(loser);

  // Removed on the phone, restorable from the trash on the office, and back on both.
  await page.getByRole('button', { name: 'Remove: HIPAA privacy and security training' }).click();
  await expect(page.getByRole('status')).toContainText('Training record removed.');
  await office.goto('/trash');
  await expect(office.locator('#trash tbody tr')).toHaveCount(1, { timeout: 20_000 });
  await office.locator('#trash tbody tr').getByRole('button', { name: 'Restore' }).click();
  await expect(office.locator('#trash-empty')).toBeVisible();
  await page.goto('/trash');
  await expect(page.locator('#trash-empty')).toBeVisible({ timeout: 20_000 });
  await page.goto(rosa);
  await expect(historyRows(page)).toHaveCount(1);
  await context.close();
});

test('each failure to connect says why and changes nothing here', async ({ page }) => {
  const org = await organizationDatabase();
  await chooseOrganization(page);
  await addPerson(page, { name: 'Ana Ruiz' });
  await page.goto('/settings');
  const outcome = page.locator('#sync-outcome');
  const attempt = async (address, user, password) => {
    await page.getByLabel('Database address').fill(address);
    await page.getByLabel(/^Name/).fill(user);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in and sync' }).click();
  };

  // The form first: every problem at its field.
  await attempt('', org.user, '');
  await expect(page.locator('#sync-address-error')).toContainText('This field is required.');
  await expect(page.locator('#sync-password-error')).toContainText('This field is required.');
  await attempt('https://couch.example.org/ourorg', '', '');
  await expect(page.locator('#sync-address-error')).toContainText('only talks to its own address');

  await attempt(org.address, org.user, 'wrong password');
  await expect(outcome).toContainText('The name or password is wrong.');
  await attempt(org.address, org.outsider, org.password);
  await expect(outcome).toContainText('not allowed to use this database');
  await attempt('/couch/no-such-db', org.user, org.password);
  await expect(outcome).toContainText('There is no database at this address.');
  await attempt('/people/ana', '', '');
  await expect(outcome).toContainText('it is not a CouchDB database');
  await page.context().setOffline(true);
  await attempt(org.address, org.user, org.password);
  await expect(outcome).toContainText('The server did not answer.');
  await page.context().setOffline(false);

  // Nothing changed here: sync is still off, the record still here, nothing on the server.
  await expect(page.locator('#sync-on-off')).toHaveText('Sync is off: the records stay on this device only.');
  await expect(page.locator('#sync-status')).toHaveCount(0);
  const docs = await (await fetch(`${COUCH}${org.address.slice('/couch'.length)}/_all_docs`, { headers: { authorization: ADMIN } })).json();
  expect(docs.rows).toEqual([]);
  await page.goto('/people');
  await expect(page.getByRole('link', { name: 'Ana Ruiz' })).toBeVisible();

  // "Test connection" signs in and checks, and still turns nothing on.
  await page.goto('/settings');
  await page.getByLabel('Database address').fill(org.address);
  await page.getByLabel(/^Name/).fill(org.user);
  await page.getByLabel('Password').fill(org.password);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(outcome).toContainText('Connected: this database can be read with this sign-in.');
  await expect(page.locator('#sync-on-off')).toContainText('Sync is off');

  // In Spanish, the section and its messages are Spanish; axe finds nothing serious.
  await setLanguage(page, 'es');
  await expect(page.getByRole('heading', { name: 'Sincronizar con su organización' })).toBeVisible();
  await page.getByLabel('Contraseña').fill('mala');
  await page.getByRole('button', { name: 'Entrar y sincronizar' }).click();
  await expect(outcome).toContainText('El nombre o la contraseña no son correctos.');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'tests/e2e/screenshots/sync-settings-es.png', fullPage: true });
});

test('two tabs of one device take turns to sync and make no conflict between themselves', async ({ page }) => {
  const org = await organizationDatabase();
  await chooseOrganization(page);
  await connect(page, org);
  const tab = await page.context().newPage();
  await tab.goto('/people');
  await expect(tab.locator('#sync-status')).toHaveText('Synced', { timeout: 20_000 });

  await addPerson(page, { name: 'Eva Soto' });
  const eva = new URL(page.url()).pathname;
  await tab.goto(`${eva}/edit`);
  await expect(h1(tab)).toHaveText('Edit person');
  await tab.waitForFunction(() => document.querySelector('#person-name')?.value === 'Eva Soto');
  await tab.getByLabel(/Role title/).fill('Peer Support Specialist II');
  await tab.getByRole('button', { name: 'Save' }).click();
  await expect(h1(tab)).toHaveText('Eva Soto');

  // The server holds one version: the tab's edit on top of the first, no conflict.
  const db = `${COUCH}${org.address.slice('/couch'.length)}`;
  const id = encodeURIComponent(`people:${eva.split('/').pop()}`);
  await expect.poll(async () => {
    const doc = await (await fetch(`${db}/${id}?conflicts=true`, { headers: { authorization: ADMIN } })).json();
    return [doc.role_title, doc._conflicts ?? []];
  }, { timeout: 20_000 }).toEqual(['Peer Support Specialist II', []]);
  await page.goto('/settings');
  await expect(page.locator('#sync-status')).toHaveText('Synced', { timeout: 20_000 });
  await expect(page.locator('#sync-conflicts')).toHaveCount(0);
  await tab.close();
});
