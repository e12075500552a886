// Stage lookup per Kubernetes version: what a minor does, in the words the badges, the /versions/
// matrix and the decision guide print, for the shapes the feature data has (patch splits, a
// feature not added yet, a removed gate, inferred entries).
import { describe, expect, it } from 'vitest';
import {
  compareStarts,
  minorsBetween,
  onByDefault,
  onFrom,
  releaseAfter,
  settledIn,
  stateAt,
  type FeatureHistory,
} from '../../../src/lib/versions/history';
import {
  cellText,
  historyBefore,
  historyInWords,
  historyNotes,
  needsWarning,
  statePhrase,
  stateTone,
} from '../../../src/lib/versions/phrases';

const SITE = '1.37';

const maxUnavailable: FeatureHistory & { title: string } = {
  gate: 'MaxUnavailableStatefulSet',
  title: 'StatefulSet maxUnavailable',
  history: [
    { stage: 'alpha', default: false, from: '1.24', to: '1.34' },
    { stage: 'beta', default: true, from: '1.35.0', to: '1.35.3' },
    { stage: 'beta', default: false, from: '1.35.4', to: '1.36', note: 'Turned off by default because of a bug.' },
    { stage: 'beta', default: true, from: '1.37', note: 'On by default again once the bug was fixed.' },
  ],
};
const startOrdinal: FeatureHistory & { title: string } = {
  gate: 'StatefulSetStartOrdinal',
  title: 'StatefulSet start ordinal',
  history: [
    { stage: 'alpha', default: false, from: '1.26', to: '1.26' },
    { stage: 'beta', default: true, from: '1.27', to: '1.30' },
    { stage: 'stable', default: true, from: '1.31' },
  ],
  removedIn: { version: '1.34', inferred: true, note: 'Missing from the v1.34 development feature list.' },
};
const successPolicy: FeatureHistory & { title: string } = {
  gate: 'JobSuccessPolicy',
  title: 'Job success policy',
  history: [
    { stage: 'alpha', default: false, from: '1.30', to: '1.30' },
    { stage: 'beta', default: true, from: '1.31', to: '1.32' },
    { stage: 'stable', default: true, from: '1.33' },
  ],
};
const restartRules: FeatureHistory & { title: string } = {
  gate: 'ContainerRestartRules',
  title: 'Container restart rules',
  history: [
    { stage: 'alpha', default: false, from: '1.34', to: '1.34' },
    { stage: 'beta', default: true, from: '1.35', to: '1.35' },
    { stage: 'beta', default: true, from: '1.36', inferred: true, note: 'No sign of GA was found.' },
  ],
};
const recreate: FeatureHistory & { title: string } = {
  gate: 'StatefulSetRecreateStrategy',
  title: 'StatefulSet Recreate update strategy',
  history: [{ stage: 'alpha', default: false, from: '1.37' }],
};
const staticPods: FeatureHistory & { title: string } = {
  gate: 'PreventStaticPodAPIReferences',
  title: 'Static Pods may not reference API objects',
  history: [{ stage: 'beta', default: true, from: '1.34' }],
  removedIn: { version: '1.37' },
};

describe('release arithmetic', () => {
  it.each([
    ['1.34', '1.35'],
    ['1.35.3', '1.35.4'],
    ['1.9', '1.10'],
  ])('the release after %s is %s', (to, next) => {
    expect(releaseAfter(to)).toBe(next);
  });
  it.each([
    ['1.35', '1.35.0', 0],
    ['1.35.0', '1.35.4', -1],
    ['1.35.4', '1.36', -1],
    ['1.9', '1.10', -1],
  ])('a range starting at %s vs %s: %i', (a, b, sign) => {
    expect(Math.sign(compareStarts(a, b))).toBe(sign);
  });
  it('lists the minors between two releases, oldest first', () => {
    expect(minorsBetween('1.29', '1.32')).toEqual(['1.29', '1.30', '1.31', '1.32']);
  });
});

describe('statePhrase: what a minor does, as the badge says it after "vX.Y: "', () => {
  it.each<[string, FeatureHistory, string, string, string]>([
    ['alpha and off', maxUnavailable, '1.34', 'alpha, off: needs the `MaxUnavailableStatefulSet` gate', 'no'],
    [
      'a default changed at a patch release',
      maxUnavailable,
      '1.35',
      'beta; on by default in v1.35.0–v1.35.3, off from v1.35.4',
      'partial',
    ],
    ['beta and off again', maxUnavailable, '1.36', 'beta, off: needs the `MaxUnavailableStatefulSet` gate', 'no'],
    ['beta and on again', maxUnavailable, '1.37', 'beta, on by default', 'partial'],
    ['beta and on', startOrdinal, '1.30', 'beta, on by default', 'partial'],
    ['stable', startOrdinal, '1.33', 'stable', 'yes'],
    ['gate removed (inferred)', startOrdinal, '1.34', 'always on; gate removed in v1.34 (inferred)', 'yes'],
    ['not yet added', successPolicy, '1.29', 'not available; alpha from v1.30', 'no'],
    ['alpha in its first minor', successPolicy, '1.30', 'alpha, off: needs the `JobSuccessPolicy` gate', 'no'],
    ['an inferred entry', restartRules, '1.37', 'beta, on by default (inferred)', 'partial'],
    ['a gate removed without becoming stable', staticPods, '1.37', 'always on; gate removed in v1.37', 'yes'],
    ['the last minor before the removal', staticPods, '1.36', 'beta, on by default', 'partial'],
  ])('%s: %s in v%s', (_, feature, minor, phrase, tone) => {
    const state = stateAt(feature, minor, SITE);
    expect(statePhrase(feature, state, minor)).toBe(phrase);
    expect(stateTone(state)).toBe(tone);
  });
});

describe('cellText: the /versions/ matrix cell and its sort rank', () => {
  it.each<[FeatureHistory, string, string, boolean, number]>([
    [successPolicy, '1.29', '—', false, 0],
    [maxUnavailable, '1.34', 'alpha · off', false, 1],
    [maxUnavailable, '1.35', 'beta · on, off from v1.35.4', false, 3],
    [maxUnavailable, '1.36', 'beta · off', false, 3],
    [maxUnavailable, '1.37', 'beta · on', false, 4],
    [startOrdinal, '1.31', 'GA', false, 5],
    [startOrdinal, '1.34', 'GA · gate removed', true, 6],
    [staticPods, '1.37', 'always on · gate removed', false, 6],
    [restartRules, '1.36', 'beta · on', true, 4],
  ])('%#: v%s → %s', (feature, minor, text, inferred, rank) => {
    expect(cellText(stateAt(feature, minor, SITE))).toEqual({ text, inferred, rank });
  });
});

describe('on by default, and from which version', () => {
  it.each<[FeatureHistory, string, boolean, string | undefined]>([
    [maxUnavailable, '1.34', false, '1.37'],
    [maxUnavailable, '1.35', false, '1.37'],
    [maxUnavailable, '1.36', false, '1.37'],
    [maxUnavailable, '1.37', true, undefined],
    [successPolicy, '1.29', false, '1.31'],
    [successPolicy, '1.30', false, '1.31'],
    [recreate, '1.36', false, undefined],
    [startOrdinal, '1.35', true, undefined],
  ])('%#: v%s on=%s, on from %s', (feature, minor, on, from) => {
    expect(onByDefault(stateAt(feature, minor, SITE))).toBe(on);
    if (!on) expect(onFrom(feature, minor, SITE)).toBe(from);
  });
  it('a feature stable or removed in every offered minor is settled; one still changing is not', () => {
    const minors = minorsBetween('1.33', '1.37');
    expect(settledIn(startOrdinal, minors, SITE)).toBe(true);
    expect(settledIn(successPolicy, minors, SITE)).toBe(true);
    expect(settledIn(successPolicy, minorsBetween('1.32', '1.37'), SITE)).toBe(false);
    expect(settledIn(maxUnavailable, minors, SITE)).toBe(false);
  });
});

describe('needsWarning: the decision guide warns when a needed feature is not on by default', () => {
  it.each<[string, (FeatureHistory & { title: string })[], string, string | undefined]>([
    ['nothing to warn about', [successPolicy, startOrdinal], '1.33', undefined],
    [
      'alpha and off',
      [successPolicy],
      '1.30',
      'Needs v1.31 or newer: Job success policy is alpha and off by default in v1.30.',
    ],
    ['not added yet', [successPolicy], '1.29', 'Needs v1.31 or newer: Job success policy is not available in v1.29.'],
    [
      'on only in some patches',
      [maxUnavailable],
      '1.35',
      'Needs v1.37 or newer: StatefulSet maxUnavailable is beta and on by default only in v1.35.0–v1.35.3.',
    ],
    [
      'two features: the newest requirement wins',
      [successPolicy, maxUnavailable],
      '1.30',
      'Needs v1.37 or newer: Job success policy is alpha and off by default in v1.30; ' +
        'StatefulSet maxUnavailable is alpha and off by default in v1.30.',
    ],
    [
      'never on by default',
      [recreate],
      '1.37',
      'StatefulSet Recreate update strategy is alpha and off by default in v1.37: ' +
        'it needs the `StatefulSetRecreateStrategy` gate turned on.',
    ],
  ])('%s', (_, features, minor, warning) => {
    expect(needsWarning(features, minor, SITE)).toBe(warning);
  });
});

describe('the history in words: what every page shows without JavaScript', () => {
  it.each<[FeatureHistory, string[]]>([
    [
      maxUnavailable,
      [
        'v1.24–v1.34: alpha, off by default',
        'v1.35.0–v1.35.3: beta, on by default',
        'v1.35.4–v1.36: beta, off by default',
        'since v1.37: beta, on by default',
      ],
    ],
    [
      startOrdinal,
      [
        'v1.26: alpha, off by default',
        'v1.27–v1.30: beta, on by default',
        'v1.31–v1.33: stable',
        'gate removed in v1.34 (inferred): always on',
      ],
    ],
    [staticPods, ['v1.34–v1.36: beta, on by default', 'gate removed in v1.37: always on']],
    [
      restartRules,
      ['v1.34: alpha, off by default', 'v1.35: beta, on by default', 'since v1.36: beta, on by default (inferred)'],
    ],
  ])('%#', (feature, words) => {
    expect(historyInWords(feature, SITE)).toEqual(words);
  });
  it('before the first column of the matrix: only what ended earlier', () => {
    expect(historyBefore(startOrdinal, '1.29', SITE)).toEqual(['v1.26: alpha, off by default']);
    expect(historyBefore(startOrdinal, '1.35', SITE)).toEqual([
      'v1.26: alpha, off by default',
      'v1.27–v1.30: beta, on by default',
      'v1.31–v1.33: stable',
      'gate removed in v1.34 (inferred): always on',
    ]);
    expect(historyBefore(maxUnavailable, '1.29', SITE)).toEqual([]);
  });
  it('notes name the releases they are about', () => {
    expect(historyNotes(maxUnavailable, SITE)).toEqual([
      'v1.35.4–v1.36: Turned off by default because of a bug.',
      'since v1.37: On by default again once the bug was fixed.',
    ]);
    expect(historyNotes(startOrdinal, SITE)).toEqual([
      'gate removed in v1.34: Missing from the v1.34 development feature list.',
    ]);
  });
});
