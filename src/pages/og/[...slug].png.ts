/**
 * The social preview image of every public page, rendered at build time from the SVG that
 * src/lib/output/og.ts composes. Fonts come from the dejavu-fonts-ttf package and system fonts are
 * not loaded, so every machine renders the same pixels, offline.
 */
import { createRequire } from 'node:module';
import type { APIRoute, GetStaticPaths } from 'astro';
import { Resvg } from '@resvg/resvg-js';
import { getSiteContent } from '../../data/site';
import { publicPages, type PublicPage } from '../../data/pages';
import { OG_FONT_FAMILY, OG_WIDTH, ogSlug, ogSvg } from '../../lib/output/og';

/** Path of a DejaVu font file, resolved from this module or, failing that, the project root. */
function fontFile(file: string): string {
  // The bundled endpoint runs from the build's output folder, which may sit outside the project.
  for (const from of [import.meta.url, `${process.cwd()}/`]) {
    try {
      return createRequire(from).resolve(`dejavu-fonts-ttf/ttf/${file}`);
    } catch {
      // Try the next place.
    }
  }
  throw new Error(`og images: cannot find dejavu-fonts-ttf/ttf/${file}; is the dejavu-fonts-ttf package installed?`);
}
const FONT_FILES = [fontFile('DejaVuSans.ttf'), fontFile('DejaVuSans-Bold.ttf')];

export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  return publicPages(content).map((page) => ({
    params: { slug: ogSlug(page.path) },
    props: { page, siteName: content.site.name, kubernetesVersion: content.site.kubernetesVersion },
  }));
}) satisfies GetStaticPaths;

interface Props {
  page: PublicPage;
  siteName: string;
  kubernetesVersion: string;
}

export const GET: APIRoute<Props> = ({ props }) => {
  const { page, siteName, kubernetesVersion } = props;
  const svg = ogSvg({ ...page, siteName, kubernetesVersion });
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: OG_WIDTH },
    font: {
      loadSystemFonts: false,
      fontFiles: FONT_FILES,
      defaultFontFamily: OG_FONT_FAMILY,
      sansSerifFamily: OG_FONT_FAMILY,
    },
  })
    .render()
    .asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
