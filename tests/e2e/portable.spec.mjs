// Issue #10 (data that goes where its owner needs): a person's coming dates as a calendar
// file their own phone reminds them from, in their language; a person's record carried to a
// new employer; people and completions as CSV a real spreadsheet reads; a training as an
// Open Badges 3.0 credential.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { addPerson, chooseOrganization, h1, historyRows, parseCsv, recordOnPersonPage, fitsPrintedPage } from './helpers.mjs';

const REQ = 'preset.chw_annual_training';

/** Clicks a button that downloads a file and returns the file's text. */
async function downloadText(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
}

/** The events of an .ics text, unfolded, as objects of their properties. */
function events(ics) {
  const lines = ics.replace(/\r\n /g, '').split('\r\n');
  const out = [];
  let current = null;
  let inAlarm = false;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') { out.push(current); current = null; }
    else if (line === 'BEGIN:VALARM') inAlarm = true;
    else if (line === 'END:VALARM') inAlarm = false;
    else if (current) {
      const [key, ...rest] = line.split(':');
      current[(inAlarm ? 'ALARM-' : '') + key] = rest.join(':');
    }
  }
  return out;
}

test('a CHW downloads their coming dates as a calendar file, with reminders, in their language', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-24T12:00:00'));
  await chooseOrganization(page);
  await addPerson(page, { name: 'Rosa Delgado', worker: 'chw', hire: '2025-02-01' });
  await recordOnPersonPage(page, { training: 'builtin.trauma_informed_care', date: '2026-05-01', hours: '3' });

  const button = page.getByRole('button', { name: 'Add these dates to a calendar (.ics)' });
  const { name, text } = await downloadText(page, button);
  expect(name).toMatch(/^escalera-.+\.ics$/);
  expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  expect(text).toContain('X-WR-CALNAME:Escalera: Rosa Delgado');
  await expect(page.getByRole('status')).toContainText('Calendar file downloaded.');

  // This year's 6 hours: 3 done, so 3 more by 31 December, reminded as far ahead as the due-soon window (60 days unless changed).
  const due = events(text).find((e) => e.UID.includes(REQ));
  expect(due, text).toBeTruthy();
  expect(due['DTSTART;VALUE=DATE']).toBe('20261231');
  expect(due['DTEND;VALUE=DATE']).toBe('20270101');
  expect(due.SUMMARY).toMatch(/: deadline$/);
  expect(due.DESCRIPTION).toBe('3 more hours by December 31\\, 2026');
  expect(due['ALARM-ACTION']).toBe('DISPLAY');
  // The 60-day reminder would fall before the file is made (today is 37 days before the
  // event): the alarm is moved to the day the file is made (issue #20), never in the past.
  expect(due['ALARM-TRIGGER']).toBe('-P37D');
  // Nothing already past is in the file.
  for (const e of events(text)) expect(e['DTSTART;VALUE=DATE'] >= '20261124').toBe(true);

  // Rosa prefers Spanish: her calendar speaks it, whatever the reader's language.
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Preferred language').selectOption('spanish');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('Rosa Delgado');
  const spanish = events((await downloadText(page, button)).text).find((e) => e.UID.includes(REQ));
  expect(spanish.SUMMARY).toMatch(/: fecha límite$/);
  expect(spanish.DESCRIPTION).toBe('3 horas más a más tardar el 31 de diciembre de 2026');
  // The same date keeps the same UID, so a calendar updates the event instead of adding one.
  expect(spanish.UID).toBe(due.UID);
});

test('a peer carries their record to a new employer, who imports it once and only once', async ({ page, browser }, info) => {
  // The first employer: Ana's record, downloaded from her page.
  await chooseOrganization(page);
  await addPerson(page, { name: 'Ana Flores', worker: 'peer_support_specialist', email: 'ana@example.org' });
  await recordOnPersonPage(page, { training: 'builtin.mhfa_adult', date: '2025-03-01' });
  await recordOnPersonPage(page, { training: 'builtin.cpr_first_aid', date: '2025-06-01' });
  const { name, text } = await downloadText(page, page.getByRole('button', { name: 'Download this record' }));
  expect(name).toMatch(/^escalera-record-.+\.json$/);
  const record = JSON.parse(text);
  expect(record.format).toBe('escalera-person-record');
  expect(record.person.name).toBe('Ana Flores');
  const file = info.outputPath('ana-record.json');
  fs.writeFileSync(file, text);
  const notARecord = info.outputPath('notes.json');
  fs.writeFileSync(notARecord, '{"name": "Ana"}');

  // The new employer (another browser profile) already has Ana, under its own id.
  const other = await browser.newContext({ baseURL: info.project.use.baseURL, locale: 'en-US' });
  const hr = await other.newPage();
  await chooseOrganization(hr);
  await addPerson(hr, { name: 'Ana Flores', worker: 'peer_support_specialist', email: 'ana@example.org' });
  const anaHere = new URL(hr.url()).pathname;
  await recordOnPersonPage(hr, { training: 'builtin.mhfa_adult', date: '2025-03-01' });

  const importFrom = async (path) => {
    await hr.goto('/people');
    const section = hr.locator('details.record-import');
    if (!(await section.evaluate((el) => el.open))) await section.locator('summary').click();
    await hr.getByLabel('Choose a record file').setInputFiles(path);
  };
  // A file that is not a record: a clear message, nothing changes.
  await importFrom(notARecord);
  await expect(hr.locator('#record-file-error')).toHaveText("This file is not a person's record from Escalera. Nothing was changed.");
  await expect(hr.locator('#record-preview')).toHaveCount(0);

  await importFrom(file);
  await expect(hr.locator('#record-match')).toHaveText('This is Ana Flores here: the same email.');
  const added = (kind) => hr.locator('#record-preview tr', { hasText: kind }).locator('td');
  await expect(added('Trainings recorded')).toHaveText('1');
  await expect(hr.locator('.restore-preview')).toContainText('1 record in the file is already here and stays as it is.');
  await hr.screenshot({ path: 'tests/e2e/screenshots/record-import.png', fullPage: true });
  await hr.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(hr.getByRole('status')).toContainText('Record imported.');
  expect(new URL(hr.url()).pathname).toBe(anaHere);
  await expect(hr.locator('#history tbody tr')).toHaveCount(2);
  // Issue #20: what the file brings arrives pending, with its origin, until this employer verifies it.
  const cpr = hr.locator('#history tbody tr', { hasText: 'CPR' });
  await expect(cpr).toContainText('Pending verification');
  await expect(cpr).toContainText('From a record file exported by');
  await hr.goto('/verification');
  await expect(hr.locator('#verification tbody tr', { hasText: 'Ana Flores' })).toContainText('CPR');
  await hr.goto(anaHere);

  // The same file again: nothing to add, and no second Ana.
  await importFrom(file);
  await expect(hr.locator('#record-nothing-new')).toBeVisible();
  await expect(hr.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await hr.goto('/people');
  await expect(hr.getByRole('link', { name: 'Ana Flores' })).toHaveCount(1);
  await other.close();
});

test('people and completions go out as CSV that a real spreadsheet reads cell for cell', async ({ page }, info) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'José Núñez', worker: 'chw', role: '=SUM(1,2)', email: 'jose@example.org' });
  await recordOnPersonPage(page, { training: 'builtin.mhfa_adult', date: '2025-03-01' });
  // Excel on Windows needs a byte-order mark to read accents: a setting, off by default.
  await page.goto('/settings');
  await page.getByLabel('Make CSV files for Excel on Windows').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Saved');

  await page.goto('/people');
  const people = await downloadText(page, page.getByRole('button', { name: 'Download people (CSV)' }));
  expect(people.name).toMatch(/^escalera-people-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(people.text.charCodeAt(0)).toBe(0xfeff);
  const rows = parseCsv(people.text.slice(1));
  expect(rows[0].slice(0, 4)).toEqual(['id', 'name', 'email', 'worker_type']);
  const jose = rows.find((r) => r[1] === 'José Núñez');
  expect(jose[7]).toBe("'=SUM(1,2)");

  const completions = await downloadText(page, page.getByRole('button', { name: 'Download trainings completed (CSV)' }));
  const done = parseCsv(completions.text.slice(1));
  expect(done).toHaveLength(2);
  expect(done[1].slice(4, 7)).toEqual(['builtin.mhfa_adult', 'Mental Health First Aid (adult)', '2025-03-01']);
  expect(done[1][2]).toBe('José Núñez');

  // LibreOffice Calc (headless) opens the file as UTF-8 and writes its cells back: accents
  // intact, and the formula-looking role stays text instead of becoming 3.
  const dir = info.outputPath('calc');
  fs.mkdirSync(dir, { recursive: true });
  const file = `${dir}/people.csv`;
  fs.writeFileSync(file, people.text);
  execFileSync('soffice', ['--headless', '--infilter=CSV:44,34,76,1', '--convert-to',
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', `${dir}/out`, file],
  { env: { ...process.env, HOME: dir }, timeout: 120_000 });
  // Calc ends its lines with LF; no cell here holds a line break.
  const calc = parseCsv(fs.readFileSync(`${dir}/out/${fs.readdirSync(`${dir}/out`)[0]}`, 'utf8').replace(/\r?\n/g, '\r\n'));
  expect(calc[0][0]).toBe('id');
  const cells = calc.find((r) => r[1] === 'José Núñez');
  expect(cells, JSON.stringify(calc)).toBeTruthy();
  expect(cells[7]).toBe("'=SUM(1,2)");
  expect(cells[2]).toBe('jose@example.org');
});

test('a transcript in the person\'s language prints on A4 and Letter', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-24T12:00:00'));
  await chooseOrganization(page);
  await addPerson(page, { name: 'Marisol Vega', worker: 'chw', role: 'Promotora', program: 'Clínica del Valle' });
  await recordOnPersonPage(page, { training: 'builtin.trauma_informed_care', date: '2026-05-01', hours: '4' });
  await recordOnPersonPage(page, { training: 'builtin.cpr_first_aid', date: '2025-06-01' });
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Preferred language').selectOption('spanish');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('Marisol Vega');

  await page.getByRole('link', { name: 'Transcript' }).click();
  const article = page.locator('article.transcript');
  await expect(article).toHaveAttribute('lang', 'es');
  await expect(h1(page)).toHaveText('Historial de capacitación');
  await expect(article).toContainText('Impreso el 24 de noviembre de 2026');
  await expect(article.locator('.record-fields')).toContainText('Marisol Vega · Promotora');
  await expect(article.locator('.record-fields')).toContainText('Clínica del Valle');
  const rows = page.locator('#transcript-trainings tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('1 de junio de 2025');
  // CPR is 4 hours unless typed otherwise: 4 + 4.
  await expect(page.locator('#transcript-total')).toHaveText('8');
  // This year's CHW hours, counted in their cycle.
  const ce = page.locator('#transcript-ce tr[data-requirement="preset.chw_annual_training"]');
  await expect(ce).toContainText('1 de enero de 2026 – 31 de diciembre de 2026');
  await expect(ce).toContainText('4 de 6 horas');
  // The page around it keeps the reader's language.
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();

  await fitsPrintedPage(page, 'transcript');
});

test('HR imports a roster from a Spanish Excel CSV: columns matched, every problem named, valid rows added at once', async ({ page }, info) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Rosa Delgado', worker: 'chw', email: 'rosa@example.org' });
  // Excel on Windows in Spanish: semicolons, Windows-1252 bytes (é = 0xE9, ñ = 0xF1).
  const rows = [
    'Nombre;Correo;Tipo;Fecha de contratación;Servicio',
    'José Núñez;jose@example.org;Promotora;2024-02-29;Atención Médica Mejorada',
    ';sin-nombre@example.org;chw;;',
    'Ana Pérez;ana@example.org;astronauta;2025-02-30;',
    'Rosa D.;ROSA@example.org;chw;;',
    'Beto Ruiz;beto@example.org;peer;;=HYPERLINK("http://x")',
  ];
  const file = info.outputPath('roster.csv');
  fs.writeFileSync(file, Buffer.from(rows.join('\r\n') + '\r\n', 'latin1'));

  await page.goto('/people');
  const section = page.locator('details.roster-import');
  await section.locator('summary').click();
  await page.locator('details.roster-import').getByLabel('Choose a CSV file').setInputFiles(file);
  await expect(page.locator('#roster-latin1')).toBeVisible();
  // Columns guessed from the Spanish headers; the program column is matched by hand.
  await expect(page.getByLabel('Full name', { exact: true })).toHaveValue('0');
  await expect(page.getByLabel('Hire date', { exact: true })).toHaveValue('3');
  await page.getByLabel('Program', { exact: true }).selectOption('4');
  await expect(page.locator('#roster-result')).toHaveText('2 people are ready to add.');
  const problems = page.locator('#roster-problems tbody tr');
  await expect(problems).toHaveCount(4);
  await expect(problems.nth(0)).toContainText('3');
  await expect(problems.nth(0)).toContainText('Full name');
  await expect(problems.nth(1)).toContainText('astronauta');
  await expect(problems.nth(1)).toContainText('This is not one of the choices.');
  await expect(problems.nth(3)).toContainText('Already here, or earlier in the file: not added again.');
  await page.screenshot({ path: 'tests/e2e/screenshots/roster-import.png', fullPage: true });
  // The open import, its mapping and its problems pass axe-core too.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id)).toEqual([]);
  // The report, in the reader's language, for fixing the spreadsheet.
  const report = parseCsv((await downloadText(page, page.locator('#roster-report'))).text);
  expect(report[0]).toEqual(['line', 'column', 'value', 'problem']);
  expect(report[2]).toEqual(['4', 'Worker type', 'astronauta', 'This is not one of the choices.']);

  // Nothing was written yet.
  await page.reload();
  await expect(page.locator('table.list tbody tr')).toHaveCount(1);
  await page.locator('details.roster-import summary').click();
  await page.locator('details.roster-import').getByLabel('Choose a CSV file').setInputFiles(file);
  // Only an import that adds people remembers a mapping.
  await expect(page.getByLabel('Program', { exact: true })).toHaveValue('');
  await page.getByLabel('Program', { exact: true }).selectOption('4');
  await page.getByRole('button', { name: 'Add 2 people' }).click();
  await expect(page.getByRole('status')).toContainText('People added.');
  await expect(page.getByRole('link', { name: 'José Núñez' })).toBeVisible();
  await page.getByRole('link', { name: 'José Núñez' }).click();
  await expect(page.locator('.facts')).toContainText('Atención Médica Mejorada');
  await page.goto('/people?q=beto');
  await page.getByRole('link', { name: 'Beto Ruiz' }).click();
  await expect(h1(page)).toHaveText('Beto Ruiz');

  // Next time the mapping is remembered, and the same rows are now "already here".
  await page.goto('/people');
  await page.locator('details.roster-import summary').click();
  await page.locator('details.roster-import').getByLabel('Choose a CSV file').setInputFiles(file);
  await expect(page.getByLabel('Program', { exact: true })).toHaveValue('4');
  await expect(page.locator('#roster-result')).toHaveText('0 people are ready to add.');
  await expect(page.getByRole('button', { name: 'Add 0 people' })).toBeDisabled();
});

test('HR imports trainings completed from a CSV: each row finds its person and training, and none is added twice', async ({ page }, info) => {
  await page.clock.setFixedTime(new Date('2026-11-24T12:00:00'));
  await chooseOrganization(page);
  await addPerson(page, { name: 'Ana Flores', worker: 'chw', email: 'ana@example.org' });
  await recordOnPersonPage(page, { training: 'builtin.hipaa', date: '2025-02-01' });
  await addPerson(page, { name: 'José Núñez', worker: 'peer_support_specialist' });
  const rows = [
    'Persona,Capacitación,Fecha,Horas,Proveedor',
    'ana@example.org,Primeros Auxilios de Salud Mental (adultos),2025-03-01,,CalMHSA',
    'jose nunez,builtin.cpr_first_aid,2025-04-01,4,Cruz Roja',
    'Ana Flores,builtin.hipaa,2025-02-01,1,',
    'Nadie,builtin.hipaa,2025-02-01,1,',
    'Ana Flores,builtin.hipaa,2027-01-01,1,',
  ];
  const file = info.outputPath('completions.csv');
  fs.writeFileSync(file, rows.join('\r\n') + '\r\n');
  await page.goto('/people');
  const section = page.locator('details.completions-import');
  await section.locator('summary').click();
  await section.getByLabel('Choose a CSV file').setInputFiles(file);
  await expect(section.getByLabel('Person (name, email or id)')).toHaveValue('0');
  await expect(section.getByLabel('Date completed')).toHaveValue('2');
  await expect(page.locator('#completions-result')).toHaveText('2 trainings are ready to add.');
  const problems = page.locator('#completions-problems tbody tr');
  await expect(problems).toHaveCount(3);
  await expect(problems.nth(0)).toContainText('Already here, or earlier in the file: not added again.');
  await expect(problems.nth(1)).toContainText('Nadie');
  await expect(problems.nth(2)).toContainText('The date cannot be in the future');
  await page.getByRole('button', { name: 'Add 2 trainings' }).click();
  await expect(page.getByRole('status')).toContainText('Trainings added.');
  await page.getByRole('link', { name: 'Ana Flores' }).click();
  await expect(historyRows(page)).toHaveCount(2);
  await expect(historyRows(page).first()).toContainText('Mental Health First Aid (adult)');
  await expect(historyRows(page).first()).toContainText('7.5');
  // The same file again adds nothing.
  await page.goto('/people');
  await page.locator('details.completions-import summary').click();
  await page.locator('details.completions-import').getByLabel('Choose a CSV file').setInputFiles(file);
  await expect(page.locator('#completions-result')).toHaveText('0 trainings are ready to add.');
});

/** What OB 3.0 requires of a credential, as we transcribed it (docs/open-badges.md says why not the official file). */
const ajv = new Ajv2019({ allErrors: true });
addFormats(ajv);
const validateBadge = ajv.compile(JSON.parse(fs.readFileSync('docs/open-badges-3.0-required.schema.json', 'utf8')));

test('a peer downloads a training as an Open Badges 3.0 credential, in their language, aligned to the skills it covers', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Rosa Delgado', worker: 'chw' });
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Preferred language').selectOption('spanish');
  await page.locator('#person-organization').fill('Clínica del Valle');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('Rosa Delgado');
  await recordOnPersonPage(page, { training: 'builtin.mhfa_adult', date: '2026-03-02', hours: '7.5' });

  await page.setViewportSize({ width: 360, height: 800 });
  await historyRows(page).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/e2e/screenshots/badge-button-phone.png' });
  const button = page.getByRole('button', { name: 'Open Badge: Mental Health First Aid (adult)' });
  const { name, text } = await downloadText(page, button);
  expect(name).toBe('badge-mhfa_adult-2026-03-02.json');
  const badge = JSON.parse(text);
  expect(validateBadge(badge), JSON.stringify(validateBadge.errors)).toBe(true);
  // Broken on purpose, the same check refuses it: it can fail.
  expect(validateBadge({ ...badge, issuer: { name: 'x' } })).toBe(false);
  expect(validateBadge({ ...badge, credentialSubject: { ...badge.credentialSubject, achievement: { ...badge.credentialSubject.achievement, criteria: {} } } })).toBe(false);

  expect(badge.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
  expect(badge.proof).toBeUndefined();
  expect(badge.issuer.name).toBe('Clínica del Valle');
  expect(badge.validFrom).toBe('2026-03-02T00:00:00Z');
  // Valid through the day the history shows (three years, by the training's own rule).
  await expect(historyRows(page).first()).toContainText('March 2, 2029');
  expect(badge.validUntil).toBe('2029-03-02T23:59:59Z');
  // In Rosa's language, whatever the reader's; marked unsigned.
  expect(badge.name).toBe('Primeros Auxilios de Salud Mental (adultos)');
  expect(badge.description).toContain('Sin firma');
  const achievement = badge.credentialSubject.achievement;
  expect(achievement.criteria.narrative).toBe('Completó Primeros Auxilios de Salud Mental (adultos) (7.5 horas) el 2 de marzo de 2026.');
  expect(achievement.achievementType).toBe('Certification');
  expect(achievement.inLanguage).toBe('es');
  expect(badge.credentialSubject.creditsEarned).toBe(7.5);
  expect(achievement.creditsAvailable).toBe(7.5);
  expect(achievement.alignment.map((a) => a.targetCode)).toEqual(['sb803.safety_crisis', 'c3.knowledge_base']);
  expect(achievement.alignment[1].targetUrl).toBe('https://www.c3project.org/roles-competencies');
  expect(badge.credentialSubject.identifier[0]).toEqual({ type: 'IdentityObject', identityHash: 'Rosa Delgado', identityType: 'name', hashed: false });
});
