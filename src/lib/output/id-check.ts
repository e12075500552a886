/**
 * Post-build job: every built page's ids are unique (a link would land on the wrong element
 * otherwise) and every section heading has one (nothing could link to it otherwise).
 */
import { duplicateIds, readPageIds } from '../links/page-ids.ts';
import type { BuiltPage } from './built-pages.ts';
import type { PostBuildJob } from './post-build.ts';

/** What is wrong with one page's ids, each problem naming the page and the fix. */
export function idProblems(page: BuiltPage): string[] {
  const { ids, headingsWithoutId } = readPageIds(page.tree);
  return [
    ...duplicateIds(ids).map(
      (id) => `${page.path}: id "${id}" is used more than once; every linkable id must be unique on its page`,
    ),
    ...headingsWithoutId.map(
      (text) => `${page.path}: heading "${text}" has no id; give it one in the content (<H2 id="...">)`,
    ),
  ];
}

/** The job: fails the build on any page with a duplicate id or a section heading without one. */
export const idCheck: PostBuildJob = {
  name: 'ids',
  run(context) {
    const problems = context.pages.flatMap(idProblems);
    for (const problem of problems) context.fail(problem);
    if (!problems.length) context.info(`${context.pages.length} pages: ids unique, every heading linkable`);
  },
};
