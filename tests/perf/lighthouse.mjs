// First load under Lighthouse's mobile profile (simulated slow 4G and a 4× slower CPU, a
// phone-sized screen), against the release build served as a deployment would serve it.
// Prints the performance score, LCP and TBT; never fails on them (numbers, not a gate).
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { spawn } from 'node:child_process';

const PORT = 4177;
const URL_TO_TEST = `http://127.0.0.1:${PORT}/`;
const server = spawn('node', ['tests/e2e/serve.mjs'], { env: { ...process.env, PORT: String(PORT) }, stdio: 'ignore' });
let chrome;
try {
  for (let i = 0; i < 50; i++) {
    try { if ((await fetch(URL_TO_TEST)).ok) break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const runs = [];
  for (let run = 0; run < 3; run++) {
    // The default config is the mobile profile (Moto G Power, slow 4G, 4× CPU throttling).
    const result = await lighthouse(URL_TO_TEST, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' });
    const lhr = result.lhr;
    runs.push({
      score: Math.round(lhr.categories.performance.score * 100),
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      tbt: lhr.audits['total-blocking-time'].numericValue,
      fcp: lhr.audits['first-contentful-paint'].numericValue,
    });
  }
  runs.sort((a, b) => a.score - b.score);
  const mid = runs[1];
  console.log(`\nLighthouse, mobile profile (slow 4G, 4× CPU), first load of /, median of ${runs.length} by score:`);
  console.log(`  performance score ${mid.score} (runs: ${runs.map((r) => r.score).join(', ')}); FCP ${(mid.fcp / 1000).toFixed(1)} s, LCP ${(mid.lcp / 1000).toFixed(1)} s, TBT ${mid.tbt.toFixed(0)} ms`);
} finally {
  if (chrome) await chrome.kill();
  server.kill();
}
