// The id registry check (part of `npm test`) and its update (`npm run anchors`).
// Reads the built site (dist/ unless --dir is given), lists every public page with its ids, and
// compares that with the committed registry tests/anchors.json, allowing for the aliases in
// src/content/aliases.yaml. `--write` records new pages and ids; it refuses while a published
// id is missing, because that is exactly what the registry exists to catch.
import { readFile, writeFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { readPageIds } from '../src/lib/links/page-ids.ts';
import { loadBuiltPages, type BuiltPage } from '../src/lib/output/built-pages.ts';
import { diffRegistry, formatRegistry, type Aliases, type Registry } from '../src/lib/links/registry.ts';

const REGISTRY = 'tests/anchors.json';

/** Public pages of a built site and their ids (pages marked noindex are not public). */
export function builtRegistry(pages: readonly BuiltPage[]): Registry {
  const registry: Registry = {};
  for (const page of pages) if (!page.noindex) registry[page.path] = readPageIds(page.tree).ids;
  return registry;
}

/** The aliases of src/content/aliases.yaml, split by kind. */
export async function readAliases(): Promise<Aliases> {
  const entries = parse(await readFile('src/content/aliases.yaml', 'utf8')) as {
    type: string;
    page?: string;
    from: string;
    to: string;
  }[];
  return {
    anchors: entries.flatMap((e) => (e.type === 'anchor' && e.page ? [{ page: e.page, from: e.from, to: e.to }] : [])),
    pages: entries.flatMap((e) => (e.type === 'page' ? [{ from: e.from, to: e.to }] : [])),
  };
}

/** Runs the check over the pages of a build; returns the number of errors. */
export async function checkAnchors(pages: readonly BuiltPage[], write = false): Promise<number> {
  const current = builtRegistry(pages);
  const published = JSON.parse(await readFile(REGISTRY, 'utf8').catch(() => '{}')) as Registry;
  const { errors, added } = diffRegistry(published, current, await readAliases());
  for (const error of errors) console.error(`✗ ${error}`);
  if (write && errors.length === 0) {
    await writeFile(REGISTRY, formatRegistry(current));
    console.log(
      `${REGISTRY}: ${Object.keys(current).length} pages, ${Object.values(current).flat().length} ids recorded`,
    );
  } else if (added.length) {
    console.log(`${added.length} new ids or pages are not in ${REGISTRY} yet; record them with \`npm run anchors\`:`);
    for (const line of added.slice(0, 20)) console.log(`  + ${line}`);
    if (added.length > 20) console.log(`  … and ${added.length - 20} more`);
  }
  if (!errors.length)
    console.log(`id registry: ${Object.keys(published).length} published pages, every published id lands`);
  return errors.length;
}

if (import.meta.main) {
  const dirFlag = process.argv.indexOf('--dir');
  const dir = dirFlag > 0 ? (process.argv[dirFlag + 1] ?? 'dist') : 'dist';
  const errors = await checkAnchors(await loadBuiltPages(dir), process.argv.includes('--write'));
  process.exitCode = errors ? 1 : 0;
}
