/**
 * Astro integration: the one pass over the built site. It reads and parses every built page once
 * (src/lib/output/built-pages.ts), runs the jobs below over that parse
 * (src/lib/output/post-build.ts says how to add one), and writes their output only when every
 * job succeeded; when one fails, the output folder is removed, so no broken site is left in it.
 */
import { readFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { siteSchema } from '../lib/content/schemas.ts';
import { loadBuiltPages } from '../lib/output/built-pages.ts';
import { cspCheck } from '../lib/output/csp-check.ts';
import { headersFile } from '../lib/output/headers-file.ts';
import { idCheck } from '../lib/output/id-check.ts';
import { markdownTwins } from '../lib/output/markdown-twin.ts';
import { pageCss } from '../lib/output/page-css.ts';
import { pageListCheck } from '../lib/output/page-list-check.ts';
import { runPass, type PostBuildJob } from '../lib/output/post-build.ts';

/**
 * The jobs, in order. A job that adds pages (a pinned edition copied in, share pages) goes first,
 * so the checks see its pages; then the checks, which stop the pass before anything is written;
 * then the writers; the headers file last, so that it covers every page.
 */
const JOBS: readonly PostBuildJob[] = [idCheck, cspCheck, markdownTwins, pageListCheck, pageCss, headersFile];

/** The site-wide facts of src/content/site.yaml, validated by the same schema as the content collection. */
async function siteFacts(): Promise<{ kubernetesVersion: string }> {
  const file = 'src/content/site.yaml';
  const entries = parse(await readFile(file, 'utf8')) as { id?: unknown }[];
  const result = siteSchema.safeParse(entries.find((entry) => entry.id === 'site'));
  if (!result.success) throw new Error(`${file} › site: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** The integration: runs the pass when Astro has written the pages. */
export function postBuild(): AstroIntegration {
  let site: URL | undefined;
  let base = '/';
  return {
    name: 'k8s-workloads:post-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!site) throw new Error('post-build: set `site` in astro.config.mjs; twins and headers need absolute URLs');
        const root = fileURLToPath(dir);
        const started = performance.now();
        const pages = await loadBuiltPages(root);
        const parsed = performance.now();
        const folder = {
          read: (file: string) => readFile(path.join(root, file)).catch(() => null),
          list: async () =>
            (await readdir(root, { recursive: true, withFileTypes: true }))
              .filter((entry) => entry.isFile())
              .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).replace(/\\/g, '/')),
        };
        const facts = { site, base, ...(await siteFacts()) };
        const result = await runPass(JOBS, facts, pages, folder);
        for (const { level, message } of result.log) logger[level](message);
        if (result.problems.length) {
          await rm(root, { recursive: true, force: true });
          for (const problem of result.problems) logger.error(problem);
          throw new Error(`The built site failed its checks (output removed):\n${result.problems.join('\n')}`);
        }
        for (const [file, content] of result.writes) {
          await mkdir(path.dirname(path.join(root, file)), { recursive: true });
          await writeFile(path.join(root, file), content);
        }
        for (const file of result.removals) await rm(path.join(root, file), { force: true });
        logger.info(
          `${pages.length} pages parsed once (${Math.round(parsed - started)} ms); jobs: ${result.timings.join(', ')}; ` +
            `${result.writes.size} files written`,
        );
      },
    },
  };
}
