// Trunk post-build step (Trunk.toml [[hooks]]): locks down and makes offline the built app.
//   1. index.html gets its Content-Security-Policy (with the exact hash of Trunk's inline
//      bootstrap script) and Referrer-Policy as <meta> tags: see docs/security.md.
//   2. Workbox generates the service worker that precaches every built file, so that after one
//      visit the app opens with no network. Hashed file names make each deploy a clean update;
//      the new worker waits until the person agrees to reload (src/ui/app_shell.rs).
// Usage: node scripts/postbuild.mjs [dir]   (default: Trunk's staging dir, else dist/)
import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateSW } from 'workbox-build';

/** The policy for a given set of inline-script hashes. `frame-ancestors` only works as an
 *  HTTP header, so docs/security.md lists it for servers; a <meta> would ignore it. */
export function policy(scriptHashes) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'sha256-${h}'`).join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Trunk's preload of the wasm (`as="fetch"`) carries an `integrity` that browsers ignore for
 *  that kind of preload (Chrome logs a warning on every load, crbug.com/981419), and the fetch
 *  that uses it carries none, so it never checked anything: left off, the preload is used as
 *  it is. Integrity stays where browsers enforce it: the JS and the CSS (docs/security.md). */
export function withoutIgnoredIntegrity(html) {
  // Release builds minify the HTML: attribute values may come unquoted.
  return html.replace(/<link\b[^>]*>/g, (tag) =>
    /\brel="?preload\b/.test(tag) && /\bas="?fetch\b/.test(tag) ? tag.replace(/\s+integrity=("[^"]*"|[^\s>]+)/, '') : tag);
}

/** Adds (or refreshes) the CSP and referrer <meta> tags in dir/index.html. */
export async function secure(dir) {
  const file = join(dir, 'index.html');
  let html = withoutIgnoredIntegrity(await readFile(file, 'utf8'));
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '').replace(/<meta name="referrer"[^>]*>/, '');
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => createHash('sha256').update(m[1], 'utf8').digest('base64'));
  const tags = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes)}"><meta name="referrer" content="no-referrer">`;
  // Right after <meta charset>: the policy must come before any script or style it governs.
  html = html.replace(/(<meta charset="?utf-8"?\s*\/?>)/i, `$1${tags}`);
  if (!html.includes('Content-Security-Policy')) throw new Error('index.html has no <meta charset> to put the policy after');
  await writeFile(file, html);
  return hashes;
}

/** Writes dir/sw.js: Workbox precache of every built file, served offline. */
export async function serviceWorker(dir) {
  const { count, size, warnings } = await generateSW({
    globDirectory: dir,
    globPatterns: ['**/*.{html,js,wasm,css,svg,png,webmanifest}', 'example-data.json'],
    globIgnores: ['sw.js'],
    swDest: join(dir, 'sw.js'),
    // Deep links (/people/abc) open offline too.
    navigateFallback: '/index.html',
    // The organization's database behind the same origin (docs/sync.md): never the app shell.
    navigateFallbackDenylist: [/^\/couch\//],
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    // Never take over a page by itself: the app asks the person first (safe updates).
    skipWaiting: false,
    clientsClaim: false,
    cleanupOutdatedCaches: true,
    maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
    // Trunk's hashed names change with their content: no extra revision needed.
    dontCacheBustURLsMatching: /-[0-9a-f]{12,}(_bg)?\.(wasm|js|css)$/,
  });
  for (const w of warnings) console.warn(`workbox: ${w}`);
  return { count, size };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist';
  const hashes = await secure(dir);
  const { count, size } = await serviceWorker(dir);
  console.log(`postbuild: CSP with ${hashes.length} inline-script hash(es); service worker precaches ${count} files (${size} bytes)`);
}
