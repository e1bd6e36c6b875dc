// Issue #20: every page on a 360×740 phone, in English and in Spanish, with the example
// organization's data and long, real content (long names, long Spanish sentences), never
// scrolls sideways. A page that does names the element that sticks out.
import { test, expect } from './fixtures.mjs';
import { h1, setLanguage } from './helpers.mjs';

const PHONE = { width: 360, height: 740 };

/** The page's width beyond the screen, and the widest thing that sticks out (for the message). */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const extra = document.documentElement.scrollWidth - width;
    let worst = '';
    if (extra > 0) {
      let max = width;
      for (const el of document.querySelectorAll('main *, header *')) {
        const r = el.getBoundingClientRect();
        if (r.right > max + 1 && getComputedStyle(el).position !== 'fixed') {
          max = r.right;
          worst = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} "${(el.textContent || '').trim().slice(0, 60)}" right=${Math.round(r.right)}`;
        }
      }
    }
    return { extra, worst };
  });
}

async function fits(page, path, lang) {
  await page.goto(path);
  await expect(page.locator('main')).toBeVisible();
  await expect(page.locator('main .loading')).toHaveCount(0);
  await page.waitForTimeout(50); // a frame for late layout (charts)
  const { extra, worst } = await overflow(page);
  expect(extra, `${path} (${lang}) is ${extra}px wider than the phone: ${worst}`).toBeLessThanOrEqual(0);
}

/** Links to the first record of each kind the example data has, found the way a person would. */
async function firstHref(page, from, selector) {
  await page.goto(from);
  const link = page.locator(selector).first();
  await expect(link).toBeAttached();
  return link.getAttribute('href');
}

test('every page fits a 360 px phone with the example organization, in English and Spanish', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize(PHONE);
  await page.goto('/');
  await page.getByRole('button', { name: 'Explore with example data' }).click();
  await expect(h1(page)).toHaveText('People');
  // A long name and a long Spanish note, as real people write them.
  const person = await firstHref(page, '/people', 'main a[href^="/people/example.person."]');
  await page.goto(`${person}/edit`);
  await page.getByLabel('Full name').fill('María Guadalupe Fernández-Villaseñor de la Concepción Ruiz');
  await page.getByLabel(/^Notes/).fill('Promotora de salud comunitaria con experiencia en navegación de servicios de salud mental y apoyo a familias inmigrantes recién llegadas.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(h1(page)).toHaveText('María Guadalupe Fernández-Villaseñor de la Concepción Ruiz');
  const session = await firstHref(page, '/training', 'main a[href^="/training/sessions/"]:not([href$="/new"])');
  const ladder = await firstHref(page, '/ladders', 'main a[href^="/ladders/example."]');
  const training = await firstHref(page, '/trainings', 'main a[href^="/trainings/builtin."]');
  const requirement = await firstHref(page, '/requirements', 'main a[href^="/requirements/preset."]');
  const year = new Date().getFullYear();
  const paths = [
    '/people', person, `${person}/edit`, `${person}/transcript`, `${person}/record/${year}`, '/people/new',
    '/trainings', training, `${training}/edit`, '/trainings/new',
    '/compliance', '/requirements', requirement, '/requirements/new/hours', '/requirements/new/credential',
    '/ladders', ladder, '/ladders/new', '/readiness', '/planner', '/pay/grades', '/pay/grades/new', '/pay/equity', '/pay/policy', '/pay/floors/new',
    '/training', '/training/curricula/new', '/training/cohorts/new', '/training/assign', '/training/sessions/new', session, `${session}/edit`,
    '/verification', '/settings', '/trash', '/sync/conflicts',
  ];
  for (const lang of ['en', 'es']) {
    await setLanguage(page, lang);
    for (const path of paths) await fits(page, path, lang);
  }
});

const WORDS = {
  en: { mode: /My own record/, name: 'Full name', worker: 'Worker type', save: 'Save', training: 'Training', date: 'Date completed', hours: 'Hours',
    record: 'Record a training', line: '51 of 20 hours, but 4.5 of the 6 law and ethics hours', typed: '46.5', part: '4.5' },
  es: { mode: /Mi propio registro/, name: 'Nombre completo', worker: 'Tipo de trabajador(a)', save: 'Guardar', training: 'Capacitación', date: 'Fecha en que la completó', hours: 'Horas',
    record: 'Registrar una capacitación', line: '51 de 20 horas, pero solo 4.5 de las 6 horas de leyes y ética', typed: '46,5', part: '4,5' },
};

for (const lang of ['en', 'es']) {
  test(`a peer's own record fits a 360 px phone with long CE lines (${lang})`, async ({ page }) => {
    const w = WORDS[lang];
    await page.setViewportSize(PHONE);
    await page.goto('/');
    await setLanguage(page, lang);
    await page.getByRole('button', { name: w.mode }).click();
    await page.getByLabel(w.name).fill('Rosa Isela Maldonado-Quintanilla de Hernández');
    await page.getByLabel(w.worker).selectOption('peer_support_specialist');
    await page.getByRole('button', { name: w.save }).click();
    await expect(h1(page)).toHaveText('Rosa Isela Maldonado-Quintanilla de Hernández');
    // The core, the exam, and more CE than needed but short of law and ethics: the longest CE line.
    const record = async (training, date, hours) => {
      const details = page.locator('details.record', { has: page.locator('form.completion-form') });
      if (!(await details.evaluate((el) => el.open))) await details.locator('summary').click();
      const form = page.locator('form.completion-form');
      await form.getByLabel(w.training).selectOption(training);
      await form.getByLabel(w.date).fill(date);
      if (hours) await form.getByLabel(w.hours).fill(hours);
      await form.getByRole('button', { name: w.record }).click();
      await expect(form.getByLabel(w.training, { exact: true })).toHaveValue('');
    };
    const y = new Date().getFullYear();
    await record('builtin.peer_core_80h', `${y - 1}-01-10`);
    await record('builtin.peer_exam', `${y - 1}-02-10`);
    await record('builtin.chw_annual_ce', `${y - 1}-06-01`, w.typed); // typed the reader's way, "1,5" accepted too
    await record('builtin.law_ethics_ce', `${y - 1}-07-01`, w.part);
    await expect(page.locator('main')).toContainText(w.line);
    const { extra, worst } = await overflow(page);
    expect(extra, `own record is ${extra}px too wide: ${worst}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `tests/e2e/screenshots/phone-own-record-${lang}.png`, fullPage: true });
    for (const path of ['/ladders', '/requirements', '/trainings', '/settings']) await fits(page, path, lang);
  });
}
