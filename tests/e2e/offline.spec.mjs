// Issue #12: offline, installable, updated safely, locked down. The app is visited once, then
// used with the network off; a second build deployed on the same origin is announced and
// taken only when the person agrees; the manifest makes it installable; a script typed into
// a name never runs; every built script and style carries its integrity hash.
import { test, expect } from './fixtures.mjs';
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { serviceWorker } from '../../scripts/postbuild.mjs';
import { addPerson, chooseOrganization, h1, historyRows, recordOnPersonPage } from './helpers.mjs';

/** Waits until the service worker is active and has the whole app in its cache. */
async function installed(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

test('after one visit the app opens and works with the network off', async ({ page, context }) => {
  await page.goto('/');
  await installed(page);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: /An organization/ }).click();
  await expect(h1(page)).toHaveText('People');
  const offline = page.locator('.top .offline');
  await expect(offline).toBeVisible();
  await expect(offline).toHaveText(/Offline\s*Everything still works and is saved on this device\./);
  await addPerson(page, { name: 'Inés Campos' });
  await recordOnPersonPage(page, { training: 'builtin.cpr_first_aid', date: '2026-01-06' });
  await page.reload();
  await expect(h1(page)).toHaveText('Inés Campos');
  await expect(historyRows(page)).toHaveCount(1);
  await page.screenshot({ path: 'tests/e2e/screenshots/offline.png' });
  await context.setOffline(false);
  await expect(offline).toBeHidden();
});

/** Serves `root` on `port` (the test server, its own process) until stopped. */
async function serve(root, port) {
  const child = spawn(process.execPath, ['tests/e2e/serve.mjs'], { env: { ...process.env, PORT: String(port), ROOT: root }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('serving') && resolve());
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return () => new Promise((resolve) => { child.once('exit', resolve); child.kill(); });
}

test('a new version is announced, waits for the person, and keeps their data', async ({ page }, info) => {
  // The next deploy: the same app with a changed index.html, and its own service worker.
  const next = info.outputPath('dist-next');
  await rm(next, { recursive: true, force: true });
  await cp('dist', next, { recursive: true });
  const index = await readFile(`${next}/index.html`, 'utf8');
  await writeFile(`${next}/index.html`, index.replace('<title>', '<meta name="escalera-build" content="next"><title>'));
  await serviceWorker(next);

  const port = 4300 + info.workerIndex;
  const origin = `http://127.0.0.1:${port}`;
  let stop = await serve('dist', port);
  try {
    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: /An organization/ }).click();
    await page.goto(`${origin}/people/new`);
    await page.getByLabel('Full name').fill('Marta Gil');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(h1(page)).toHaveText('Marta Gil');
    await installed(page);
    // A returning visit: the page is now served by the service worker.
    await page.reload();
    await expect(h1(page)).toHaveText('Marta Gil');
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await expect(page.locator('.alert.update')).toHaveCount(0);

    await stop();
    stop = await serve(next, port);
    // The next visit finds the new version; the person is in the middle of an edit.
    await page.goto(`${origin}/people/new`);
    await page.getByLabel('Full name').fill('Half-typed name');
    const banner = page.locator('.alert.update');
    await expect(banner).toContainText('A new version of Escalera is ready. Your data stays as it is.');
    // Nothing reloads by itself: what was typed is still there.
    await page.waitForTimeout(500);
    await expect(page.getByLabel('Full name')).toHaveValue('Half-typed name');
    await expect(page.locator('meta[name="escalera-build"]')).toHaveCount(0);
    await page.screenshot({ path: 'tests/e2e/screenshots/update-ready.png' });

    await banner.getByRole('button', { name: 'Reload to update' }).click();
    await expect(page.locator('meta[name="escalera-build"]')).toHaveCount(1);
    await page.goto(`${origin}/people`);
    await expect(page.getByRole('link', { name: 'Marta Gil' })).toBeVisible();
  } finally {
    await stop();
  }
});

function pngSize(bytes) {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the manifest makes the app installable, with icons of the sizes it names', async ({ page }) => {
  await page.goto('/');
  await installed(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const response = await page.request.get(href);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: 'Escalera', short_name: 'Escalera', start_url: '/', scope: '/', display: 'standalone',
    theme_color: '#1f5f5b', background_color: '#f7f6f2' });
  expect(manifest.description).toContain('/ Capacitaciones');
  const purposes = new Set();
  for (const icon of manifest.icons) {
    const file = await page.request.get(icon.src);
    expect(file.ok(), icon.src).toBe(true);
    purposes.add(icon.purpose);
    if (icon.type === 'image/png') expect(pngSize(await file.body())).toBe(icon.sizes);
    else expect(await file.text()).toContain('<svg');
  }
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect([...purposes].sort()).toEqual(['any', 'maskable']);
});

test('Chromium finds the app installable', async ({ browserName }, info) => {
  // Test contexts are incognito, where nothing is installable: use a real profile.
  const profile = info.outputPath('profile');
  const context = await chromium.launchPersistentContext(profile, { ...info.project.use.launchOptions, headless: true });
  try {
    const page = await context.newPage();
    await page.goto(info.project.use.baseURL);
    await installed(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors, browserName).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a script typed into a name is shown as text and never runs', async ({ page }) => {
  await chooseOrganization(page);
  const name = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await addPerson(page, { name });
  await expect(h1(page)).toHaveText(name);
  await page.goto('/people');
  await expect(page.getByRole('link', { name })).toBeVisible();
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('main img').count()).toBe(0);
});

test('the policy is in the page and every built script and style carries its integrity hash', async ({ page }) => {
  const response = await page.goto('/');
  expect(response.headers()['referrer-policy']).toBe('no-referrer');
  expect(response.headers()['permissions-policy']).toContain('camera=()');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const part of ["default-src 'self'", "'wasm-unsafe-eval'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) {
    expect(policy).toContain(part);
  }
  expect(policy).not.toContain('unsafe-inline');
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
  const links = await page.locator('link[integrity]').evaluateAll((els) => els.map((e) => [e.getAttribute('href'), e.getAttribute('integrity')]));
  const hrefs = links.map(([href]) => href);
  for (const ext of ['.css', '.js']) expect(hrefs.some((h) => h.endsWith(ext)), ext).toBe(true);
  // The wasm's preload carries none: browsers ignore it there (and warn on every load).
  await expect(page.locator('link[rel="preload"][as="fetch"]')).toHaveCount(1);
  await expect(page.locator('link[rel="preload"][as="fetch"][integrity]')).toHaveCount(0);
  for (const [href, integrity] of links) {
    const body = await (await page.request.get(href)).body();
    expect(`sha384-${createHash('sha384').update(body).digest('base64')}`, href).toBe(integrity);
  }
});
