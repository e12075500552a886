// The CSP check of the post-build pass: inline code the policy would block stops the build.
import { describe, expect, test } from 'vitest';
import { inlineCodeProblems } from '../../../src/lib/output/csp-check.ts';
import { parsePage } from '../../../src/lib/output/built-pages.ts';
import { THEME_INIT_SCRIPT } from '../../../src/lib/output/theme-init.ts';

const page = (head: string, body = '') =>
  parsePage('index.html', `<!doctype html><html><head>${head}</head><body>${body}</body></html>`).tree;

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
    ['an event handler attribute', page('', '<button onclick="go()">Go</button>'), /onclick attribute on <button>/],
    ['an event handler in SVG', page('', '<svg><circle onload="go()"/></svg>'), /onload attribute on <circle>/],
    ['a javascript: URL', page('', '<a href="javascript:go()">Go</a>'), /javascript: URL/],
  ])('reports %s', (_what, html, problem) => {
    expect(inlineCodeProblems(html)).toEqual([expect.stringMatching(problem)]);
  });
});
