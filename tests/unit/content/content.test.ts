// The content as written: every workload page exists and passes the MDX rules (read as syntax
// trees) against the real glossary, manifests and features, and every citation names a
// kubernetes.io docs section. The build runs the same rules; here they fail in seconds.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkMdxPage, formatProblem, readMdxSource, type KnownIds } from '../../../src/lib/content/integrity';
import { mdxCitations, yamlCitations } from '../../../src/lib/content/citations';
import { isSectionSource } from '../../../src/lib/content/sources';
import { WORKLOAD_IDS } from '../../../src/lib/content/model';

const DIR = 'src/content';
const mdxFiles = readdirSync(`${DIR}/workloads`).map((f) => `${DIR}/workloads/${f}`);
const yamlFiles = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `${DIR}/${f}`);
const ids = (file: string) => new Set((parse(readFileSync(file, 'utf8')) as { id: string }[]).map((e) => e.id));
const known: KnownIds = {
  Term: ids(`${DIR}/glossary.yaml`),
  Manifest: new Set(readdirSync(`${DIR}/manifests`).map((f) => f.replace(/\.yaml$/, ''))),
  Feature: ids(`${DIR}/features.yaml`),
};
const pages = mdxFiles.map((file) => ({ file, ...readMdxSource(file, file, readFileSync(file, 'utf8')) }));

describe('every workload page', () => {
  it('exists for each of the seven workloads', () => {
    expect(mdxFiles.map((f) => f.replace(/^.*\/|\.mdx$/g, '')).sort()).toEqual([...WORKLOAD_IDS].sort());
  });
  it.each(pages)('$file follows the MDX rules', ({ file, page, problems }) => {
    expect([...problems, ...(page ? checkMdxPage(file, file, page, known) : [])].map(formatProblem)).toEqual([]);
  });
});

describe('every citation is a kubernetes.io docs URL with a section anchor', () => {
  const citations = [
    ...yamlFiles.flatMap((file) => yamlCitations(file, parse(readFileSync(file, 'utf8')))),
    ...pages.flatMap(({ file, page }) => (page ? mdxCitations(file, page) : [])),
  ];
  it('finds the citations', () => {
    expect(citations.length).toBeGreaterThan(300);
  });
  it.each(citations)('$file: $url', ({ url }) => {
    expect(isSectionSource(url)).toBe(true);
  });
});
