/**
 * Feature stages by Kubernetes release: which stage and default a feature has in a given
 * minor, and its whole history in words. Pure functions over entries of
 * src/content/features.yaml, shared by the badges, the /versions/ matrix and the tests.
 */

export type StageName = 'alpha' | 'beta' | 'stable';

/** One entry of a feature's history (see stageSchema in src/lib/content/schemas.ts). */
export interface StageEntry {
  stage: StageName;
  default: boolean;
  from: string;
  to?: string;
  inferred?: boolean;
  note?: string;
}

/** The parts of a feature these functions need. */
export interface FeatureHistory {
  gate: string;
  history: StageEntry[];
  removedIn?: { version: string; inferred?: boolean; note?: string };
}

/** "1.35" → [1, 35]; "1.35.4" → [1, 35, 4]. */
const parts = (release: string): number[] => release.split('.').map(Number);

/** The minor of a release: "1.35.4" → "1.35". */
export const minorOf = (release: string): string => parts(release).slice(0, 2).join('.');

/** Compares two minors numerically ("1.9" < "1.10"). */
export const compareMinors = (a: string, b: string): number => {
  const [, x = 0] = parts(a);
  const [, y = 0] = parts(b);
  return x - y;
};

/** "v1.35" or "v1.35.4". */
export const v = (release: string): string => `v${release}`;

/** The entries that cover (part of) a minor, in order: more than one when a patch changed the default. */
export function stagesAt(feature: FeatureHistory, minor: string, siteVersion: string): StageEntry[] {
  return feature.history.filter((entry) => {
    const from = minorOf(entry.from);
    const to = minorOf(entry.to ?? siteVersion);
    return compareMinors(from, minor) <= 0 && compareMinors(minor, to) <= 0;
  });
}

/** "alpha, off by default", "beta, on by default", "stable". */
export function stagePhrase(entry: StageEntry): string {
  if (entry.stage === 'stable') return 'stable';
  return `${entry.stage}, ${entry.default ? 'on' : 'off'} by default`;
}

/** "v1.24–v1.34", "v1.35", or "since v1.37" for the open-ended last entry. */
export function rangePhrase(entry: StageEntry): string {
  if (entry.to === undefined) return `since ${v(entry.from)}`;
  return entry.from === entry.to ? v(entry.from) : `${v(entry.from)}–${v(entry.to)}`;
}

/** The whole history as sentences a reader can follow without JavaScript. */
export function historyInWords(feature: FeatureHistory): string[] {
  const lines = feature.history.map((entry) => {
    const sure = entry.inferred ? ' (inferred)' : '';
    return `${rangePhrase(entry)}: ${stagePhrase(entry)}${sure}`;
  });
  if (feature.removedIn) {
    const sure = feature.removedIn.inferred ? ' (inferred)' : '';
    lines.push(`gate removed in ${v(feature.removedIn.version)}${sure}: always on`);
  }
  return lines;
}
