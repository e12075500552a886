// Example manifests are validated against the Kubernetes API schema of SCHEMA_VERSION: every manifest the
// site shows must pass, and each broken fixture must fail with the problem it was built to show.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SCHEMA_PACKAGE_VERSION,
  SCHEMA_VERSION,
  checkManifest,
  formatManifestProblems,
  selectorMatches,
} from '../../../src/lib/content/manifests';

const read = (path: string) => readFileSync(path, 'utf8');
const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${dir}/${f}`);

describe(`every manifest on the site and in deploy/ is valid for Kubernetes v${SCHEMA_VERSION}`, () => {
  it.each(yamlFiles('src/content/manifests'))('%s', (file) => {
    const { objects, problems } = checkManifest(read(file));
    expect(formatManifestProblems(file, problems)).toBe('');
    expect(objects.length).toBeGreaterThan(0);
  });
  it('the StatefulSet example includes its headless Service', () => {
    const { objects } = checkManifest(read('src/content/manifests/statefulset.yaml'));
    expect(objects.map((o) => o.kind)).toEqual(expect.arrayContaining(['Service', 'StatefulSet']));
  });
});

describe('the schema version', () => {
  it('belongs to the installed kubernetes-models (after upgrading it, check which release it describes)', () => {
    const { version } = JSON.parse(read('node_modules/kubernetes-models/package.json')) as { version: string };
    expect(version.split('.').slice(0, 2).join('.')).toBe(SCHEMA_PACKAGE_VERSION);
  });
});

describe('broken fixtures fail with the right problem', () => {
  it.each([
    [
      'unknown-field.yaml',
      `document 1 (Deployment/web) spec.replica: is not a field of Deployment in Kubernetes v${SCHEMA_VERSION}: ` +
        `remove it or fix its spelling`,
    ],
    ['wrong-type.yaml', 'document 1 (Deployment/web) spec.replicas: must be of type integer'],
    [
      'selector-mismatch.yaml',
      'document 1 (StatefulSet/db) spec.selector: ' +
        "does not select the Pod template's labels (spec.template.metadata.labels): make them match",
    ],
    [
      'job-restart-always.yaml',
      'document 1 (Job/migrate) spec.template.spec.restartPolicy: ' +
        'must be "Never" or "OnFailure" for a Job (it is "Always")',
    ],
    [
      'statefulset-without-service.yaml',
      'document 1 (StatefulSet/db) spec.serviceName: ' +
        'must name a headless Service (clusterIP: None) defined in the same file; found "db"',
    ],
  ])('%s', (name, expected) => {
    const file = `tests/fixtures/manifests/${name}`;
    expect(formatManifestProblems(file, checkManifest(read(file)).problems)).toBe(`${file}: ${expected}`);
  });
  it('reports YAML syntax errors', () => {
    const { problems } = checkManifest('apiVersion: v1\nkind: Pod\nmetadata: [unclosed\n');
    expect(problems[0]?.field).toBe('(yaml)');
  });
  it('reports kinds it cannot validate', () => {
    const { problems } = checkManifest('apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n');
    expect(problems[0]?.message).toMatch(/^"example.com\/v1 Widget" is not a kind this site validates/);
  });
});

describe('selectorMatches', () => {
  it.each([
    ['matchLabels equal', { matchLabels: { app: 'web' } }, { app: 'web', tier: 'fe' }, true],
    ['matchLabels differ', { matchLabels: { app: 'web' } }, { app: 'api' }, false],
    ['In', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }] }, { tier: 'fe' }, true],
    ['NotIn', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['fe'] }] }, { tier: 'fe' }, false],
    ['Exists', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, { tier: 'x' }, true],
    ['DoesNotExist', { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, { tier: 'x' }, false],
    ['an empty selector selects nothing here', {}, { app: 'web' }, false],
  ])('%s', (_, selector, labels, expected) => {
    expect(selectorMatches(selector, labels)).toBe(expected);
  });
});
