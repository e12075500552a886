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
import { select } from 'hast-util-select';
import { WORKLOAD_IDS, type WorkloadId } from '../content/model.ts';
import { siteColour } from '../design/tokens.ts';
import { ID_PREFIX } from '../links/anchors.ts';
import { readSections, type Section } from '../links/sections.ts';
import { editionPath, editionPrefix, HOME_KEY, shareKey, sharePath } from '../links/share.ts';
import { absoluteUrl, withBase } from '../links/urls.ts';
import type { BuiltPage } from './built-pages.ts';
import { OG_HEIGHT, OG_WIDTH, type OgSite, type OgSpec } from './og.ts';
import { renderOgImages, type OgRequest } from './og-pool.ts';
import type { PassContext, PostBuildJob } from './post-build.ts';
import { THEME_INIT_SCRIPT } from './theme-init.ts';

/** The stylesheet every share page links, relative to the output folder. */
export const SHARE_CSS = 's/share.css';

/** The site folder of the share pages' own social images. */
export const SHARE_IMAGES = '/og/s/';

/** A page that share pages are made for: a built page with its place in the site. */
export interface SharedPage {
  page: BuiltPage;
  /** Its path in its edition: "/compare/" for "/v1.36/compare/". */
  path: string;
  /** The pinned edition it belongs to, or undefined for the current pages. */
  edition?: string;
}

/** What one share page says, before it is written. */
export interface SharePreview {
  /** "StatefulSet › Storage", and " · v1.36 edition" in a pinned edition. */
  title: string;
  description: string;
  /** Site path the share page sends people to: "/workloads/statefulset/#storage". */
  target: string;
  /** Site path of the page itself (canonical). */
  page: string;
  /** Site path of the share page. */
  share: string;
  /** Site path of the image. */
  image: string;
  imageAlt: string;
  siteName: string;
}

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

/** The share pages' stylesheet: the site's background in each scheme, the saved choice first. */
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
    '',
  ].join('\n');
}

/** The workload a place is about, for its image's mark: the page's, or the row's or result's. */
function workloadOf(path: string, id: string): WorkloadId | undefined {
  const known = (value: string | undefined) => WORKLOAD_IDS.find((w) => w === value);
  return (
    known(/^\/workloads\/([^/]+)\/$/.exec(path)?.[1]) ??
    known(id) ??
    (id.startsWith(ID_PREFIX.result) ? known(id.slice(ID_PREFIX.result.length)) : undefined)
  );
}

/** A page's facts as it states them: title (its `<main data-title>`), description, site name, image. */
function pageFacts(tree: Root): {
  title: string;
  description: string;
  siteName: string;
  image: string;
  imageAlt: string;
} {
  const content = (selector: string) => String(select(selector, tree)?.properties.content ?? '');
  return {
    title: String(select('main', tree)?.properties.dataTitle ?? ''),
    description: content('meta[name="description"]'),
    siteName: content('meta[property="og:site_name"]'),
    image: content('meta[property="og:image"]'),
    imageAlt: content('meta[property="og:image:alt"]'),
  };
}

/** The anchor aliases a page carries (`<main data-aliases>`, set from src/content/aliases.yaml): old id → new id. */
export function pageAliases(tree: Root): Record<string, string> {
  try {
    const parsed = JSON.parse(String(select('main', tree)?.properties.dataAliases ?? '{}')) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {};
  }
}

/** Social images of one set of pages: where each goes, and what to draw. */
interface ImagePlan {
  file: string;
  request: OgRequest;
}

/**
 * The previews of one page's places (and of its renamed ids), with the images they need. A page of
 * a pinned edition has `pageImage`, the site path of its own social image, which its share pages
 * show: the edition keeps its images, and none of them is rendered again.
 */
export function pagePreviews(
  shared: SharedPage,
  kubernetesVersion: string,
  pageImage?: string,
  sections: readonly Section[] = readSections(shared.page.tree),
): { previews: SharePreview[]; images: ImagePlan[] } {
  const { page, path, edition } = shared;
  const facts = pageFacts(page.tree);
  const key = shareKey(path);
  const byId = new Map(sections.map((section) => [section.id, section]));
  const suffix = edition ? ` · v${edition} edition` : '';
  const site: OgSite = { name: facts.siteName, kubernetesVersion };
  const images = new Map<string, ImagePlan>();
  const imageOf = (section: Section): { path: string; alt: string } => {
    if (pageImage) return { path: pageImage, alt: facts.imageAlt || facts.title };
    const source = byId.get(section.image) ?? section;
    const file = `${SHARE_IMAGES}${key}/${source.id}.png`;
    const title = source.label || facts.title;
    if (!images.has(file)) {
      const spec: OgSpec = {
        title,
        description: source.summary || facts.description,
        eyebrow: facts.title,
        workload: workloadOf(path, source.id),
      };
      images.set(file, { file: file.slice(1), request: { spec, site } });
    }
    return { path: file, alt: `${title}: ${facts.title}` };
  };
  const preview = (section: Section, id: string): SharePreview => {
    const image = imageOf(section);
    const title = section.label && section.label !== facts.title ? `${facts.title} › ${section.label}` : facts.title;
    return {
      title: `${title}${suffix}`,
      description: section.summary || facts.description,
      target: `${editionPath(path, edition)}#${section.id}`,
      page: editionPath(path, edition),
      share: sharePath(path, id, edition),
      image: image.path,
      imageAlt: image.alt,
      siteName: facts.siteName,
    };
  };
  const previews = sections.map((section) => preview(section, section.id));
  // An id renamed by an anchor alias keeps its share URL: it shows and lands on the new place.
  for (const [from, to] of Object.entries(pageAliases(page.tree))) {
    const section = byId.get(to);
    if (section && !byId.has(from)) previews.push(preview(section, from));
  }
  return { previews, images: [...images.values()] };
}

/** The pages share pages are made for: the current public pages and the pages of pinned editions. */
export function sharedPages(pages: readonly BuiltPage[]): SharedPage[] {
  const shared: SharedPage[] = [];
  for (const page of pages) {
    // Pages of a pinned edition carry its version on <html data-edition> (set by editions.ts).
    const edition = select('html', page.tree)?.properties.dataEdition;
    if (edition !== undefined) {
      const prefix = editionPrefix(String(edition));
      // An edition's own redirect pages have no places; its pages have a <main>.
      if (page.path.startsWith(`${prefix}/`) && select('main', page.tree))
        shared.push({ page, path: page.path.slice(prefix.length), edition: String(edition) });
    } else if (!page.noindex) shared.push({ page, path: page.path });
  }
  return shared;
}

type Previews = ReturnType<typeof pagePreviews>;

/** The previews `shareImages` made in a pass, by page: kept per pass (by its page list), so passes never share them. */
const early = new WeakMap<readonly BuiltPage[], Map<BuiltPage, Previews>>();

/** Starts rendering (or takes from the cache) the images of `plans`, and links each into the output. */
function startImages(context: PassContext, plans: readonly ImagePlan[]): void {
  // The images render in worker processes while the later jobs go on; each one's cache file is known
  // now, and the pass links it in only once it is there.
  const batch = renderOgImages(plans.map((plan) => plan.request));
  batch.images.forEach((image, index) => context.copy((plans[index] as ImagePlan).file, image.file));
  context.alongside('rendering', batch.done);
  const fresh = batch.images.filter((image) => !image.cached).length;
  const count = `${plans.length} image${plans.length === 1 ? '' : 's'}`;
  context.info(`${count} (${fresh} rendered, ${plans.length - fresh} from the cache)`);
}

/**
 * The first job of the pass: starts the current pages' social images, which take most of the
 * pass's time, so that they render while the jobs before the share pages (the editions) and
 * after them run. Editions need no image of their own: their share pages show their pages' images.
 */
export const shareImages: PostBuildJob = {
  name: 'images',
  run(context: PassContext) {
    const previews = new Map<BuiltPage, Previews>();
    for (const shared of sharedPages(context.pages))
      if (!shared.edition) previews.set(shared.page, pagePreviews(shared, context.kubernetesVersion));
    early.set(context.pages, previews);
    startImages(
      context,
      [...previews.values()].flatMap((page) => page.images),
    );
  },
};

/**
 * The job: writes every share page, and renders (or takes from the cache) every image they show
 * that `shareImages`, when it ran earlier in the pass, did not start.
 */
export const sharePages: PostBuildJob = {
  name: 'share',
  run(context: PassContext) {
    const started = early.get(context.pages);
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
      const known = started?.get(shared.page);
      const { previews, images } = known ?? pagePreviews(shared, context.kubernetesVersion, pageImage);
      if (!known) plans.push(...images);
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
    if (plans.length || !started) startImages(context, plans);
    context.info(`${count} share pages`);
  },
};
