// The committed list of cited kubernetes.io URLs: what counts as a citation, how the list is
// written, and that tests/citations.txt matches the content (a new citation must be recorded).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CITATION_LIST_HEADER,
  diffCitationLists,
  formatCitationList,
  mdxCitations,
  yamlCitations,
} from '../../../src/lib/content/citations';
import { readMdxPage } from '../../../src/lib/content/mdx';
import { isSectionSource } from '../../../src/lib/content/sources';
import { CITATION_LIST, currentCitationList } from '../../../scripts/citations';

const K = 'https://kubernetes.io/docs/concepts/workloads/controllers';

describe('yamlCitations', () => {
  it.each<[string, unknown, string[]]>([
    ['a claim’s source', [{ id: 'a', source: `${K}/job/#x` }], [`${K}/job/#x`]],
    ['a feature’s docs', [{ id: 'f', docs: `${K}/job/#y`, history: [] }], [`${K}/job/#y`]],
    [
      'sources nested in cells',
      [{ values: { job: { source: `${K}/job/#a` }, pod: { source: `${K}/job/#b` } } }],
      [`${K}/job/#a`, `${K}/job/#b`],
    ],
    ['other keys holding URLs', [{ note: `${K}/job/#z`, help: 'see the docs' }], []],
    ['a source that is not kubernetes.io', [{ source: 'https://example.org/#x' }], []],
  ])('%s', (_, data, expected) => {
    expect(yamlCitations('f.yaml', data).map((c) => c.url)).toEqual(expected);
  });
});

describe('mdxCitations', () => {
  it('takes <Cite href> and kubernetes.io links, in document order, not other links or text in fences', () => {
    const page = readMdxPage(
      [
        `Text. <Cite href="${K}/job/#one" />`,
        '',
        `A [link](${K}/job/#two), [another site](https://example.org/#x) and [a page](/compare/).`,
        '',
        '```text',
        `<Cite href="${K}/job/#in-a-fence" />`,
        '```',
      ].join('\n'),
    );
    expect(mdxCitations('p.mdx', page).map((c) => c.url)).toEqual([`${K}/job/#one`, `${K}/job/#two`]);
  });
});

describe('formatCitationList', () => {
  it('sorts by URL, counts the places citing each, and starts with the header', () => {
    const list = formatCitationList([
      { url: `${K}/job/#b`, file: 'a.yaml' },
      { url: `${K}/job/#a`, file: 'a.yaml' },
      { url: `${K}/job/#b`, file: 'p.mdx' },
    ]);
    expect(list).toBe([...CITATION_LIST_HEADER, `${K}/job/#a 1`, `${K}/job/#b 2`, ''].join('\n'));
  });
  it('shows what a change adds and removes', () => {
    expect(diffCitationLists(`# header\n${K}/job/#a 1\n${K}/job/#b 2\n`, `# new header\n${K}/job/#b 3\n`)).toEqual([
      `- ${K}/job/#a 1`,
      `- ${K}/job/#b 2`,
      `+ ${K}/job/#b 3`,
    ]);
  });
});

describe(`${CITATION_LIST}`, () => {
  it('lists exactly what the content cites (after a change, run `npm run citations`)', async () => {
    expect(diffCitationLists(readFileSync(CITATION_LIST, 'utf8'), await currentCitationList())).toEqual([]);
  });
  it('holds only section URLs, each cited at least once', () => {
    const entries = readFileSync(CITATION_LIST, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split(' '));
    expect(entries.length).toBeGreaterThan(100);
    for (const [url, count] of entries) {
      expect(isSectionSource(url ?? ''), url).toBe(true);
      expect(Number(count), url).toBeGreaterThan(0);
    }
  });
});
