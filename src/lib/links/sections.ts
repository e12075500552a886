/**
 * The linkable places of a built page as sections with their own words: what a share page says
 * about a place (src/lib/output/share-pages.ts) and what an edition compares with the current
 * text (src/lib/links/edition-diff.ts). Everything is read from the page's syntax tree, so a
 * preview says exactly what the page says, in this edition or a pinned one.
 *
 * A place's kind comes from its element and the id scheme (anchors.ts): a heading (a decision
 * question or result when its id says so), a table row, cell or column, a note, a glossary term.
 * Ids that are not places (`main`, a caption) are left out.
 */
import type { Element, ElementContent, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { ID_PREFIX } from './anchors.ts';

export type SectionKind = 'heading' | 'step' | 'result' | 'row' | 'cell' | 'column' | 'note' | 'term';

export interface Section {
  id: string;
  kind: SectionKind;
  /** What the place is called, as its permalink names it: "Use cases", "StatefulSet · Storage". */
  label: string;
  /** The place's own words for a preview: a heading's first paragraphs, a cell's value and note. */
  summary: string;
  /** Everything the place says, whitespace-normalised, what it holds included (a section's subsections, a
   * row's cells): what an edition compares to tell the reader whether the place they followed changed. */
  content: string;
  /** The place's own words, without the places it holds (those are compared on their own): what an edition
   * marks as changed. A heading's text up to the next heading; a row's or column's label (its cells are marked). */
  words: string;
  /** The id whose social image the place uses: its own, or its row's (cells, notes). */
  image: string;
  /** Enclosing places, nearest first (a cell's row, a subsection's section): where a link goes when the id is gone. */
  parents: string[];
}

/** At most this many characters of summary (link previews show about two lines of it). */
export const SUMMARY_LENGTH = 300;

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements whose text is not content: controls, icons, scripts. */
const SKIPPED_TAGS = new Set(['svg', 'script', 'style', 'button', 'template', 'noscript', 'input', 'select', 'nav']);
/** Classes of the page furniture inside content: permalinks, citation chips, note numbers, screen-reader hints. */
const SKIPPED_CLASSES = ['anchors', 'cite', 'note-ref', 'sr-only'];
/** Elements that start a new run of text (a space between them when text is joined). */
const BLOCKS = new Set([
  'p',
  'li',
  'dd',
  'dt',
  'div',
  'td',
  'th',
  'tr',
  'pre',
  'figure',
  'section',
  'br',
  'blockquote',
]);

const classes = (element: Element): string[] => (element.properties.className as string[] | undefined) ?? [];
const isSkipped = (element: Element): boolean =>
  SKIPPED_TAGS.has(element.tagName) ||
  element.properties.dataJsOnly !== undefined ||
  // An edition's "changed in v1.37" markers (src/lib/output/editions.ts) are not the edition's words.
  element.properties.dataEditionMark !== undefined ||
  // What other Kubernetes versions would show (src/lib/versions/alternatives.ts): hidden, not the page's words.
  (element.properties.hidden !== undefined && element.properties.hidden !== false) ||
  classes(element).some((name) => SKIPPED_CLASSES.includes(name));
const clean = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .trim();
const isExternal = (node: ElementContent): boolean =>
  node.type === 'element' && node.tagName === 'a' && /^https?:/.test(String(node.properties.href ?? ''));

/** The content text of a subtree; `skip` drops more elements (a trailing source link). */
export function contentText(node: Element | Root, skip: (element: Element) => boolean = () => false): string {
  let out = '';
  const walk = (child: ElementContent | Root): void => {
    if (child.type === 'text') out += child.value;
    else if (child.type === 'element') {
      if (isSkipped(child) || skip(child)) return;
      // A span set as a block (a feature's line under a value) starts a run of text too.
      const block = BLOCKS.has(child.tagName) || classes(child).includes('block');
      if (block) out += ' ';
      for (const grandchild of child.children) walk(grandchild);
      if (block) out += ' ';
    } else if (child.type === 'root') for (const grandchild of child.children) walk(grandchild as ElementContent);
  };
  walk(node);
  return clean(out);
}

/** Shortens a summary to `SUMMARY_LENGTH`: at a sentence end when one is far enough in, else at a word, with "…". */
export function shorten(text: string, length = SUMMARY_LENGTH): string {
  if (text.length <= length) return text;
  // One character less, for the ellipsis.
  const cut = text.slice(0, length - 1);
  const sentence = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
  if (sentence >= length * 0.4) return cut.slice(0, sentence + 1);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:\s]+$/, '')}…`;
}

/** Parent links, so a walk can go up from any element. */
function parentsOf(root: Root): Map<Element, Element | undefined> {
  const parents = new Map<Element, Element | undefined>();
  const walk = (element: Element, parent: Element | undefined): void => {
    parents.set(element, parent);
    for (const child of element.children) if (child.type === 'element') walk(child, element);
  };
  for (const child of root.children) if (child.type === 'element') walk(child, undefined);
  return parents;
}

/** Elements of a subtree in document order. */
function elementsOf(element: Element): Element[] {
  const out: Element[] = [element];
  for (const child of element.children) if (child.type === 'element') out.push(...elementsOf(child));
  return out;
}

/** The permalink labels of a page: id → "Use cases" (from `aria-label="Permalink: Use cases"`). */
function permalinkLabels(main: Element): Map<string, string> {
  const labels = new Map<string, string>();
  for (const link of selectAll('.anchors > a[href^="#"]', main)) {
    const label = String(link.properties.ariaLabel ?? '').replace(/^Permalink:\s*/, '');
    if (label) labels.set(String(link.properties.href).slice(1), clean(label));
  }
  return labels;
}

/** The kind of a place by its element and id, or undefined when the id is not a place. */
function kindOf(element: Element, id: string, up: (element: Element) => Element[]): SectionKind | undefined {
  const tag = element.tagName;
  if (HEADINGS.has(tag))
    return id.startsWith(ID_PREFIX.question) ? 'step' : id.startsWith(ID_PREFIX.result) ? 'result' : 'heading';
  if (tag === 'tr') return 'row';
  if (tag === 'td') return 'cell';
  if (tag === 'th' && up(element).some((e) => e.tagName === 'thead')) return 'column';
  if (tag === 'li' && id.startsWith(ID_PREFIX.note)) return 'note';
  if (up(element).some((e) => e.tagName === 'dt')) return 'term';
  return undefined;
}

/** Reads every place of a built page, in document order. */
export function readSections(tree: Root): Section[] {
  const main = select('main', tree);
  if (!main) return [];
  const parents = parentsOf(tree);
  const up = (element: Element): Element[] => {
    const chain: Element[] = [];
    for (let parent = parents.get(element); parent; parent = parents.get(parent)) chain.push(parent);
    return chain;
  };
  const labels = permalinkLabels(main);
  const order = elementsOf(main);
  const byId = new Map(order.filter((e) => e.properties.id !== undefined).map((e) => [String(e.properties.id), e]));
  const headingLevel = (element: Element) => Number(element.tagName.slice(1));
  const sections: Section[] = [];

  /** The elements after a heading (its wrapper's contents excluded) up to the next heading that `stops`. */
  const after = (heading: Element, stops: (next: Element) => boolean): Element[] => {
    const wrapper = classes(parents.get(heading) ?? heading).includes('hx')
      ? (parents.get(heading) as Element)
      : heading;
    const inside = new Set(elementsOf(wrapper));
    const start = order.indexOf(wrapper);
    const out: Element[] = [];
    for (const element of order.slice(start + 1)) {
      if (inside.has(element)) continue;
      if (HEADINGS.has(element.tagName) && stops(element)) break;
      out.push(element);
    }
    return out;
  };
  // Elements that hold a heading (a heading's wrapper, a section) belong to more than one run: their
  // own parts are in the runs, not they.
  const holdsHeading = new Set<Element>();
  for (const element of order)
    if (HEADINGS.has(element.tagName)) for (const parent of up(element)) holdsHeading.add(parent);
  /** Text of the top-level elements in a run (descendants of an element in the run are covered by it). */
  const runText = (run: Element[], wanted: (element: Element) => boolean = () => true): string[] => {
    const keep = (element: Element) => wanted(element) && !holdsHeading.has(element);
    const inRun = new Set(run);
    return run
      .filter((element) => !up(element).some((parent) => inRun.has(parent) && keep(parent)) && keep(element))
      .map((element) => contentText(element))
      .filter(Boolean);
  };
  const columnLabel = (column: Element) => clean(String(column.properties.dataLabel ?? '')) || contentText(column);
  const rowLabel = (row: Element) => {
    const id = String(row.properties.id ?? '');
    const head = select('th', row);
    return labels.get(id) ?? (head ? contentText(head) : id);
  };
  /** The column header of a cell: the header cell at the same position in the table's head. */
  // Each table's header cells, found once: a page's every cell asks for its column.
  const headCells = new Map<Element, Element[]>();
  const columnOf = (cell: Element): Element | undefined => {
    const row = parents.get(cell);
    const table = up(cell).find((e) => e.tagName === 'table');
    if (!row || !table) return undefined;
    const index = row.children.filter((c) => c.type === 'element').indexOf(cell);
    let head = headCells.get(table);
    if (!head) {
      head = selectAll('thead tr', table)[0]?.children.filter((c): c is Element => c.type === 'element') ?? [];
      headCells.set(table, head);
    }
    return head[index];
  };
  const noteOf = (cell: Element): Element | undefined => {
    const ref = selectAll(`a[href^="#${ID_PREFIX.note}"]`, cell)[0];
    return ref ? byId.get(String(ref.properties.href).slice(1)) : undefined;
  };
  /** A note's or term's words without its trailing source link and its cell label. */
  const ownWords = (element: Element) =>
    contentText(
      element,
      (e) => classes(e).includes('note-cell') || (isExternal(e) && parents.get(e) === element),
    ).replace(/^:\s*/, '');
  const placeParents = (element: Element): string[] =>
    up(element)
      .map((e) => String(e.properties.id ?? ''))
      .filter((id) => id && id !== 'main' && byId.has(id));

  for (const element of order) {
    if (element.properties.id === undefined) continue;
    const id = String(element.properties.id);
    const kind = kindOf(element, id, up);
    if (!kind) continue;
    const base = { id, kind, image: id, parents: placeParents(element) };
    if (kind === 'heading' || kind === 'step' || kind === 'result') {
      const level = headingLevel(element);
      const own = after(element, () => true);
      const whole = after(element, (next) => headingLevel(next) <= level);
      const summary =
        kind === 'result'
          ? runText(own.filter((e) => e.tagName === 'dd')).slice(0, 1)
          : kind === 'step'
            ? runText(own.filter((e) => e.tagName === 'p')).slice(0, 1)
            : runText(own, (e) => ['p', 'ul', 'ol', 'dl'].includes(e.tagName));
      // A subsection's way back is the section above it.
      const above = order
        .slice(0, order.indexOf(element))
        .reverse()
        .find((e) => HEADINGS.has(e.tagName) && headingLevel(e) < level && e.properties.id !== undefined);
      sections.push({
        ...base,
        label: labels.get(id) ?? contentText(element),
        summary: shorten(summary.join(' ')),
        content: clean(`${contentText(element)} ${runText(whole).join(' ')}`),
        words: clean(`${contentText(element)} ${runText(own).join(' ')}`),
        parents: [...base.parents, ...(above ? [String(above.properties.id)] : [])],
      });
    } else if (kind === 'row') {
      const cells = selectAll('td', element);
      const pairs = cells.map((cell) => {
        const column = columnOf(cell);
        return `${column ? columnLabel(column) : ''}: ${contentText(cell)}`;
      });
      const notes = cells.flatMap((cell) => {
        const note = noteOf(cell);
        return note ? [ownWords(note)] : [];
      });
      sections.push({
        ...base,
        label: rowLabel(element),
        summary: shorten(pairs.join('; ')),
        content: clean(`${rowLabel(element)} ${pairs.join(' ')} ${notes.join(' ')}`),
        words: rowLabel(element),
      });
    } else if (kind === 'cell') {
      const row = parents.get(element);
      const column = columnOf(element);
      const note = noteOf(element);
      const value = contentText(element);
      const words = clean(`${value}${/[.!?]$/.test(value) ? '' : '.'} ${note ? ownWords(note) : ''}`);
      sections.push({
        ...base,
        label: `${row ? rowLabel(row) : ''} · ${column ? columnLabel(column) : ''}`,
        summary: shorten(words),
        content: words,
        words,
        image: row?.properties.id !== undefined ? String(row.properties.id) : id,
      });
    } else if (kind === 'column') {
      const table = up(element).find((e) => e.tagName === 'table');
      const defined = selectAll(`dt a[href="#${id}"]`, main)[0];
      const dt = defined && up(defined).find((e) => e.tagName === 'dt');
      const siblings = dt ? (parents.get(dt)?.children ?? []) : [];
      const dd = siblings
        .slice(siblings.indexOf(dt as Element))
        .find((c) => c.type === 'element' && c.tagName === 'dd');
      const question = clean(String(element.properties.title ?? '')) || (dd ? contentText(dd as Element) : '');
      const index =
        parents
          .get(element)
          ?.children.filter((c) => c.type === 'element')
          .indexOf(element) ?? -1;
      const values = table
        ? selectAll('tbody tr', table).map((row) => {
            const cell = row.children.filter((c): c is Element => c.type === 'element')[index];
            return cell ? `${rowLabel(row)}: ${contentText(cell)}` : '';
          })
        : [];
      sections.push({
        ...base,
        label: columnLabel(element),
        summary: shorten(question),
        content: clean(`${columnLabel(element)} ${question} ${values.join(' ')}`),
        words: clean(`${columnLabel(element)} ${question}`),
      });
    } else if (kind === 'note') {
      const cellLink = selectAll('a[href^="#"]', element)[0];
      const cell = cellLink ? byId.get(String(cellLink.properties.href).slice(1)) : undefined;
      const row = cell && parents.get(cell);
      const label = cellLink ? contentText(cellLink) : id;
      sections.push({
        ...base,
        label: `Note on ${label}`,
        summary: shorten(ownWords(element)),
        content: contentText(element),
        words: contentText(element),
        image: row?.properties.id !== undefined ? String(row.properties.id) : id,
        parents: [...(cell ? [String(cell.properties.id)] : []), ...base.parents],
      });
    } else {
      const dt = up(element).find((e) => e.tagName === 'dt') as Element;
      const siblings = parents.get(dt)?.children ?? [];
      const dd = siblings
        .slice(siblings.indexOf(dt))
        .find((c): c is Element => c.type === 'element' && c.tagName === 'dd');
      sections.push({
        ...base,
        label: labels.get(id) ?? contentText(element),
        summary: shorten(dd ? ownWords(dd) : ''),
        content: clean(`${contentText(element)} ${dd ? contentText(dd) : ''}`),
        words: clean(`${contentText(element)} ${dd ? contentText(dd) : ''}`),
      });
    }
  }
  return sections;
}

const readOnce = new WeakMap<Root, Section[]>();

/**
 * `readSections`, read once per tree: several post-build jobs read the same page's places (the
 * editions to compare them, the share pages to preview them), and none of them changes what a
 * place says (an edition's markers are not its words).
 */
export function sectionsOf(tree: Root): Section[] {
  let sections = readOnce.get(tree);
  if (!sections) {
    sections = readSections(tree);
    readOnce.set(tree, sections);
  }
  return sections;
}
