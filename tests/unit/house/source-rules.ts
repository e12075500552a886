// House rules over the project's own source (issue 10, point 5): no line over 120 characters, and
// every repository path a comment names exists. The detection is pure, so
// tests/unit/house/source-rules.test.ts can check it on fixtures before running it over the tree.
import ts from 'typescript';

/** Longest line allowed, in characters (Prettier's printWidth in .prettierrc.json). */
export const MAX_LINE_LENGTH = 120;

/** A place in a file that breaks a rule, with what is wrong there. */
export interface Finding {
  line: number;
  message: string;
}

/** A comment's text and the line it starts on (1-based). */
export interface Comment {
  line: number;
  text: string;
}

/** The lines of `text` longer than `max` characters; '›' counts as one character, not three bytes. */
export function longLines(text: string, max = MAX_LINE_LENGTH): Finding[] {
  return text.split(/\r?\n/).flatMap((line, index) => {
    const length = [...line].length;
    return length > max ? [{ line: index + 1, message: `${length} characters (max ${max})` }] : [];
  });
}

const splitLines = (text: string): Comment[] =>
  text.split('\n').map((line, index) => ({ line: index + 1, text: line }));

const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** Comments of TypeScript or JavaScript source, found by the TypeScript parser so strings are never mistaken. */
function scriptComments(text: string, offset = 0, whole = text): Comment[] {
  const source = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const seen = new Map<number, Comment>();
  const collect = (ranges: readonly ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      seen.set(range.pos, { line: lineAt(whole, offset + range.pos), text: text.slice(range.pos, range.end) });
    }
  };
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.getFullStart()));
    collect(ts.getTrailingCommentRanges(text, node.getEnd()));
    node.getChildren(source).forEach(visit);
  };
  visit(source);
  return [...seen.entries()].sort(([a], [b]) => a - b).map(([, comment]) => comment);
}

/** Every match of `pattern` in `text` as a comment, with the line its match starts on. */
function matchedComments(text: string, pattern: RegExp): Comment[] {
  return [...text.matchAll(pattern)].map((match) => ({ line: lineAt(text, match.index), text: match[0] }));
}

const BLOCK = /\/\*[\s\S]*?\*\//g;
const HTML = /<!--[\s\S]*?-->/g;
// `//` after a space or at a line start: never the `//` of a URL (`https://`), which follows a colon.
const LINE = /(?<=^|\s)\/\/.*$/gm;
// `#` after a space or at a line start, and not a shebang: shell and YAML comments, not `$#`.
const HASH = /(?<=^|\s)#(?!!).*$/gm;

/**
 * The comments of a file, by its kind: TypeScript-family files through the TypeScript parser, .astro
 * frontmatter likewise and its template's `<!-- -->`, `{/* *\/}` and script `//` comments by pattern,
 * CSS `/* *\/`, shell/YAML/nginx `#`. Markdown is documentation through and through, so all of its
 * text counts.
 */
export function comments(path: string, text: string): Comment[] {
  if (/\.(?:[cm]?[jt]s)$/.test(path)) return scriptComments(text);
  if (path.endsWith('.astro')) {
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    const start = frontmatter ? frontmatter[0].length : 0;
    const template = text.slice(start);
    const inTemplate = [...matchedComments(template, HTML), ...matchedComments(template, BLOCK)];
    const lines = matchedComments(template, LINE);
    const shift = lineAt(text, start) - 1;
    return [
      ...(frontmatter ? scriptComments(frontmatter[1]!, 4, text) : []),
      ...[...inTemplate, ...lines].map((comment) => ({ ...comment, line: comment.line + shift })),
    ];
  }
  if (path.endsWith('.css')) return matchedComments(text, BLOCK);
  if (path.endsWith('.md')) return splitLines(text);
  if (path.endsWith('.json')) return [];
  return matchedComments(text, HASH);
}

// A path token: a run of characters that can appear in a repository path or a glob/placeholder.
const TOKEN = /(?<![\w./@-])[\w.@[\]*<>{}$-][\w.@[\]*<>{}$,/-]*/g;
// Placeholders and globs: `src/lib/*.ts`, `tests/e2e/<name>.spec.ts`, `src/lib/{a,b}/`, `$DIR/x`.
const PATTERN = /[*<>{}$]/;

/**
 * The repository paths a comment names: tokens starting with one of the repository's top-level
 * entries (`roots`), without trailing punctuation or a `:line` suffix. Globs and placeholders are
 * skipped, and so is a bare top-level folder name without a slash (`tests` is a word, not a path).
 */
export function namedPaths(comment: string, roots: ReadonlySet<string>): string[] {
  return [...comment.matchAll(TOKEN)].flatMap(([token]) => {
    if (PATTERN.test(token)) return [];
    const path = token.replace(/(?::\d+(?:-\d+)?)+$/, '').replace(/[.,:;)\]]+$/, '');
    const root = path.split('/')[0]!;
    if (!roots.has(root)) return [];
    if (!path.includes('/') && !/\.\w+$/.test(path)) return [];
    return [path];
  });
}

/** The repository's top-level entries (`src`, `README.md`, `.ci`…), from its tracked files. */
export function topLevel(files: readonly string[]): Set<string> {
  return new Set(files.map((file) => file.split('/')[0]!));
}

/** Every tracked file and every folder that holds one, as paths a comment may name. */
export function existingPaths(files: readonly string[]): Set<string> {
  const paths = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    for (let end = 1; end <= parts.length; end++) paths.add(parts.slice(0, end).join('/'));
  }
  return paths;
}

/** The comments of a file that name a repository path that does not exist. */
export function missingPaths(
  path: string,
  text: string,
  roots: ReadonlySet<string>,
  exists: ReadonlySet<string>,
): Finding[] {
  return comments(path, text).flatMap((comment) =>
    namedPaths(comment.text, roots)
      .filter((named) => !exists.has(named.replace(/\/$/, '')))
      .map((named) => {
        const offset = comment.text.slice(0, comment.text.indexOf(named)).split('\n').length - 1;
        return { line: comment.line + offset, message: `names ${named}, which does not exist` };
      }),
  );
}
