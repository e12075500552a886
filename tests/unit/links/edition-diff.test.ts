// Comparing a pinned edition with the current site, place by place (src/lib/links/edition-diff.ts).
import { describe, expect, it } from 'vitest';
import { currentPage, diffEditionPage, type SiteText } from '../../../src/lib/links/edition-diff';
import type { Aliases } from '../../../src/lib/links/registry';
import type { Section } from '../../../src/lib/links/sections';

const place = (id: string, content: string, extra: Partial<Section> = {}): Section => ({
  id,
  kind: 'heading',
  label: id,
  summary: content,
  content,
  words: content,
  image: id,
  parents: [],
  ...extra,
});

const site = (pages: Record<string, Section[]>, extraIds: Record<string, string[]> = {}): SiteText => ({
  sections: new Map(Object.entries(pages)),
  ids: new Map(
    Object.entries(pages).map(([page, sections]) => [
      page,
      new Set([...sections.map((s) => s.id), ...(extraIds[page] ?? [])]),
    ]),
  ),
});

const noAliases: Aliases = { anchors: [], pages: [] };

describe('diffEditionPage', () => {
  const current = site({
    '/workloads/statefulset/': [
      place('updates', 'Updates: one at a time.'),
      place('storage', 'Storage: per-Pod claims, kept on scale-down.'),
      place('rollouts', 'Rollouts: renamed from strategy.'),
    ],
    '/compare/': [
      place('statefulset', 'StatefulSet Per-Pod claims (changed cell)', { kind: 'row', words: 'StatefulSet' }),
      place('statefulset-storage', 'Per-Pod claims (changed cell)', { kind: 'cell' }),
    ],
  });
  const aliases: Aliases = {
    anchors: [{ page: '/workloads/statefulset/', from: 'strategy', to: 'rollouts' }],
    pages: [{ from: '/workloads/sts/', to: '/workloads/statefulset/' }],
  };

  it.each([
    ['the same words', place('updates', 'Updates: one at a time.'), { status: 'same', marked: false, id: 'updates' }],
    ['other words', place('storage', 'Storage: per-Pod claims.'), { status: 'changed', marked: true, id: 'storage' }],
    [
      'an id an alias renamed',
      place('strategy', 'Rollouts: renamed from strategy.'),
      { status: 'same', marked: false, id: 'rollouts' },
    ],
    [
      'a subsection that is gone: its section',
      place('max-surge', 'maxSurge: gone.', { parents: ['updates'] }),
      { status: 'gone', marked: true, id: 'updates' },
    ],
    [
      'a place that is gone with nothing around it: the page',
      place('history', 'History.'),
      { status: 'gone', marked: true },
    ],
  ])('%s', (_, section, expected) => {
    const diff = diffEditionPage('/workloads/statefulset/', [section], current, aliases).get(section.id);
    expect(diff).toEqual({ page: '/workloads/statefulset/', ...expected });
  });

  it("a row whose cell changed has changed, but only the cell is marked: the row's own words are the same", () => {
    const diffs = diffEditionPage(
      '/compare/',
      [
        place('statefulset', 'StatefulSet Per-Pod claims', { kind: 'row', words: 'StatefulSet' }),
        place('statefulset-storage', 'Per-Pod claims', { kind: 'cell' }),
      ],
      current,
      noAliases,
    );
    expect(diffs.get('statefulset')).toMatchObject({ status: 'changed', marked: false });
    expect(diffs.get('statefulset-storage')).toMatchObject({ status: 'changed', marked: true });
  });

  it('a page that moved is compared with its new home', () => {
    const diff = diffEditionPage('/workloads/sts/', [place('updates', 'Updates: one at a time.')], current, aliases);
    expect(diff.get('updates')).toEqual({
      status: 'same',
      marked: false,
      page: '/workloads/statefulset/',
      id: 'updates',
    });
  });
});

describe('currentPage', () => {
  const current = site({ '/compare/': [], '/glossary/': [] });
  it.each([
    ['/compare/', noAliases, { page: '/compare/' }],
    [
      '/comparison/',
      { anchors: [], pages: [{ from: '/comparison/', to: '/compare/#notes' }] },
      { page: '/compare/', id: 'notes' },
    ],
    ['/gone/', noAliases, { page: '/' }],
  ])('%s', (page, aliases, expected) => {
    expect(currentPage(page, current, aliases)).toEqual(expected);
  });
});
