// Budgets on what the site adds to a page: JavaScript and CSS, gzip-compressed; the text is free.
import { gzipSync } from 'node:zlib';
import { describe, expect, it, test } from 'vitest';
import { BUDGET, budgetProblems, pageAssets, requestedUrls, staticImports } from '../../../src/lib/output/budget';
import { parsePage } from '../../../src/lib/output/built-pages';

/**
 * Bytes that gzip cannot shrink, so a file of exactly `gzipSize` bytes compressed can be made:
 * deflate stores random data as it is, behind a fixed header and trailer.
 */
function ofGzipSize(gzipSize: number, seed = 1): Uint8Array {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) >>> 0) >>> 24) & 0xff;
  const overhead = gzipSync(Uint8Array.from({ length: 1000 }, random), { level: 9 }).byteLength - 1000;
  const bytes = Uint8Array.from({ length: gzipSize - overhead }, random);
  // The fixture's size is checked here with zlib itself, not with the code under test.
  expect(gzipSync(bytes, { level: 9 }).byteLength).toBe(gzipSize);
  return bytes;
}

const page = (head: string, body = '') =>
  parsePage('compare/index.html', `<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
const problemsOf = (html: ReturnType<typeof page>, files: Record<string, Uint8Array>) =>
  budgetProblems(
    html.path,
    pageAssets(html, (url) => files[url] ?? null),
  );

describe('budgets', () => {
  const script = '<script type="module" src="/_astro/a.js"></script>';
  const style = '<link rel="stylesheet" href="/_astro/a.css">';

  test.each<[string, Record<string, number>, string, RegExp | null]>([
    ['JavaScript at the budget', { '/_astro/a.js': BUDGET.script }, script, null],
    [
      'JavaScript one byte over',
      { '/_astro/a.js': BUDGET.script + 1 },
      script,
      /JavaScript is 3073 B gzip, over the 3072 B budget/,
    ],
    ['CSS at the budget', { '/_astro/a.css': BUDGET.css }, style, null],
    ['CSS one byte over', { '/_astro/a.css': BUDGET.css + 1 }, style, /CSS is 5121 B gzip, over the 5120 B budget/],
    [
      'scripts add up across files',
      { '/_astro/a.js': 2000, '/_astro/b.js': 1100 },
      `${script}<script type="module" src="/_astro/b.js"></script>`,
      /JavaScript is 3100 B gzip/,
    ],
    [
      'stylesheets add up across files',
      { '/_astro/a.css': 3000, '/_astro/b.css': 2200 },
      `${style}<link rel="stylesheet" href="/_astro/b.css">`,
      /CSS is 5200 B gzip/,
    ],
    [
      'a lazy image is not fetched',
      { '/_astro/a.js': 100 },
      `${script}<img src="/missing.png" loading="lazy" alt="">`,
      null,
    ],
  ])('%s', (_name, sizes, head, problem) => {
    const files = Object.fromEntries(Object.entries(sizes).map(([url, size], i) => [url, ofGzipSize(size, i + 1)]));
    const problems = problemsOf(page(head), files);
    if (problem) expect(problems).toEqual([expect.stringMatching(problem)]);
    else expect(problems).toEqual([]);
  });

  it('does not count the text: a page with 200 KB of prose passes', () => {
    const prose = '<p>The Deployment keeps a set of interchangeable replicas running. </p>'.repeat(3000);
    const html = page(script, `<main>${prose}</main>`);
    expect(html.html.length).toBeGreaterThan(200_000);
    expect(problemsOf(html, { '/_astro/a.js': ofGzipSize(1000) })).toEqual([]);
  });

  it('counts a static import, not a dynamic one', () => {
    const entry = new TextEncoder().encode('import{a}from"./chunk.js";const lazy=()=>import("./lazy.js");');
    const files = {
      '/_astro/a.js': entry,
      '/_astro/chunk.js': ofGzipSize(BUDGET.script),
      '/_astro/lazy.js': ofGzipSize(9000),
    };
    expect(problemsOf(page(script), files)).toEqual([expect.stringMatching(/JavaScript is \d+ B gzip, over/)]);
    const withoutChunk = { ...files, '/_astro/chunk.js': ofGzipSize(100) };
    expect(problemsOf(page(script), withoutChunk)).toEqual([]);
  });

  test.each([
    ['a missing file', style, {}, /\/_astro\/a\.css is referenced but not in the output/],
    [
      'a web font',
      '<link rel="preload" href="/fonts/a.woff2" as="font">',
      { '/fonts/a.woff2': new Uint8Array(10) },
      /loads web fonts \(\/fonts\/a\.woff2\)/,
    ],
  ])('fails on %s', (_name, head, files, problem) => {
    expect(problemsOf(page(head), files)).toEqual([expect.stringMatching(problem)]);
  });
});

describe('what a page fetches before load', () => {
  it('lists stylesheets, icons, preloads, scripts and eager images; not lazy images or other origins', () => {
    const html = page(
      [
        '<link rel="stylesheet" href="/_astro/a.css">',
        '<link rel="icon" href="/favicon.svg">',
        '<link rel="canonical" href="/x/">',
        '<link rel="alternate" type="text/markdown" href="/compare.md">',
        '<script type="module" src="/_astro/site.js"></script>',
      ].join('\n'),
      '<img src="/big.png" loading="lazy"><img src="/logo.png"><script src="https://cdn.example/x.js"></script>',
    );
    expect(requestedUrls(html.tree)).toEqual(['/_astro/a.css', '/favicon.svg', '/_astro/site.js', '/logo.png']);
  });

  it('reads static imports from minified modules', () => {
    expect(staticImports('import{t as e}from"./chunk.js";import"./side.js";const m=import("./lazy.js");')).toEqual([
      './chunk.js',
      './side.js',
    ]);
  });

  it('counts each file once, resolving relative URLs against the page', () => {
    const html = page(
      '<script type="module" src="../_astro/a.js"></script><script type="module" src="/_astro/a.js"></script>',
    );
    const assets = pageAssets(html, (url) => (url === '/_astro/a.js' ? new Uint8Array(5) : null));
    expect(assets.map((asset) => [asset.url, asset.kind])).toEqual([
      ['/compare/', 'html'],
      ['/_astro/a.js', 'js'],
    ]);
  });
});
