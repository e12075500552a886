// "What changed for workloads" per release, generated from the histories: entering alpha, beta or
// GA, a default flipped (also at a patch release), a gate removed; restated entries are no change.
import { describe, expect, it } from 'vitest';
import { changesIn } from '../../../src/lib/versions/changes';
import type { FeatureHistory } from '../../../src/lib/versions/history';

const FEATURES: (FeatureHistory & { id: string })[] = [
  {
    id: 'max-unavailable-stateful-set',
    gate: 'MaxUnavailableStatefulSet',
    history: [
      { stage: 'alpha', default: false, from: '1.24', to: '1.34' },
      { stage: 'beta', default: true, from: '1.35.0', to: '1.35.3' },
      { stage: 'beta', default: false, from: '1.35.4', to: '1.36', note: 'A bug.' },
      { stage: 'beta', default: true, from: '1.37', note: 'Fixed.' },
    ],
  },
  {
    id: 'stateful-set-start-ordinal',
    gate: 'StatefulSetStartOrdinal',
    history: [
      { stage: 'alpha', default: false, from: '1.26', to: '1.26' },
      { stage: 'beta', default: true, from: '1.27', to: '1.30' },
      { stage: 'stable', default: true, from: '1.31' },
    ],
    removedIn: { version: '1.34', inferred: true, note: 'Not in the v1.34 list.' },
  },
  {
    id: 'container-restart-rules',
    gate: 'ContainerRestartRules',
    history: [
      { stage: 'alpha', default: false, from: '1.34', to: '1.34' },
      { stage: 'beta', default: true, from: '1.35', to: '1.35' },
      { stage: 'beta', default: true, from: '1.36', inferred: true, note: 'No sign of GA.' },
    ],
  },
];

const words = (minor: string) =>
  changesIn(FEATURES, minor).map((c) => `${c.feature} (${c.kind}): ${c.text}${c.inferred ? ' (inferred)' : ''}`);

describe('changesIn', () => {
  it.each<[string, string[]]>([
    ['1.37', ['max-unavailable-stateful-set (default): on by default again']],
    ['1.36', []],
    [
      '1.35',
      [
        'max-unavailable-stateful-set (stage): beta, on by default',
        'max-unavailable-stateful-set (default): off by default from v1.35.4',
        'container-restart-rules (stage): beta, on by default',
      ],
    ],
    [
      '1.34',
      [
        'stateful-set-start-ordinal (removed): gate removed: always on (inferred)',
        'container-restart-rules (new): new: alpha, off by default',
      ],
    ],
    ['1.31', ['stateful-set-start-ordinal (stage): GA']],
    ['1.26', ['stateful-set-start-ordinal (new): new: alpha, off by default']],
  ])('v%s', (minor, expected) => {
    expect(words(minor)).toEqual(expected);
  });

  it('keeps the note that says why', () => {
    expect(changesIn(FEATURES, '1.35').find((c) => c.kind === 'default')?.note).toBe('A bug.');
  });
});
