// Sync benchmark (issue #13): prints numbers, never fails on timing. Against pouchdb-server
// on loopback (tests/e2e/couch.mjs) behind the test server's /couch/ proxy, release build:
//   - the first push of 5,000 people × 30 completions (10,000 documents) from a device;
//   - the first pull of all of it into a new device, from "Sign in and sync" to "Synced",
//     beside plain JavaScript fetching the same documents (`_all_docs?include_docs=true`)
//     and writing them to IndexedDB in one transaction, in the same run;
//   - one change on one device (a person's role saved) to it on the other's screen, 5 times.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { seedRelease3 } from './seed.mjs';

const PORT = 4176;
const COUCH_PORT = 5986;
const BASE = `http://127.0.0.1:${PORT}`;
const PEOPLE = Number(process.env.PEOPLE || 5000);
const PER_PERSON = 30;
const ADMIN = 'Basic ' + Buffer.from('admin:escalera-test-admin').toString('base64');
const fmt = (ms) => `${ms.toFixed(0)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const couch = spawn('node', ['tests/e2e/couch.mjs'], { env: { ...process.env, COUCH_PORT: String(COUCH_PORT) }, stdio: 'ignore' });
const server = spawn('node', ['tests/e2e/serve.mjs'], { env: { ...process.env, PORT: String(PORT), COUCH_PORT: String(COUCH_PORT) }, stdio: 'ignore' });

async function until(check, what, ms = 120_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** "Sign in and sync" with an open database (no name), timed to the header's "Synced". */
async function turnOn(page) {
  await page.goto(BASE + '/settings');
  await page.getByLabel('Database address').fill('/couch/bench');
  const start = Date.now();
  await page.getByRole('button', { name: 'Sign in and sync' }).click();
  await page.locator('#sync-status', { hasText: /^Synced$/ }).waitFor({ timeout: 300_000 });
  return Date.now() - start;
}

try {
  await until(async () => { try { return (await fetch(`http://127.0.0.1:${COUCH_PORT}/ready`)).ok && (await fetch(BASE)).ok; } catch { return false; } }, 'the servers');
  // An open database (no members): the benchmark measures sync, not sign-in.
  await fetch(`http://127.0.0.1:${COUCH_PORT}/bench`, { method: 'PUT', headers: { authorization: ADMIN } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const device = async (name) => { const p = await (await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' })).newPage(); if (process.env.DEBUG) p.on('console', (m) => console.log(name, Date.now() % 100000, m.text())); return p; };

  // The office: 5,000 people × 30 completions, upgraded on first visit, then pushed.
  const office = await device('office');
  await office.goto(BASE + '/favicon.svg');
  await seedRelease3(office, { people: PEOPLE, perPerson: PER_PERSON });
  await office.goto(BASE + '/people');
  await office.getByRole('heading', { level: 1, name: 'People' }).waitFor({ timeout: 120_000 });
  const pushMs = await turnOn(office);
  const pushed = await office.locator('#sync-last').innerText();

  // Plain JavaScript: the same documents fetched and written to IndexedDB, no app code.
  const plain = await device('plain');
  await plain.goto(BASE + '/favicon.svg');
  const plainMs = await plain.evaluate(async () => {
    const start = performance.now();
    const all = await (await fetch('/couch/bench/_all_docs?include_docs=true')).json();
    const db = await new Promise((ok, fail) => { const r = indexedDB.open('plain', 1); r.onupgradeneeded = () => r.result.createObjectStore('docs', { keyPath: '_id' }); r.onsuccess = () => ok(r.result); r.onerror = fail; });
    const tx = db.transaction('docs', 'readwrite');
    for (const row of all.rows) if (!row.id.startsWith('_')) tx.objectStore('docs').put(row.doc);
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = fail; });
    return performance.now() - start;
  });

  // The phone: a new device pulls everything.
  const phone = await device('phone');
  await phone.goto(BASE + '/');
  await phone.getByRole('button', { name: /An organization/ }).click();
  const pullMs = await turnOn(phone);
  const pulled = await phone.locator('#sync-last').innerText();
  await phone.goto(BASE + '/people');
  const listed = await phone.getByText(/^Showing \d+ of [\d,]+ people/).innerText({ timeout: 60_000 });

  // One change on the office to the phone's screen: the change feed wakes the phone's sync.
  const person = 'bench00001';
  await phone.goto(`${BASE}/people/${person}`);
  const reaches = [];
  // The office opens the person once (its start-up pass done), then edits from the page, as
  // a person does: Edit, type, Save.
  await office.goto(`${BASE}/people/${person}`);
  await office.locator('#sync-status', { hasText: /^Synced$/ }).waitFor({ timeout: 60_000 });
  for (let i = 0; i < 5; i++) {
    const role = `Lead CHW ${i}`;
    await office.getByRole('link', { name: 'Edit', exact: true }).click();
    // The form fills in from the stored person first; typing before that would be lost.
    await office.waitForFunction(() => document.querySelector('#person-role')?.value);
    await office.getByLabel(/Role title/).fill(role);
    const start = Date.now();
    await office.getByRole('button', { name: 'Save' }).click();
    await phone.locator('ul.facts', { hasText: role }).waitFor({ timeout: 60_000 });
    reaches.push(Date.now() - start);
    await office.locator('#sync-status', { hasText: /^Synced$/ }).waitFor({ timeout: 60_000 });
  }
  await browser.close();

  console.log('\nSync (release build, headless Chromium, pouchdb-server in memory on loopback, this machine):');
  console.log(`  first push, ${PEOPLE} people × ${PER_PERSON} completions (${PEOPLE * 2} documents): ${fmt(pushMs)} from "Sign in and sync" to "Synced" (${pushed})`);
  console.log(`  first pull into a new device: ${fmt(pullMs)} (${pulled}); people list: ${listed}`);
  console.log(`  plain JS fetching the same documents (_all_docs) and writing them to IndexedDB: ${fmt(plainMs)} (the pull is ${(pullMs / plainMs).toFixed(1)}×)`);
  console.log(`  one change, "Save" on one device to it on the other's screen: median ${fmt(median(reaches))} (${reaches.map(fmt).join(', ')})`);
} finally {
  server.kill();
  couch.kill();
}
