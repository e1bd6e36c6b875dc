// Performance benchmark: prints numbers, never fails on timing (timed assertions flake).
// Measures, in Debian's Chromium against the release build in dist/:
//   - first load: navigation start to the first screen's heading;
//   - the people list opening with 5,000 people stored;
//   - one search keystroke at 5,000 people: input event to the list updated on screen;
//   - the compliance dashboard with 5,000 people × 30 completions: opening it, and changing
//     its "as of" date (every status recomputed and the page redrawn).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const PORT = 4175;
const BASE = `http://127.0.0.1:${PORT}`;
const PEOPLE = 5000;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

const server = spawn('node', ['tests/e2e/serve.mjs'], { env: { ...process.env, PORT: String(PORT) }, stdio: 'ignore' });
try {
  for (let i = 0; i < 50; i++) {
    try { if ((await fetch(BASE)).ok) break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });

  // First load, a fresh browser profile each time (nothing cached, empty IndexedDB).
  const loads = [];
  for (let run = 0; run < 5; run++) {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(BASE + '/');
    await page.getByRole('heading', { level: 1, name: 'Welcome to Escalera' }).waitFor();
    loads.push(await page.evaluate(() => performance.now()));
    await context.close();
  }

  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(BASE + '/');
  await page.getByRole('button', { name: /An organization/ }).click();
  await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();

  // Seed 5,000 people straight into the app's store (a benchmark fixture, not a user path).
  await page.evaluate(async (count) => {
    const first = ['María', 'José', 'Ana', 'Luis', 'Rosa', 'Carmen', 'Jesús', 'Guadalupe', 'Juan', 'Lucía', 'Minh', 'Thảo', 'Grace', 'Wei', 'Jamal', 'Keisha', 'Ji-woo', 'Nasrin'];
    const last = ['López', 'García', 'Hernández', 'Martínez', 'Nguyen', 'Santos', 'Kim', 'Johnson', 'Williams', 'Ramírez', 'Flores', 'Núñez', 'Chen', 'Reyes', 'Cruz', 'Díaz'];
    const types = ['chw', 'peer_support_specialist', 'behavioral_health_navigator', 'perinatal_doula', 'family_caregiver_coach', 'violence_prevention', 'other'];
    const db = await new Promise((ok, fail) => { const r = indexedDB.open('escalera'); r.onsuccess = () => ok(r.result); r.onerror = fail; });
    const tx = db.transaction('people', 'readwrite');
    for (let i = 0; i < count; i++) {
      tx.objectStore('people').put({
        id: `bench${String(i).padStart(5, '0')}`,
        name: `${first[i % first.length]} ${last[(i * 7) % last.length]} ${i}`,
        preferred_language: i % 3 ? 'spanish' : 'english', worker_type: types[i % types.length],
        organization: `Org ${i % 12}`, program: ['ECM', 'Crisis', 'Perinatal', 'Outreach'][i % 4],
        role_title: 'Community Health Worker', hire_date: null, email: `p${i}@example.org`, notes: '', archived: false,
      });
    }
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = fail; });
    db.close();
  }, PEOPLE);

  const listOpens = [];
  for (let run = 0; run < 5; run++) {
    await page.goto(BASE + '/people');
    await page.getByText(`Showing 100 of ${PEOPLE} people`).waitFor();
    listOpens.push(await page.evaluate(() => performance.now()));
  }

  // Each keystroke: set the value and fire `input` as typing does. Leptos runs its updates as
  // microtasks, so a zero-delay timer fires once all the work for the keystroke (search and DOM
  // update) is done; one animation frame more includes layout and paint.
  const search = page.getByLabel('Search people');
  await search.focus();
  const work = [];
  const painted = [];
  const typed = 'maria lopez 1';
  for (let i = 1; i <= typed.length; i++) {
    const [w, p] = await page.evaluate(async (text) => {
      const input = document.getElementById('people-search');
      const start = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((ok) => setTimeout(ok, 0));
      const done = performance.now();
      await new Promise((ok) => requestAnimationFrame(() => ok()));
      return [done - start, performance.now() - start];
    }, typed.slice(0, i));
    work.push(w);
    painted.push(p);
  }
  const shown = await page.locator('.count').textContent();

  // 30 completions per person (150,000 records), spread over 2019–2026.
  const trainings = ['builtin.cpr_first_aid', 'builtin.mhfa_adult', 'builtin.hipaa', 'builtin.law_ethics_ce', 'builtin.chw_annual_ce', 'builtin.peer_core_80h', 'builtin.peer_exam', 'builtin.motivational_interviewing'];
  await page.evaluate(async ({ count, trainings }) => {
    const db = await new Promise((ok, fail) => { const r = indexedDB.open('escalera'); r.onsuccess = () => ok(r.result); r.onerror = fail; });
    const tx = db.transaction('completions', 'readwrite');
    const store = tx.objectStore('completions');
    for (let i = 0; i < count; i++) {
      for (let k = 0; k < 30; k++) {
        const day = (i * 31 + k * 97) % 2900;
        const date = new Date(Date.UTC(2019, 0, 1) + day * 86400000).toISOString().slice(0, 10);
        const training = trainings[(i + k) % trainings.length];
        store.put({
          id: `c${i}_${k}`, person_id: `bench${String(i).padStart(5, '0')}`, training_id: training, completed_on: date,
          hours: 1 + (k % 6), provider: '', certificate_number: '', ce_category: training === 'builtin.law_ethics_ce' ? 'law_ethics' : null,
          notes: '', removed: false,
        });
      }
    }
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = fail; });
    db.close();
  }, { count: PEOPLE, trainings });

  const dashboardOpens = [];
  for (let run = 0; run < 3; run++) {
    await page.goto(BASE + '/compliance');
    await page.locator('.tiles').waitFor();
    dashboardOpens.push(await page.evaluate(() => performance.now()));
  }
  const rowsCounted = await page.locator('.tile-count').allTextContents();
  const asOfChanges = [];
  for (const day of ['2025-01-01', '2026-01-01', '2027-01-01', '2024-06-30', '2026-11-24']) {
    asOfChanges.push(await page.evaluate(async (value) => {
      const input = document.getElementById('compliance-as-of');
      const start = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((ok) => setTimeout(ok, 0));
      await new Promise((ok) => requestAnimationFrame(() => ok()));
      return performance.now() - start;
    }, day));
  }
  await browser.close();

  console.log('\nPerformance (release build, headless Chromium, this machine):');
  console.log(`  first load to first screen:            median ${fmt(median(loads))} over ${loads.length} fresh profiles`);
  console.log(`  people list opening, ${PEOPLE} people:     median ${fmt(median(listOpens))} over ${listOpens.length} loads`);
  console.log(`  search keystroke, ${PEOPLE} people:        median ${fmt(median(work))}, max ${fmt(Math.max(...work))} (to next paint: median ${fmt(median(painted))}) over ${work.length} keystrokes`);
  console.log(`  after typing "${typed}": ${shown}`);
  const cells = rowsCounted.reduce((a, b) => a + Number(b), 0);
  console.log(`  compliance dashboard, ${PEOPLE} people × 30 completions: opens in median ${fmt(median(dashboardOpens))} over ${dashboardOpens.length} loads (${cells} person × requirement statuses)`);
  console.log(`  dashboard "as of" change, same data:  median ${fmt(median(asOfChanges))}, max ${fmt(Math.max(...asOfChanges))} to next paint over ${asOfChanges.length} dates`);
} finally {
  server.kill();
}
