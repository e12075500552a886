/**
 * Post-build job: stops the build if a page carries inline code the Content-Security-Policy
 * (security-headers.ts) would block: a browser would otherwise drop it silently in production,
 * where no test looks.
 */
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { INLINE_SCRIPTS, scriptHash } from './security-headers.ts';
import type { PostBuildJob } from './post-build.ts';

/** Script types a browser runs (and so the CSP governs); JSON and other data blocks are not run. */
const EXECUTABLE_SCRIPT_TYPE = /^(|module|(text|application)\/(java|ecma)script)$/i;
const URL_PROPERTIES = ['href', 'src', 'action'];
const ALLOWED = new Set(INLINE_SCRIPTS.map(scriptHash));

/**
 * What in one document the site's CSP would block: inline scripts whose hash it does not list,
 * `<style>` elements, `style` and `on…` attributes, and `javascript:` URLs.
 */
export function inlineCodeProblems(tree: Root): string[] {
  const problems: string[] = [];
  // One walk over the document, not a selector per kind of problem: the pass checks 2,000 pages.
  visit(tree, 'element', (element) => {
    const { tagName, properties } = element;
    if (tagName === 'script' && properties.src === undefined) {
      if (EXECUTABLE_SCRIPT_TYPE.test(String(properties.type ?? '').trim())) {
        const hash = scriptHash(toString(element));
        if (!ALLOWED.has(hash))
          problems.push(`inline <script> ${hash} is not allowed: move it to a file, or add its text to INLINE_SCRIPTS`);
      }
    }
    if (tagName === 'style') problems.push('<style> element: move the rules to a stylesheet');
    for (const [name, value] of Object.entries(properties)) {
      // hast names properties in camelCase (`onClick`); the attribute is its lower-case form.
      if (name === 'style') problems.push(`style attribute on <${tagName}>: use a class`);
      else if (/^on[A-Z]/.test(name))
        problems.push(`${name.toLowerCase()} attribute on <${tagName}>: use addEventListener in a script file`);
      else if (URL_PROPERTIES.includes(name) && /^\s*javascript:/i.test(String(value)))
        problems.push(`javascript: URL in <${tagName} ${name}>: use a script file`);
    }
  });
  return [...new Set(problems)];
}

/** The job: fails the build on any page with inline code the CSP would block. */
export const cspCheck: PostBuildJob = {
  name: 'csp',
  run(context) {
    let problems = 0;
    for (const page of context.pages) {
      for (const problem of inlineCodeProblems(page.tree)) {
        problems++;
        context.fail(`${page.file}: ${problem}`);
      }
    }
    if (!problems) context.info(`${context.pages.length} pages carry no inline code the CSP would block`);
  },
};
