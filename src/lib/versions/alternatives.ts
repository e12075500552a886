/**
 * Per-version text rendered at build time as alternatives: one element per distinct text, each
 * marked with the minors it stands for. The version control (src/browser/version.ts) only
 * unhides the element that lists the chosen minor; without JavaScript the site's version shows.
 */
import { FOR_ATTRIBUTE, LABEL_ATTRIBUTE } from './version-param.ts';

/** Minors grouped by what they show, in the order each text first appears. */
export function groupByText<T>(
  minors: readonly string[],
  valueAt: (minor: string) => T,
  keyOf: (value: T) => string,
): { minors: string[]; value: T }[] {
  const groups = new Map<string, { minors: string[]; value: T }>();
  for (const minor of minors) {
    const value = valueAt(minor);
    const key = keyOf(value);
    const group = groups.get(key);
    if (group) group.minors.push(minor);
    else groups.set(key, { minors: [minor], value });
  }
  return [...groups.values()];
}

/**
 * The attributes of one alternative: the minors it is for, and hidden (and left out of the
 * search index) unless one of them is the site's version, which is what shows without a choice.
 */
export function alternativeAttributes(
  minors: readonly string[],
  siteVersion: string,
): Record<string, string | boolean> {
  const shown = minors.includes(siteVersion);
  return shown
    ? { [FOR_ATTRIBUTE]: minors.join(' ') }
    : { [FOR_ATTRIBUTE]: minors.join(' '), hidden: true, 'data-pagefind-ignore': '' };
}

/** The attribute of an element holding the version being shown ("v1.37"), which the control rewrites. */
export const versionLabel: Record<string, string> = { [LABEL_ATTRIBUTE]: '' };
