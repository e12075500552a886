/**
 * Feature stages by Kubernetes release: release arithmetic (minors and the patch releases where
 * a default changed within a minor) and what a feature does in a given minor. Pure functions over
 * entries of src/content/features.yaml, shared by the badges, the /versions/ page, the checks in
 * src/lib/versions/validate.ts and the tests. The words for a state live in phrases.ts.
 */

export type StageName = 'alpha' | 'beta' | 'stable';

/** One entry of a feature's history (see stageSchema in src/lib/content/schemas.ts). */
export interface StageEntry {
  stage: StageName;
  default: boolean;
  from: string;
  to?: string | undefined;
  inferred?: boolean | undefined;
  note?: string | undefined;
}

/** The removal of a feature's gate: the first minor without it. */
export interface Removal {
  version: string;
  inferred?: boolean | undefined;
  note?: string | undefined;
}

/** The parts of a feature these functions need. */
export interface FeatureHistory {
  gate: string;
  history: StageEntry[];
  removedIn?: Removal | undefined;
}

/** Maturity order: a later stage is never followed by an earlier one without a note. */
export const STAGE_ORDER: Record<StageName, number> = { alpha: 0, beta: 1, stable: 2 };

/** "1.35" → [1, 35]; "1.35.4" → [1, 35, 4]. */
const parts = (release: string): number[] => release.split('.').map(Number);

/** Is the release a patch ("1.35.4") rather than a whole minor ("1.35")? */
export const isPatch = (release: string): boolean => parts(release).length > 2;

/** The minor of a release: "1.35.4" → "1.35". */
export const minorOf = (release: string): string => parts(release).slice(0, 2).join('.');

/** Compares two minors numerically ("1.9" < "1.10"); patches compare by their minor. */
export const compareMinors = (a: string, b: string): number => (parts(a)[1] ?? 0) - (parts(b)[1] ?? 0);

/** The minor after (or before) one: "1.34" → "1.35". */
export const nextMinor = (minor: string, step = 1): string => `1.${(parts(minor)[1] ?? 0) + step}`;

/** Every minor from `from` to `to`, both included, oldest first. */
export function minorsBetween(from: string, to: string): string[] {
  const list: string[] = [];
  for (let m = minorOf(from); compareMinors(m, to) <= 0; m = nextMinor(m)) list.push(m);
  return list;
}

/** Where a range starting at this release begins: a minor starts at its first patch. */
const startOf = (release: string): [number, number] => {
  const [, minor = 0, patch = 0] = parts(release);
  return [minor, patch];
};
/** Where a range ending at this release ends: a minor ends after its last patch. */
const endOf = (release: string): [number, number] => {
  const [, minor = 0, patch = Infinity] = parts(release);
  return [minor, patch];
};
const compareTuples = (a: [number, number], b: [number, number]): number => a[0] - b[0] || a[1] - b[1];

/** Compares where two ranges start ("1.35" = "1.35.0" < "1.35.4" < "1.36"). */
export const compareStarts = (a: string, b: string): number => compareTuples(startOf(a), startOf(b));

/** Does a range ending at `to` end before a range starting at `from`? */
export const endsBefore = (to: string, from: string): boolean => compareTuples(endOf(to), startOf(from)) < 0;

/** The release right after a range's end: "1.34" → "1.35", "1.35.3" → "1.35.4". */
export function releaseAfter(to: string): string {
  const [, minor = 0, patch] = parts(to);
  return patch === undefined ? `1.${minor + 1}` : `1.${minor}.${patch + 1}`;
}

/** "v1.35" or "v1.35.4". */
export const v = (release: string): string => `v${release}`;

/** The last release an entry covers: its `to`, else the minor before the gate's removal, else the site's version. */
export function entryEnd(feature: FeatureHistory, index: number, siteVersion: string): string {
  const entry = feature.history[index];
  if (entry?.to) return entry.to;
  return feature.removedIn ? nextMinor(feature.removedIn.version, -1) : siteVersion;
}

/** One history entry as it applies to one minor; `from`/`to` are set when a patch splits the minor. */
export interface StagePart {
  entry: StageEntry;
  /** First patch of the minor the entry covers, when it starts after the minor's first patch. */
  from?: string;
  /** Last patch of the minor the entry covers, when it ends before the minor's last patch. */
  to?: string;
}

/** What a feature is in one minor. */
export type MinorState =
  /** The feature does not exist yet; `next` is its first entry. */
  | { kind: 'absent'; next: StageEntry }
  /** The gate is gone and the feature always on; `last` is the stage it had before. */
  | { kind: 'removed'; removal: Removal; last: StageEntry }
  /** One entry covers the minor, or several when a patch changed the default. */
  | { kind: 'stages'; parts: StagePart[] };

/** The state of a feature in a minor (patch splits included); `siteVersion` closes the open last entry. */
export function stateAt(feature: FeatureHistory, minor: string, siteVersion: string): MinorState {
  const { history, removedIn } = feature;
  const last = history.at(-1);
  const first = history[0];
  if (!first || !last) throw new Error(`${feature.gate}: the history is empty`);
  if (removedIn && compareMinors(minor, removedIn.version) >= 0) return { kind: 'removed', removal: removedIn, last };
  const found: StagePart[] = [];
  history.forEach((entry, index) => {
    const to = entryEnd(feature, index, siteVersion);
    if (compareMinors(entry.from, minor) > 0 || compareMinors(to, minor) < 0) return;
    const part: StagePart = { entry };
    if (isPatch(entry.from) && minorOf(entry.from) === minor) part.from = entry.from;
    if (isPatch(to) && minorOf(to) === minor) part.to = to;
    found.push(part);
  });
  if (found.length) return { kind: 'stages', parts: found };
  const next = history.find((entry) => compareMinors(entry.from, minor) > 0);
  if (!next) throw new Error(`${feature.gate}: no history entry covers v${minor}`);
  return { kind: 'absent', next };
}

/** Is the feature on by default throughout the minor (stable, removed, or every part on)? */
export function onByDefault(state: MinorState): boolean {
  if (state.kind === 'removed') return true;
  if (state.kind === 'absent') return false;
  return state.parts.every((part) => part.entry.default);
}

/**
 * The oldest minor after `minor` from which the feature stays on by default up to the site's
 * version ("needs v1.37 or newer"); undefined when it is not on by default in the site's version.
 */
export function onFrom(feature: FeatureHistory, minor: string, siteVersion: string): string | undefined {
  let from: string | undefined;
  for (let m = siteVersion; compareMinors(m, minor) > 0; m = nextMinor(m, -1)) {
    if (!onByDefault(stateAt(feature, m, siteVersion))) break;
    from = m;
  }
  return from;
}

/** Does the state rest on an inferred entry or an inferred removal? */
export function isInferred(state: MinorState): boolean {
  if (state.kind === 'removed') return !!state.removal.inferred;
  if (state.kind === 'absent') return false;
  return state.parts.some((part) => part.entry.inferred);
}

/** Is the feature stable or gate-removed in every one of these minors, so no reader's version changes it? */
export function settledIn(feature: FeatureHistory, minors: readonly string[], siteVersion: string): boolean {
  return minors.every((minor) => {
    const state = stateAt(feature, minor, siteVersion);
    return (
      state.kind === 'removed' || (state.kind === 'stages' && state.parts.every((p) => p.entry.stage === 'stable'))
    );
  });
}
