/**
 * Post-build job: pinned editions. When the site moves to a new Kubernetes review, the previous
 * one stays published, complete and unchanged in meaning, under its version (`/v1.36/`): the
 * edition's built site is kept in editions/<version>/ (its README says how it was made) and copied
 * into the build here. And the current pages also answer under the current version (`/v1.37/…`,
 * noindex, canonical to the page), so a link copied as pinned still says the same next year, when
 * that folder becomes an edition of its own.
 *
 * Each edition page
 * - keeps its HTML, CSS and scripts; its addresses move under the build's base path and site URL
 *   (the edition was built under its version folder with a placeholder site URL);
 * - is `noindex` and out of the search index; its search box searches the current edition;
 * - gets a banner naming the edition (reviewed against, on) that links the same place in the
 *   current edition: the page without JavaScript, the reader's place (`#id`) with it
 *   (src/browser/edition.ts), saying whether that place changed;
 * - marks each place whose words differ in the current edition (src/lib/links/edition-diff.ts),
 *   linking the place as it is now, or the closest place when it is gone;
 * - loads its table code when the table is first used, as the current table does
 *   (src/browser/compare-boot.ts), so it stays within the JavaScript budget.
 * Banner and markers use only classes the edition's own stylesheets have (its header and footer
 * use them on every page); the job fails when one is missing, rather than ship them unstyled.
 */
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { currentPage, diffEditionPage, type PlaceDiff, type SiteText } from '../links/edition-diff.ts';
import { readPageIds } from '../links/page-ids.ts';
import type { Aliases, Registry } from '../links/registry.ts';
import { sectionsOf, type Section } from '../links/sections.ts';
import { editionPath, editionPrefix } from '../links/share.ts';
import { absoluteUrl, withBase } from '../links/urls.ts';
import { parsePage, type BuiltPage } from './built-pages.ts';
import { pruneCss } from './css-prune.ts';
import type { OutputFolder, PassContext, PostBuildJob } from './post-build.ts';
import { h } from './share-pages.ts';
import { pageAliases } from './share-previews.ts';

/** A pinned edition, as kept in editions/<version>/ (edition.json, anchors.json and the built site). */
export interface Edition {
  /** Kubernetes minor it was reviewed against: "1.36". */
  version: string;
  /** Day of that review: "2026-11-29". */
  reviewedOn: string;
  /** Base path it was built under: "/v1.36/". */
  base: string;
  /** Site URL it was built with, a placeholder that this job replaces: "https://edition.invalid". */
  origin: string;
  /** Its built files. */
  files: OutputFolder;
  /** Its id registry (its tests/anchors.json): every id it published. */
  registry: Registry;
}

/** The script of edition pages (src/browser/edition.ts, built by src/pages/scripts/[name].js.ts). */
export const EDITION_SCRIPT = '/scripts/edition.js';

/** Classes the banner and the markers use; each must have a rule in every edition page's stylesheets. */
const BANNER_CLASSES = ['border-b', 'border-line', 'mx-auto', 'max-w-6xl', 'px-4', 'py-3', 'text-sm', 'text-muted'];
const MARK_CLASSES = ['text-sm', 'text-muted'];

const elementsOf = (node: Element | Root): Element[] =>
  node.children.flatMap((child) => (child.type === 'element' ? [child, ...elementsOf(child)] : []));

/** The places and ids of the current pages, and their aliases, as the built pages state them. */
export function currentText(pages: readonly BuiltPage[], base: string): { text: SiteText; aliases: Aliases } {
  const sections = new Map<string, Section[]>();
  const ids = new Map<string, Set<string>>();
  const aliases: Aliases = { anchors: [], pages: [] };
  const sitePath = (url: string) => (url.startsWith(base) ? `/${url.slice(base.length)}` : url);
  for (const page of pages) {
    if (select('html', page.tree)?.properties.dataEdition !== undefined) continue;
    const to = select('script[data-to]', page.tree)?.properties.dataTo;
    if (page.noindex && to !== undefined) aliases.pages.push({ from: page.path, to: sitePath(String(to)) });
    if (page.noindex) continue;
    sections.set(page.path, sectionsOf(page.tree));
    ids.set(page.path, new Set(readPageIds(page.tree).ids));
    for (const [from, target] of Object.entries(pageAliases(page.tree)))
      aliases.anchors.push({ page: page.path, from, to: target });
  }
  return { text: { sections, ids }, aliases };
}

/** Rewrites an edition's addresses: its base and placeholder site URL become the build's. */
export function rebaser(edition: Edition, site: URL, base: string): (value: string) => string {
  const prefix = editionPrefix(edition.version);
  const absolute = `${edition.origin}${edition.base}`;
  return (value) => {
    if (value.startsWith(absolute)) return absoluteUrl(site, base, `${prefix}/${value.slice(absolute.length)}`);
    if (value.startsWith(edition.base)) return withBase(base, `${prefix}/${value.slice(edition.base.length)}`);
    return value;
  };
}

/** Applies `rebase` to every address in a page: attributes, and the URL of a meta refresh. */
function rebaseTree(tree: Root, rebase: (value: string) => string): void {
  for (const element of elementsOf(tree)) {
    for (const [name, value] of Object.entries(element.properties)) {
      if (typeof value === 'string') element.properties[name] = rebase(value);
    }
    const refresh = /^(\s*\d+\s*;\s*url=)(.*)$/i.exec(String(element.properties.content ?? ''));
    if (element.tagName === 'meta' && String(element.properties.httpEquiv).toLowerCase() === 'refresh' && refresh)
      element.properties.content = `${refresh[1]}${rebase(refresh[2] as string)}`;
  }
}

const ruleCache = new Map<string, boolean>();
/** Each stylesheet with every class kept: what pruning one class away is compared with. */
const unpruned = new Map<string, string>();
/** Does the stylesheet have a rule that needs `className`? (It does when pruning the class away changes it.) */
function hasRuleFor(css: string, className: string): boolean {
  const key = `${className}\n${css}`;
  let found = ruleCache.get(key);
  if (found === undefined) {
    let whole = unpruned.get(css);
    if (whole === undefined) {
      whole = pruneCss(css, () => true);
      unpruned.set(css, whole);
    }
    found = pruneCss(css, (name) => name !== className) !== whole;
    ruleCache.set(key, found);
  }
  return found;
}

/** The marker put at a place whose words differ now. */
function marker(diff: PlaceDiff, base: string, current: string): Element {
  const target = withBase(base, `${diff.page}${diff.id ? `#${diff.id}` : ''}`);
  const text = diff.status === 'gone' ? `not in v${current}` : `changed in v${current}`;
  return h('a', { href: target, className: [...MARK_CLASSES], dataEditionMark: '' }, text);
}

/** Where a place's marker goes: beside a heading's permalink, else at the end of the place. */
function markerParent(element: Element, parents: Map<Element, Element>): Element {
  const parent = parents.get(element);
  return /^h[1-6]$/.test(element.tagName) && parent ? parent : element;
}

/** The banner of one edition page. */
function banner(
  edition: Edition,
  current: string,
  base: string,
  home: string,
  diffs: ReadonlyMap<string, PlaceDiff>,
): Element {
  const ids: Record<string, string> = {};
  for (const [id, diff] of diffs) {
    const state = diff.status === 'same' ? 's' : diff.status === 'changed' ? 'c' : 'g';
    const implied = diff.page === home && diff.id === id;
    ids[id] = implied ? state : `${state} ${withBase(base, `${diff.page}${diff.id ? `#${diff.id}` : ''}`)}`;
  }
  return h(
    'div',
    {
      className: ['border-b', 'border-line'],
      dataEditionBanner: '',
      dataEditionNow: current,
      dataEditionIds: JSON.stringify(ids),
    },
    h(
      'p',
      { className: ['mx-auto', 'max-w-6xl', 'px-4', 'py-3', 'text-sm', 'text-muted'] },
      h('strong', {}, `v${edition.version} edition`),
      `: this page as reviewed against Kubernetes v${edition.version} on `,
      h('time', { dateTime: edition.reviewedOn }, edition.reviewedOn),
      ', kept unchanged. ',
      h('span', { dataEditionStatus: '' }),
      h('a', { href: withBase(base, home), dataEditionCurrent: '' }, `Read the current edition (v${current})`),
    ),
  );
}

/** The job for the given editions (read from editions/ by the integration). */
export function editionsJob(editions: readonly Edition[]): PostBuildJob {
  return {
    name: 'editions',
    async run(context: PassContext) {
      const now = context.kubernetesVersion;
      const { text, aliases } = currentText(context.pages, context.base);

      // The current pages under their own edition's address: canonical to the page, out of every index.
      const publicPages = context.pages.filter((page) => !page.noindex);
      for (const page of publicPages) {
        const copy = parsePage(page.file, page.html);
        keepOutOfIndexes(copy.tree);
        context.addPage(`${editionPrefix(now).slice(1)}/${page.file}`, copy.tree);
      }

      for (const edition of editions) await copyEdition(context, edition, text, aliases);
    },
  };
}

/**
 * Holds an edition page's first paint until its body is parsed, as the current layout does
 * (src/layouts/Base.astro): a render-blocking "expect" link to the body's last element with an
 * id, so a table does not reflow as its rows stream in. Pages built with one keep theirs.
 */
export function holdFirstPaint(tree: Root): void {
  const head = select('head', tree);
  const body = select('body', tree);
  if (!head || !body || select('link[rel~="expect"]', head)) return;
  const last = body.children.filter((child): child is Element => child.type === 'element' && !!child.properties.id);
  const id = last.at(-1)?.properties.id;
  if (id === undefined) return;
  const link = h('link', { rel: ['expect'], href: `#${String(id)}`, blocking: ['render'] });
  const scriptAt = head.children.findIndex((child) => child.type === 'element' && child.tagName === 'script');
  head.children.splice(scriptAt < 0 ? head.children.length : scriptAt, 0, link);
}

/** Marks a page `noindex` and takes it out of the search index. */
function keepOutOfIndexes(tree: Root): void {
  const head = select('head', tree);
  let robots = select('meta[name="robots"]', tree);
  if (!robots && head) {
    robots = h('meta', { name: 'robots', content: 'noindex' });
    head.children.splice(1, 0, robots);
  }
  if (robots) robots.properties.content = 'noindex';
  const main = select('main', tree);
  if (main) delete main.properties.dataPagefindBody;
}

async function copyEdition(context: PassContext, edition: Edition, text: SiteText, aliases: Aliases): Promise<void> {
  const { base, site } = context;
  const now = context.kubernetesVersion;
  const prefix = editionPrefix(edition.version);
  const rebase = rebaser(edition, site, base);
  const absolute = `${edition.origin}${edition.base}`;
  const files = await edition.files.list();
  const pages: BuiltPage[] = [];

  // Read all at once: one read after another waited on a busy build's event loop each time.
  const contents = await Promise.all(files.map((file) => edition.files.read(file)));
  for (const [index, file] of files.entries()) {
    const bytes = contents[index];
    if (!bytes) continue;
    const out = `${prefix.slice(1)}/${file}`;
    if (file.endsWith('.html')) {
      // Addresses, the edition mark and noindex first: the pass reads a page's noindex when it is added.
      const source = parsePage(out, new TextDecoder().decode(bytes));
      rebaseTree(source.tree, rebase);
      const html = select('html', source.tree);
      if (html) html.properties.dataEdition = edition.version;
      keepOutOfIndexes(source.tree);
      holdFirstPaint(source.tree);
      // The search box searches the current edition: editions are not indexed.
      const body = select('body', source.tree);
      if (body && body.properties.dataBase !== undefined) body.properties.dataBase = base;
      const page = context.addPage(out, source.tree);
      page.changed = true;
      pages.push(page);
    } else if (/\.(md|txt)$/.test(file)) {
      // Text files (the Markdown twins) name the edition by its absolute address.
      const source = new TextDecoder().decode(bytes);
      context.write(out, source.split(absolute).join(absoluteUrl(site, base, `${prefix}/`)));
    } else context.write(out, bytes);
  }

  const withMain = pages.filter((page) => select('main', page.tree));
  const scriptsOf = (page: BuiltPage) =>
    selectAll('script[type="module"][src]', page.tree).map((script) => String(script.properties.src));
  const everywhere = withMain
    .map(scriptsOf)
    .reduce<string[]>((common, srcs, index) => (index ? common.filter((src) => srcs.includes(src)) : srcs), []);

  let changed = 0;
  let gone = 0;
  let places = 0;
  for (const page of withMain) {
    const path = page.path.slice(prefix.length);
    const sections = sectionsOf(page.tree);
    const diffs = diffEditionPage(path, sections, text, aliases);
    const home = currentPage(path, text, aliases).page;
    places += sections.length;
    let marked = false;

    // Markers at the places that say something else now.
    const parents = new Map<Element, Element>();
    for (const element of elementsOf(page.tree))
      for (const child of element.children) if (child.type === 'element') parents.set(child, element);
    const byId = new Map(
      elementsOf(page.tree).flatMap((e) => (e.properties.id !== undefined ? [[String(e.properties.id), e]] : [])),
    );
    for (const [id, diff] of diffs) {
      if (diff.status === 'changed') changed++;
      if (diff.status === 'gone') gone++;
      const element = byId.get(id);
      if (!diff.marked || !element) continue;
      markerParent(element, parents).children.push({ type: 'text', value: ' ' }, marker(diff, base, now));
      marked = true;
    }

    const header = select('header', page.tree) ?? select('body', page.tree);
    header?.children.unshift(banner(edition, now, base, home, diffs));

    // The table's code loads on first use (src/browser/compare-boot.ts reads data-src).
    const table = select('k8s-compare:not([data-src])', page.tree);
    const own = scriptsOf(page).filter((src) => !everywhere.includes(src));
    if (table && own.length === 1) {
      table.properties.dataSrc = own[0];
      for (const script of selectAll('script[type="module"][src]', page.tree))
        if (script.properties.src === own[0]) {
          const parent = parents.get(script);
          if (parent) parent.children = parent.children.filter((child) => child !== script);
        }
    }
    const body = select('body', page.tree);
    body?.children.push(h('script', { type: 'module', src: withBase(base, EDITION_SCRIPT) }));

    // Banner and markers need the edition's own rules for their classes.
    const css = (
      await Promise.all(
        selectAll('link[rel~="stylesheet"][href]', page.tree).map(async (link) => {
          const href = String(link.properties.href);
          const file = href.startsWith(base) ? href.slice(base.length) : href;
          return (await context.readText(file)) ?? '';
        }),
      )
    ).join('\n');
    const needed = new Set([...BANNER_CLASSES, ...(marked ? MARK_CLASSES : [])]);
    for (const className of needed)
      if (!hasRuleFor(css, className))
        context.fail(
          `${page.path}: the edition's stylesheet has no rule for "${className}", which the edition banner uses: ` +
            'use classes the edition pages already style (src/lib/output/editions.ts)',
        );
  }

  // Every id the edition published must still be there.
  for (const [page, ids] of Object.entries(edition.registry)) {
    const built = withMain.find((candidate) => candidate.path === editionPath(page, edition.version));
    const present = new Set(built ? readPageIds(built.tree).ids : []);
    const missing = ids.filter((id) => !present.has(id));
    if (missing.length)
      context.fail(
        `${editionPath(page, edition.version)}: ids of the edition's registry are missing: ${missing.join(', ')}`,
      );
  }
  context.info(
    `v${edition.version}: ${pages.length} pages, ${places} places, ${changed} changed and ${gone} gone in v${now}`,
  );
}
