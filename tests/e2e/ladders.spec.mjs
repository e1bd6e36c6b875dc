// Issue #9 end to end: career ladders and pay. HR copies an example ladder and edits it; a
// peer becomes ready for the next step as trainings are recorded; the promotion planner's
// totals follow the people chosen and match its CSV; a grade below the minimum wage is
// flagged; the picture has a text alternative; a peer sees their path in Spanish on a phone.
import { test, expect } from './fixtures.mjs';
import fs from 'node:fs';
import { addPerson, attest, chooseOrganization, copyPeerExample, h1, parseCsv, place, recordOnPersonPage } from './helpers.mjs';

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return fs.readFileSync(await file.path(), 'utf8');
}

test('HR copies an example ladder, edits a step requirement and a grade; a rate below the 2026 minimum wage is flagged', async ({ page }) => {
  await chooseOrganization(page);
  const ladder = await copyPeerExample(page);
  // Level II asks for 12 months in step; HR makes it 6.
  const stepII = page.locator('.step-editor').nth(2);
  await expect(stepII.getByLabel('Title in English')).toHaveValue('Peer Support Specialist II');
  const months = stepII.locator('.rule-node[data-kind="months_in_step"]').getByLabel('Months');
  await expect(months).toHaveValue('12');
  await months.fill('6');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(h1(page)).toHaveText('County peer support series');
  expect(new URL(page.url()).pathname).toBe(ladder);
  const row = page.locator('.ladder-table tbody tr').filter({ has: page.locator('th', { hasText: /^Peer Support Specialist II(?!I)/ }) });
  await expect(row).toContainText('6 months in the current step');
  // The picture says what it shows, and the table says it in text.
  await expect(page.locator('svg[role="img"] > title')).toContainText('pay range as a bar');
  await expect(page.locator('.ladder-table tbody tr')).toHaveCount(6);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByLabel('Show where a person stands').focus();
  await page.screenshot({ path: 'tests/e2e/screenshots/ladder-page.png', fullPage: true });

  // The copied grade "Peer Support Specialist I" starts at $17.92; HR types $16.80.
  await page.goto('/pay/grades?as_of=2026-06-01');
  // The organization's own copy (the example's heading also says "Example").
  const grade = (p) => p.locator('section.grade').filter({ has: p.getByRole('heading', { name: 'Peer Support Specialist I', exact: true }) });
  const own = grade(page);
  await expect(own).toHaveCount(1);
  await expect(own.locator('tbody tr').first()).not.toHaveClass(/flagged/);
  await own.getByRole('link', { name: /^Edit/ }).click();
  await expect(h1(page)).toHaveText('Edit pay grade');
  await page.getByLabel("First step's hourly rate").fill('16.80');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('Pay grades');
  await page.goto('/pay/grades?as_of=2026-06-01');
  const edited = grade(page);
  await expect(edited.locator('tbody tr').first()).toHaveClass(/flagged/);
  await expect(edited.locator('tbody tr').first()).toContainText('Below California minimum wage ($16.90)');
  // On 31 December 2025 the floor was $16.50: not flagged.
  await page.goto('/pay/grades?as_of=2025-12-31');
  await expect(edited.locator('tbody tr').first()).not.toHaveClass(/flagged/);

  // The pay plan CSV says the same, cell by cell.
  await page.goto('/pay/grades?as_of=2026-06-01');
  const csv = parseCsv(await download(page, page.locator('#download-pay-plan')));
  expect(csv[0]).toEqual(['grade', 'step', 'hourly', 'annual', 'below_floor']);
  // Own grades come first, then the examples (whose first step is still $17.92).
  const mine = csv.filter((r) => r[0] === 'Peer Support Specialist I');
  expect(mine[0]).toEqual(['Peer Support Specialist I', '1', '16.80', '34944.00', 'true']);
  expect(mine[1]).toEqual(['Peer Support Specialist I', '2', '17.64', '36691.20', 'false']);
  expect(mine[5]).toEqual(['Peer Support Specialist I', '1', '17.92', '37273.60', 'false']);
});

test('a peer becomes ready for Level II after two trainings are recorded, and the board agrees', async ({ page }) => {
  await chooseOrganization(page);
  await copyPeerExample(page);
  await addPerson(page, { name: 'Rosa Delgado', worker: 'peer_support_specialist', program: 'Crisis' });
  await place(page, { step: 'Peer Support Specialist I', payStep: '3', date: '2024-01-15' });
  await attest(page, { kind: 'supervisor_recommendation', date: '2025-10-01', by: 'Ana Ruiz, supervisor' });
  await recordOnPersonPage(page, { training: 'builtin.law_ethics_ce', date: '2025-06-01', hours: '20' });

  const next = page.locator('.my-path li.next-step[data-step="ii"]');
  await expect(next).toHaveAttribute('data-ready', 'false');
  await expect(next).toContainText('Motivational interviewing (introductory workshop): not taken');
  await expect(next).toContainText('Intentional Peer Support (IPS) core training: not taken');
  await expect(page.locator('#pay-now')).toContainText('$19.76 an hour ($41,100.80 a year)');

  await recordOnPersonPage(page, { training: 'builtin.motivational_interviewing', date: '2025-08-01', hours: '16' });
  await expect(next).toHaveAttribute('data-ready', 'false');
  await expect(next).not.toContainText('Motivational interviewing (introductory workshop): not taken');
  await recordOnPersonPage(page, { training: 'builtin.intentional_peer_support', date: '2025-09-01', hours: '40' });
  await expect(next).toHaveAttribute('data-ready', 'true');
  await expect(next.locator('.badge')).toHaveText('Ready now');
  await expect(next).toContainText('Pay at this step: $22.84 an hour');
  await page.locator('.my-path').screenshot({ path: 'tests/e2e/screenshots/my-path.png' });

  await page.goto('/readiness');
  await expect(page.locator('#ready-now').locator('xpath=..').getByRole('link', { name: 'Rosa Delgado' })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/readiness-board.png', fullPage: true });
  const csv = parseCsv(await download(page, page.locator('#download-readiness')));
  expect(csv[0]).toEqual(['person', 'ladder', 'current_step', 'next_step', 'ready', 'missing', 'earliest_ready_date']);
  expect(csv[1]).toEqual(['Rosa Delgado', 'County peer support series', 'Peer Support Specialist I', 'Peer Support Specialist II', 'true', '', csv[1][6]]);
  expect(csv[1][6]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test('the planner total follows the people chosen and matches its CSV; applying records promotions, with undo', async ({ page }) => {
  await chooseOrganization(page);
  await copyPeerExample(page);
  const people = [['Luis Soto', '1'], ['Carmen Vega', '3']];
  for (const [name, payStep] of people) {
    await addPerson(page, { name, worker: 'peer_support_specialist' });
    await place(page, { step: 'Peer Support Specialist I', payStep, date: '2024-02-01' });
  }
  await page.goto('/planner');
  await page.getByRole('button', { name: 'New plan' }).click();
  await expect(page.locator('#plan-total')).toHaveText('$0.00');
  await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Luis Soto' });
  await page.getByLabel('To step').selectOption({ label: 'Peer Support Specialist II' });
  await page.getByRole('button', { name: 'Add to the plan' }).click();
  // 17.92 → 22.84: (22.84 − 17.92) × 2,080 = 10,233.60; with 30 % fringe 13,303.68.
  await expect(page.locator('#plan-total')).toHaveText('$10,233.60');
  await expect(page.locator('#plan-total-fringe')).toHaveText('$13,303.68');
  await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Carmen Vega' });
  await page.getByLabel('To step').selectOption({ label: 'Peer Support Specialist II' });
  await page.getByRole('button', { name: 'Add to the plan' }).click();
  // 19.76 + 5 % = 20.75 → Peer II step 1 (22.84): 3.08 × 2,080 = 6,406.40.
  await expect(page.locator('#plan-total')).toHaveText('$16,640.00');
  await expect(page.locator('#plan-count')).toHaveText('2');
  await page.screenshot({ path: 'tests/e2e/screenshots/planner.png', fullPage: true });
  await page.getByRole('checkbox', { name: 'Include in the plan: Luis Soto' }).uncheck();
  await expect(page.locator('#plan-total')).toHaveText('$6,406.40');
  await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Luis Soto' });
  await page.getByLabel('To step').selectOption({ label: 'Peer Support Specialist II' });
  await page.getByRole('button', { name: 'Add to the plan' }).click();
  await expect(page.locator('#plan-total')).toHaveText('$16,640.00');
  await page.getByLabel('Effective date').fill('2026-04-01');
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.getByRole('status')).toContainText('Saved.');

  const csv = parseCsv(await download(page, page.locator('#download-plan')));
  expect(csv[0]).toEqual(['person', 'from_step', 'to_step', 'current_hourly', 'new_hourly', 'annual_change']);
  const sum = csv.slice(1).reduce((a, r) => a + Math.round(Number(r[5]) * 100), 0);
  expect(sum).toBe(1664000);
  expect(csv.find((r) => r[0] === 'Carmen Vega')).toEqual(['Carmen Vega', 'Peer Support Specialist I', 'Peer Support Specialist II', '19.76', '22.84', '6406.40']);

  // Applying records a promotion for each; undo takes them back.
  await page.getByRole('button', { name: 'Apply the plan: record the promotions' }).click();
  await expect(page.getByRole('status')).toContainText('Plan applied');
  await page.goto('/people');
  await page.getByRole('link', { name: 'Carmen Vega' }).click();
  await page.getByLabel('Status as of').fill('2026-05-01');
  await expect(page.locator('.my-path')).toContainText('Peer Support Specialist II');
  await page.goto('/planner');
  await page.getByRole('link', { name: /Promotions/ }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Plan undone');
  await page.goto('/people');
  await page.getByRole('link', { name: 'Carmen Vega' }).click();
  await page.getByLabel('Status as of').fill('2026-05-01');
  await expect(page.locator('.my-path dd').nth(1)).toContainText('Peer Support Specialist I ·');
});

test('a peer sees their path in Spanish on a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await page.getByRole('button', { name: /My own record/ }).click();
  await page.getByLabel('Full name').fill('Guadalupe Núñez');
  await page.getByLabel('Worker type').selectOption('peer_support_specialist');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('Guadalupe Núñez');
  const me = new URL(page.url()).pathname;
  await copyPeerExample(page);
  await page.goto(me);
  await place(page, { step: 'Peer Support Specialist I', date: '2025-01-10' });
  await page.getByRole('button', { name: 'Ver en español' }).click();
  const path = page.locator('.my-path');
  await expect(path.getByRole('heading', { name: 'Trayectoria profesional' })).toBeVisible();
  await expect(path).toContainText('Especialista en apoyo entre pares I');
  await expect(path).toContainText('por hora');
  await expect(path).toContainText('Próximo escalón');
  await expect(path).toContainText('Recomendación de la persona supervisora: falta la constancia');
  await expect(path).toContainText('desde el 10 de enero de 2025');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'tests/e2e/screenshots/phone-my-path-es.png', fullPage: true });
});

test('removing a placement can be undone; validation is inline and in the interface language', async ({ page }) => {
  await chooseOrganization(page);
  await copyPeerExample(page);
  await addPerson(page, { name: 'Minh Tran', worker: 'peer_support_specialist' });
  const details = page.locator('details.record', { hasText: 'Ladder placements' });
  await details.locator('summary').click();
  await page.getByRole('button', { name: 'Record a placement, promotion or pay step' }).click();
  await expect(page.locator('#placement-ladder-error')).toHaveText('This field is required.');
  await expect(page.locator('#placements')).toHaveCount(0);
  await page.getByLabel('Ladder', { exact: true }).selectOption({ label: 'County peer support series' });
  await page.getByLabel('Step', { exact: true }).selectOption({ label: 'Peer Support Specialist I' });
  await page.getByLabel('Pay step', { exact: true }).fill('9');
  await page.getByLabel('Effective date').fill('2025-01-10');
  await page.getByRole('button', { name: 'Record a placement, promotion or pay step' }).click();
  await expect(page.locator('#placement-pay-step-error')).toHaveText('This grade does not have that many steps.');
  await expect(page.locator('#placements')).toHaveCount(0);
  await page.getByLabel('Pay step', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Record a placement, promotion or pay step' }).click();
  await expect(page.locator('#placements tbody tr')).toHaveCount(1);
  await page.locator('#placements').getByRole('button', { name: /^Remove/ }).click();
  await expect(page.locator('#placements')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('#placements tbody tr')).toHaveCount(1);
  await expect(page.locator('#pay-now')).toContainText('$18.82');
});
