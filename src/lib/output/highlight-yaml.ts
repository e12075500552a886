/**
 * Build-time YAML highlighting for Kubernetes manifests.
 *
 * Emits `<span class="k|s|n|c|p">` tokens styled by CSS classes, never inline `style`
 * attributes, so the site's Content-Security-Policy needs no 'unsafe-inline' for styles.
 * Manifests use a small part of YAML (block mappings and sequences, scalars, flow lists,
 * comments), which a line-based tokenizer covers exactly.
 */

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const span = (cls: string, text: string): string => (text ? `<span class="${cls}">${escapeHtml(text)}</span>` : '');

/** Splits a line into its content and a trailing comment (a `#` outside quotes, after a space). */
function splitComment(line: string): [string, string] {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return [line.slice(0, i), line.slice(i)];
  }
  return [line, ''];
}

/** Highlights a scalar or flow value. */
function value(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return escapeHtml(text);
  const lead = text.slice(0, text.indexOf(trimmed));
  const tail = text.slice(lead.length + trimmed.length);
  let body: string;
  if (/^(".*"|'.*')$/.test(trimmed)) body = span('s', trimmed);
  else if (/^-?\d+(\.\d+)?%?$/.test(trimmed) || /^(true|false|null|~)$/.test(trimmed)) body = span('n', trimmed);
  else if (/^\[.*\]$/.test(trimmed)) {
    body = trimmed
      .split(/([[\],])/)
      .map((part) => (/^[[\],]$/.test(part) ? span('p', part) : value(part)))
      .join('');
  } else if (/^[|>][-+]?$/.test(trimmed)) body = span('p', trimmed);
  else body = span('s', trimmed);
  return escapeHtml(lead) + body + escapeHtml(tail);
}

/** Highlights one line of YAML. */
function line(text: string): string {
  if (/^---\s*$/.test(text)) return span('p', text);
  const [content, comment] = splitComment(text);
  const match = /^(\s*)(- )?(?:([A-Za-z0-9_./-]+|"[^"]*")(:)(?=\s|$))?(.*)$/.exec(content);
  if (!match) return escapeHtml(content) + span('c', comment);
  const [, indent = '', dash = '', key, colon, rest = ''] = match;
  return (
    escapeHtml(indent) +
    span('p', dash) +
    (key ? span('k', key) + span('p', colon ?? '') : '') +
    value(rest) +
    span('c', comment)
  );
}

/** Returns the YAML as HTML with token spans; the text content is byte-for-byte the input. */
export function highlightYaml(yaml: string): string {
  return yaml.replace(/\n$/, '').split('\n').map(line).join('\n');
}
