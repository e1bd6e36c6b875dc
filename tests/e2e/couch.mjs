// Starts pouchdb-server (CouchDB's HTTP API, from npm) on loopback, in memory, for the sync
// tests, with an administrator (`admin` / ADMIN_PASSWORD below) so sign-in is real: without
// one, CouchDB and PouchDB let anyone in. Its config file and log go to a temporary folder.
// Ready when the database `ready` exists (created last), which the Playwright config waits for.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const COUCH_PORT = Number(process.env.COUCH_PORT || 5985);
export const ADMIN = { name: 'admin', password: 'escalera-test-admin' };

const here = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'escalera-couch-'));
const server = spawn(join(here, 'node_modules/.bin/pouchdb-server'),
  ['--in-memory', '--port', String(COUCH_PORT), '--host', '127.0.0.1', '--config', join(dir, 'config.json'), '--no-stdout-logs'],
  { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { server.kill(); process.exit(0); });
server.on('exit', (code) => { console.error(`pouchdb-server exited (${code})`); process.exit(1); });

const base = `http://127.0.0.1:${COUCH_PORT}`;
const auth = 'Basic ' + Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64');
for (let i = 0; ; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch { /* not up yet */ }
  if (i > 300) throw new Error('pouchdb-server did not start');
  await new Promise((r) => setTimeout(r, 100));
}
await fetch(`${base}/_config/admins/${ADMIN.name}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
const ready = await fetch(`${base}/ready`, { method: 'PUT', headers: { authorization: auth } });
if (!ready.ok) throw new Error(`pouchdb-server set-up failed: ${ready.status}`);
console.log(`pouchdb-server (in memory) on ${base}`);
