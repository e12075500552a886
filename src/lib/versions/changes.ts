/**
 * "What changed for workloads" in each release, generated from the feature histories
 * (src/content/features.yaml): a feature entered alpha, moved to beta or GA, had its default
 * flipped (also within a minor, at a patch release), or lost its gate.
 */
import { STAGE_ORDER, minorOf, v, type FeatureHistory, type StageEntry } from './history.ts';

export type ChangeKind = 'new' | 'stage' | 'default' | 'removed';

export interface Change {
  /** Feature id. */
  feature: string;
  kind: ChangeKind;
  /** "alpha, off by default", "GA", "on by default again from v1.35.4", "gate removed: always on". */
  text: string;
  /** Why, when the data says (the entry's or the removal's note). */
  note?: string | undefined;
  inferred: boolean;
}

const stageWord = (entry: StageEntry): string => (entry.stage === 'stable' ? 'GA' : entry.stage);
/** " from v1.35.4" when the entry starts at a patch after the minor's first. */
const at = (entry: StageEntry): string => (Number(entry.from.split('.')[2] ?? 0) > 0 ? ` from ${v(entry.from)}` : '');

/** The change an entry makes against the one before it, or undefined when it only restates it. */
function changeOf(
  entry: StageEntry,
  previous: StageEntry | undefined,
  earlier: StageEntry[],
): Omit<Change, 'feature'> | undefined {
  const base = { note: entry.note, inferred: !!entry.inferred };
  const onOff = entry.default ? 'on' : 'off';
  if (!previous) return { ...base, kind: 'new', text: `new: ${entry.stage}, ${onOff} by default${at(entry)}` };
  if (entry.stage !== previous.stage) {
    const back = STAGE_ORDER[entry.stage] < STAGE_ORDER[previous.stage] ? `back to ` : '';
    const detail = entry.stage === 'stable' ? '' : `, ${onOff} by default`;
    return { ...base, kind: 'stage', text: `${back}${stageWord(entry)}${detail}${at(entry)}` };
  }
  if (entry.default !== previous.default) {
    const again = earlier.some((e) => e.default === entry.default && e.stage === entry.stage) ? ' again' : '';
    return { ...base, kind: 'default', text: `${onOff} by default${again}${at(entry)}` };
  }
  return undefined;
}

/** Every change in one minor, in feature order. */
export function changesIn(features: readonly (FeatureHistory & { id: string })[], minor: string): Change[] {
  return features.flatMap((feature) => {
    const found: Change[] = [];
    feature.history.forEach((entry, i) => {
      if (minorOf(entry.from) !== minor) return;
      const change = changeOf(entry, feature.history[i - 1], feature.history.slice(0, Math.max(0, i - 1)));
      if (change) found.push({ feature: feature.id, ...change });
    });
    const removal = feature.removedIn;
    if (removal && removal.version === minor) {
      found.push({
        feature: feature.id,
        kind: 'removed',
        text: 'gate removed: always on',
        note: removal.note,
        inferred: !!removal.inferred,
      });
    }
    return found;
  });
}
