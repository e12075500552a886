/**
 * Rules for the feature data (src/content/features.yaml) that a schema cannot state: the id is
 * the gate in kebab-case, a history runs without gaps or overlaps (patch-aware), a stage or
 * default goes backwards only with a note saying why, nothing names a release newer than the
 * site's version, a removal comes after the last stage began, and every feature id used
 * elsewhere (table cells, decision results) exists. MDX badges are checked with the other MDX
 * rules (src/lib/content/integrity.ts). Each problem names file, entry and field.
 */
import type { ContentProblem } from '../content/integrity.ts';
import {
  STAGE_ORDER,
  compareMinors,
  compareStarts,
  endsBefore,
  minorOf,
  releaseAfter,
  v,
  type FeatureHistory,
} from './history.ts';

export const FEATURES_FILE = 'src/content/features.yaml';

/**
 * A gate name in kebab-case: "MaxUnavailableStatefulSet" → "max-unavailable-stateful-set",
 * "HPAScaleToZero" → "hpa-scale-to-zero" (an acronym is one word). Two rules, so no library.
 */
export const kebabCase = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();

/** A feature as the rules see it: its id plus the history fields. */
export type FeatureInput = FeatureHistory & { id: string };

/** The rules for every feature of features.yaml against the site's Kubernetes version. */
export function checkFeatures(file: string, features: readonly FeatureInput[], siteVersion: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const feature of features) {
    const at = (field: string, message: string) => problems.push({ file, entry: feature.id, field, message });
    const expected = kebabCase(feature.gate);
    if (feature.id !== expected) {
      at('id', `must be the gate ${feature.gate} in kebab-case: rename it to "${expected}" (and every use of the id)`);
    }
    const newer = (release: string) => compareMinors(release, siteVersion) > 0;
    const tooNew = (release: string) =>
      `${v(release)} is newer than the site's Kubernetes version (v${siteVersion} in src/content/site.yaml): ` +
      'describe only released versions';

    feature.history.forEach((entry, i) => {
      const here = `history[${i}]`;
      const isLast = i === feature.history.length - 1;
      if (newer(entry.from)) at(`${here}.from`, tooNew(entry.from));
      if (entry.to && newer(entry.to)) at(`${here}.to`, tooNew(entry.to));
      if (entry.to && endsBefore(entry.to, entry.from)) {
        at(`${here}.to`, `${v(entry.to)} is before its from (${v(entry.from)}): swap them or fix the release`);
      }
      if (isLast && entry.to) {
        at(
          `${here}.to`,
          "the last entry leaves out `to`: it holds up to the site's version (or the gate's removal in `removedIn`)",
        );
      }
      if (entry.inferred && !entry.note) {
        at(`${here}.note`, 'is required with `inferred: true`: say what the entry rests on');
      }
      const previous = feature.history[i - 1];
      if (!previous) return;
      const before = `history[${i - 1}]`;
      if (!previous.to) {
        at(`${before}.to`, 'is missing: only the last entry may leave out `to`');
        return;
      }
      const next = releaseAfter(previous.to);
      const order = compareStarts(entry.from, next);
      if (order > 0) {
        at(
          `${here}.from`,
          `is ${v(entry.from)}, but ${before} ends at ${v(previous.to)}: ${v(next)} is not covered; ` +
            `start at ${v(next)} or add an entry for the gap`,
        );
      } else if (order < 0) {
        at(
          `${here}.from`,
          `is ${v(entry.from)}, inside ${before} (${v(previous.from)}–${v(previous.to)}): ` +
            `entries may not overlap; start at ${v(next)}`,
        );
      }
      const stageBack = STAGE_ORDER[entry.stage] < STAGE_ORDER[previous.stage];
      const defaultBack = previous.default && !entry.default;
      if ((stageBack || defaultBack) && !entry.note) {
        const what = stageBack
          ? `the stage goes back from ${previous.stage} to ${entry.stage}`
          : 'the default goes back from on to off';
        at(`${here}.note`, `is required: ${what}; say why (a note is printed with the history)`);
      }
    });

    const removal = feature.removedIn;
    if (!removal) continue;
    if (newer(removal.version)) at('removedIn.version', tooNew(removal.version));
    const lastStart = feature.history.at(-1)?.from;
    if (lastStart && compareMinors(removal.version, minorOf(lastStart)) <= 0) {
      at(
        'removedIn.version',
        `is ${v(removal.version)}, not after the last stage's start (${v(lastStart)}): ` +
          'the gate is removed in a later minor than the one its last stage begins in',
      );
    }
    if (removal.inferred && !removal.note) {
      at('removedIn.note', 'is required with `inferred: true`: say what the removal version rests on');
    }
  }
  return problems;
}

/** A place outside MDX that names features: a table cell's `features` or a result's `needs`. */
export interface FeatureReference {
  file: string;
  entry: string;
  /** The list's field, e.g. "values.statefulset.features" or "needs". */
  field: string;
  ids: readonly string[];
}

/** Every feature id used by the comparison table and the decision guide exists in features.yaml. */
export function checkFeatureReferences(
  references: readonly FeatureReference[],
  known: ReadonlySet<string>,
): ContentProblem[] {
  return references.flatMap(({ file, entry, field, ids }) =>
    ids.flatMap((id, i) =>
      known.has(id)
        ? []
        : [
            {
              file,
              entry,
              field: `${field}[${i}]`,
              message: `"${id}" is not in ${FEATURES_FILE}: add the feature or fix the id`,
            },
          ],
    ),
  );
}
