/**
 * Markdown twins: after the build, every public page is also written as clean Markdown next
 * to it ("/workloads/job/" → "/workloads/job.md"), for pasting into tickets, notes and chat
 * tools. The twin is made from the built HTML, so it says exactly what the page says.
 *
 * Pages with `<meta name="robots" content="noindex">` (the 404) get no twin.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { escapeMarkdown, htmlToMarkdown, parseHtml, stripNonContent } from '../lib/output/html-to-markdown';
import { ogImagePath } from '../lib/output/og';
import { absoluteUrl, markdownTwinPath } from '../lib/links/urls';

/** Site path of a built HTML file: "index.html" → "/", "workloads/job/index.html" → "/workloads/job/". */
export function pagePathOf(file: string): string {
  const path = `/${file.replace(/\\/g, '/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path.replace(/\.html$/, '');
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The Markdown twin of a built page: `# title`, a source line, then the page's `<main>`
 * without its controls. Undefined for a `noindex` page. The title is the page's `<h1>`; the
 * reviewed version is read from the page's footer, so twin and page cannot disagree.
 */
export function markdownTwin(html: string, pageUrl: string): string | undefined {
  const root = parseHtml(html);
  const robots = root.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '';
  if (/\bnoindex\b/i.test(robots)) return undefined;
  const main = root.querySelector('main');
  if (!main) throw new Error(`markdown-twins: ${pageUrl} has no <main> element to convert`);
  const footer = root.querySelectorAll('footer').filter((el) => !el.closest('main'));
  const version = /Reviewed against\s+Kubernetes v(\d+\.\d+)/.exec(
    collapse(footer.map((el) => el.text).join(' ')),
  )?.[1];
  if (!version) throw new Error(`markdown-twins: ${pageUrl} has no "Reviewed against Kubernetes v1.x" in its <footer>`);

  stripNonContent(main);
  const h1 = main.querySelector('h1');
  const title = collapse(h1?.text ?? main.getAttribute('data-title') ?? root.querySelector('title')?.text ?? '');
  h1?.remove();
  const body = htmlToMarkdown(main, { pageUrl }).trim();
  return `# ${escapeMarkdown(title)}\n\n> Source: ${pageUrl} · Reviewed against Kubernetes v${version}\n\n${body}\n`;
}

/** Writes a Markdown twin for every public page of the build. */
export default function markdownTwins(): AstroIntegration {
  let site: URL | undefined;
  let base = '/';
  return {
    name: 'markdown-twins',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!site) throw new Error('markdown-twins: set `site` in astro.config.mjs; twins link to absolute URLs');
        const root = fileURLToPath(dir);
        const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
        const twinned: string[] = [];
        for (const file of files) {
          const path = pagePathOf(file);
          const pageUrl = absoluteUrl(site, base, path);
          const markdown = markdownTwin(await readFile(`${root}/${file}`, 'utf8'), pageUrl);
          if (markdown === undefined) continue;
          const target = `${root}${markdownTwinPath(path)}`;
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, markdown);
          twinned.push(path);
        }
        logger.info(
          `${twinned.length} Markdown twins written (${files.length - twinned.length} noindex pages skipped)`,
        );
        await checkSiblings(
          root,
          twinned.map((path) => ({ path, url: absoluteUrl(site ?? '', base, path) })),
          logger,
        );
      },
    },
  };
}

/**
 * The sitemap and the social images come from a page list (src/data/pages.ts), the twins from
 * the pages actually built: warn when the two disagree, so a new page is not left out.
 */
async function checkSiblings(
  root: string,
  pages: { path: string; url: string }[],
  logger: { warn(message: string): void },
) {
  const sitemap = await readFile(`${root}/sitemap.xml`, 'utf8').catch(() => '');
  const listed = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]));
  const built = new Set(pages.map((page) => page.url));
  const problems = [
    ...pages.filter((page) => !listed.has(page.url)).map((page) => `${page.path} is not in sitemap.xml`),
    ...[...listed]
      .filter((url) => url && !built.has(url))
      .map((url) => `sitemap.xml lists ${url}, which is not a public page of the build`),
  ];
  for (const page of pages) {
    const image = ogImagePath(page.path);
    if (
      !(await readFile(`${root}${image}`).then(
        () => true,
        () => false,
      ))
    )
      problems.push(`${page.path} has no social image ${image}`);
  }
  for (const problem of problems) logger.warn(`${problem}: add the page to src/data/pages.ts`);
}
