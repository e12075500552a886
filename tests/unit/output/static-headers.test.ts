import { describe, expect, test } from 'vitest';
import { headerRules, inlineCodeProblems } from '../../../src/integrations/static-headers.ts';
import { CACHE_CONTROL } from '../../../src/lib/output/security-headers.ts';
import { THEME_INIT_SCRIPT } from '../../../src/lib/output/theme-init.ts';

const page = (head: string, body = ''): string =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('inlineCodeProblems', () => {
  test.each([
    ['the theme script', page(`<script>${THEME_INIT_SCRIPT}</script>`)],
    [
      'script files',
      page(
        '<script type="module" src="/_astro/a.js"></script><script src="/scripts/redirect.js" data-to="/x/"></script>',
      ),
    ],
    ['a JSON data block', page('<script type="application/ld+json">{"@type":"WebSite"}</script>')],
    ['a stylesheet link', page('<link rel="stylesheet" href="/_astro/a.css">')],
    ['the word style in text', page('', '<p>style="color:red" and onclick are just words</p>')],
  ])('allows %s', (_what, html) => {
    expect(inlineCodeProblems(html)).toEqual([]);
  });

  test.each([
    ['a changed theme script', page(`<script>${THEME_INIT_SCRIPT};</script>`), /inline <script> 'sha256-/],
    ['another inline module', page('<script type="module">console.log(1)</script>'), /inline <script>/],
    ['a <style> element', page('<style>p{color:red}</style>'), /<style> element/],
    [
      'a style attribute (Shiki)',
      page('', '<pre class="astro-code" style="background-color:#24292e"><code>x</code></pre>'),
      /style attribute on <pre>/,
    ],
    ['a style attribute in SVG', page('', '<svg><path style="fill:red"/></svg>'), /style attribute on <path>/],
    ['an event handler attribute', page('', '<button onclick="go()">Go</button>'), /onclick attribute/],
    ['a javascript: URL', page('', '<a href="javascript:go()">Go</a>'), /javascript: URL/],
  ])('reports %s', (_what, html, problem) => {
    expect(inlineCodeProblems(html)).toEqual([expect.stringMatching(problem)]);
  });
});

describe('headerRules', () => {
  const files = ['index.html', '404.html', 'compare/index.html', 'workloads/job/index.html'];

  test.each([
    [
      '/',
      '/*',
      '/_astro/*',
      [
        '/',
        '/404',
        '/404.html',
        '/compare/',
        '/compare/index.html',
        '/index.html',
        '/workloads/job/',
        '/workloads/job/index.html',
      ],
    ],
    [
      '/k8s-workloads/',
      '/k8s-workloads/*',
      '/k8s-workloads/_astro/*',
      [
        '/k8s-workloads/',
        '/k8s-workloads/404',
        '/k8s-workloads/404.html',
        '/k8s-workloads/compare/',
        '/k8s-workloads/compare/index.html',
        '/k8s-workloads/index.html',
        '/k8s-workloads/workloads/job/',
        '/k8s-workloads/workloads/job/index.html',
      ],
    ],
  ])('base %s: security headers on %s, immutable %s, no-cache on each page address', (base, all, assets, pages) => {
    const rules = headerRules(base, files);
    expect(rules[0]?.path).toBe(all);
    expect(rules[0]?.headers.map((h) => h.name)).not.toContain('Cache-Control');
    expect(rules[1]).toEqual({ path: assets, headers: [{ name: 'Cache-Control', value: CACHE_CONTROL.immutable }] });
    expect(rules.slice(2).map((r) => r.path)).toEqual(pages);
    for (const rule of rules.slice(2))
      expect(rule.headers).toEqual([{ name: 'Cache-Control', value: CACHE_CONTROL.revalidate }]);
  });

  test('no path gets Cache-Control from two rules (Cloudflare would join the values)', () => {
    const paths = headerRules('/', ['index.html', '_astro/odd/index.html'])
      .filter((r) => r.headers.some((h) => h.name === 'Cache-Control'))
      .map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
