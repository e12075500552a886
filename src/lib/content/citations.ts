/**
 * The list of kubernetes.io sections the content cites, committed as tests/citations.txt so a
 * review can check every anchor against the docs of a new release, and so a new citation shows
 * up in the diff. scripts/citations.ts reads the content and writes or checks the list.
 */
import { stringValue, type MdxPage } from './mdx.ts';

/** One place that cites a URL. */
export interface Citation {
  url: string;
  /** File that cites it, relative to the project root. */
  file: string;
}

/** YAML keys whose value is a citation: `source` on claims, `docs` on features. */
const CITING_KEYS = new Set(['source', 'docs']);
const KUBERNETES_IO = /^https:\/\/kubernetes\.io\//;

/** Every kubernetes.io URL under a citing key anywhere in a parsed YAML file. */
export function yamlCitations(file: string, data: unknown): Citation[] {
  if (Array.isArray(data)) return data.flatMap((item) => yamlCitations(file, item));
  if (data === null || typeof data !== 'object') return [];
  return Object.entries(data).flatMap(([key, value]) =>
    CITING_KEYS.has(key) && typeof value === 'string'
      ? KUBERNETES_IO.test(value)
        ? [{ url: value, file }]
        : []
      : yamlCitations(file, value),
  );
}

/** Every `<Cite href>` and Markdown link to kubernetes.io in an MDX page. */
export const mdxCitations = (file: string, page: MdxPage): Citation[] =>
  page.citations.flatMap((cite) => {
    const url = stringValue(cite.href);
    return url !== undefined && KUBERNETES_IO.test(url) ? [{ url, file }] : [];
  });

export const CITATION_LIST_HEADER = [
  '# Every kubernetes.io URL the content cites, with how many places cite it: <Cite href> and',
  '# kubernetes.io links in src/content/workloads/*.mdx, `source:` and `docs:` in src/content/*.yaml.',
  '# Written by `npm run citations`; `npm test` fails while it is out of date. Review each anchor',
  '# against the docs of the release in src/content/site.yaml.',
];

/** The committed list: one `URL count` line per URL, sorted by URL, under a header. */
export function formatCitationList(citations: readonly Citation[]): string {
  const counts = new Map<string, number>();
  for (const { url } of citations) counts.set(url, (counts.get(url) ?? 0) + 1);
  const urls = [...counts.keys()].sort();
  return [...CITATION_LIST_HEADER, ...urls.map((url) => `${url} ${counts.get(url)}`)].join('\n') + '\n';
}

/** What differs between a committed list and the current one, as `+ line` and `- line`. */
export function diffCitationLists(committed: string, current: string): string[] {
  const entries = (text: string) => text.split('\n').filter((line) => line && !line.startsWith('#'));
  const before = new Set(entries(committed));
  const after = new Set(entries(current));
  return [
    ...[...before].filter((line) => !after.has(line)).map((line) => `- ${line}`),
    ...[...after].filter((line) => !before.has(line)).map((line) => `+ ${line}`),
  ];
}
