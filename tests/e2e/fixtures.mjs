// Every end-to-end test runs with these guards (issue #12), so the whole suite proves them:
// - no Content-Security-Policy violation in any page it opens;
// - no request from the app to another origin (navigations the test itself makes aside);
// - no console message about an ignored or failed `integrity` (issue #20);
// - no user data ever written as markup (innerHTML, outerHTML, insertAdjacentHTML,
//   document.write): everything the app shows, a person's name included, goes in as text.
//   Leptos clones the static parts of a view from <template> elements (and, for SVG, from an
//   SVG element) filled with markup that is a constant in the app's code; such a write passes only when its markup is found,
//   byte for byte, in the built wasm: a string a person typed cannot be.
import { test as base, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';

let wasm;
function inBuild(markup) {
  wasm ??= readFileSync(`dist/${readdirSync('dist').find((f) => f.endsWith('.wasm'))}`);
  return wasm.includes(Buffer.from(markup, 'utf8'));
}

export { expect };

export const test = base.extend({
  page: async ({ page }, use) => {
    const found = [];
    await page.exposeFunction('__escaleraGuard', (kind, detail) => found.push(`${kind}: ${detail}`));
    await page.exposeFunction('__escaleraTemplate', (markup) => inBuild(markup) || found.push(`html (template not in the build): ${markup.slice(0, 120)}`));
    await page.addInitScript(() => {
      const report = (kind, detail) => window.__escaleraGuard?.(kind, String(detail).slice(0, 120));
      document.addEventListener('securitypolicyviolation', (e) => report('csp', `${e.violatedDirective} ${e.blockedURI}`));
      const watch = (proto, prop) => {
        const d = Object.getOwnPropertyDescriptor(proto, prop);
        Object.defineProperty(proto, prop, {
          ...d,
          set(v) {
            if ((this instanceof HTMLTemplateElement || this instanceof SVGElement) && prop === 'innerHTML') window.__escaleraTemplate?.(String(v));
            else report(`html (${prop})`, v);
            return d.set.call(this, v);
          },
        });
      };
      watch(Element.prototype, 'innerHTML');
      watch(Element.prototype, 'outerHTML');
      watch(ShadowRoot.prototype, 'innerHTML');
      const insert = Element.prototype.insertAdjacentHTML;
      Element.prototype.insertAdjacentHTML = function (where, v) { report('html (insertAdjacentHTML)', v); return insert.call(this, where, v); };
      const write = Document.prototype.write;
      Document.prototype.write = function (...v) { report('html (document.write)', v.join('')); return write.apply(this, v); };
    });
    // A browser that ignores part of the page (an `integrity` on a preload it cannot check).
    page.on('console', (message) => {
      if (/integrity/i.test(message.text())) found.push(`console ${message.type()}: ${message.text().slice(0, 160)}`);
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['http:', 'https:'].includes(url.protocol) || request.isNavigationRequest()) return;
      const from = new URL(request.frame().url());
      if (url.origin !== from.origin) found.push(`external request: ${request.url()} from ${from.origin}`);
    });
    await use(page);
    expect(found, 'CSP violations, requests to other origins or HTML written as markup').toEqual([]);
  },
});
