// Every page, in both languages: axe-core finds no serious or critical violation, and at
// 360×740 (a small phone) nothing scrolls sideways. Screenshots go to tests/e2e/screenshots/.
import { test, expect } from './fixtures.mjs';
import { addPerson, chooseOrganization, copyPeerExample, h1, place, recordOnPersonPage, seriousViolations, setLanguage } from './helpers.mjs';

/** Sets up data once per test and returns the pages to visit, by name. */
async function populate(page) {
  await chooseOrganization(page);
  await addPerson(page, { name: 'María López', role: 'Promotora de salud comunitaria', program: 'Enhanced Care Management' });
  const personUrl = new URL(page.url()).pathname;
  await recordOnPersonPage(page, { training: 'builtin.peer_core_80h', date: '2025-06-30' });
  await recordOnPersonPage(page, { training: 'builtin.cpr_first_aid', date: '2025-03-03' });
  // Ladders: a copied example, María placed on it, a grade of her own, a promotion plan.
  const ladder = await copyPeerExample(page);
  await page.goto(personUrl);
  await place(page, { step: 'Peer Support Specialist I', payStep: '2', date: '2024-05-01' });
  await page.goto('/pay/grades');
  const gradeEdit = await page.locator('section.grade a', { hasText: 'Edit' }).first().getAttribute('href');
  await page.goto('/planner');
  await page.getByRole('button', { name: 'New plan' }).click();
  await expect(page.locator('#plan-total')).toBeVisible();
  const plan = new URL(page.url()).pathname;
  return {
    people: '/people',
    'person-new': '/people/new',
    person: personUrl,
    'person-edit': `${personUrl}/edit`,
    trainings: '/trainings',
    training: '/trainings/builtin.mhfa_adult',
    'training-edit': '/trainings/builtin.cpr_first_aid/edit',
    settings: '/settings',
    compliance: '/compliance',
    requirements: '/requirements',
    'requirement-edit': '/requirements/preset.peer_ce/edit',
    'requirement-pathways': '/requirements/preset.doula_training/edit',
    'requirement-new': '/requirements/new/credential',
    'year-record': `${personUrl}/record/2025`,
    transcript: `${personUrl}/transcript`,
    ladders: '/ladders',
    ladder,
    'ladder-edit': `${ladder}/edit`,
    'ladder-new': '/ladders/new',
    'example-ladder': `/ladders/example.ladder.chw_three_level?person=`,
    grades: '/pay/grades',
    'grade-edit': gradeEdit,
    'grade-new': '/pay/grades/new',
    policy: '/pay/policy',
    'floor-edit': '/pay/floors/floor.ca_minimum/edit',
    'floor-new': '/pay/floors/new',
    readiness: '/readiness',
    planner: '/planner',
    plan,
    equity: '/pay/equity',
    trash: '/trash',
    'not-found': '/nowhere',
  };
}

// The pages in two halves per language, so that each test's time stays well inside its
// budget as pages are added (one walk over every page outgrew 60 s on a loaded machine).
const halves = {
  'records and rules': (name) => !LADDER_PAGES.has(name),
  'ladders and pay': (name) => LADDER_PAGES.has(name),
};
const LADDER_PAGES = new Set(['ladders', 'ladder', 'ladder-edit', 'ladder-new', 'example-ladder', 'grades', 'grade-edit',
  'grade-new', 'policy', 'floor-edit', 'floor-new', 'readiness', 'planner', 'plan', 'equity']);

for (const lang of ['en', 'es']) {
  for (const [half, wanted] of Object.entries(halves)) {
    test(`axe-core: no serious or critical violations on any page, ${half} (${lang})`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto('/');
      await expect(h1(page)).toBeVisible();
      await setLanguage(page, lang);
      expect(await seriousViolations(page), 'welcome').toEqual([]);
      await setLanguage(page, 'en'); // the set-up steps speak English
      const pages = await populate(page);
      await setLanguage(page, lang);
      const visited = Object.entries(pages).filter(([name]) => wanted(name));
      expect(visited.length).toBeGreaterThan(10);
      for (const [name, url] of visited) {
        await page.goto(url);
        await expect(h1(page)).toBeVisible();
        await page.waitForLoadState('networkidle');
        expect(await seriousViolations(page), name).toEqual([]);
      }
      // A form showing its errors is audited too.
      await page.goto('/people/new');
      await page.getByRole('button', { name: lang === 'es' ? 'Guardar' : 'Save' }).click();
      await expect(page.locator('#person-name-error')).not.toBeEmpty();
      expect(await seriousViolations(page), 'form with errors').toEqual([]);
    });
  }
}

test('360×740 phone: no page scrolls sideways', async ({ page }) => {
  test.setTimeout(120_000); // every page, twice, each with a full-page screenshot
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await expect(h1(page)).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/phone-welcome.png', fullPage: true });
  const pages = await populate(page);
  for (const lang of ['en', 'es']) {
    await setLanguage(page, lang);
    for (const [name, url] of Object.entries(pages)) {
      await page.goto(url);
      await expect(h1(page)).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} (${lang}) scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `tests/e2e/screenshots/phone-${name}-${lang}.png`, fullPage: true });
    }
  }
});
