// Steps a person takes, shared by the end-to-end specs. They click and type through the
// interface as a person would; none of them reaches into IndexedDB directly.
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const h1 = (page) => page.getByRole('heading', { level: 1 });

/** First run, "An organization": lands on the empty people list. */
export async function chooseOrganization(page) {
  await page.goto('/');
  await page.getByRole('button', { name: /An organization/ }).click();
  await expect(h1(page)).toHaveText('People');
}

/** Adds a person from the people list and waits for their page. */
export async function addPerson(page, { name, worker = 'chw', role = '', program = '', email = '', hire = '' }) {
  await page.goto('/people');
  await page.getByRole('link', { name: 'Add person' }).click();
  await expect(h1(page)).toHaveText('Add a person');
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Worker type').selectOption(worker);
  if (role) await page.getByLabel(/Role title/).fill(role);
  if (program) await page.getByLabel(/^Program/).fill(program);
  if (email) await page.getByLabel(/^Email/).fill(email);
  if (hire) await page.getByLabel(/^Hire date/).fill(hire);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText(name);
}

/** Records a completion from the person page the browser is on. */
export async function recordOnPersonPage(page, { training, date, hours }) {
  await openRecordForm(page);
  const form = page.locator('form.completion-form');
  await form.getByLabel('Training').selectOption(training);
  await form.getByLabel('Date completed').fill(date);
  if (hours !== undefined) await form.getByLabel('Hours').fill(hours);
  await form.getByRole('button', { name: 'Record a training' }).click();
  // Saved: the form clears its training for the next record (an earlier toast may still show).
  await expect(form.getByLabel('Training', { exact: true })).toHaveValue('');
  await expect(page.getByRole('status')).toContainText('Training recorded.');
}

export const historyRows = (page) => page.locator('#history tbody tr');

/** Presses Tab until `locator` has focus (at most `max` times): keyboard-only navigation. */
export async function tabTo(page, locator, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await locator.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`could not reach ${locator} with Tab`);
}

/** On a person page the record form sits in a disclosure, open while the history is empty. */
export async function openRecordForm(page) {
  const details = page.locator('details.record', { has: page.locator('form.completion-form') });
  if (!(await details.evaluate((el) => el.open))) await details.locator('summary').click();
}

/** Ladders → "Use this example" on the county peer series: lands in the editor of the copy. */
export async function copyPeerExample(page) {
  await page.goto('/ladders');
  await page.getByRole('button', { name: 'Use this example: County peer support series' }).click();
  await expect(h1(page)).toHaveText('Edit ladder');
  await expect(page.getByRole('status')).toContainText('Example copied');
  return new URL(page.url()).pathname.replace(/\/edit$/, '');
}

/** On a person's page: record a placement on the copied peer ladder. */
export async function place(page, { step, payStep = '1', date }) {
  const details = page.locator('details.record', { hasText: 'Ladder placements' });
  if (!(await details.evaluate((el) => el.open))) await details.locator('summary').click();
  await page.getByLabel('Ladder', { exact: true }).selectOption({ label: 'County peer support series' });
  await page.getByLabel('Step', { exact: true }).selectOption({ label: step });
  await page.getByLabel('Pay step', { exact: true }).fill(payStep);
  await page.getByLabel('Effective date').fill(date);
  await page.getByRole('button', { name: 'Record a placement, promotion or pay step' }).click();
  await expect(page.locator('#placements')).toContainText(step);
}


/** Reads a CSV (RFC 4180, as the export writes it) into rows of cells. */
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** Records an attestation from the person page the browser is on. */
export async function attest(page, { kind, date, by }) {
  const details = page.locator('details.record', { hasText: 'Attestations' });
  if (!(await details.evaluate((el) => el.open))) await details.locator('summary').click();
  await page.getByLabel('What is attested').selectOption(kind);
  await page.getByLabel('Date attested').fill(date);
  await page.getByLabel('Attested by (name and role)').fill(by);
  await page.getByRole('button', { name: 'Record an attestation' }).click();
  await expect(page.locator('#attestations')).toContainText(by);
}

/** In print media, the page fits A4 and US Letter: printable widths at 12 mm side margins
 *  (A4 186 mm, Letter 192 mm; 96 px per inch), nothing wider; a screenshot of each. */
export async function fitsPrintedPage(page, name) {
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.top')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  for (const [paper, mm] of [['A4', 186], ['Letter', 192]]) {
    await page.setViewportSize({ width: Math.floor((mm / 25.4) * 96), height: 1000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${paper}: ${overflow}px too wide`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `tests/e2e/screenshots/${name}-print-${paper}.png`, fullPage: true });
  }
}

/** Switches the interface language with its button (a person's way). */
export async function setLanguage(page, lang) {
  if ((await page.locator('html').getAttribute('lang')) !== lang) {
    await page.getByRole('button', { name: lang === 'es' ? 'Ver en español' : 'View in English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
  }
}

/** axe-core's serious and critical findings on the page as it is. */
export async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

