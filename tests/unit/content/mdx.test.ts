// Reading an MDX page as a syntax tree: headings with level, id, plain text and the file's line;
// references, citations and fences wherever they sit; nothing read from inside code.
import { describe, expect, it } from 'vitest';
import { readMdxPage, type AttributeValue } from '../../../src/lib/content/mdx';

const FRONTMATTER = '---\ntitle: A page\nrelated:\n  - workload: job\n---\n';
const id = (value: string): AttributeValue => ({ kind: 'string', value });

describe('readMdxPage', () => {
  it.each<[string, string, { level: number; id: AttributeValue; text: string; line: number }[]]>([
    [
      'a heading after the frontmatter, at its line in the file',
      `${FRONTMATTER}\n<H2 id="purpose">Purpose</H2>`,
      [{ level: 2, id: id('purpose'), text: 'Purpose', line: 7 }],
    ],
    [
      'inline code and emphasis as plain text',
      '<H3 id="max-surge">`maxSurge` and **maxUnavailable**</H3>',
      [{ level: 3, id: id('max-surge'), text: 'maxSurge and maxUnavailable', line: 1 }],
    ],
    [
      'a component inside a heading as its text',
      '<H4 id="deep">Deep <Term id="ordinal">ordinal</Term></H4>',
      [{ level: 4, id: id('deep'), text: 'Deep ordinal', line: 1 }],
    ],
    [
      'a heading spread over lines, as a block',
      '<H2 id="storage">\n  Storage\n</H2>',
      [{ level: 2, id: id('storage'), text: 'Storage', line: 1 }],
    ],
    [
      'an id that is an expression or missing',
      '<H2 id={x}>A</H2>\n\n<H2>B</H2>',
      [
        { level: 2, id: { kind: 'other' }, text: 'A', line: 1 },
        { level: 2, id: { kind: 'missing' }, text: 'B', line: 3 },
      ],
    ],
    [
      'no heading inside a code fence or inline code',
      '```yaml\n<H2 id="x">x</H2>\n## x\n```\n\nText `<H2 id="y">`.',
      [],
    ],
  ])('%s', (_, source, expected) => {
    expect(readMdxPage(source).headings).toEqual(expected);
  });

  it('reads Markdown and HTML headings as headings the site does not allow', () => {
    expect(readMdxPage('## Notes on `x`\n\n<h3>Old</h3>').foreignHeadings).toEqual([
      { syntax: 'markdown', text: 'Notes on x', line: 1 },
      { syntax: 'html', text: 'Old', line: 3 },
    ]);
  });

  it('finds references in lists, tables and nested components, with their lines', () => {
    const source = [
      '- a <Term id="ordinal">ordinal</Term>',
      '',
      '| a | b |',
      '| - | - |',
      '| <Feature id="pod-index-label" /> | x |',
      '',
      '<div>',
      '  <Manifest id="statefulset" />',
      '</div>',
    ].join('\n');
    expect(readMdxPage(source).references).toEqual([
      { component: 'Term', id: id('ordinal'), line: 1 },
      { component: 'Feature', id: id('pod-index-label'), line: 5 },
      { component: 'Manifest', id: id('statefulset'), line: 8 },
    ]);
  });

  it('reads <Cite href> and links to kubernetes.io as citations, and fences with their language', () => {
    const page = readMdxPage(
      [
        '<Cite href="https://kubernetes.io/docs/a/#b" /> [x](https://kubernetes.io/docs/c/) [y](/compare/)',
        '',
        '```shell',
        'ls',
        '```',
        '',
        '```',
        'plain',
        '```',
      ].join('\n'),
    );
    expect(page.citations).toEqual([
      { href: id('https://kubernetes.io/docs/a/#b'), via: 'Cite', line: 1 },
      { href: id('https://kubernetes.io/docs/c/'), via: 'link', line: 1 },
    ]);
    expect(page.fences).toEqual([
      { lang: 'shell', line: 3 },
      { lang: '', line: 7 },
    ]);
  });

  it('throws with the line when the source is not MDX', () => {
    expect(() => readMdxPage('ok\n\n<Term id="x">never closed')).toThrow(expect.objectContaining({ line: 3 }));
  });
});
