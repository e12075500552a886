// The rules for MDX pages, read as syntax trees: one fixture per kind of bad content
// (tests/fixtures/mdx/), with the exact lines the build prints for it (file:line › entry › field).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkMdxPage, formatProblem, readMdxSource, type KnownIds } from '../../../src/lib/content/integrity';

const known: KnownIds = {
  Term: new Set(['ordinal', 'headless-service']),
  Manifest: new Set(['statefulset']),
  Feature: new Set(['max-unavailable-stateful-set']),
};

/** The problems the build reports for a fixture, as the build prints them. */
function report(name: string): string[] {
  const file = `tests/fixtures/mdx/${name}.mdx`;
  const { page, problems } = readMdxSource(file, 'fixture', readFileSync(file, 'utf8'));
  return [...problems, ...(page ? checkMdxPage(file, 'fixture', page, known) : [])].map(formatProblem);
}

describe('checkMdxPage', () => {
  it('accepts a page that follows every rule, whatever its code fences hold', () => {
    expect(report('valid')).toEqual([]);
  });

  it.each<[string, [line: number, field: string, message: string][]]>([
    [
      'markdown-heading',
      [[7, 'heading', 'Markdown heading "Extra notes" has no explicit id: write <H2 id="some-id">Extra notes</H2>']],
    ],
    ['html-heading', [[5, 'heading', 'HTML heading "Notes" has no explicit id: write <H2 id="some-id">Notes</H2>']]],
    [
      'heading-without-id',
      [
        [5, '<H2> id', '"Notes" needs a written id: <H2 id="some-id">Notes</H2>'],
        [7, '<H3> id', '"Computed" needs a written id: <H3 id="some-id">Computed</H3>'],
      ],
    ],
    [
      'bad-heading-id',
      [[5, '<H2 id="Pod_Names">', 'the id must be lower-case words joined by hyphens, e.g. "pod-names"']],
    ],
    [
      'duplicate-heading-id',
      [[9, '<H3 id="purpose">', 'the id is already used on line 5: ids must be unique on a page']],
    ],
    [
      'reserved-heading-id',
      [
        [5, '<H2 id="at-a-glance">', 'the id is added by the page template: choose another id'],
        [7, '<H2 id="related">', 'the id is added by the page template: choose another id'],
      ],
    ],
    [
      'unknown-references',
      [
        [5, '<Term id="ordinals">', '"ordinals" is not in src/content/glossary.yaml: add the term or fix the id'],
        [
          7,
          '<Manifest id="mongodb">',
          '"mongodb" has no file src/content/manifests/mongodb.yaml: add the manifest or fix the id',
        ],
        [
          9,
          '<Feature id="pod-index-label-typo">',
          '"pod-index-label-typo" is not in src/content/features.yaml: add the feature or fix the id',
        ],
        [9, '<Term>', 'needs id="..." naming an entry of src/content/glossary.yaml'],
      ],
    ],
    ['term-twice', [[6, '<Term id="ordinal">', 'the term is already linked on line 5: link it at its first use only']]],
    [
      'bad-citations',
      [
        [
          5,
          '<Cite href="https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/">',
          'must be a kubernetes.io/docs/ URL with a #section anchor: cite the section, not the page',
        ],
        [7, '<Cite>', 'needs href="https://kubernetes.io/docs/...#section": the section the claim rests on'],
        [
          9,
          'link https://kubernetes.io/docs/concepts/workloads/',
          'must be a kubernetes.io/docs/ URL with a #section anchor: cite the section, not the page',
        ],
      ],
    ],
    [
      'fence-language',
      [
        [
          5,
          'code fence',
          '"js" is not a language the site highlights: write one of yaml, shell, text after the opening backticks',
        ],
        [9, 'code fence', 'has no language: write one of yaml, shell, text after the opening backticks'],
      ],
    ],
  ])('reports %s', (name, expected) => {
    const file = `tests/fixtures/mdx/${name}.mdx`;
    expect(report(name)).toEqual(
      expected.map(([line, field, message]) => `${file}:${line} › fixture › ${field}: ${message}`),
    );
  });

  it('reports source that is not valid MDX at its line', () => {
    const [problem, ...rest] = report('not-mdx');
    expect(rest).toEqual([]);
    expect(problem).toMatch(
      /^tests\/fixtures\/mdx\/not-mdx\.mdx:7 › fixture › \(mdx\): is not valid MDX: .*closing tag/,
    );
  });
});
