import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderOgImage } from '../../../src/lib/output/og-render';
import { OG_HEIGHT, OG_WIDTH, type OgSite, type OgSpec } from '../../../src/lib/output/og';

const site: OgSite = { name: 'Kubernetes workloads, compared', kubernetesVersion: '1.37' };
const spec: OgSpec = {
  title: 'StatefulSet',
  description: 'Pods with a sticky identity (ordinal, DNS name, own volume claims) that survives rescheduling.',
  eyebrow: 'Workload resource · apps/v1',
  workload: 'statefulset',
};

/** Width and height from a PNG's header chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(String.fromCharCode(...png.slice(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('renderOgImage', () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'og-cache-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it('renders a 1200×630 PNG once, then serves the same bytes from the cache', () => {
    const first = renderOgImage(spec, site, cache);
    expect(first.cached).toBe(false);
    expect(pngSize(first.png)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
    const again = renderOgImage({ ...spec }, { ...site }, cache);
    expect(again.cached).toBe(true);
    expect(Buffer.from(again.png).equals(Buffer.from(first.png))).toBe(true);
    expect(readdirSync(cache)).toHaveLength(1);
  });

  it.each<[string, OgSpec, OgSite]>([
    ['another description', { ...spec, description: 'Something else entirely.' }, site],
    ['no workload mark', { ...spec, workload: undefined }, site],
    ['another reviewed version', spec, { ...site, kubernetesVersion: '1.38' }],
  ])('renders anew for %s', (_name, changed, changedSite) => {
    const before = renderOgImage(spec, site, cache);
    const after = renderOgImage(changed, changedSite, cache);
    expect(after.cached).toBe(false);
    expect(Buffer.from(after.png).equals(Buffer.from(before.png))).toBe(false);
    expect(renderOgImage(changed, changedSite, cache).cached).toBe(true);
  });

  it('leaves no partly written file behind', () => {
    expect(readdirSync(cache).every((file) => /^[0-9a-f]{40}\.png$/.test(file))).toBe(true);
  });
});
