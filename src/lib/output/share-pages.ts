/**
 * Post-build job: a share page for every linkable place, so a link pasted into a chat or a wiki
 * unfurls as that place and not as its whole page (unfurlers fetch a URL without its #fragment).
 *
 * The address is the one rule of src/lib/links/share.ts (`/s/<page key>/<id>/`). Each share page
 * is a tiny static document: Open Graph and Twitter tags with the place's title ("StatefulSet ›
 * Storage"), its own words (src/lib/links/sections.ts, read from the built page) and its social
 * image; `noindex`, canonical to the page; and a redirect to `page#id` for people: the site's
 * redirect script (public/scripts/redirect.js, which keeps the query) with a meta refresh for
 * readers without JavaScript. Its stylesheet gives it the page's background in the reader's colour
 * scheme (the hashed theme script applies a saved choice) and hides its one link while the
 * script takes the reader on, so nothing flashes.
 *
 * Share pages are made for the current pages (under /s/ and, pinned, under the current edition's
 * /v1.37/s/, which share one image per place), for the ids that anchor aliases renamed (they
 * land on the new id), and for the pages of pinned editions (under /v1.36/s/, with the edition in
 * the title and the edition page's own image, so no edition image is rendered again). Headings,
 * rows, steps and terms get an image of their own; a cell and a note show their row's, a column
 * its own.
 */
import type { Element, ElementContent, Root } from 'hast';
import { siteColour } from '../design/tokens.ts';
import { editionPath, HOME_KEY, shareKey } from '../links/share.ts';
import { absoluteUrl, withBase } from '../links/urls.ts';
import { OG_HEIGHT, OG_WIDTH } from './og.ts';
import { ogPrefetchSettled, renderOgImages } from './og-pool.ts';
import type { PassContext, PostBuildJob } from './post-build.ts';
import { pageFacts, pagePreviews, sharedPages, type ImagePlan, type SharePreview } from './share-previews.ts';
import { THEME_INIT_SCRIPT } from './theme-init.ts';

/** The stylesheet every share page links, relative to the output folder. */
export const SHARE_CSS = 's/share.css';

type Child = ElementContent | string;
/** A hast element (the few that the share pages and the edition banner need do not warrant a dependency). */
export const h = (tagName: string, properties: Element['properties'], ...children: Child[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children: children.map((child) => (typeof child === 'string' ? { type: 'text', value: child } : child)),
});

/** The document of a share page (the pass takes the tree as it is, without parsing it back). */
function sharePageTree(preview: SharePreview, site: URL, base: string): Root {
  const url = (path: string) => absoluteUrl(site, base, path);
  const target = withBase(base, preview.target);
  const meta = (property: string, content: string) => h('meta', { property, content });
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h(
        'html',
        { lang: 'en' },
        h(
          'head',
          {},
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', {}, `${preview.title} · ${preview.siteName}`),
          h('meta', { name: 'description', content: preview.description }),
          h('meta', { name: 'robots', content: 'noindex' }),
          h('link', { rel: ['canonical'], href: url(preview.page) }),
          h('meta', { name: 'color-scheme', content: 'light dark' }),
          meta('og:type', 'article'),
          meta('og:site_name', preview.siteName),
          meta('og:title', preview.title),
          meta('og:description', preview.description),
          meta('og:url', url(preview.share)),
          meta('og:image', url(preview.image)),
          meta('og:image:width', String(OG_WIDTH)),
          meta('og:image:height', String(OG_HEIGHT)),
          meta('og:image:alt', preview.imageAlt),
          h('meta', { name: 'twitter:card', content: 'summary_large_image' }),
          // The script goes first: it sends the reader on before anything else loads.
          h('script', { src: withBase(base, '/scripts/redirect.js'), dataTo: target }),
          h('meta', { httpEquiv: ['refresh'], content: `0; url=${target}` }),
          h('script', {}, THEME_INIT_SCRIPT),
          h('link', { rel: ['stylesheet'], href: withBase(base, `/${SHARE_CSS}`) }),
        ),
        h('body', {}, h('p', {}, h('a', { href: target }, preview.title))),
      ),
    ],
  };
}

/**
 * The share pages' stylesheet, minified (page-css.ts leaves it as it is): the site's background in
 * each scheme, the saved choice first.
 */
export function shareCss(): string {
  const light = siteColour('bg', 'light');
  const dark = siteColour('bg', 'dark');
  const ink = (scheme: 'light' | 'dark') => siteColour('ink', scheme);
  return [
    `:root{color-scheme:light;background:${light};color:${ink('light')};font-family:system-ui,sans-serif}`,
    '@media (prefers-color-scheme:dark){',
    `:root:not([data-theme=light]){color-scheme:dark;background:${dark};color:${ink('dark')}}}`,
    `:root[data-theme=dark]{color-scheme:dark;background:${dark};color:${ink('dark')}}`,
    // With JavaScript the redirect script has already sent the reader on: show nothing meanwhile.
    '.js body{visibility:hidden}',
  ].join('');
}

/** Starts rendering (or takes from the cache) the images of `plans`, and links each into the output. */
function startImages(context: PassContext, plans: readonly ImagePlan[]): void {
  // The images render in worker processes while the later jobs go on; each one's cache file is known
  // now, and the pass links it in only once it is there.
  const batch = renderOgImages(plans.map((plan) => plan.request));
  batch.images.forEach((image, index) => context.copy((plans[index] as ImagePlan).file, image.file));
  context.alongside('rendering', batch.done);
  const fresh = batch.images.filter((image) => !image.cached).length;
  const prefetched = batch.images.filter((image) => image.prefetched).length;
  const count = `${plans.length} image${plans.length === 1 ? '' : 's'}`;
  context.info(
    `${count} (${fresh} rendered, ${plans.length - fresh} from the cache; ` +
      `${prefetched} laid out by the workers as Astro rendered the pages)`,
  );
}

/**
 * The job: writes every share page, and links in every image they show, rendered (or taken from
 * the cache) by the image workers. Most of them started while Astro rendered the pages
 * (og-pool.ts), and the rest start here; they render while the later jobs run.
 */
export const sharePages: PostBuildJob = {
  name: 'share',
  async run(context: PassContext) {
    const plans: ImagePlan[] = [];
    let count = 0;
    const add = (preview: SharePreview) => {
      const file = `${preview.share.slice(1)}index.html`;
      if (context.pages.some((page) => page.file === file)) {
        context.fail(`${preview.share} is both a share page and a page of the site: rename the page`);
        return;
      }
      context.addPage(file, sharePageTree(preview, context.site, context.base));
      count++;
    };
    for (const shared of sharedPages(context.pages)) {
      if (!shared.edition && shared.path !== '/' && shareKey(shared.path) === HOME_KEY) {
        context.fail(`${shared.path}: its share key is "${HOME_KEY}", the home page's; rename the page`);
        continue;
      }
      // An edition's share pages show its page's own image (og:image, an absolute URL on this site).
      const root = absoluteUrl(context.site, context.base, '/');
      const image = shared.edition ? pageFacts(shared.page.tree).image : '';
      const pageImage = image.startsWith(root) ? `/${image.slice(root.length)}` : undefined;
      const { previews, images } = pagePreviews(shared, context.kubernetesVersion, pageImage);
      plans.push(...images);
      for (const preview of previews) {
        add(preview);
        // The current pages are also pinned to their edition (/v1.37/…), with the same images.
        if (!shared.edition) {
          const pinned = context.kubernetesVersion;
          add({
            ...preview,
            title: `${preview.title} · v${pinned} edition`,
            target: editionPath(preview.target, pinned),
            share: editionPath(preview.share, pinned),
          });
        }
      }
    }
    context.write(SHARE_CSS, shareCss());
    context.info(`${count} share pages`);
    // The workers have said where the images they laid out go, so the pass lays out only the rest.
    await ogPrefetchSettled();
    startImages(context, plans);
  },
};
