/**
 * The colour tokens of src/styles/global.css, read at build time for what cannot use CSS variables
 * (the social images, the browser's theme-color), so each colour is written once, in the
 * stylesheet. Tokens are Tailwind's `--color-<name>` entries of `@theme`; each points at a
 * `:root` variable holding `light-dark(light, dark)` or one colour for both schemes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as csstree from 'css-tree';

export type ColourScheme = 'light' | 'dark';

/** Colour of every `--color-<name>` token, by name ("bg", "accent", "deployment"), in one scheme. */
export type ColourTokens = Readonly<Record<string, string>>;

/** Values of custom properties: `@theme` tokens and `:root` variables, by property name. */
function customProperties(css: string): { theme: Map<string, csstree.Value>; root: Map<string, csstree.Value> } {
  const theme = new Map<string, csstree.Value>();
  const root = new Map<string, csstree.Value>();
  const ast = csstree.parse(css, { parseCustomProperty: true });
  csstree.walk(ast, {
    visit: 'Declaration',
    enter(node) {
      if (!node.property.startsWith('--') || node.value.type !== 'Value') return;
      if (this.atrule?.name === 'theme') theme.set(node.property, node.value);
      else if (this.rule && csstree.generate(this.rule.prelude) === ':root') root.set(node.property, node.value);
    },
  });
  return { theme, root };
}

/** Colour tokens of a stylesheet in both schemes. Throws naming the token that does not resolve to a colour. */
export function parseColourTokens(css: string, file = 'the stylesheet'): Record<ColourScheme, ColourTokens> {
  const { theme, root } = customProperties(css);
  const colourOf = (value: csstree.Value, scheme: ColourScheme, seen: string[]): string => {
    const fail = (why: string): never => {
      throw new Error(`${file}: ${seen.join(' → ')} ${why}; write a hex colour, light-dark() or var() of one`);
    };
    const [node, ...more] = value.children.toArray();
    if (!node || more.length) return fail(`is "${csstree.generate(value)}"`);
    if (node.type === 'Hash') return `#${node.value.toLowerCase()}`;
    if (node.type !== 'Function') return fail(`is "${csstree.generate(value)}"`);
    const args = node.children.toArray().filter((child) => child.type !== 'Operator');
    const arg = args[scheme === 'light' ? 0 : 1];
    if (node.name === 'light-dark' && args.length === 2 && arg) {
      return colourOf({ type: 'Value', children: new csstree.List<csstree.CssNode>().fromArray([arg]) }, scheme, seen);
    }
    const name = args[0]?.type === 'Identifier' ? args[0].name : '';
    if (node.name !== 'var' || !name) return fail(`is "${csstree.generate(value)}"`);
    const next = root.get(name) ?? theme.get(name);
    if (!next) return fail(`points at ${name}, which is not defined in :root or @theme`);
    if (seen.includes(name)) return fail('refers to itself');
    return colourOf(next, scheme, [...seen, name]);
  };
  const tokens = (scheme: ColourScheme): ColourTokens =>
    Object.fromEntries(
      [...theme]
        .filter(([property]) => property.startsWith('--color-'))
        .map(([property, value]) => [property.slice('--color-'.length), colourOf(value, scheme, [property])]),
    );
  return { light: tokens('light'), dark: tokens('dark') };
}

const STYLESHEET = 'src/styles/global.css';
let cached: Record<ColourScheme, ColourTokens> | undefined;

/** The site's colour tokens, read from src/styles/global.css once per build. */
export function siteColours(scheme: ColourScheme): ColourTokens {
  if (!cached) {
    // From the source tree this module sits in, or (from a bundled build chunk) the project root.
    const file = [resolve(dirname(fileURLToPath(import.meta.url)), '../../styles/global.css'), resolve(STYLESHEET)]
      .filter((path) => existsSync(path))
      .at(0);
    if (!file) throw new Error(`tokens: cannot find ${STYLESHEET}`);
    cached = parseColourTokens(readFileSync(file, 'utf8'), STYLESHEET);
  }
  return cached[scheme];
}

/** One token's colour; throws naming the token when src/styles/global.css does not define it. */
export function siteColour(name: string, scheme: ColourScheme): string {
  const colour = siteColours(scheme)[name];
  if (!colour) throw new Error(`tokens: ${STYLESHEET} has no --color-${name} in @theme`);
  return colour;
}
