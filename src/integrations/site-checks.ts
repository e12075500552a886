/**
 * Astro integration: checks every built page before the build counts as done. A page with a
 * duplicate id (a link would land on the wrong element) or a section heading without an id
 * (nothing could link to it) fails the build, and the half-checked output is removed, so no
 * broken site is ever left in the output folder.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { duplicateIds, pagePathOf, readPageIds } from '../lib/links/page-ids.ts';

export function siteChecks(): AstroIntegration {
  return {
    name: 'k8s-workloads:site-checks',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html'));
        const problems: string[] = [];
        for (const file of files) {
          const { ids, headingsWithoutId } = readPageIds(await readFile(path.join(root, file), 'utf8'));
          const page = pagePathOf(file);
          for (const id of duplicateIds(ids))
            problems.push(`${page}: id "${id}" is used more than once; every linkable id must be unique on its page`);
          for (const text of headingsWithoutId)
            problems.push(`${page}: heading "${text}" has no id; give it one in the content (<H2 id="...">)`);
        }
        if (problems.length) {
          await rm(root, { recursive: true, force: true });
          for (const problem of problems) logger.error(problem);
          throw new Error(`Built pages failed the id checks (output removed):\n${problems.join('\n')}`);
        }
        logger.info(`${files.length} pages: ids unique, every heading linkable`);
      },
    },
  };
}
