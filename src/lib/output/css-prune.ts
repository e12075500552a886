/**
 * Per-page stylesheets: the site's one stylesheet, reduced to the rules a page can use.
 *
 * A page uses well under half of the site's rules (the decision guide needs no table styles, a
 * workload page no stepper styles), and every page has a CSS budget (budget.ts).
 * A rule stays when every class and every element its selector names occurs on the page, in the
 * scripts the page loads, or in the always-kept list (classes that scripts add at run time);
 * what a selector does not require (inside :not(), one alternative of :is()/:where()) does not
 * count, and rules for attributes, :root or the document always stay. The input is minified CSS
 * as Tailwind and Lightning CSS emit it.
 */

/** Class names a selector needs, unescaped (`.hover\:bg-sunken:hover` → `hover:bg-sunken`). */
export function selectorClasses(selector: string): string[] {
  return [...optionalPartsRemoved(selector).matchAll(/\.((?:\\.|[\w-])+)/g)].map((m) =>
    (m[1] as string).replace(/\\(.)/g, '$1'),
  );
}

/**
 * A selector without the parts that need not be present for it to match: whatever is inside
 * :not(...), and each alternative of a list inside :is(...) or :where(...) (one is enough, so none
 * is required); attribute selectors are emptied, as their values are not classes or elements.
 */
function optionalPartsRemoved(selector: string): string {
  return selector
    .replace(/(?<!\\)\[(?:[^\]"']|"[^"]*"|'[^']*')*\]/g, '[]') // attribute values may hold anything
    .replace(/:not\((?:[^()]|\([^()]*\))*\)/g, '')
    .replace(/:(?:is|where)\(((?:[^()]|\([^()]*\))*)\)/g, (whole, inner: string) =>
      splitSelectors(inner).length > 1 ? '' : whole,
    );
}

/**
 * Element names a selector needs, lower-cased (`.x :where(blockquote) p::marker` → blockquote, p),
 * with the same allowance for :not(), :is() and :where() as `selectorClasses`.
 */
export function selectorElements(selector: string): string[] {
  const positive = optionalPartsRemoved(selector)
    .replace(/(?<!\\)\[\]/g, '')
    .replace(/[.#](?:\\.|[\w-])+/g, '') // classes and ids, escapes included
    .replace(/:(?:is|where)\(((?:[^()]|\([^()]*\))*)\)/g, ' $1 ')
    .replace(/::?[\w-]+\((?:[^()]|\([^()]*\))*\)/g, '') // :nth-child(odd), :lang(en), ...
    .replace(/::?[\w-]+/g, '');
  return [...positive.matchAll(/[a-zA-Z][\w-]*/g)].map((m) => m[0].toLowerCase());
}

/** Splits at top-level commas (not inside parentheses or brackets). */
function splitSelectors(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === '\\') i++;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts;
}

/** Index of the brace that closes the block opened at `open`, skipping strings and escapes. */
function closingBrace(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    const ch = css[i];
    if (ch === '\\') i++;
    else if (ch === '"' || ch === "'") {
      const end = css.indexOf(ch, i + 1);
      i = end < 0 ? css.length : end;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return css.length - 1;
}

/** At-rules whose block holds rules: rewritten inside, and dropped when nothing is left in them. */
const GROUPING = /^@(media|supports|layer|container|scope)\b/;

/**
 * A stylesheet rewritten rule by rule, for the pruning below: statements without a block
 * (`@layer a, b;`, `@import ...;`) are kept as written, grouping rules (`@media`, `@supports`, …)
 * are rewritten inside and dropped when emptied, and every other rule goes to `rule` with its
 * prelude and body, which returns what to keep of it ('' drops it).
 */
function rewriteRules(css: string, rule: (prelude: string, body: string) => string): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const brace = css.indexOf('{', i);
    const semicolon = css.indexOf(';', i);
    if (semicolon >= 0 && (brace < 0 || semicolon < brace) && css.slice(i, semicolon).trim().startsWith('@')) {
      out += css.slice(i, semicolon + 1);
      i = semicolon + 1;
      continue;
    }
    if (brace < 0) break;
    const end = closingBrace(css, brace);
    const prelude = css.slice(i, brace).trim();
    const body = css.slice(brace + 1, end);
    i = end + 1;
    if (GROUPING.test(prelude)) {
      const inner = rewriteRules(body, rule);
      if (inner.trim()) out += `${prelude}{${inner}}`;
    } else out += rule(prelude, body);
  }
  return out;
}

/**
 * Removes the rules that cannot apply to a page: those naming a class (`has`) or an element
 * (`hasElement`) the page does not have.
 */
export function pruneCss(
  css: string,
  has: (className: string) => boolean,
  hasElement: (tagName: string) => boolean = () => true,
): string {
  return rewriteRules(css, (prelude, body) => {
    // @property, @keyframes, @font-face: kept as they are.
    if (prelude.startsWith('@')) return `${prelude}{${body}}`;
    const kept = splitSelectors(prelude).filter(
      (selector) => selectorClasses(selector).every(has) && selectorElements(selector).every(hasElement),
    );
    return kept.length ? `${kept.join(',')}{${body}}` : '';
  });
}

/** Splits a declaration block at its top-level semicolons (not inside parentheses or strings). */
function declarations(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') i++;
    else if (ch === '"' || ch === "'") {
      const end = body.indexOf(ch, i + 1);
      i = end < 0 ? body.length : end;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ';' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts.filter((part) => part.trim());
}

/** `css` with the custom properties not in `used` removed: their declarations and `@property` rules. */
function withoutVariables(css: string, used: ReadonlySet<string>): string {
  return rewriteRules(css, (prelude, body) => {
    const property = /^@property\s+(--[\w-]+)$/.exec(prelude)?.[1];
    if (property) return used.has(property) ? `${prelude}{${body}}` : '';
    // @keyframes, @font-face, nested rules: kept as they are.
    if (prelude.startsWith('@') || body.includes('{')) return `${prelude}{${body}}`;
    const kept = declarations(body).filter((d) => {
      const name = /^\s*(--[\w-]+)\s*:/.exec(d)?.[1];
      return !name || used.has(name);
    });
    return kept.length ? `${prelude}{${kept.join(';')}}` : '';
  });
}

/**
 * Removes the custom properties that nothing reads: a `--x` declaration or `@property --x` rule
 * stays only while some `var(--x)` is left in the stylesheet. Repeated until nothing changes, so a
 * variable read only by a removed one goes too. (No script of the site reads CSS variables.)
 */
export function dropUnusedVariables(css: string): string {
  for (;;) {
    const used = new Set([...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1] as string));
    const next = withoutVariables(css, used);
    if (next === css) return css;
    css = next;
  }
}

/**
 * Class-like tokens of a page's markup or scripts: every whitespace-, quote- or tag-separated
 * word. Over-inclusive on purpose (an extra word only keeps an unused rule), and `=` is not a
 * separator because classes such as `aria-[current=page]:bg-sunken` contain it.
 */
export function classTokens(text: string): Set<string> {
  return new Set(text.split(/[\s"'`<>]+/).filter(Boolean));
}
