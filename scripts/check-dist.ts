// Checks over the built site (part of `npm test`, after the builds): the id registry, the
// budgets (JavaScript and CSS per page), the Markdown twins, HTML validity (Nu HTML Checker) and
// internal links with fragments (linkinator), for the root build and the sub-path build. The
// pages are read and parsed once (src/lib/output/built-pages.ts) for every check that reads them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { BUDGET, budgetProblems, pageAssets, totals } from '../src/lib/output/budget.ts';
import { loadBuiltPages, urlReader } from '../src/lib/output/built-pages.ts';
import { markdownTwinPath } from '../src/lib/links/urls.ts';
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
  // Redirect pages (noindex, no <main>) are checked but not listed one by one.
  if (page.noindex && page.file !== '404.html') {
    redirects++;
    continue;
  }
  const sum = totals(assets);
  const bytes = (n: number) => `${String(n).padStart(5)} B`;
  const rest = `(html ${sum.html.gzip} B, ${sum.all.count} requests)`;
  console.log(`${page.path.padEnd(28)} js ${bytes(sum.js.gzip)}  css ${bytes(sum.css.gzip)}  ${rest}`);
}
console.log(`${redirects} redirect pages checked too`);

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

section('HTML validity (Nu HTML Checker)');
try {
  execFileSync('java', ['-jar', 'node_modules/vnu-jar/build/dist/vnu.jar', '--errors-only', '--skip-non-html', DIST], {
    stdio: 'inherit',
  });
  console.log('no errors');
} catch {
  fail('the Nu HTML Checker reported errors (above)');
}

section('links and fragments (linkinator)');
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
    const args = [
      start,
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
