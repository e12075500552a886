/**
 * Headings of an MDX body, read from its source.
 *
 * Headings are written as `<H2 id="purpose">Purpose</H2>` so their ids are part of the content
 * and survive rewording. Reading them from the source gives the table of contents and lets the
 * build check required sections before anything renders.
 */

export interface SourceHeading {
  level: 2 | 3 | 4;
  id: string;
  /** Plain text of the heading (inline Markdown and tags removed). */
  text: string;
  /** 1-based line number in the body. */
  line: number;
}

/** A Markdown `##` heading, which would get an id derived from its text. */
export interface ImplicitHeading {
  text: string;
  line: number;
}

const HEADING = /<H([234])\s+id="([^"]*)"\s*>(.*?)<\/H\1>/g;

/** Strips inline Markdown and JSX tags from heading text. */
export const plainText = (source: string): string =>
  source
    .replace(/<[^>]+>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*?([^*]+)\*\*?/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

/** Lines of the body that are outside fenced code blocks, with their line numbers. */
function proseLines(body: string): { text: string; line: number }[] {
  let fenced = false;
  return body.split('\n').flatMap((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) {
      fenced = !fenced;
      return [];
    }
    return fenced ? [] : [{ text, line: index + 1 }];
  });
}

/** Lists the explicit-id headings of an MDX body, in document order. */
export function extractHeadings(body: string): SourceHeading[] {
  return proseLines(body).flatMap(({ text, line }) =>
    [...text.matchAll(HEADING)].map((match) => ({
      level: Number(match[1]) as 2 | 3 | 4,
      id: match[2] ?? '',
      text: plainText(match[3] ?? ''),
      line,
    })),
  );
}

/** Lists Markdown-syntax headings (`## Title`), which this site does not allow. */
export function findImplicitHeadings(body: string): ImplicitHeading[] {
  return proseLines(body)
    .filter(({ text }) => /^#{1,6}\s/.test(text))
    .map(({ text, line }) => ({ text: text.replace(/^#+\s*/, ''), line }));
}
