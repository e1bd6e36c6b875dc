// Spanish throughout: the switch translates every page, persists across reloads, and
// validation messages come in the chosen language.
import { test, expect } from './fixtures.mjs';
import { addPerson, chooseOrganization, copyPeerExample, h1, setLanguage } from './helpers.mjs';

test('switching to Spanish translates the pages and persists', async ({ page }) => {
  await chooseOrganization(page);
  await addPerson(page, { name: 'Carmen Vega' });
  await page.getByRole('button', { name: 'Ver en español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { name: 'Registrar una capacitación' })).toBeVisible();
  await expect(page.getByText('Todavía no hay capacitaciones registradas.')).toBeVisible();
  await expect(page.getByText('Trabajador(a) comunitario(a) de salud / promotor(a) / representante')).toBeVisible();

  await page.reload();
  await expect(h1(page)).toHaveText('Carmen Vega');
  await expect(page.getByRole('link', { name: 'Personas', exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Capacitaciones' }).click();
  await expect(h1(page)).toHaveText('Catálogo de capacitaciones');
  await expect(page.getByRole('link', { name: 'Primeros Auxilios de Salud Mental (adultos)' })).toBeVisible();
  await expect(page.getByText('3 años después de completarla').first()).toBeVisible();

  await page.getByRole('link', { name: 'Personas', exact: true }).click();
  await page.getByRole('link', { name: 'Agregar persona' }).click();
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.locator('#person-name-error')).toHaveText('Este campo es obligatorio.');
  await expect(page.getByText('Corrija los campos marcados abajo. No se ha guardado nada.')).toBeVisible();

  // Spanish decimal comma is understood and shown.
  await page.goto('/people');
  await page.getByRole('link', { name: 'Carmen Vega' }).click();
  const form = page.locator('form.completion-form');
  await form.getByLabel('Capacitación').selectOption('builtin.law_ethics_ce');
  await form.getByLabel('Fecha en que la completó').fill('2026-02-03');
  await form.getByLabel('Horas').fill('1,5');
  await form.getByRole('button', { name: 'Registrar una capacitación' }).click();
  await expect(page.locator('#total-hours')).toHaveText('1.5');
  await expect(page.locator('#history')).toContainText('3 de febrero de 2026');

  await page.getByRole('button', { name: 'View in English' }).click();
  await expect(page.locator('#total-hours')).toHaveText('1.5');
});

// Issue #20, 11: the source notes the app ships ("30 days is our default: set your policy")
// and the ladder editor's conditions read in Spanish; no stored code is shown or typed.
test('source notes and the ladder editor read in Spanish, with attestation kinds chosen by name', async ({ page }) => {
  await chooseOrganization(page);
  const ladder = await copyPeerExample(page);
  await setLanguage(page, 'es');
  const main = page.locator('main');
  await expect(main.getByLabel('Tipo de constancia').first()).toBeVisible();
  await expect(main).not.toContainText('supervisor_recommendation');
  await expect(main).not.toContainText('lived_experience');
  const kinds = main.getByLabel('Tipo de constancia');
  expect(await kinds.count()).toBeGreaterThan(2);
  await expect(kinds.first().locator('option:checked')).toHaveText('Experiencia vivida afín a la comunidad que atiende');
  // The organization's own kind and a language are typed in words, not as codes.
  await kinds.first().selectOption({ label: 'Dominio de idioma' });
  await main.getByLabel('Idioma').first().fill('Tagalog');
  await kinds.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/e2e/screenshots/ladder-attestation-es.png' });
  await main.getByRole('button', { name: 'Guardar', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${ladder}$`));
  await expect(main).toContainText(/Dominio de idioma: tagalo/i);
  await expect(main).toContainText('Condado de Calaveras');
  await expect(main).not.toContainText('Calaveras County BH Peer');

  await page.goto('/requirements');
  await expect(main).toContainText('30 días es nuestro valor inicial: fije su política');
  await expect(main).not.toContainText('is our default');
  await page.goto('/trainings/builtin.hipaa');
  await expect(main).toContainText('la capacitación anual es política del empleador');
  await expect(main).not.toContainText('employer policy');
});
