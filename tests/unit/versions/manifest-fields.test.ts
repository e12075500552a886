// Which version-sensitive fields a manifest sets, found by walking the parsed YAML: Pod fields in
// Pod templates too, Job fields in a CronJob's Job template, a value that must match, lists
// stepped through.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldUses, type GatedField } from '../../../src/lib/versions/manifest-fields';

const FEATURES: { id: string; fields: GatedField[] }[] = [
  { id: 'sidecar-containers', fields: [{ kind: 'Pod', path: 'spec.initContainers.restartPolicy', value: 'Always' }] },
  { id: 'job-success-policy', fields: [{ kind: 'Job', path: 'spec.successPolicy' }] },
  { id: 'stateful-set-start-ordinal', fields: [{ kind: 'StatefulSet', path: 'spec.ordinals.start' }] },
  { id: 'recreate', fields: [{ kind: 'StatefulSet', path: 'spec.updateStrategy.type', value: 'Recreate' }] },
];
/** YAML from lines, each as written (indentation included). */
const y = (...lines: string[]): string => `${lines.join('\n')}\n`;
const uses = (yaml: string) => fieldUses(yaml, FEATURES).map((u) => `${u.feature} ${u.kind}/${u.name} ${u.path}`);

describe('fieldUses', () => {
  it.each<[string, string, string[]]>([
    [
      'a Pod field on a Pod, in a list',
      y(
        'kind: Pod',
        'metadata: { name: p }',
        'spec:',
        '  initContainers:',
        '  - name: a',
        '  - name: b',
        '    restartPolicy: Always',
      ),
      ['sidecar-containers Pod/p spec.initContainers.restartPolicy'],
    ],
    [
      'a Pod field inside a Deployment template',
      y(
        'kind: Deployment',
        'metadata: { name: d }',
        'spec:',
        '  template:',
        '    spec:',
        '      initContainers: [{ name: s, restartPolicy: Always }]',
      ),
      ['sidecar-containers Deployment/d spec.template.spec.initContainers.restartPolicy'],
    ],
    [
      "a Job field and a Pod field inside a CronJob's Job template",
      y(
        'kind: CronJob',
        'metadata: { name: c }',
        'spec:',
        '  jobTemplate:',
        '    spec:',
        '      successPolicy: { rules: [] }',
        '      template:',
        '        spec:',
        '          initContainers: [{ name: s, restartPolicy: Always }]',
      ),
      [
        'job-success-policy CronJob/c spec.jobTemplate.spec.successPolicy',
        'sidecar-containers CronJob/c spec.jobTemplate.spec.template.spec.initContainers.restartPolicy',
      ],
    ],
    [
      'a value that does not match is no use',
      y(
        'kind: StatefulSet',
        'metadata: { name: s }',
        'spec:',
        '  updateStrategy: { type: RollingUpdate }',
        '  template:',
        '    spec:',
        '      initContainers: [{ name: i, restartPolicy: OnFailure }]',
      ),
      [],
    ],
    [
      'several documents, each object named',
      y(
        'kind: Service',
        'metadata: { name: svc }',
        '---',
        'kind: StatefulSet',
        'metadata: { name: web }',
        'spec:',
        '  ordinals: { start: 1 }',
        '  updateStrategy: { type: Recreate }',
      ),
      [
        'stateful-set-start-ordinal StatefulSet/web spec.ordinals.start',
        'recreate StatefulSet/web spec.updateStrategy.type',
      ],
    ],
    [
      'a field of another kind does not count',
      y('kind: Job', 'metadata: { name: j }', 'spec:', '  ordinals: { start: 1 }'),
      [],
    ],
    ['an empty document', y('---'), []],
  ])('%s', (_, yaml, expected) => {
    expect(uses(yaml)).toEqual(expected);
  });

  it('finds the sidecar in the real Pod example', () => {
    expect(uses(readFileSync('src/content/manifests/pod.yaml', 'utf8'))).toContain(
      'sidecar-containers Pod/scratch spec.initContainers.restartPolicy',
    );
  });
});
