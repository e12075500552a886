import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  CACHE_CONTROL,
  contentSecurityPolicy,
  cspDirectives,
  renderHeadersFile,
  renderNginxSnippet,
  securityHeaders,
  type Header,
} from '../../../src/lib/output/security-headers.ts';
import { headerRules } from '../../../src/lib/output/headers-file.ts';
import { THEME_INIT_SCRIPT } from '../../../src/lib/output/theme-init.ts';

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const directive = (name: string): string[] => cspDirectives().find(([d]) => d === name)?.[1] ?? [];

/** Headers of the `/*` block of a `_headers` file. */
function parseHeadersFile(text: string, path: string): Header[] {
  const block = text.split(/\n\s*\n/).find((b) => b.replace(/^#.*\n/, '').startsWith(`${path}\n`)) ?? '';
  return [...block.matchAll(/^ {2}([\w-]+): (.*)$/gm)].map(([, name = '', value = '']) => ({ name, value }));
}

/** Headers of an nginx snippet of `add_header Name "value" always;` lines. */
function parseNginxSnippet(text: string): Header[] {
  return [...text.matchAll(/^add_header ([\w-]+) "([^"]*)" always;$/gm)].map(([, name = '', value = '']) => ({
    name,
    value,
  }));
}

describe('Content-Security-Policy', () => {
  test.each([["'unsafe-inline'"], ["'unsafe-eval'"], ["'unsafe-hashes'"], ['*'], ['http:'], ['https:']])(
    'no directive allows %s',
    (source) => {
      for (const [name, sources] of cspDirectives()) expect(sources, name).not.toContain(source);
    },
  );

  test.each([
    ['default-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ])('%s is %j', (name, sources) => {
    expect(directive(name)).toEqual(sources);
  });

  test('script-src allows the site, the theme script by its SHA-256, and WebAssembly for Pagefind', () => {
    const hash = createHash('sha256').update(THEME_INIT_SCRIPT, 'utf8').digest('base64');
    expect(directive('script-src')).toEqual(["'self'", `'sha256-${hash}'`, "'wasm-unsafe-eval'"]);
  });

  test('the header value joins the directives with "; "', () => {
    expect(contentSecurityPolicy()).toMatch(
      /^default-src 'self'; script-src 'self' 'sha256-[A-Za-z0-9+/]{43}=' 'wasm-unsafe-eval'; style-src 'self'; /,
    );
    expect(contentSecurityPolicy()).not.toMatch(/;\s*;|;\s*$/);
  });
});

describe('security headers', () => {
  test.each([
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ])('%s is %s', (name, value) => {
    expect(securityHeaders().find((h) => h.name === name)?.value).toBe(value);
  });

  test.each([
    ['camera=()'],
    ['microphone=()'],
    ['geolocation=()'],
    ['payment=()'],
    ['usb=()'],
    ['clipboard-write=(self)'],
  ])('Permissions-Policy has %s', (entry) => {
    const policy = securityHeaders().find((h) => h.name === 'Permissions-Policy')?.value ?? '';
    expect(policy.split(', ')).toContain(entry);
  });

  test('each header appears once', () => {
    const names = securityHeaders().map((h) => h.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('every output format lists the same headers', () => {
  test.each([
    ['_headers at the root', () => parseHeadersFile(renderHeadersFile(headerRules('/', ['index.html'])), '/*')],
    [
      '_headers under a base path',
      () => parseHeadersFile(renderHeadersFile(headerRules('/k8s-workloads/', ['index.html'])), '/k8s-workloads/*'),
    ],
    ['nginx snippet', () => parseNginxSnippet(renderNginxSnippet(securityHeaders()))],
    ['deploy/security-headers.conf', () => parseNginxSnippet(read('deploy/security-headers.conf'))],
  ])('%s', (_format, headers) => {
    expect(headers()).toEqual(securityHeaders());
  });

  test('deploy/security-headers.conf is up to date (if not: run npm run headers)', () => {
    expect(
      read('deploy/security-headers.conf'),
      'deploy/security-headers.conf differs from src/lib/output/security-headers.ts: run npm run headers',
    ).toBe(renderNginxSnippet(securityHeaders()));
  });

  test('the nginx snippet refuses a value it cannot quote', () => {
    expect(() => renderNginxSnippet([{ name: 'X-Test', value: 'say "hi"' }])).toThrow(/X-Test/);
  });
});

describe('deploy/nginx.conf', () => {
  const conf = read('deploy/nginx.conf').replace(/#.*$/gm, '');
  const locations = [...conf.matchAll(/location\s+([^{]+)\{([^}]*(?:\{[^}]*\}[^}]*)*)\}/g)].map(
    ([, match = '', body = '']) => ({ match: match.trim(), body }),
  );

  test('has locations', () => {
    expect(locations.map((l) => l.match)).toEqual(expect.arrayContaining(['^~ /_astro/', '/']));
  });

  test.each(locations.map((l) => [l.match, l.body]))('location %s includes the security headers', (_match, body) => {
    expect(body).toContain('include /etc/nginx/snippets/security-headers.conf;');
  });

  test('no add_header outside a location (it would be dropped in every location)', () => {
    const outside = conf.replace(/location\s+[^{]+\{([^}]*(?:\{[^}]*\}[^}]*)*)\}/g, '');
    expect(outside).not.toMatch(/add_header/);
  });

  test.each([
    ['^~ /_astro/', CACHE_CONTROL.immutable],
    ['/', CACHE_CONTROL.revalidate],
  ])('location %s sends Cache-Control: %s', (match, value) => {
    expect(locations.find((l) => l.match === match)?.body).toContain(`add_header Cache-Control "${value}" always;`);
  });

  test('the Containerfile installs the snippet where nginx.conf includes it', () => {
    expect(read('deploy/Containerfile')).toMatch(
      /^COPY deploy\/security-headers\.conf \/etc\/nginx\/snippets\/security-headers\.conf$/m,
    );
  });
});
