import { describe, expect, it } from 'vitest';
import { pageAssets, requestedUrls, staticImports, totals } from '../../../src/lib/output/budget';

describe('page weight', () => {
  const html = `<!doctype html><html><head><link rel="stylesheet" href="/_astro/a.css"><link rel="icon" href="/favicon.svg">
    <script type="module" src="/_astro/site.js"></script><link rel="canonical" href="https://x.org/"></head>
    <body><img src="/big.png" loading="lazy"><img src="/logo.png"><script src="https://cdn.example/x.js"></script></body></html>`;
  it('lists what the page fetches before load (not lazy images, not other origins)', () => {
    expect(requestedUrls(html)).toEqual(['/_astro/a.css', '/favicon.svg', '/_astro/site.js', '/logo.png']);
  });
  it('follows static imports but not dynamic ones', () => {
    expect(staticImports('import{t as e}from"./chunk.js";import"./side.js";const m=import("./lazy.js");')).toEqual([
      './chunk.js',
      './side.js',
    ]);
  });
  it('counts every file once, by kind', () => {
    const files: Record<string, string> = {
      '/_astro/a.css': 'body{color:red}',
      '/favicon.svg': '<svg/>',
      '/_astro/site.js': 'import"./chunk.js";',
      '/_astro/chunk.js': 'export const a=1;',
      '/logo.png': 'PNG',
    };
    const assets = pageAssets('/', html, (url) => (url in files ? new TextEncoder().encode(files[url]) : null));
    expect(assets.map((a) => [a.url, a.kind])).toEqual([
      ['/', 'html'],
      ['/_astro/a.css', 'css'],
      ['/favicon.svg', 'image'],
      ['/_astro/site.js', 'js'],
      ['/_astro/chunk.js', 'js'],
      ['/logo.png', 'image'],
    ]);
    const sum = totals(assets);
    expect(sum.js.count).toBe(2);
    expect(sum.all.count).toBe(6);
    expect(sum.all.raw).toBe(assets.reduce((n, a) => n + a.raw, 0));
  });
});
