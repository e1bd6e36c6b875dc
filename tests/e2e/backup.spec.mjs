// Issue #10 (backup and restore): a backup holds everything; restoring one shows what would
// change, replaces everything in one step, and can be undone; a file that cannot be used
// says why and changes nothing.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import Ajv from 'ajv';
import AxeBuilder from '@axe-core/playwright';
import { addPerson, chooseOrganization, copyPeerExample, h1, recordOnPersonPage } from './helpers.mjs';

/** The published JSON Schema of the backup file (docs/backup.schema.json). */
const validate = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync('docs/backup.schema.json', 'utf8')));

async function peopleNames(page) {
  await page.goto('/people');
  await expect(h1(page)).toHaveText('People');
  return page.locator('table.list tbody tr th, table.list tbody tr td:first-child').allTextContents();
}

test('a backup restores over newer data with a preview, and the restore can be undone', async ({ page }, info) => {
  // The device's clock, fixed (timers keep running): the reminder counts days.
  await page.clock.setFixedTime(new Date('2026-11-24T12:00:00'));
  await chooseOrganization(page);
  await addPerson(page, { name: 'Ana Flores', worker: 'chw' });
  await recordOnPersonPage(page, { training: 'builtin.hipaa', date: '2026-02-03' });
  // A ladder with its pay grades, so the backup holds those kinds too.
  await copyPeerExample(page);
  const reminder = page.locator('#backup-reminder');
  await page.goto('/people');
  await expect(page.getByRole('link', { name: 'Ana Flores' })).toBeVisible();
  await expect(reminder).toHaveCount(0);

  // A month with data and no backup: a gentle reminder, which "Later" hides.
  await page.clock.setFixedTime(new Date('2026-12-25T12:00:00'));
  await page.goto('/people');
  await expect(reminder).toContainText('There is no backup of this data yet.');
  await page.screenshot({ path: 'tests/e2e/screenshots/backup-reminder.png' });
  await reminder.getByRole('button', { name: 'Later' }).click();
  await expect(reminder).toHaveCount(0);

  await page.goto('/settings');
  await expect(page.locator('#last-backup')).toHaveText('Last backup: never on this device.');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-backup').click()]);
  expect(download.suggestedFilename()).toMatch(/^escalera-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const backup = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(backup).toMatchObject({ format: 'escalera-backup', format_version: 2, schema_version: 8 });
  // A real backup matches the published schema; a broken one does not.
  expect(validate(backup), JSON.stringify(validate.errors)).toBe(true);
  expect(validate({ ...backup, people: [{ id: 'x', name: 'X', hire_date: '24/11/2026' }] })).toBe(false);
  expect(backup.counts.people).toBe(1);
  expect(backup.counts.ladders).toBe(1);
  expect(backup.counts.pay_grades).toBeGreaterThan(0);
  expect(backup.people[0].name).toBe('Ana Flores');
  expect(backup.person_records[0].completions[0]).toMatchObject({ training_id: 'builtin.hipaa', completed_on: '2026-02-03' });
  await expect(page.locator('#last-backup')).toHaveText('Last backup: today.');
  await page.goto('/people');
  await expect(page.locator('#backup-reminder')).toHaveCount(0);
  // The home page says it too, one click from Settings.
  await expect(page.locator('#home-last-backup')).toContainText('Last backup: today.');
  // The reminder period is a setting, checked inline.
  await page.goto('/settings');
  await page.getByLabel('Remind me to back up after this many days').fill('0');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#settings-backup-reminder-error')).toHaveText('Enter a whole number from 1 to 365.');
  await page.getByLabel('Remind me to back up after this many days').fill('7');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Saved');

  await addPerson(page, { name: 'Beto Ruiz', worker: 'chw' });
  await page.goto('/settings');
  await page.getByLabel('Restore from a backup file').setInputFiles(file);
  const preview = page.locator('#restore-preview');
  const people = preview.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: 'People', exact: true }) });
  await expect(people.locator('td')).toHaveText(['1', '0', '0', '1']);
  await page.screenshot({ path: 'tests/e2e/screenshots/restore-preview.png', fullPage: true });
  // Nothing has changed yet.
  expect(await peopleNames(page)).toEqual(expect.arrayContaining(['Ana Flores', 'Beto Ruiz']));

  await page.goto('/settings');
  await page.getByLabel('Restore from a backup file').setInputFiles(file);
  await page.getByRole('button', { name: 'Replace everything with this backup' }).click();
  await expect(page.getByRole('status')).toContainText('Backup restored.');
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  expect(await peopleNames(page)).toEqual(expect.arrayContaining(['Ana Flores', 'Beto Ruiz']));

  await page.goto('/settings');
  await page.getByLabel('Restore from a backup file').setInputFiles(file);
  await page.getByRole('button', { name: 'Replace everything with this backup' }).click();
  await expect(page.getByRole('status')).toContainText('Backup restored.');
  expect(await peopleNames(page)).toEqual(['Ana Flores']);
  await page.getByRole('link', { name: 'Ana Flores' }).click();
  await expect(page.locator('#history tbody tr')).toHaveCount(1);

  // Files that cannot be used: the reason, and nothing changed.
  const bad = (name, text) => { const p = info.outputPath(name); fs.writeFileSync(p, text); return p; };
  const cases = [
    [bad('hello.json', 'hello'), 'This is not a backup file: it stops making sense at line 1, column 1. Nothing was changed.'],
    [bad('empty.json', ''), 'This file is empty.'],
    [bad('other.json', '{"people": []}'), 'This file is not an Escalera backup.'],
    [bad('newer.json', JSON.stringify({ ...backup, schema_version: 9 })), 'This backup was made by a newer version of Escalera (data version 9; this app reads up to 8). Update the app, then restore it. Nothing was changed.'],
    [bad('bad-date.json', JSON.stringify({ ...backup, people: [{ ...backup.people[0], hire_date: '2025-02-30' }] })), /^This backup has a record that is not valid, so nothing was restored: /],
  ];
  await page.goto('/settings');
  for (const [path, message] of cases) {
    await page.getByLabel('Restore from a backup file').setInputFiles(path);
    await expect(page.locator('#restore-file-error')).toHaveText(message);
    await expect(page.locator('#restore-preview')).toHaveCount(0);
  }
  expect(await peopleNames(page)).toEqual(['Ana Flores']);
});

test('a backup merges into what is here: one side only is kept, the newer change wins, every difference is shown, and a second merge changes nothing', async ({ page }, info) => {
  test.setTimeout(120_000);
  await chooseOrganization(page);
  await addPerson(page, { name: 'Ana Flores', worker: 'chw' });
  await recordOnPersonPage(page, { training: 'builtin.hipaa', date: '2026-02-03', hours: '1' });
  await page.goto('/settings');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-backup').click()]);
  const backup = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));

  // Here, after the backup: Ana is renamed (stamped now) and Beto is added.
  await page.goto('/people');
  await page.getByRole('link', { name: 'Ana Flores' }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Full name').fill('Ana Flores Ruiz');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('Ana Flores Ruiz');
  await addPerson(page, { name: 'Beto Ruiz', worker: 'chw' });

  // The other device's file: Ana's training corrected to 3 hours later (stamped), Ana's name
  // as it was, and Carla added with a training of her own.
  const ana = backup.person_records[0];
  const theirs = structuredClone(backup);
  theirs.person_records[0].completions[0].hours = 3;
  theirs.person_records[0].changed = [{ id: ana.completions[0].id, at: '2030-01-01T00:00:00.000Z' }];
  theirs.people.push({ ...backup.people[0], id: 'carla', name: 'Carla Gil' });
  theirs.person_records.push({ person_id: 'carla', completions: [{ ...ana.completions[0], id: 'carla-hipaa' }] });
  const path = info.outputPath('other-device.json');
  fs.writeFileSync(path, JSON.stringify(theirs));
  await page.goto('/settings');

  await page.getByLabel('Restore from a backup file').setInputFiles(path);
  await page.getByLabel('Merge the backup into what is here').check();
  const preview = page.locator('#merge-preview');
  const row = (name) => preview.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).locator('td');
  await expect(row('People')).toHaveText(['1', '0', '1', '0']);
  await expect(row("People's training records")).toHaveText(['1', '1', '0', '0']);
  await expect(page.locator('#merge-conflicts-title')).toHaveText('2 records differ between this device and the backup:');
  const conflicts = page.locator('#merge-conflicts tbody tr');
  await expect(conflicts).toHaveCount(2);
  await expect(conflicts.nth(0)).toContainText('People: Ana Flores Ruiz');
  await expect(conflicts.nth(0).locator('td')).toHaveText(['name', 'Ana Flores Ruiz', 'Ana Flores', /^This device's \(changed /]);
  await expect(conflicts.nth(1)).toContainText("People's training records: Ana Flores Ruiz: HIPAA");
  await expect(conflicts.nth(1).locator('td')).toHaveText(['hours', '1.0', '3.0', "The backup's (changed January 1, 2030)"]);
  await page.screenshot({ path: 'tests/e2e/screenshots/merge-preview.png', fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id)).toEqual([]);
  const counts = await storeCounts(page);
  expect(counts.people).toBe(2); // nothing written yet

  // Someone adds a person in another tab while the preview is open: the merge keeps her.
  const other = await page.context().newPage();
  await addPerson(other, { name: 'Dora Paz', worker: 'chw' });
  await other.close();
  await page.getByRole('button', { name: 'Merge into what is here' }).click();
  await expect(page.getByRole('status')).toContainText('The backup was merged into what is here.');
  expect((await peopleNames(page)).sort()).toEqual(['Ana Flores Ruiz', 'Beto Ruiz', 'Carla Gil', 'Dora Paz']);
  await page.getByRole('link', { name: 'Ana Flores Ruiz' }).click();
  await expect(page.locator('#history tbody tr')).toHaveCount(1);
  await expect(page.locator('#history tbody tr')).toContainText('3');

  // The same file again: nothing left to change, and the merge button says so by being off.
  await page.goto('/settings');
  await page.getByLabel('Restore from a backup file').setInputFiles(path);
  await page.getByLabel('Merge the backup into what is here').check();
  await expect(page.locator('#merge-nothing')).toHaveText('Merging would change nothing: everything in the backup is already here.');
  await expect(page.getByRole('button', { name: 'Merge into what is here' })).toBeDisabled();

  // In Spanish, at phone width: the one difference left (Ana's name, kept as here), in Spanish, axe-clean.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByRole('button', { name: 'Ver en español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByText('Combinar la copia con lo que hay aquí')).toBeVisible();
  await expect(page.locator('#merge-conflicts-title')).toHaveText('1 registro difiere entre este dispositivo y la copia:');
  const axeEs = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axeEs.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id)).toEqual([]);
});

/** Every store's record count, read straight from IndexedDB: proof that nothing changed. */
async function storeCounts(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('escalera');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names, 'readonly');
      const counts = {};
      for (const name of names) {
        const r = tx.objectStore(name).count();
        r.onsuccess = () => { counts[name] = r.result; };
      }
      tx.oncomplete = () => { db.close(); resolve(counts); };
      tx.onerror = () => reject(tx.error);
    };
  }));
}

test('every kind of bad backup file is refused with its reason, and no store changes', async ({ page }, info) => {
  test.setTimeout(120_000);
  await chooseOrganization(page);
  await addPerson(page, { name: 'Ana Flores', worker: 'chw' });
  await recordOnPersonPage(page, { training: 'builtin.hipaa', date: '2026-02-03' });
  await page.goto('/settings');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-backup').click()]);
  const good = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const before = await storeCounts(page);
  expect(before.people).toBe(1);

  const bad = (name, text) => { const p = info.outputPath(name); fs.writeFileSync(p, text); return p; };
  const withCompletion = (change) => {
    const copy = structuredClone(good);
    Object.assign(copy.person_records[0].completions[0], change);
    return JSON.stringify(copy);
  };
  const goodText = JSON.stringify(good);
  const invalid = /^This backup has a record that is not valid, so nothing was restored: /;
  const cases = [
    ['truncated.json', goodText.slice(0, Math.floor(goodText.length / 2)), /^This is not a backup file: it stops making sense at line 1, column \d+\. Nothing was changed\.$/],
    ['nested.json', '['.repeat(100_000) + ']'.repeat(100_000), /^(This is not a backup file: it stops making sense|This file is not an Escalera backup)/],
    ['array.json', '[1, 2, 3]', 'This file is not an Escalera backup.'],
    ['wrong-type.json', JSON.stringify({ ...good, people: [{ ...good.people[0], name: 42 }] }), invalid],
    ['twice.json', JSON.stringify({ ...good, people: [good.people[0], good.people[0]] }), /^This backup has the same record twice \(people: .+\), so nothing was restored\.$/],
    ['bad-day.json', withCompletion({ completed_on: '2025-02-30' }), invalid],
    ['negative-hours.json', withCompletion({ hours: -3 }), invalid],
    ['huge-hours.json', withCompletion({ hours: 1e9 }), invalid],
    // What no form accepts is refused as the form would (issue #20, 14): a 10,000-character
    // name, two trainings under one id in a person's records.
    ['long-name.json', JSON.stringify({ ...good, people: [{ ...good.people[0], name: 'Ñ'.repeat(10_000) }] }),
      /^This backup has a record the app's forms would not accept, so nothing was restored: Ñ{60}… · Full name: Use at most 200 characters\.?$/],
    ['training-twice.json', (() => {
      const copy = structuredClone(good);
      copy.person_records[0].completions.push({ ...copy.person_records[0].completions[0], provider: 'Otro proveedor' });
      return JSON.stringify(copy);
    })(), /^This backup has the same record twice \(person_records: Ana Flores · .+\), so nothing was restored\.$/],
    ['newer-format.json', JSON.stringify({ ...good, format_version: 3 }), /newer version of Escalera/],
    // 50 MB of valid JSON that is not a backup: read, refused, nothing written.
    ['big.json', JSON.stringify({ padding: 'x'.repeat(50 * 1024 * 1024) }), 'This file is not an Escalera backup.'],
  ];
  for (const [name, text, message] of cases) {
    await page.goto('/settings'); // a fresh form, so each message is this file's
    // Whether the reading showed its progress (a large file is read in slices).
    await page.evaluate(() => {
      window.__progress = [];
      new MutationObserver(() => {
        const p = document.getElementById('restore-progress-text');
        if (p && window.__progress.at(-1) !== p.textContent) window.__progress.push(p.textContent);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByLabel('Restore from a backup file').setInputFiles(bad(name, text));
    await expect(page.locator('#restore-file-error'), name).toHaveText(message, { timeout: 30_000 });
    await expect(page.locator('#restore-preview')).toHaveCount(0);
    await expect(page.locator('#restore-progress')).toHaveCount(0);
    if (name === 'big.json') {
      const seen = await page.evaluate(() => window.__progress);
      expect(seen.filter((t) => /^Reading the file: \d+%$/.test(t)).length, seen.join(' | ')).toBeGreaterThan(3);
    }
  }
  expect(await storeCounts(page)).toEqual(before);
});
