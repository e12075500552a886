/**
 * The reader's Kubernetes version in the address: `?k8s=1.33`. Shared by the version control
 * (src/browser/version.ts), the scripts that rewrite the query string (the comparison table,
 * the decision stepper) and the copy buttons, so a copied or reloaded address keeps the view.
 * The value comes from the address bar and is untrusted: only a minor from the known list
 * (the version control's options) is ever used, and nothing is echoed as HTML.
 */

/** The query parameter. */
export const VERSION_PARAM = 'k8s';

/** What a minor looks like ("1.33"); a leading "v" is accepted and dropped. */
const MINOR = /^v?(1\.\d{1,3})$/;

/** The raw `k8s` value of a query string, or null when there is none. */
const rawValue = (search: string): string | null => {
  try {
    return new URLSearchParams(search).get(VERSION_PARAM);
  } catch {
    return null;
  }
};

/** A minor shaped value ("1.33") from a query string, without checking that it is known. */
export function versionIn(search: string): string | null {
  return MINOR.exec(rawValue(search) ?? '')?.[1] ?? null;
}

/** The `k8s` value of a query string when it is one of the known minors, else null (unknown, hostile or absent). */
export function readVersion(search: string, known: readonly string[]): string | null {
  const minor = versionIn(search);
  return minor !== null && known.includes(minor) ? minor : null;
}

/**
 * A query string with `k8s` set to `version`, or without it when `version` is null or empty.
 * Other parameters stay exactly as written (no re-encoding), and the result is "" or starts with "?".
 */
export function withVersion(search: string, version: string | null | undefined): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '' && part.split('=')[0] !== VERSION_PARAM);
  const minor = version ? MINOR.exec(version)?.[1] : undefined;
  if (minor) kept.push(`${VERSION_PARAM}=${minor}`);
  return kept.length ? `?${kept.join('&')}` : '';
}

/** Attribute of an element shown only for some versions: `data-k8s-for="1.32 1.33"`. */
export const FOR_ATTRIBUTE = 'data-k8s-for';
/** Attribute of an element whose text is the version being shown ("v1.33"). */
export const LABEL_ATTRIBUTE = 'data-k8s-v';
