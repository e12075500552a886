/**
 * After the build: writes `_headers` (Netlify, Cloudflare Pages) with the security headers of
 * src/lib/output/security-headers.ts and the caching rules, and stops the build if a page carries
 * inline code the Content-Security-Policy would block: a browser would otherwise drop it
 * silently in production, where no test looks.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parse } from 'node-html-parser';
import {
  CACHE_CONTROL,
  INLINE_SCRIPTS,
  renderHeadersFile,
  scriptHash,
  securityHeaders,
  type HeaderRule,
} from '../lib/output/security-headers.ts';
import { withBase } from '../lib/links/urls.ts';

/** Script types a browser runs (and so the CSP governs); JSON and other data blocks are not run. */
const EXECUTABLE_SCRIPT_TYPE = /^(|module|(text|application)\/(java|ecma)script)$/i;

/**
 * What in one HTML document the site's CSP would block: inline scripts whose hash it does not
 * list, `<style>` elements, `style` and `on…` attributes, and `javascript:` URLs.
 */
export function inlineCodeProblems(html: string): string[] {
  const root = parse(html, { comment: false });
  const allowed = new Set(INLINE_SCRIPTS.map(scriptHash));
  const problems: string[] = [];
  for (const script of root.querySelectorAll('script:not([src])')) {
    if (!EXECUTABLE_SCRIPT_TYPE.test((script.getAttribute('type') ?? '').trim())) continue;
    const hash = scriptHash(script.rawText);
    if (!allowed.has(hash)) {
      problems.push(`inline <script> ${hash} is not allowed: move it to a file, or add its text to INLINE_SCRIPTS`);
    }
  }
  if (root.querySelector('style')) problems.push('<style> element: move the rules to a stylesheet');
  for (const element of root.querySelectorAll('*')) {
    for (const name of Object.keys(element.attributes)) {
      if (name === 'style') problems.push(`style attribute on <${element.rawTagName}>: use a class`);
      else if (/^on/i.test(name))
        problems.push(`${name} attribute on <${element.rawTagName}>: use addEventListener in a script file`);
      else if (
        (name === 'href' || name === 'src' || name === 'action') &&
        /^\s*javascript:/i.test(element.attributes[name] ?? '')
      ) {
        problems.push(`javascript: URL in <${element.rawTagName} ${name}>: use a script file`);
      }
    }
  }
  return [...new Set(problems)];
}

/**
 * The `_headers` rules for a build: security headers everywhere, immutable caching for the
 * content-hashed assets, and `no-cache` for every HTML page by each address it answers to.
 * No two rules set the same header for one path: Cloudflare joins such values with a comma.
 * Other files keep the host's default, which already revalidates.
 */
export function headerRules(base: string, htmlFiles: string[]): HeaderRule[] {
  const revalidate = [{ name: 'Cache-Control', value: CACHE_CONTROL.revalidate }];
  const pagePaths = htmlFiles
    .map((file) => file.replace(/\\/g, '/'))
    .flatMap((file) =>
      file === 'index.html' || file.endsWith('/index.html')
        ? [`/${file.slice(0, -'index.html'.length)}`, `/${file}`]
        : [`/${file.replace(/\.html$/, '')}`, `/${file}`],
    )
    .sort();
  return [
    { path: withBase(base, '/*'), headers: securityHeaders() },
    { path: withBase(base, '/_astro/*'), headers: [{ name: 'Cache-Control', value: CACHE_CONTROL.immutable }] },
    ...pagePaths.map((path) => ({ path: withBase(base, path), headers: revalidate })),
  ];
}

/** Registers the `astro:build:done` step that checks the pages and writes `_headers`. */
export default function staticHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'static-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const htmlFiles = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html'));
        const problems = (
          await Promise.all(
            htmlFiles.map(async (file) =>
              inlineCodeProblems(await readFile(join(root, file), 'utf8')).map((problem) => `${file}: ${problem}`),
            ),
          )
        ).flat();
        if (problems.length) {
          throw new Error(
            `The Content-Security-Policy (src/lib/output/security-headers.ts) would block inline code:\n${problems.join('\n')}`,
          );
        }
        await writeFile(join(root, '_headers'), renderHeadersFile(headerRules(base, htmlFiles)));
        logger.info(`_headers written; ${htmlFiles.length} HTML files carry no inline code the CSP would block`);
      },
    },
  };
}
