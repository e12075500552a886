// The content as written: citations point at kubernetes.io docs sections, every workload page has
// every section the site promises, and every glossary reference resolves.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractHeadings } from '../../../src/lib/content/headings';
import { extractJsxAttribute } from '../../../src/lib/content/mdx-refs';
import { REQUIRED_SECTIONS } from '../../../src/lib/content/integrity';
import { isSectionSource } from '../../../src/lib/content/sources';
import { WORKLOAD_IDS } from '../../../src/lib/content/model';

const DIR = 'src/content';
const mdxFiles = readdirSync(`${DIR}/workloads`).map((f) => `${DIR}/workloads/${f}`);
const yamlFiles = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `${DIR}/${f}`);

/** Every `source:` value anywhere in a parsed YAML document. */
const sources = (node: unknown): string[] =>
  Array.isArray(node)
    ? node.flatMap(sources)
    : node && typeof node === 'object'
      ? Object.entries(node).flatMap(([key, value]) =>
          key === 'source' && typeof value === 'string' ? [value] : sources(value),
        )
      : [];

describe('every citation is a kubernetes.io docs URL with a section anchor', () => {
  const cases = [
    ...yamlFiles.flatMap((file) => sources(parse(readFileSync(file, 'utf8'))).map((url) => [file, url])),
    ...mdxFiles.flatMap((file) =>
      extractJsxAttribute(readFileSync(file, 'utf8'), 'Cite', 'href').map((ref) => [file, ref.value]),
    ),
  ];
  it('finds the citations', () => {
    expect(cases.length).toBeGreaterThan(300);
  });
  it.each(cases)('%s: %s', (_, url) => {
    expect(isSectionSource(url as string)).toBe(true);
  });
  it('has no plain kubernetes.io links without a section in the prose', () => {
    for (const file of mdxFiles) {
      const links = [...readFileSync(file, 'utf8').matchAll(/\]\((https:\/\/kubernetes\.io[^)]*)\)/g)].map(
        (m) => m[1] as string,
      );
      expect(
        links.filter((url) => !isSectionSource(url)),
        file,
      ).toEqual([]);
    }
  });
});

describe('every workload page has every section the site promises', () => {
  it('covers all seven workloads', () => {
    expect(mdxFiles.map((f) => f.replace(/^.*\/|\.mdx$/g, '')).sort()).toEqual([...WORKLOAD_IDS].sort());
  });
  it.each(mdxFiles)('%s', (file) => {
    const ids = extractHeadings(readFileSync(file, 'utf8'))
      .filter((h) => h.level === 2)
      .map((h) => h.id);
    expect(ids).toEqual(expect.arrayContaining([...REQUIRED_SECTIONS]));
    // Sections appear in the promised order.
    const order = REQUIRED_SECTIONS.map((id) => ids.indexOf(id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('glossary terms', () => {
  const terms = new Set((parse(readFileSync(`${DIR}/glossary.yaml`, 'utf8')) as { id: string }[]).map((t) => t.id));
  it.each(mdxFiles)('%s links only defined terms, each at most once', (file) => {
    const refs = extractJsxAttribute(readFileSync(file, 'utf8'), 'Term', 'id').map((r) => r.value);
    expect(refs.filter((id) => !terms.has(id))).toEqual([]);
    expect(refs.filter((id, i) => refs.indexOf(id) !== i)).toEqual([]);
  });
});
