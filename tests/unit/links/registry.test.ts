// The id registry: published links must keep working.
import { describe, expect, it } from 'vitest';
import { diffRegistry, formatRegistry, type Aliases, type Registry } from '../../../src/lib/links/registry';
import { duplicateIds, readPageIds } from '../../../src/lib/links/page-ids';
import { parsePage } from '../../../src/lib/output/built-pages';

const published: Registry = {
  '/compare/': ['col-storage', 'statefulset', 'statefulset-storage'],
  '/workloads/sts-old/': ['purpose'],
};
const noAliases: Aliases = { anchors: [], pages: [] };

describe('diffRegistry', () => {
  it('passes when every published page and id is still there', () => {
    const current = {
      '/compare/': ['col-storage', 'statefulset', 'statefulset-storage'],
      '/workloads/sts-old/': ['purpose'],
    };
    expect(diffRegistry(published, current, noAliases)).toEqual({ errors: [], added: [] });
  });
  it('fails when a published id disappears', () => {
    const current = { '/compare/': ['col-storage', 'statefulset'], '/workloads/sts-old/': ['purpose'] };
    expect(diffRegistry(published, current, noAliases).errors).toEqual([
      'id "statefulset-storage" on /compare/ was published but is gone: ' +
        'restore it, or add an anchor alias (page /compare/, from statefulset-storage, to the new id)',
    ]);
  });
  it('passes when an alias maps the old id to its new home', () => {
    const current = {
      '/compare/': ['col-storage', 'statefulset', 'statefulset-volumes'],
      '/workloads/sts-old/': ['purpose'],
    };
    const aliases: Aliases = {
      anchors: [{ page: '/compare/', from: 'statefulset-storage', to: 'statefulset-volumes' }],
      pages: [],
    };
    expect(diffRegistry(published, current, aliases)).toEqual({
      errors: [],
      added: ['new id /compare/#statefulset-volumes'],
    });
  });
  it('fails when a published page disappears without a redirect', () => {
    const current = { '/compare/': published['/compare/'] as string[] };
    expect(diffRegistry(published, current, noAliases).errors).toEqual([
      'page /workloads/sts-old/ was published but is gone: ' +
        'restore it, or add a page alias from /workloads/sts-old/ to its new home',
    ]);
  });
  it('passes when a page alias redirects to a page that has the ids', () => {
    const current = { '/compare/': published['/compare/'] as string[], '/workloads/statefulset/': ['purpose'] };
    const aliases: Aliases = { anchors: [], pages: [{ from: '/workloads/sts-old/', to: '/workloads/statefulset/' }] };
    expect(diffRegistry(published, current, aliases)).toEqual({
      errors: [],
      added: ['new page /workloads/statefulset/ (1 ids)'],
    });
  });
  it('reports new pages and ids without failing', () => {
    const current = {
      ...published,
      '/compare/': [...(published['/compare/'] as string[]), 'job'],
      '/glossary/': ['ordinal'],
    };
    expect(diffRegistry(published, current, noAliases)).toEqual({
      errors: [],
      added: ['new id /compare/#job', 'new page /glossary/ (1 ids)'],
    });
  });
  it.each<[string, Aliases, string]>([
    [
      'an anchor alias to a missing id',
      { anchors: [{ page: '/compare/', from: 'storage', to: 'col-disk' }], pages: [] },
      'anchor alias /compare/#storage → #col-disk: no element has the id "col-disk"',
    ],
    [
      'an anchor alias that a real id shadows',
      { anchors: [{ page: '/compare/', from: 'statefulset', to: 'col-storage' }], pages: [] },
      'anchor alias /compare/#statefulset: the id "statefulset" still exists on the page, ' +
        'so the alias never applies: remove it',
    ],
    [
      'a page alias to a missing page',
      { anchors: [], pages: [{ from: '/old/', to: '/nowhere/' }] },
      'page alias /old/ → /nowhere/: the target page does not exist',
    ],
    [
      'a page alias over a real page',
      { anchors: [], pages: [{ from: '/compare/', to: '/workloads/sts-old/' }] },
      'page alias /compare/: a real page has that path, so the redirect would replace it',
    ],
  ])('fails on %s', (_, aliases, error) => {
    expect(diffRegistry(published, published, aliases).errors).toEqual([error]);
  });
  it('formats the registry sorted and without duplicates', () => {
    expect(formatRegistry({ '/b/': ['z', 'a', 'a'], '/a/': [] })).toBe(
      '{\n  "/a/": [],\n  "/b/": [\n    "a",\n    "z"\n  ]\n}\n',
    );
  });
});

describe('page ids', () => {
  const page = (main: string, head = '') =>
    parsePage('x/index.html', `<html><head>${head}</head><body><header id="top"></header>${main}</body></html>`);
  it.each<[string, string, string[], string[]]>([
    [
      'ids inside <main>, its own first, duplicates kept',
      '<main id="main"><h2 id="a">A</h2><p id="a"></p><span id="b"></span></main>',
      ['main', 'a', 'a', 'b'],
      [],
    ],
    [
      'a heading without an id, by its text',
      '<main><h2 id="a">A</h2><h3> No id </h3><h4>Deep</h4></main>',
      ['a'],
      ['No id', 'Deep'],
    ],
    ['headings in a script-only widget do not count', '<main><div data-js-only><h3>Widget</h3></div></main>', [], []],
    ['h1 and h5 need no id', '<main><h1>Title</h1><h5>Small</h5></main>', [], []],
    ["ids outside <main> are not the page's links", '<nav id="nav"></nav><main></main>', [], []],
    ['a page without <main>', '<p id="x"></p>', [], []],
  ])('%s', (_name, main, ids, headingsWithoutId) => {
    expect(readPageIds(page(main).tree)).toEqual({ ids, headingsWithoutId });
  });
  it('reads noindex from the robots meta', () => {
    expect(page('<main></main>', '<meta name="robots" content="noindex, follow">').noindex).toBe(true);
    expect(page('<main></main>', '<meta name="robots" content="index">').noindex).toBe(false);
  });
  it('finds duplicates', () => {
    expect(duplicateIds(['main', 'a', 'b', 'a'])).toEqual(['a']);
  });
});
