// The list of cited kubernetes.io URLs (tests/citations.txt): `npm run citations` writes it from
// the content; without --write it checks the committed list (tests/unit/content/citations.test.ts
// does the same inside `npm test`) and prints what differs.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { diffCitationLists, formatCitationList, mdxCitations, yamlCitations } from '../src/lib/content/citations.ts';
import { readMdxPage } from '../src/lib/content/mdx.ts';

export const CITATION_LIST = 'tests/citations.txt';
const CONTENT = 'src/content';

/** The list as the content stands now. */
export async function currentCitationList(): Promise<string> {
  const yamlFiles = (await readdir(CONTENT)).filter((name) => name.endsWith('.yaml')).map((n) => `${CONTENT}/${n}`);
  const mdxFiles = (await readdir(`${CONTENT}/workloads`))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => `${CONTENT}/workloads/${name}`);
  const citations = [
    ...(await Promise.all(yamlFiles.map(async (f) => yamlCitations(f, parse(await readFile(f, 'utf8')))))).flat(),
    ...(await Promise.all(mdxFiles.map(async (f) => mdxCitations(f, readMdxPage(await readFile(f, 'utf8')))))).flat(),
  ];
  return formatCitationList(citations);
}

if (import.meta.main) {
  const current = await currentCitationList();
  if (process.argv.includes('--write')) {
    await writeFile(CITATION_LIST, current);
    console.log(`${CITATION_LIST}: ${current.split('\n').filter((l) => l && !l.startsWith('#')).length} URLs`);
  } else {
    const changes = diffCitationLists(await readFile(CITATION_LIST, 'utf8').catch(() => ''), current);
    for (const line of changes) console.log(line);
    if (changes.length) {
      console.error(`${CITATION_LIST} is out of date (${changes.length} lines): run \`npm run citations\``);
      process.exitCode = 1;
    }
  }
}
