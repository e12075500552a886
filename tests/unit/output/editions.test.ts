// The editions job (src/lib/output/editions.ts) on a small in-memory edition: addresses moved under
// the build's base and site, noindex and out of search, the banner, the markers, the lazy table,
// the /v1.37/ copies, and the checks that stop the build.
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../src/lib/output/built-pages';
import { editionsJob, holdFirstPaint, type Edition } from '../../../src/lib/output/editions';
import { runPass, type OutputFolder } from '../../../src/lib/output/post-build';

const folder = (files: Record<string, string>): OutputFolder => ({
  read: async (file) => (file in files ? new TextEncoder().encode(files[file]) : null),
  list: async () => Object.keys(files).sort(),
});
const facts = (base = '/') => ({ site: new URL('https://example.org'), base, kubernetesVersion: '1.37' });
// Every class the banner and markers use has a rule, as the edition's own header and footer give it.
const CSS =
  '.border-b{a:b}.border-line{a:b}.mx-auto{a:b}.max-w-6xl{a:b}.px-4{a:b}.py-3{a:b}.text-sm{a:b}.text-muted{a:b}';

const doc = (main: string, { base = '/v1.36/', origin = 'https://edition.invalid', extra = '' } = {}) =>
  `<!DOCTYPE html><html lang="en"><head><title>Compare</title>` +
  `<link rel="canonical" href="${origin}${base}compare/"><link rel="stylesheet" href="${base}_astro/a.css">` +
  `<meta property="og:image" content="${origin}${base}og/compare.png"></head>` +
  `<body data-base="${base}"><header><a href="${base}">Home</a></header>` +
  `<main id="main" data-title="Compare" data-pagefind-body>${main}</main>` +
  `<script type="module" src="${base}_astro/site.js"></script>${extra}</body></html>`;

const table = (value: string) =>
  `<k8s-compare><table><thead><tr><th>W</th><th id="col-storage" data-label="Storage">Storage</th></tr></thead>` +
  `<tbody><tr id="statefulset"><th><a href="/v1.36/workloads/statefulset/">StatefulSet</a></th>` +
  `<td id="statefulset-storage">${value}</td></tr></tbody></table></k8s-compare>`;

const edition = (files: Record<string, string>, registry: Edition['registry'] = {}): Edition => ({
  version: '1.36',
  reviewedOn: '2026-11-29',
  base: '/v1.36/',
  origin: 'https://edition.invalid',
  files: folder(files),
  registry,
});

const oldCompare = doc(table('Per-Pod claims'), {
  extra: '<script type="module" src="/v1.36/_astro/table.js"></script>',
});
const oldHome = doc('<h1>Home</h1>');
const files = {
  'compare/index.html': oldCompare,
  'index.html': oldHome,
  '_astro/a.css': CSS,
  '_astro/site.js': 'export {}',
  '_astro/table.js': 'export {}',
  'compare.md': '> Source: https://edition.invalid/v1.36/compare/',
};
// The current site: the same table, one cell reworded.
const currentCompare = parsePage(
  'compare/index.html',
  doc(table('Per-Pod claims, kept on scale-down'), { base: '/', origin: 'https://example.org' }),
);

async function run(base = '/', registry: Edition['registry'] = { '/compare/': ['statefulset-storage'] }) {
  return runPass([editionsJob([edition(files, registry)])], facts(base), [currentCompare], folder({}));
}
const pageOf = (result: Awaited<ReturnType<typeof run>>, file: string) =>
  parsePage(file, String(result.writes.get(file))).tree;

describe('an edition copied in', () => {
  it('moves its addresses under the build, is noindex, out of search, and searches the current edition', async () => {
    const result = await run('/k8s-workloads/');
    expect(result.problems).toEqual([]);
    const tree = pageOf(result, 'v1.36/compare/index.html');
    expect(select('link[rel="canonical"]', tree)?.properties.href).toBe(
      'https://example.org/k8s-workloads/v1.36/compare/',
    );
    expect(select('header > a', tree)?.properties.href).toBe('/k8s-workloads/v1.36/');
    expect(select('meta[name="robots"]', tree)?.properties.content).toBe('noindex');
    expect(select('main', tree)?.properties.dataPagefindBody).toBeUndefined();
    expect(select('body', tree)?.properties.dataBase).toBe('/k8s-workloads/');
    expect(select('html', tree)?.properties.dataEdition).toBe('1.36');
    expect(String(result.writes.get('v1.36/compare.md'))).toBe(
      '> Source: https://example.org/k8s-workloads/v1.36/compare/',
    );
    expect(result.writes.get('v1.36/_astro/a.css')).toBeDefined();
  });

  it('names the edition in a banner that links the current page, and tells each place its state', async () => {
    const tree = pageOf(await run(), 'v1.36/compare/index.html');
    const banner = select('header > [data-edition-banner]', tree);
    expect(toString(banner!)).toContain('v1.36 edition: this page as reviewed against Kubernetes v1.36 on 2026-11-29');
    expect(select('[data-edition-current]', banner!)?.properties.href).toBe('/compare/');
    // The reworded cell changes its row and its column as a whole.
    expect(JSON.parse(String(banner?.properties.dataEditionIds))).toEqual({
      'col-storage': 'c',
      statefulset: 'c',
      'statefulset-storage': 'c',
    });
  });

  it('marks the place whose words changed, linking it now, and only that place', async () => {
    const tree = pageOf(await run(), 'v1.36/compare/index.html');
    const marks = selectAll('[data-edition-mark]', tree);
    expect(marks.map((mark) => [toString(mark), mark.properties.href])).toEqual([
      ['changed in v1.37', '/compare/#statefulset-storage'],
    ]);
    expect(select('#statefulset-storage [data-edition-mark]', tree)).toBeDefined();
  });

  it("loads its table's code on first use, and adds the edition script", async () => {
    const tree = pageOf(await run(), 'v1.36/compare/index.html');
    expect(select('k8s-compare', tree)?.properties.dataSrc).toBe('/v1.36/_astro/table.js');
    expect(selectAll('script[src]', tree).map((script) => script.properties.src)).toEqual([
      '/v1.36/_astro/site.js',
      '/scripts/edition.js',
    ]);
  });

  it('the current pages answer under /v1.37/ too, noindex and canonical to the page', async () => {
    const tree = pageOf(await run(), 'v1.37/compare/index.html');
    expect(select('link[rel="canonical"]', tree)?.properties.href).toBe('https://example.org/compare/');
    expect(select('meta[name="robots"]', tree)?.properties.content).toBe('noindex');
    expect(select('main', tree)?.properties.dataPagefindBody).toBeUndefined();
  });

  it('fails when an id of the edition registry is missing', async () => {
    const result = await run('/', { '/compare/': ['statefulset-storage', 'statefulset-scaling'] });
    expect(result.problems).toEqual([
      "editions: /v1.36/compare/: ids of the edition's registry are missing: statefulset-scaling",
    ]);
  });

  it("fails when the edition's stylesheet cannot style the banner", async () => {
    const bare = edition({ ...files, '_astro/a.css': '.px-4{a:b}' });
    const result = await runPass([editionsJob([bare])], facts(), [currentCompare], folder({}));
    expect(result.problems[0]).toMatch(
      /^editions: \/v1\.36\/compare\/: the edition's stylesheet has no rule for "border-b"/,
    );
  });
});

describe('holdFirstPaint', () => {
  const page = (head: string, body: string) => `<html><head>${head}</head><body>${body}</body></html>`;
  const headOf = (html: string) => {
    const { tree } = parsePage('v1.36/compare/index.html', html);
    holdFirstPaint(tree);
    const rel = (element: Element) =>
      `:${String(element.properties.rel ?? '')}:${String(element.properties.href ?? '')}`;
    return selectAll('head > *', tree).map(
      (element) => element.tagName + (element.tagName === 'link' ? rel(element) : ''),
    );
  };
  it.each<[string, string, string[]]>([
    [
      'waits for the body’s last element with an id, before the first script',
      page('<title>T</title><script>x</script>', '<main id="main"></main><div id="announcer"></div>'),
      ['title', 'link:expect:#announcer', 'script'],
    ],
    [
      'goes last in a head without scripts',
      page('<title>T</title>', '<p id="end"></p><p>no id</p>'),
      ['title', 'link:expect:#end'],
    ],
    [
      'keeps a page that already holds its paint',
      page('<link rel="expect" href="#main" blocking="render">', '<div id="announcer"></div>'),
      ['link:expect:#main'],
    ],
    ['adds nothing when no element has an id', page('', '<p>text</p>'), []],
  ])('%s', (_name, html, expected) => {
    expect(headOf(html)).toEqual(expected);
  });

  it('is in every edition page the job writes', async () => {
    const files = { 'compare/index.html': doc(table('old'), { extra: '<div id="announcer"></div>' }) };
    const result = await runPass([editionsJob([edition(files)])], facts(), [], folder({}));
    const written = parsePage('x', String(result.writes.get('v1.36/compare/index.html'))).tree;
    expect(select('link[rel="expect"]', written)?.properties).toMatchObject({
      href: '#announcer',
      blocking: ['render'],
    });
  });
});
