// Issue #8: pathways and prerequisites get their editor. A doula qualifies for Medi-Cal by
// the experience pathway (5 years of experience in the last 7, and letters of recommendation,
// DHCS): HR edits the pathway in the requirement's form, and the doula's page follows. A
// pathway that asks for nothing is refused inline, in the interface language.
import { test, expect } from './fixtures.mjs';
import { addPerson, attest, chooseOrganization, h1 } from './helpers.mjs';

const card = (page) => page.locator('.progress li.req[data-requirement="preset.doula_training"]');

async function addWork(page, from, to, hours) {
  const details = page.locator('details', { hasText: 'Hours worked' });
  if (!(await details.evaluate((el) => el.open))) await details.locator('summary').click();
  const form = page.getByRole('form', { name: 'Add hours worked' });
  await form.getByLabel('From').fill(from);
  await form.getByLabel('To').fill(to);
  await form.getByLabel('Hours').fill(hours);
  await form.getByRole('button', { name: 'Add hours worked' }).click();
  // Saved: the form clears for the next period (typing before that would be cleared too).
  await expect(form.getByLabel('From')).toHaveValue('');
}

test('a doula meets the experience pathway; HR edits the pathway and the page follows', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Luz Herrera', worker: 'perinatal_doula', hire: '2025-01-06' });
  const personUrl = page.url();
  await page.getByLabel('Status as of').fill('2026-06-01');
  await expect(card(page)).toHaveAttribute('data-status', 'missing');
  // Six years of doula work (two periods), then two letters of recommendation.
  await addWork(page, '2019-01-01', '2022-12-31', '3000');
  await addWork(page, '2023-01-01', '2025-12-31', '2500');
  await expect(page.locator('#work-hours li')).toHaveCount(2);
  await attest(page, { kind: 'recommendation_letter', date: '2025-03-01', by: 'Dr. Ana Ruiz, OB-GYN' });
  await attest(page, { kind: 'recommendation_letter', date: '2025-04-01', by: 'Casa Luna CBO' });
  await expect(card(page)).toHaveAttribute('data-status', 'in_progress');
  await expect(card(page).locator('.next')).toContainText('On file: 3 letters of recommendation or client testimonials, from the last 7 years (2 so far)');

  // HR: two letters are enough from 1 January 2026 (a local policy), and HIPAA comes first.
  await page.goto('/requirements');
  await page.getByRole('link', { name: 'Edit: Medi-Cal doula training pathway (16 hours)' }).click();
  await expect(h1(page)).toHaveText('Edit requirement');
  const second = page.getByRole('region', { name: 'Pathway 2' });
  await expect(second.getByLabel('Years of experience')).toHaveValue('5');
  await expect(second.getByLabel('When it is met without a granting training')).toHaveValue('qualifies');
  await second.getByLabel('Letters of recommendation or testimonials').fill('2');
  // A third pathway that asks for nothing: refused, nothing saved.
  await page.getByRole('button', { name: 'Add a pathway' }).click();
  const third = page.getByRole('region', { name: 'Pathway 3' });
  await third.getByLabel('Name in English').fill('Nothing');
  await page.getByLabel('The new rule applies from').fill('2026-01-01');
  await page.getByLabel('Changed by (name and role)').fill('Ana Ruiz, HR');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#pathway-2-empty-error')).toHaveText('Say what this pathway asks for: a training, work hours, years of experience or evidence on file.');
  await expect(page.locator('#pathway-2-name-es-error')).toHaveText('This field is required.');
  await third.getByRole('button', { name: 'Remove this pathway: Pathway 3' }).click();
  await expect(page.getByRole('region', { name: 'Pathway 3' })).toHaveCount(0);
  await page.screenshot({ path: 'tests/e2e/screenshots/pathway-editor.png', fullPage: true });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('Requirements');
  await expect(page.locator('li.req[data-requirement="preset.doula_training"] details.history summary')).toHaveText('History: 1 earlier rule');

  // From 2026 two letters qualify her; before the change the old rule still judges.
  await page.goto(personUrl);
  await page.getByLabel('Status as of').fill('2026-06-01');
  await expect(card(page)).toHaveAttribute('data-status', 'current');
  await page.getByLabel('Status as of').fill('2025-12-31');
  await expect(card(page)).toHaveAttribute('data-status', 'in_progress');

  // The same pathway in Spanish.
  await page.getByRole('button', { name: 'Ver en español' }).click();
  await expect(card(page).locator('.next')).toContainText('En el expediente: 3 cartas de recomendación o testimonios de clientes, de los últimos 7 años (2 hasta ahora)');
});
