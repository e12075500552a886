/**
 * Astro integration: the one pass over the built site. It reads and parses every built page once
 * (src/lib/output/built-pages.ts), runs the jobs below over that parse
 * (src/lib/output/post-build.ts says how to add one), and writes their output only when every
 * job succeeded; when one fails, the output folder is removed, so no broken site is left in it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { copyFile, link, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { siteSchema } from '../lib/content/schemas.ts';
import { loadBuiltPages } from '../lib/output/built-pages.ts';
import type { Registry } from '../lib/links/registry.ts';
import { cspCheck } from '../lib/output/csp-check.ts';
import { editionsJob, type Edition } from '../lib/output/editions.ts';
import { headersFile } from '../lib/output/headers-file.ts';
import { idCheck } from '../lib/output/id-check.ts';
import { markdownTwins } from '../lib/output/markdown-twin.ts';
import { pageCss } from '../lib/output/page-css.ts';
import { pageListCheck } from '../lib/output/page-list-check.ts';
import { runPass, type OutputFolder, type PostBuildJob } from '../lib/output/post-build.ts';
import { prefetchOgPage, stopOgWorkers, warmUpOgWorkers } from '../lib/output/og-pool.ts';
import { park, unpark } from '../lib/output/parking.ts';
import { sharePages } from '../lib/output/share-pages.ts';
import { SHARE_IMAGES } from '../lib/output/share-previews.ts';
import { editionPrefix, SHARE_ROOT } from '../lib/links/share.ts';
import { outputFileOf } from '../lib/links/urls.ts';

/**
 * The jobs, in order. The jobs that add pages go first, so the checks see their pages: the pinned
 * editions (editions/) copied in, then the share pages, which are made for those too and link in
 * their social images (rendering in worker processes since Astro rendered the pages, and through
 * the rest of the pass); then the checks, which stop the pass before anything is written; then the
 * writers; the headers file last, so that it covers every page.
 */
const jobs = (editions: readonly Edition[]): readonly PostBuildJob[] => [
  editionsJob(editions),
  sharePages,
  idCheck,
  cspCheck,
  markdownTwins,
  pageListCheck,
  pageCss,
  headersFile,
];

/** A folder of the file system as the pass reads it. */
function diskFolder(root: string): OutputFolder {
  return {
    read: (file: string) => readFile(path.join(root, file)).catch(() => null),
    list: async () =>
      (await readdir(root, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).replace(/\\/g, '/')),
  };
}

const editionSchema = z.object({
  version: z.string().regex(/^1\.\d+$/),
  reviewedOn: z.iso.date(),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  base: z.string().regex(/^\/.*\/$/),
  origin: z.url(),
});

/** The pinned editions of editions/ (its README says how one is made), oldest first. */
async function readEditions(dir = 'editions'): Promise<Edition[]> {
  const folders = (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isDirectory());
  const editions = await Promise.all(
    folders.map(async (folder): Promise<Edition> => {
      const root = path.join(dir, folder.name);
      const file = path.join(root, 'edition.json');
      const result = editionSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (!result.success) throw new Error(`${file}: ${z.prettifyError(result.error)}`);
      const registry = JSON.parse(await readFile(path.join(root, 'anchors.json'), 'utf8')) as Registry;
      return { ...result.data, files: diskFolder(path.join(root, 'site')), registry };
    }),
  );
  return editions.sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true }));
}

/** The site-wide facts of src/content/site.yaml, validated by the same schema as the content collection. */
async function siteFacts(): Promise<{ name: string; kubernetesVersion: string }> {
  const file = 'src/content/site.yaml';
  const entries = parse(await readFile(file, 'utf8')) as { id?: unknown }[];
  const result = siteSchema.safeParse(entries.find((entry) => entry.id === 'site'));
  if (!result.success) throw new Error(`${file} › site: ${z.prettifyError(result.error)}`);
  return result.data;
}

/**
 * The output folders only the pass writes: the share pages (under the site and each edition),
 * their images, and the editions, the current one included. parking.ts keeps them across builds.
 */
function passFolders(editions: readonly Edition[], kubernetesVersion: string): string[] {
  const versions = [...editions.map((edition) => edition.version), kubernetesVersion];
  const folder = (sitePath: string) => sitePath.replace(/^\/|\/$/g, '');
  return [SHARE_ROOT, SHARE_IMAGES, ...versions.map(editionPrefix)].map(folder);
}

/** Where the pass's folders wait while Astro builds: one place per output folder, on the same disk. */
const parkingFor = (outDir: string) =>
  path.resolve(
    'node_modules/.cache/post-build',
    createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 12),
  );

/** What a build reads once, at its start: the editions, the site's facts, the pass's folders and where they wait. */
interface BuildInputs {
  editions: Edition[];
  reviewed: { name: string; kubernetesVersion: string };
  folders: string[];
  parking: string;
}

/**
 * Astro's page renderer, with every HTML page it renders also handed to `onPage` (its output file
 * and its HTML) as it goes: the page Astro writes is the same, read from a copy of the response.
 */
export function tapPages(
  astro: AstroPrerenderer,
  base: string,
  onPage: (page: { file: string; html: string }) => void,
): AstroPrerenderer {
  return {
    ...astro,
    async render(request, options) {
      const result = await astro.render(request, options);
      const response = result instanceof Response ? result : result.response;
      const file = outputFileOf(base, new URL(request.url).pathname);
      if (response.ok && file !== undefined && response.headers.get('content-type')?.startsWith('text/html'))
        // Only a head start for the images: a page that cannot be read here is laid out by the pass.
        response
          .clone()
          .text()
          .then((html) => onPage({ file: file.endsWith('/') || file === '' ? `${file}index.html` : file, html }))
          .catch(() => {});
      return result;
    },
  };
}

/** The integration: runs the pass when Astro has written the pages. */
export function postBuild(): AstroIntegration {
  let site: URL | undefined;
  let base = '/';
  let outDir = '';
  let build: BuildInputs | undefined;
  const readBuild = async () => {
    const [editions, reviewed] = await Promise.all([readEditions(), siteFacts()]);
    const folders = passFolders(editions, reviewed.kubernetesVersion);
    build = { editions, reviewed, folders, parking: parkingFor(outDir) };
    return build;
  };
  return {
    name: 'k8s-workloads:post-build',
    hooks: {
      // A build's image workers start first: they load their libraries and draw the backdrops while
      // Astro reads the content and bundles the pages, which leaves a core idle, and are handed each
      // page as soon as it is rendered (build start, below).
      'astro:config:setup': async ({ command }) => {
        if (command !== 'build') return;
        const { name, kubernetesVersion } = await siteFacts();
        warmUpOgWorkers({ name, kubernetesVersion });
      },
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        outDir = fileURLToPath(config.outDir);
      },
      // Before Astro empties the output folder: the pass's own folders are moved aside, not deleted.
      'astro:build:start': async ({ setPrerenderer }) => {
        const { folders, parking, reviewed } = await readBuild();
        park(outDir, folders, parking);
        setPrerenderer((astro) => tapPages(astro, base, (page) => prefetchOgPage(page, reviewed.kubernetesVersion)));
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!site) throw new Error('post-build: set `site` in astro.config.mjs; twins and headers need absolute URLs');
        const root = fileURLToPath(dir);
        const started = performance.now();
        const pages = await loadBuiltPages(root);
        const parsed = performance.now();
        const { editions, reviewed, folders, parking } = build ?? (await readBuild());
        const facts = { site, base, kubernetesVersion: reviewed.kubernetesVersion };
        const result = await runPass(jobs(editions), facts, pages, diskFolder(root)).finally(stopOgWorkers);
        for (const { level, message } of result.log) logger[level](message);
        if (result.problems.length) {
          await rm(root, { recursive: true, force: true });
          for (const problem of result.problems) logger.error(problem);
          throw new Error(`The built site failed its checks (output removed):\n${result.problems.join('\n')}`);
        }
        // Thousands of share pages: each folder made once, then one write after another. Written
        // synchronously on purpose: queued on libuv's thread pool from inside Astro's build, the
        // same writes took four times as long (2.4 s against 0.6 s for 2,104 files).
        const passed = performance.now();
        const outputs = [...result.writes.keys(), ...result.copies.keys()];
        const parked = unpark(root, folders, parking, new Set(outputs));
        for (const folder of new Set(outputs.map((file) => path.dirname(path.join(root, file)))))
          mkdirSync(folder, { recursive: true });
        for (const [file, content] of result.writes) writeFileSync(path.join(root, file), content);
        // Cached images are hard-linked into dist/ (no bytes copied); copied where a link cannot be
        // made (another file system). A cache file is replaced by rename, never changed in place.
        await Promise.all(
          [...result.copies].map(async ([file, from]) => {
            const to = path.join(root, file);
            await rm(to, { force: true });
            await link(from, to).catch(() => copyFile(from, to));
          }),
        );
        await Promise.all([...result.removals].map((file) => rm(path.join(root, file), { force: true })));
        logger.info(
          `${pages.length} pages parsed once (${Math.round(parsed - started)} ms); ` +
            `jobs: ${result.timings.join(', ')}; ` +
            `${result.writes.size} files written, ${result.copies.size} linked ` +
            `(${parked.kept} over the last build's, ${parked.removed} of its files removed; ` +
            `${Math.round(performance.now() - passed)} ms)`,
        );
      },
    },
  };
}
