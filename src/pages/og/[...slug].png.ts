/**
 * The social preview image of every public page, rendered at build time by
 * src/lib/output/og-render.ts (and taken from its cache when the page's image did not change).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../data/site';
import { publicPages } from '../../data/pages';
import { ogSlug, type OgSite, type OgSpec } from '../../lib/output/og';
import { renderOgImage } from '../../lib/output/og-render';

export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  const site: OgSite = { name: content.site.name, kubernetesVersion: content.site.kubernetesVersion };
  return publicPages(content).map(({ path, title, description, eyebrow, workload }) => ({
    params: { slug: ogSlug(path) },
    props: { spec: { title, description, eyebrow, workload }, site },
  }));
}) satisfies GetStaticPaths;

interface Props {
  spec: OgSpec;
  site: OgSite;
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const { png } = await renderOgImage(props.spec, props.site);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
