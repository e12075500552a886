// The feature-data rules: one fixture per kind of bad history (tests/fixtures/features/), with the
// exact lines the build prints for it (file › entry › field: message), checked against v1.37.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { featureSchema } from '../../../src/lib/content/schemas';
import { formatProblem } from '../../../src/lib/content/integrity';
import { checkFeatureReferences, checkFeatures, kebabCase } from '../../../src/lib/versions/validate';

const SITE = '1.37';

/** The problems the build reports for a fixture, as it prints them. */
function report(name: string): string[] {
  const file = `tests/fixtures/features/${name}.yaml`;
  const entries = (parse(readFileSync(file, 'utf8')) as { id: string }[]).map((raw) => ({
    id: raw.id,
    ...featureSchema.parse(raw),
  }));
  return checkFeatures(file, entries, SITE).map(formatProblem);
}

describe('kebabCase: the feature id is the gate name in kebab-case', () => {
  it.each([
    ['MaxUnavailableStatefulSet', 'max-unavailable-stateful-set'],
    ['StatefulSetAutoDeletePVC', 'stateful-set-auto-delete-pvc'],
    ['HPAScaleToZero', 'hpa-scale-to-zero'],
    ['TTLAfterFinished', 'ttl-after-finished'],
    ['PDBUnhealthyPodEvictionPolicy', 'pdb-unhealthy-pod-eviction-policy'],
    ['InPlacePodLevelResourcesVerticalScaling', 'in-place-pod-level-resources-vertical-scaling'],
    ['JobSuccessPolicy', 'job-success-policy'],
  ])('%s → %s', (gate, id) => {
    expect(kebabCase(gate)).toBe(id);
  });
});

describe('checkFeatures', () => {
  it('accepts histories that follow every rule, a default going back with its note included', () => {
    expect(report('valid')).toEqual([]);
  });

  it('accepts the real src/content/features.yaml', () => {
    const file = 'src/content/features.yaml';
    const entries = (parse(readFileSync(file, 'utf8')) as { id: string }[]).map((raw) => ({
      id: raw.id,
      ...featureSchema.parse(raw),
    }));
    expect(entries.length).toBeGreaterThan(30);
    expect(checkFeatures(file, entries, SITE).map(formatProblem)).toEqual([]);
  });

  const at = (name: string, entry: string, field: string, message: string) =>
    `tests/fixtures/features/${name}.yaml › ${entry} › ${field}: ${message}`;

  it.each<[string, [entry: string, field: string, message: string][]]>([
    [
      'id-not-kebab',
      [
        [
          'max-unavailable-statefulset',
          'id',
          'must be the gate MaxUnavailableStatefulSet in kebab-case: rename it to ' +
            '"max-unavailable-stateful-set" (and every use of the id)',
        ],
      ],
    ],
    [
      'gap',
      [
        [
          'job-success-policy',
          'history[1].from',
          'is v1.32, but history[0] ends at v1.30: v1.31 is not covered; start at v1.31 or add an entry for the gap',
        ],
      ],
    ],
    [
      'overlap',
      [
        [
          'job-success-policy',
          'history[1].from',
          'is v1.31, inside history[0] (v1.30–v1.31): entries may not overlap; start at v1.32',
        ],
      ],
    ],
    [
      'patch-gap',
      [
        [
          'max-unavailable-stateful-set',
          'history[1].from',
          'is v1.35.5, but history[0] ends at v1.35.3: v1.35.4 is not covered; start at v1.35.4 or ' +
            'add an entry for the gap',
        ],
      ],
    ],
    [
      'backwards-without-note',
      [
        [
          'max-unavailable-stateful-set',
          'history[2].note',
          'is required: the default goes back from on to off; say why (a note is printed with the history)',
        ],
        [
          'max-unavailable-stateful-set',
          'history[3].note',
          'is required: the stage goes back from beta to alpha; say why (a note is printed with the history)',
        ],
      ],
    ],
    [
      'newer-than-site',
      [
        [
          'stateful-set-recreate-strategy',
          'history[1].from',
          "v1.38 is newer than the site's Kubernetes version (v1.37 in src/content/site.yaml): " +
            'describe only released versions',
        ],
        [
          'stateful-set-recreate-strategy',
          'removedIn.version',
          "v1.40 is newer than the site's Kubernetes version (v1.37 in src/content/site.yaml): " +
            'describe only released versions',
        ],
      ],
    ],
    [
      'removed-too-early',
      [
        [
          'prevent-static-pod-api-references',
          'removedIn.version',
          "is v1.33, not after the last stage's start (v1.34): the gate is removed in a later minor " +
            'than the one its last stage begins in',
        ],
      ],
    ],
    [
      'open-ranges',
      [
        [
          'pod-deletion-cost',
          'history[1].to',
          "the last entry leaves out `to`: it holds up to the site's version (or the gate's removal in `removedIn`)",
        ],
        ['pod-deletion-cost', 'history[0].to', 'is missing: only the last entry may leave out `to`'],
      ],
    ],
    [
      'inferred-without-note',
      [
        ['elastic-indexed-job', 'history[0].note', 'is required with `inferred: true`: say what the entry rests on'],
        [
          'elastic-indexed-job',
          'removedIn.note',
          'is required with `inferred: true`: say what the removal version rests on',
        ],
      ],
    ],
  ])('%s', (name, expected) => {
    expect(report(name)).toEqual(expected.map(([entry, field, message]) => at(name, entry, field, message)));
  });
});

describe('checkFeatureReferences', () => {
  const known = new Set(['max-unavailable-stateful-set', 'indexed-job']);
  it.each<[string, Parameters<typeof checkFeatureReferences>[0], string[]]>([
    [
      'known ids in table cells and decision results pass',
      [
        {
          file: 'dimensions.yaml',
          entry: 'ordering',
          field: 'values.statefulset.features',
          ids: ['max-unavailable-stateful-set'],
        },
        { file: 'decisions.yaml', entry: 'job', field: 'needs', ids: ['indexed-job'] },
      ],
      [],
    ],
    [
      'an unknown id in a cell is named with its list position',
      [
        {
          file: 'dimensions.yaml',
          entry: 'ordering',
          field: 'values.statefulset.features',
          ids: ['indexed-job', 'maxUnavailable'],
        },
      ],
      [
        'dimensions.yaml › ordering › values.statefulset.features[1]: "maxUnavailable" is not in ' +
          'src/content/features.yaml: add the feature or fix the id',
      ],
    ],
    [
      "an unknown id in a result's needs",
      [{ file: 'decisions.yaml', entry: 'cronjob', field: 'needs', ids: ['cron-job-timezone'] }],
      [
        'decisions.yaml › cronjob › needs[0]: "cron-job-timezone" is not in ' +
          'src/content/features.yaml: add the feature or fix the id',
      ],
    ],
  ])('%s', (_, references, expected) => {
    expect(checkFeatureReferences(references, known).map(formatProblem)).toEqual(expected);
  });
});
