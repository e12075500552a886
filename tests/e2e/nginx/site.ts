// What the nginx tests share: where the two servers listen, the public pages of a build, the
// security headers, and a watch over a page for anything the Content-Security-Policy or the
// console complains about.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { securityHeaders } from '../../../src/lib/output/security-headers.ts';

export const ORIGIN = `http://127.0.0.1:${process.env.NGINX_PORT ?? 4392}`;
export const SUBPATH_ORIGIN = `http://127.0.0.1:${process.env.NGINX_SUBPATH_PORT ?? 4393}`;
export const SUBPATH = '/k8s-workloads/';

const repo = resolve(import.meta.dirname, '../../..');
/** The root build, served at ORIGIN. */
export const DIST = resolve(repo, 'dist');
/** The sub-path build, served at SUBPATH_ORIGIN + SUBPATH. */
export const SUBPATH_DIST = resolve(repo, '.tmp/subpath', SUBPATH.slice(1));

/** URL paths of the public pages of a build: every index.html without `<meta name="robots" content="noindex">`. */
export function publicPages(root: string, base = '/'): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file === 'index.html' || file.endsWith('/index.html'))
    .filter((file) => !/<meta name="robots" content="[^"]*noindex/.test(readFileSync(join(root, file), 'utf8')))
    .map((file) => `${base}${file.slice(0, -'index.html'.length)}`)
    .sort();
}

/**
 * The response carries every security header with the value src/lib/output/security-headers.ts
 * defines: nginx includes deploy/security-headers.conf in every location (what the policy does
 * in the browser is tests/e2e/nginx/csp.spec.ts).
 */
export function expectSecurityHeaders(headers: Record<string, string>): void {
  for (const { name, value } of securityHeaders()) expect(headers[name.toLowerCase()], name).toBe(value);
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/**
 * Starts watching a page before its first navigation. `problems()` lists CSP violations
 * (from `securitypolicyviolation` events, which also fire for blocked Workers and WebAssembly),
 * console errors, uncaught exceptions and requests to any origin but `origin`.
 */
export async function watch(page: Page, origin: string): Promise<{ problems(): Promise<string[]> }> {
  const seen: string[] = [];
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}` +
          ` in ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => seen.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== origin) seen.push(`request to another origin: ${request.url()}`);
  });
  return {
    async problems() {
      const violations = await page.evaluate(() => window.__cspViolations ?? []);
      return [...violations, ...seen];
    },
  };
}
