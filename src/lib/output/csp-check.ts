/**
 * Post-build job: stops the build if a page carries inline code the Content-Security-Policy
 * (security-headers.ts) would block: a browser would otherwise drop it silently in production,
 * where no test looks.
 */
import type { Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { INLINE_SCRIPTS, scriptHash } from './security-headers.ts';
import type { PostBuildJob } from './post-build.ts';

/** Script types a browser runs (and so the CSP governs); JSON and other data blocks are not run. */
const EXECUTABLE_SCRIPT_TYPE = /^(|module|(text|application)\/(java|ecma)script)$/i;
const URL_PROPERTIES = ['href', 'src', 'action'];

/**
 * What in one document the site's CSP would block: inline scripts whose hash it does not list,
 * `<style>` elements, `style` and `on…` attributes, and `javascript:` URLs.
 */
export function inlineCodeProblems(tree: Root): string[] {
  const allowed = new Set(INLINE_SCRIPTS.map(scriptHash));
  const problems: string[] = [];
  for (const script of selectAll('script:not([src])', tree)) {
    if (!EXECUTABLE_SCRIPT_TYPE.test(String(script.properties.type ?? '').trim())) continue;
    const hash = scriptHash(toString(script));
    if (!allowed.has(hash))
      problems.push(`inline <script> ${hash} is not allowed: move it to a file, or add its text to INLINE_SCRIPTS`);
  }
  if (selectAll('style', tree).length) problems.push('<style> element: move the rules to a stylesheet');
  for (const element of selectAll('*', tree)) {
    for (const [name, value] of Object.entries(element.properties)) {
      // hast names properties in camelCase (`onClick`); the attribute is its lower-case form.
      if (name === 'style') problems.push(`style attribute on <${element.tagName}>: use a class`);
      else if (/^on[A-Z]/.test(name))
        problems.push(`${name.toLowerCase()} attribute on <${element.tagName}>: use addEventListener in a script file`);
      else if (URL_PROPERTIES.includes(name) && /^\s*javascript:/i.test(String(value)))
        problems.push(`javascript: URL in <${element.tagName} ${name}>: use a script file`);
    }
  }
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
