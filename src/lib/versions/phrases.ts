/**
 * The words for feature states: the badge phrase a reader sees for their version, the short
 * cell of the /versions/ matrix, the decision guide's warning, and the whole history in words
 * (what every page shows without JavaScript). Text only; a gate name is written as a Markdown
 * code span (`JobSuccessPolicy`), which the components render as <code>.
 */
import {
  STAGE_ORDER,
  compareMinors,
  entryEnd,
  isInferred,
  onByDefault,
  onFrom,
  stateAt,
  v,
  type FeatureHistory,
  type MinorState,
  type StageEntry,
  type StagePart,
} from './history.ts';

/** Badge colour family of a state (the text carries the meaning on its own). */
export type Tone = 'yes' | 'partial' | 'no';

const onOff = (on: boolean): string => (on ? 'on' : 'off');
const sure = (inferred: boolean | undefined): string => (inferred ? ' (inferred)' : '');

/** "alpha, off by default", "beta, on by default", "stable". */
export function stagePhrase(entry: StageEntry): string {
  if (entry.stage === 'stable') return 'stable';
  return `${entry.stage}, ${onOff(entry.default)} by default`;
}

/** The patch range of one part of a split minor: "in v1.35.0–v1.35.3" or "from v1.35.4". */
const partRange = (part: StagePart, minor: string, isLast: boolean): string =>
  isLast && part.from ? `from ${v(part.from)}` : `in ${v(part.from ?? `${minor}.0`)}–${v(part.to ?? minor)}`;

/**
 * What the feature does in one minor, as the badge says it after "v1.33: ":
 * "beta, on by default", "alpha, off: needs the `JobSuccessPolicy` gate", "stable",
 * "beta; on by default in v1.35.0–v1.35.3, off from v1.35.4", "not available; alpha from v1.30",
 * "always on; gate removed in v1.33", each with " (inferred)" when a source does not say it.
 */
export function statePhrase(feature: FeatureHistory, state: MinorState, minor: string): string {
  if (state.kind === 'absent') return `not available; ${state.next.stage} from ${v(state.next.from)}`;
  if (state.kind === 'removed')
    return `always on; gate removed in ${v(state.removal.version)}${sure(state.removal.inferred)}`;
  const inferred = sure(isInferred(state));
  const [only, ...more] = state.parts;
  if (only && more.length === 0) {
    const { entry } = only;
    if (entry.stage === 'stable') return `stable${inferred}`;
    if (entry.default) return `${entry.stage}, on by default${inferred}`;
    return `${entry.stage}, off: needs the \`${feature.gate}\` gate${inferred}`;
  }
  const sameStage = state.parts.every((part) => part.entry.stage === only?.entry.stage);
  const ranges = state.parts.map((part, i) => {
    const isLast = i === state.parts.length - 1;
    const what = sameStage ? `${onOff(part.entry.default)}${i === 0 ? ' by default' : ''}` : stagePhrase(part.entry);
    return `${what} ${partRange(part, minor, isLast)}`;
  });
  return sameStage ? `${only?.entry.stage}; ${ranges.join(', ')}${inferred}` : `${ranges.join('; ')}${inferred}`;
}

/** Badge tone: stable or always on "yes", on by default "partial", off or absent "no". */
export function stateTone(state: MinorState): Tone {
  if (state.kind === 'removed') return 'yes';
  if (state.kind === 'absent') return 'no';
  if (state.parts.every((part) => part.entry.stage === 'stable')) return 'yes';
  return state.parts.some((part) => part.entry.default) ? 'partial' : 'no';
}

/** A cell of the /versions/ matrix: short text, whether it is inferred, and its sort rank. */
export interface MatrixCellText {
  /** "alpha · off", "beta · on", "GA", "GA · gate removed", "—", "beta · on, off from v1.35.4". */
  text: string;
  inferred: boolean;
  /** Less mature sorts first: — 0, alpha off 1, alpha on 2, beta off 3, beta on 4, GA 5, gate removed 6. */
  rank: number;
}

const shortStage = (entry: StageEntry): string =>
  entry.stage === 'stable' ? 'GA' : `${entry.stage} · ${onOff(entry.default)}`;
const rankOf = (entry: StageEntry): number =>
  entry.stage === 'stable' ? 5 : 1 + 2 * STAGE_ORDER[entry.stage] + (entry.default ? 1 : 0);

/** The matrix cell for a state. A split minor is ranked by the state it ends in. */
export function cellText(state: MinorState): MatrixCellText {
  if (state.kind === 'absent') return { text: '—', inferred: false, rank: 0 };
  if (state.kind === 'removed') {
    const text = state.last.stage === 'stable' ? 'GA · gate removed' : 'always on · gate removed';
    return { text, inferred: !!state.removal.inferred, rank: 6 };
  }
  const [first, ...rest] = state.parts;
  if (!first) throw new Error('a stages state has at least one part');
  const text = [
    shortStage(first.entry),
    ...rest.map((part) =>
      part.entry.stage === first.entry.stage
        ? `${onOff(part.entry.default)} from ${v(part.from ?? '')}`
        : `${shortStage(part.entry)} from ${v(part.from ?? '')}`,
    ),
  ].join(', ');
  const last = rest.at(-1) ?? first;
  return { text, inferred: isInferred(state), rank: rankOf(last.entry) };
}

/** "v1.24–v1.34", "v1.35", "since v1.37" (open-ended), for one history entry. */
export function rangePhrase(feature: FeatureHistory, index: number, siteVersion: string): string {
  const entry = feature.history[index];
  if (!entry) return '';
  if (!entry.to && !feature.removedIn) return `since ${v(entry.from)}`;
  const to = entryEnd(feature, index, siteVersion);
  return entry.from === to ? v(entry.from) : `${v(entry.from)}–${v(to)}`;
}

/** The whole history as phrases a reader can follow without JavaScript, oldest first. */
export function historyInWords(feature: FeatureHistory, siteVersion: string): string[] {
  const lines = feature.history.map(
    (entry, i) => `${rangePhrase(feature, i, siteVersion)}: ${stagePhrase(entry)}${sure(entry.inferred)}`,
  );
  if (feature.removedIn) {
    lines.push(`gate removed in ${v(feature.removedIn.version)}${sure(feature.removedIn.inferred)}: always on`);
  }
  return lines;
}

/** The history entries that end before `minor`, in words: what the /versions/ matrix shows before its first column. */
export function historyBefore(feature: FeatureHistory, minor: string, siteVersion: string): string[] {
  const words = historyInWords(feature, siteVersion);
  const before = feature.history.flatMap((_, i) =>
    compareMinors(entryEnd(feature, i, siteVersion), minor) < 0 ? [words[i] as string] : [],
  );
  if (feature.removedIn && compareMinors(feature.removedIn.version, minor) < 0) before.push(words.at(-1) as string);
  return before;
}

/** A decision-guide warning for a minor, or undefined when every needed feature is on by default there. */
export function needsWarning(
  features: readonly (FeatureHistory & { title: string })[],
  minor: string,
  siteVersion: string,
): string | undefined {
  const missing = features.flatMap((feature) => {
    const state = stateAt(feature, minor, siteVersion);
    if (onByDefault(state)) return [];
    return [{ feature, state, from: onFrom(feature, minor, siteVersion) }];
  });
  if (missing.length === 0) return undefined;
  const words = missing.map(({ feature, state }) => `${feature.title} is ${offWords(state, minor)}`);
  const froms = missing.map((m) => m.from);
  if (froms.every((from): from is string => from !== undefined)) {
    const newest = froms.reduce((a, b) => (compareMinors(a, b) >= 0 ? a : b));
    return `Needs ${v(newest)} or newer: ${words.join('; ')}.`;
  }
  const gates = missing.map(({ feature }) => `\`${feature.gate}\``).join(' and ');
  return `${words.join('; ')}: it needs the ${gates} gate${missing.length > 1 ? 's' : ''} turned on.`;
}

/**
 * Why a needed feature is not on by default in a minor: "alpha and off by default in v1.30",
 * "not available in v1.29", "beta and on by default only in v1.35.0–v1.35.3".
 */
function offWords(state: MinorState, minor: string): string {
  if (state.kind !== 'stages') return `not available in ${v(minor)}`;
  const on = state.parts.filter((part) => part.entry.default);
  const stage = state.parts[0]?.entry.stage ?? '';
  if (on.length === 0) return `${stage} and off by default in ${v(minor)}${sure(isInferred(state))}`;
  const ranges = on.map((part) => partRange(part, minor, part === state.parts.at(-1))).join(', ');
  return `${stage} and on by default only ${ranges}`;
}

/** The notes of a history, each with the releases it is about: "v1.35.4–v1.36: Turned off by default because …". */
export function historyNotes(feature: FeatureHistory, siteVersion: string): string[] {
  const notes = feature.history.flatMap((entry, i) =>
    entry.note ? [`${rangePhrase(feature, i, siteVersion)}: ${entry.note}`] : [],
  );
  if (feature.removedIn?.note) notes.push(`gate removed in ${v(feature.removedIn.version)}: ${feature.removedIn.note}`);
  return notes;
}
