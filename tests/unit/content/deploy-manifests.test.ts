import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkManifest, formatManifestProblems } from '../../../src/lib/content/manifests.ts';

const dir = new URL('../../../deploy/kubernetes/', import.meta.url);
const files = readdirSync(dir)
  .filter((file) => /\.ya?ml$/.test(file))
  .sort();
const read = (file: string): string => readFileSync(new URL(file, dir), 'utf8');

describe('deploy/kubernetes', () => {
  test('has manifests', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files)('%s is valid against the Kubernetes schema', (file) => {
    const { objects, problems } = checkManifest(read(file));
    expect(formatManifestProblems(`deploy/kubernetes/${file}`, problems)).toBe('');
    expect(objects.length).toBeGreaterThan(0);
  });

  test('the site runs two non-root replicas on a read-only root filesystem, probed on port 8080', () => {
    const text = read('site.yaml');
    expect(text).toMatch(/^ {2}replicas: 2$/m);
    expect(text).toMatch(/runAsNonRoot: true/);
    expect(text).toMatch(/readOnlyRootFilesystem: true/);
    expect(text).toMatch(/containerPort: 8080/);
    expect(text).toMatch(/readinessProbe:/);
    expect(text).toMatch(/livenessProbe:/);
  });

  test('the check would catch a mistake in these files', () => {
    const broken = read('site.yaml').replace('readinessProbe:', 'readinesProbe:');
    expect(checkManifest(broken).problems).toEqual([
      expect.objectContaining({ field: expect.stringContaining('readinesProbe') }),
    ]);
  });
});
