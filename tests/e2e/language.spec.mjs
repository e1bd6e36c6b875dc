// Spanish throughout: the switch translates every page, persists across reloads, and
// validation messages come in the chosen language.
import { test, expect } from './fixtures.mjs';
import { addPerson, chooseOrganization, h1 } from './helpers.mjs';

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
