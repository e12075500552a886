/**
 * What each share page says and shows, read from a built page: its places' previews (title, own
 * words, image) and the social images they need. The share-page jobs (share-pages.ts) write them;
 * the image workers (og-worker.ts) read the same previews from each page as Astro renders it, so
 * the images can start before the post-build pass (og-pool.ts). Pure: a page in, its previews out.
 */
import type { Root } from 'hast';
import { select } from 'hast-util-select';
import { WORKLOAD_IDS, type WorkloadId } from '../content/model.ts';
import { ID_PREFIX } from '../links/anchors.ts';
import { sectionsOf, type Section } from '../links/sections.ts';
import { editionPath, editionPrefix, shareKey, sharePath } from '../links/share.ts';
import type { BuiltPage } from './built-pages.ts';
import type { OgRequest, OgSite, OgSpec } from './og.ts';

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
export function pageFacts(tree: Root): {
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
export interface ImagePlan {
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
  sections: readonly Section[] = sectionsOf(shared.page.tree),
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

/** The social images a current public page's share pages show (none for other pages), in order. */
export function pageImageRequests(page: BuiltPage, kubernetesVersion: string): OgRequest[] {
  return sharedPages([page])
    .filter((shared) => !shared.edition)
    .flatMap((shared) => pagePreviews(shared, kubernetesVersion).images.map((image) => image.request));
}
