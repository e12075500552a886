// Checks over the built site (part of `npm test`, after the builds): the id registry, the
// budgets (JavaScript and CSS per page), the Markdown twins, HTML validity (Nu HTML Checker) and
// internal links with fragments (linkinator), for the root build and the sub-path build. The
// pages are read and parsed once (src/lib/output/built-pages.ts) for every check that reads them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { parse } from 'yaml';
import { BUDGET, budgetProblems, pageAssets, totals } from '../src/lib/output/budget.ts';
import { loadBuiltPages, urlReader } from '../src/lib/output/built-pages.ts';
import { formatMessage, validityErrors, type ValidatorMessage } from '../src/lib/output/html-validity.ts';
import { absoluteUrl, markdownTwinPath } from '../src/lib/links/urls.ts';
import type { Registry } from '../src/lib/links/registry.ts';
import { editionRegistryProblems, indexProblems, sharePageProblems } from '../src/lib/output/travel-check.ts';
import { checkAnchors } from './anchors.ts';

const DIST = 'dist';
const SUBPATH_ROOT = '.tmp/subpath';
let failures = 0;
const fail = (message: string) => {
  failures++;
  console.error(`✗ ${message}`);
};
const section = (title: string) => console.log(`\n— ${title}`);

const pages = await loadBuiltPages(DIST);
const publicPages = pages.filter((page) => !page.noindex);

section('id registry');
failures += await checkAnchors(pages);

section(
  `budgets (gzip level 9): JavaScript ${BUDGET.script} B, CSS ${BUDGET.css} B per page; the text is not budgeted`,
);
const read = urlReader(DIST);
let redirects = 0;
for (const page of pages) {
  const assets = pageAssets(page, read);
  for (const problem of budgetProblems(page.path, assets)) fail(problem);
  // Redirect and share pages (noindex, no <main>) are checked but not listed one by one; edition
  // pages and the pinned copies (noindex, with a <main>) are listed.
  if (page.noindex && !select('main', page.tree)) {
    redirects++;
    continue;
  }
  const sum = totals(assets);
  const bytes = (n: number) => `${String(n).padStart(5)} B`;
  const rest = `(html ${sum.html.gzip} B, ${sum.all.count} requests)`;
  console.log(`${page.path.padEnd(28)} js ${bytes(sum.js.gzip)}  css ${bytes(sum.css.gzip)}  ${rest}`);
}
console.log(`${redirects} redirect and share pages checked too`);

section('Markdown twins');
for (const page of publicPages) {
  const twin = path.join(DIST, markdownTwinPath(page.path));
  if (!existsSync(twin)) {
    fail(`${page.path}: no Markdown twin at ${markdownTwinPath(page.path)}`);
    continue;
  }
  const markdown = readFileSync(twin, 'utf8');
  const scriptOnly = new Set(selectAll('[data-js-only] h2', page.tree));
  const headings = selectAll('main h1, main h2', page.tree)
    .filter((heading) => !scriptOnly.has(heading))
    .map((heading) => toString(heading).replace(/\s+/g, ' ').trim());
  for (const heading of headings)
    if (!markdown.includes(heading)) fail(`${markdownTwinPath(page.path)}: missing the heading "${heading}"`);
}
console.log(`${publicPages.length} twins hold their pages' headings`);

section('links that travel: share pages, pinned editions, indexes');
const EDITIONS = 'editions';
const editions = (await readdir(EDITIONS, { withFileTypes: true })).filter((entry) => entry.isDirectory());
const siteUrl = process.env.SITE_URL ?? 'http://localhost:4321';
for (const [dir, base, built] of [
  [DIST, '/', pages],
  [
    path.join(SUBPATH_ROOT, 'k8s-workloads'),
    '/k8s-workloads/',
    await loadBuiltPages(path.join(SUBPATH_ROOT, 'k8s-workloads')),
  ],
] as const) {
  const problems = [
    ...sharePageProblems(built, base),
    ...indexProblems(built, readFileSync(path.join(dir, 'sitemap.xml'), 'utf8'), absoluteUrl(siteUrl, base, '/')),
  ];
  for (const folder of editions) {
    const { version } = JSON.parse(readFileSync(path.join(EDITIONS, folder.name, 'edition.json'), 'utf8')) as {
      version: string;
    };
    const registry = JSON.parse(readFileSync(path.join(EDITIONS, folder.name, 'anchors.json'), 'utf8')) as Registry;
    problems.push(...editionRegistryProblems(built, version, registry));
  }
  for (const problem of problems) fail(`${dir}: ${problem}`);
  const shares = built.filter((page) => /^(v[\d.]+\/)?s\//.test(page.file)).length;
  if (!problems.length)
    console.log(
      `${dir}: ${shares} share pages lead to places that exist; ` +
        `${editions.length} edition(s) keep every published id; ` +
        'only public pages are indexed',
    );
}

section('HTML validity (Nu HTML Checker)');
{
  const run = spawnSync(
    'java',
    [
      '-jar',
      'node_modules/vnu-jar/build/dist/vnu.jar',
      '--errors-only',
      '--skip-non-html',
      '--format',
      'json',
      '--stdout',
      DIST,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  let messages: ValidatorMessage[] | null = null;
  try {
    messages = (JSON.parse(run.stdout) as { messages: ValidatorMessage[] }).messages;
  } catch {
    console.error(run.stderr || run.error?.message);
  }
  const errors = messages && validityErrors(messages);
  for (const error of errors ?? []) console.log(formatMessage(error));
  if (errors?.length === 0)
    console.log(`no errors (${messages?.length} message(s) about rel=expect, which the checker lags on)`);
  else fail(errors ? 'the Nu HTML Checker reported errors (above)' : 'the Nu HTML Checker did not run (above)');
}

section('links and fragments (linkinator)');
const editionVersions = editions.map(
  (folder) =>
    (JSON.parse(readFileSync(path.join(EDITIONS, folder.name, 'edition.json'), 'utf8')) as { version: string }).version,
);
/** The current review's version, from its one home (src/content/site.yaml). */
function siteVersion(): string {
  const entries = parse(readFileSync('src/content/site.yaml', 'utf8')) as { id: string; kubernetesVersion: string }[];
  return String(entries.find((entry) => entry.id === 'site')?.kubernetesVersion);
}
// Internal links only: linkinator serves the folder on localhost; other origins (kubernetes.io,
// and the configured site URL used by canonical and social-image links) are not fetched.
const site = new URL(process.env.SITE_URL ?? 'http://localhost:4321').origin.replace(/[.]/g, '\\.');
const skip = `^https?://(?!(localhost|127\\.0\\.0\\.1)(:\\d+)?/)|^${site}/`;
for (const [cwd, start] of [
  [DIST, '.'],
  // The sub-path build sits in .tmp/subpath/k8s-workloads; serve .tmp/subpath so links carry the prefix.
  [SUBPATH_ROOT, 'k8s-workloads'],
] as const) {
  try {
    // The pinned editions and the current edition's pinned copies are linked from no current
    // page, so they are crawled from their own front pages too; share pages were checked above.
    const pinned = [siteVersion(), ...editionVersions].map((version) => path.posix.join(start, `v${version}`));
    const args = [
      start,
      ...pinned,
      '--server-root',
      path.resolve(cwd),
      '--recurse',
      '--check-fragments',
      '--skip',
      skip,
      '--verbosity',
      'error',
    ];
    execFileSync(path.resolve('node_modules/.bin/linkinator'), args, { cwd, stdio: 'inherit' });
    console.log(`${cwd}: no broken internal links or fragments`);
  } catch {
    fail(`${cwd}: broken links (above)`);
  }
}

if (failures) {
  console.error(`\n${failures} check(s) failed`);
  process.exit(1);
}
console.log('\nall dist checks passed');
