// The share-pages job (src/lib/output/share-pages.ts) on small in-memory sites: the tags link
// unfurlers read, the redirect people follow, the pinned copies, renamed ids and the images.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../src/lib/output/built-pages';
import { cspCheck } from '../../../src/lib/output/csp-check';
import { runPass, type OutputFolder } from '../../../src/lib/output/post-build';
import { prefetchOgPage, stopOgWorkers, warmUpOgWorkers } from '../../../src/lib/output/og-pool';
import { sharePages } from '../../../src/lib/output/share-pages';

const empty: OutputFolder = { read: async () => null, list: async () => [] };
const facts = (base = '/') => ({ site: new URL('https://example.org'), base, kubernetesVersion: '1.37' });

const page = (file: string, title: string, main: string, head = '') =>
  parsePage(
    file,
    `<!DOCTYPE html><html lang="en"><head><title>${title}</title>` +
      `<meta name="description" content="About ${title}."><meta property="og:site_name" content="Workloads">` +
      `${head}</head><body><main id="main" data-title="${title}" data-aliases='{"old-storage":"storage"}'>` +
      `${main}</main></body></html>`,
  );
const statefulset = page(
  'workloads/statefulset/index.html',
  'StatefulSet',
  '<h1>StatefulSet</h1><div class="hx hx-2"><h2 id="storage">Storage</h2>' +
    '<span class="anchors"><a class="anchor" href="#storage" aria-label="Permalink: Storage">#</a></span></div>' +
    '<p>Each Pod gets its own claim.</p>',
);
const tags = (html: string) => {
  const tree = parsePage('x.html', html).tree;
  const meta = (selector: string) => String(select(selector, tree)?.properties.content ?? '');
  return {
    tree,
    title: meta('meta[property="og:title"]'),
    description: meta('meta[property="og:description"]'),
    url: meta('meta[property="og:url"]'),
    image: meta('meta[property="og:image"]'),
    card: meta('meta[name="twitter:card"]'),
    robots: meta('meta[name="robots"]'),
    refresh: meta('meta[http-equiv="refresh"]'),
    canonical: String(select('link[rel="canonical"]', tree)?.properties.href),
    redirect: String(select('script[src]', tree)?.properties.dataTo),
  };
};

describe('share pages', () => {
  it('a place gets a share page with its title, its words, its image and a way to the place', async () => {
    const result = await runPass([sharePages, cspCheck], facts(), [statefulset], empty);
    expect(result.problems).toEqual([]);
    const share = tags(String(result.writes.get('s/workloads/statefulset/storage/index.html')));
    expect(share).toMatchObject({
      title: 'StatefulSet › Storage',
      description: 'Each Pod gets its own claim.',
      url: 'https://example.org/s/workloads/statefulset/storage/',
      image: 'https://example.org/og/s/workloads/statefulset/storage.png',
      card: 'summary_large_image',
      robots: 'noindex',
      canonical: 'https://example.org/workloads/statefulset/',
      refresh: '0; url=/workloads/statefulset/#storage',
      redirect: '/workloads/statefulset/#storage',
    });
    // Readers without JavaScript or refresh get a link; nothing inline but the hashed theme script.
    expect(selectAll('body a', share.tree).map((a) => a.properties.href)).toEqual(['/workloads/statefulset/#storage']);
    // The image comes from the render cache, linked into the output rather than written.
    const png = readFileSync(result.copies.get('og/s/workloads/statefulset/storage.png') ?? '');
    expect(new TextDecoder().decode(png.subarray(1, 4))).toBe('PNG');
    expect(String(result.writes.get('s/share.css'))).toMatch(/prefers-color-scheme:dark/);
  });

  it('the pinned copy says its edition and lands in it, with the same image', async () => {
    const result = await runPass([sharePages], facts(), [statefulset], empty);
    const pinned = tags(String(result.writes.get('v1.37/s/workloads/statefulset/storage/index.html')));
    expect(pinned).toMatchObject({
      title: 'StatefulSet › Storage · v1.37 edition',
      url: 'https://example.org/v1.37/s/workloads/statefulset/storage/',
      image: 'https://example.org/og/s/workloads/statefulset/storage.png',
      canonical: 'https://example.org/workloads/statefulset/',
      redirect: '/v1.37/workloads/statefulset/#storage',
    });
  });

  it('an id renamed by an alias keeps its share URL, which lands on the new id', async () => {
    const result = await runPass([sharePages], facts(), [statefulset], empty);
    const renamed = tags(String(result.writes.get('s/workloads/statefulset/old-storage/index.html')));
    expect(renamed).toMatchObject({ title: 'StatefulSet › Storage', redirect: '/workloads/statefulset/#storage' });
  });

  it('under a base path, every address carries it', async () => {
    const result = await runPass([sharePages], facts('/k8s-workloads/'), [statefulset], empty);
    const share = tags(String(result.writes.get('s/workloads/statefulset/storage/index.html')));
    expect(share).toMatchObject({
      url: 'https://example.org/k8s-workloads/s/workloads/statefulset/storage/',
      image: 'https://example.org/k8s-workloads/og/s/workloads/statefulset/storage.png',
      redirect: '/k8s-workloads/workloads/statefulset/#storage',
    });
  });

  it('a page of a pinned edition gets share pages in its edition, showing its own image', async () => {
    const edition = page(
      'v1.36/workloads/statefulset/index.html',
      'StatefulSet',
      '<div class="hx hx-2"><h2 id="storage">Storage</h2></div><p>Claims, as in v1.36.</p>',
      '<meta property="og:image" content="https://example.org/v1.36/og/workloads/statefulset.png">',
    );
    const tree = edition.tree;
    (select('html', tree) as { properties: Record<string, unknown> }).properties.dataEdition = '1.36';
    const result = await runPass([sharePages], facts(), [edition], empty);
    const share = tags(String(result.writes.get('v1.36/s/workloads/statefulset/storage/index.html')));
    expect(share).toMatchObject({
      title: 'StatefulSet › Storage · v1.36 edition',
      description: 'Claims, as in v1.36.',
      image: 'https://example.org/v1.36/og/workloads/statefulset.png',
      canonical: 'https://example.org/v1.36/workloads/statefulset/',
      redirect: '/v1.36/workloads/statefulset/#storage',
    });
    const images = [...result.writes.keys(), ...result.copies.keys()].filter((file) => file.endsWith('.png'));
    expect(images).toEqual([]);
  });

  it('takes the images the workers laid out from the page as Astro rendered it, and makes the same site', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'share-prefetch-'));
    const alone = await runPass([sharePages], facts(), [statefulset], empty);
    try {
      warmUpOgWorkers({ name: 'Workloads', kubernetesVersion: '1.37' }, 2);
      // The page as the build hands it over while Astro renders the rest.
      prefetchOgPage({ file: statefulset.file, html: statefulset.html }, '1.37');
      prefetchOgPage({ file: 'elsewhere/index.html', html: 'not a page' }, '1.37', cache);
      const prefetched = await runPass([sharePages], facts(), [statefulset], empty);
      expect(prefetched.problems).toEqual([]);
      expect([...prefetched.writes.keys()].sort()).toEqual([...alone.writes.keys()].sort());
      expect([...prefetched.copies].sort()).toEqual([...alone.copies].sort());
      const images = prefetched.log.map((line) => line.message).find((line) => line.startsWith('share: 1 image'));
      expect(images).toMatch(/^share: 1 image \(\d rendered, \d from the cache; 1 laid out by the workers as Astro/);
      for (const from of prefetched.copies.values()) expect(readFileSync(from).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      stopOgWorkers();
      rmSync(cache, { recursive: true, force: true });
    }
    expect(alone.log.map((line) => line.message)).toContainEqual(expect.stringMatching(/; 0 laid out by the workers/));
  });

  it('a page whose share key would be the home page’s fails the build', async () => {
    const home = page('home/index.html', 'Home', '<h1>Home</h1>');
    const result = await runPass([sharePages], facts(), [home], empty);
    expect(result.problems).toEqual(['share: /home/: its share key is "home", the home page\'s; rename the page']);
  });
});
