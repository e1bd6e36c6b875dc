// Serves the built app (dist/) on 127.0.0.1 with single-page-app fallback: any path that is
// not a file returns index.html, so reloading a deep link such as /people/abc works.
// Compresses with gzip when the browser accepts it, as any real host does (the bundle
// figures and Lighthouse's network simulation depend on the bytes on the wire).
import { createServer, request } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

const compressed = new Map();
const PERMISSIONS = 'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), '
  + 'magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=(), xr-spatial-tracking=()';
const compressible = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json', '.webmanifest']);

// ROOT serves another build (the update test deploys a second one on its own port).
const root = process.env.ROOT || new URL('../../dist/', import.meta.url).pathname;
const port = Number(process.env.PORT || 4173);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};

// The organization's database behind the app's own origin, as docs/sync.md tells a host to
// serve it: /couch/… goes to CouchDB (here pouchdb-server, tests/e2e/couch.mjs) unchanged,
// cookies included, so the app's CSP `connect-src 'self'` holds.
const couchPort = Number(process.env.COUCH_PORT || 5985);
function proxy(req, res) {
  const upstream = request({ host: '127.0.0.1', port: couchPort, method: req.method, path: req.url.slice('/couch'.length) || '/',
    headers: { ...req.headers, host: `127.0.0.1:${couchPort}` } }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => { if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }); res.end('Bad Gateway'); });
  req.pipe(upstream);
}

createServer(async (req, res) => {
  if (req.url === '/couch' || req.url.startsWith('/couch/')) return proxy(req, res);
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, path);
  try {
    if (!(await stat(file)).isFile()) file = join(root, 'index.html');
  } catch {
    file = join(root, 'index.html');
  }
  try {
    let body = await readFile(file);
    const headers = {
      'content-type': types[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store', vary: 'accept-encoding',
      // The headers docs/security.md asks a host to set (the CSP itself is a <meta> in index.html).
      'content-security-policy': "frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'permissions-policy': PERMISSIONS,
    };
    if (compressible.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      const key = createHash('sha1').update(body).digest('hex');
      if (!compressed.has(key)) compressed.set(key, gzipSync(body, { level: 9 }));
      body = compressed.get(key);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(500).end('dist/ is missing: run the build first');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
