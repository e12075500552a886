import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  CACHE_CONTROL,
  contentSecurityPolicy,
  renderHeadersFile,
  renderNginxSnippet,
  securityHeaders,
  type Header,
} from '../../../src/lib/output/security-headers.ts';
import { headerRules } from '../../../src/lib/output/headers-file.ts';
import { THEME_INIT_SCRIPT } from '../../../src/lib/output/theme-init.ts';

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

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

/**
 * The policy as a browser reads the header (CSP3 §2.2.1): directives split on ";", names
 * lower-cased, a repeated directive ignored (here: reported so a test can refuse it).
 */
function parsePolicy(header: string): { directives: Map<string, string[]>; repeated: string[] } {
  const directives = new Map<string, string[]>();
  const repeated: string[] = [];
  for (const token of header.split(';')) {
    const [name = '', ...sources] = token.trim().split(/\s+/);
    if (!name) continue;
    if (directives.has(name.toLowerCase())) repeated.push(name);
    else directives.set(name.toLowerCase(), sources);
  }
  return { directives, repeated };
}

/** Every directive CSP Level 3 defines; a browser ignores any other name (a typo disables it). */
const CSP3_DIRECTIVES = new Set(
  [
    'child-src connect-src default-src font-src frame-src img-src manifest-src media-src object-src',
    'script-src script-src-elem script-src-attr style-src style-src-elem style-src-attr worker-src',
    'base-uri sandbox form-action frame-ancestors report-uri report-to upgrade-insecure-requests',
    'require-trusted-types-for trusted-types webrtc',
  ]
    .join(' ')
    .split(' '),
);

describe('Content-Security-Policy, read as a browser reads the header', () => {
  const { directives, repeated } = parsePolicy(contentSecurityPolicy());
  const sources = (name: string) => directives.get(name) ?? directives.get('default-src') ?? [];

  test('every directive is one browsers know, and none is given twice', () => {
    expect([...directives.keys()].filter((name) => !CSP3_DIRECTIVES.has(name))).toEqual([]);
    expect(repeated).toEqual([]);
  });

  test.each([["'unsafe-inline'"], ["'unsafe-eval'"], ["'unsafe-hashes'"], ['*'], ['http:'], ['https:'], ['blob:']])(
    'no directive allows %s',
    (source) => {
      for (const [name, list] of directives) expect(list, name).not.toContain(source);
    },
  );

  test('nothing loads from another origin: sources are keywords and hashes, and data: only for images', () => {
    for (const [name, list] of directives) {
      for (const source of list) {
        const allowed = /^'(self|none|wasm-unsafe-eval|sha256-[A-Za-z0-9+/]{43}=)'$/.test(source);
        expect(allowed || (name === 'img-src' && source === 'data:'), `${name} ${source}`).toBe(true);
      }
    }
  });

  // The directives that do not fall back to default-src, which a strict policy must set itself.
  test.each([
    ['object-src', ["'none'"], 'no plugins'],
    ['base-uri', ["'self'"], 'no <base> pointing elsewhere'],
    ['form-action', ["'self'"], 'forms post only to the site'],
    ['frame-ancestors', ["'none'"], 'no other page may frame the site'],
  ])('%s is %j: %s', (name, expected) => {
    expect(directives.get(name)).toEqual(expected);
  });

  test('script-src: files from the site, one inline script (the theme script, by its SHA-256), WebAssembly', () => {
    const digest = createHash('sha256').update(THEME_INIT_SCRIPT, 'utf8').digest('base64');
    expect(sources('script-src').filter((s) => s.startsWith("'sha"))).toEqual([`'sha256-${digest}'`]);
    expect(sources('script-src')).toContain("'self'");
    expect(sources('script-src')).toContain("'wasm-unsafe-eval'");
  });

  test('style-src: only the site’s stylesheet files', () => {
    expect(sources('style-src')).toEqual(["'self'"]);
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
