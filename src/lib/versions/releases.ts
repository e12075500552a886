/**
 * Support windows of Kubernetes minors (src/content/releases.yaml): which minors are supported on
 * a day, upstream and by each vendor, and the minors the version control offers. Days are
 * ISO strings (YYYY-MM-DD), which compare correctly as text.
 */
import type { ContentProblem } from '../content/integrity.ts';
import { nextMinor, v } from './history.ts';

export const RELEASES_FILE = 'src/content/releases.yaml';

/** A day, and whether a source states it. */
export interface Dated {
  date: string;
  inferred: boolean;
  note?: string | undefined;
}
export interface VendorSupport {
  released: Dated;
  endOfStandard: Dated;
  endOfExtended?: Dated | undefined;
}
export interface ReleaseMinor {
  minor: string;
  upstream: { released: Dated; endOfStandard: Dated; endOfLife: Dated };
  eks?: VendorSupport | undefined;
  gke?: VendorSupport | undefined;
  aks?: VendorSupport | undefined;
}
export interface Releases {
  asOf: string;
  sources: string[];
  minors: ReleaseMinor[];
}

/** The three managed services, with what each calls its paid support after the standard period. */
export const VENDORS = [
  { id: 'eks', name: 'Amazon EKS', extended: 'extended support' },
  { id: 'gke', name: 'Google GKE', extended: 'extended support' },
  { id: 'aks', name: 'Azure AKS', extended: 'LTS' },
] as const;
export type VendorId = (typeof VENDORS)[number]['id'];

/** Where a minor is supported on a day: upstream (to its end of life) and by which vendors. */
export interface SupportOn {
  upstream: boolean;
  /** Vendors supporting it that day, and whether only their extended (paid) support does. */
  vendors: { id: VendorId; extended: boolean }[];
}

/** Is a minor supported on `day`, upstream or by any vendor (standard or extended)? A period includes its last day. */
export function supportOn(release: ReleaseMinor, day: string): SupportOn {
  const vendors = VENDORS.flatMap(({ id }) => {
    const support = release[id];
    if (!support || support.released.date > day) return [];
    if (day <= support.endOfStandard.date) return [{ id, extended: false }];
    if (support.endOfExtended && day <= support.endOfExtended.date) return [{ id, extended: true }];
    return [];
  });
  const upstream = release.upstream.released.date <= day && day <= release.upstream.endOfLife.date;
  return { upstream, vendors };
}

/** The minors the version control offers, newest first, with those supported on `day` marked. */
export function versionChoices(releases: Releases, day: string): { minor: string; supported: boolean }[] {
  return releases.minors.map((release) => {
    const support = supportOn(release, day);
    return { minor: release.minor, supported: support.upstream || support.vendors.length > 0 };
  });
}

/** The end of a period relative to a day: "to 2027-04-28", "ends 2026-12-02" (that day), "ended 2026-10-27". */
export function periodEnd(end: Dated, day: string): { text: string; over: boolean } {
  const mark = end.inferred ? ' (inferred)' : '';
  if (end.date < day) return { text: `ended ${end.date}${mark}`, over: true };
  if (end.date === day) return { text: `ends ${end.date}${mark}`, over: false };
  return { text: `to ${end.date}${mark}`, over: false };
}

/**
 * The rules across minors: one entry per minor, newest first without a missing minor, the
 * newest being the site's version, and each window's dates in order.
 */
export function checkReleases(file: string, releases: Releases, siteVersion: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (field: string, message: string) => problems.push({ file, entry: 'releases', field, message });
  const first = releases.minors[0];
  if (first && first.minor !== siteVersion) {
    at(
      'minors[0].minor',
      `is ${v(first.minor)}, but the site states Kubernetes v${siteVersion} (src/content/site.yaml): ` +
        'list the newest minor first, and never one newer than the site',
    );
  }
  releases.minors.forEach((release, i) => {
    const here = `minors[${i}]`;
    const previous = releases.minors[i - 1];
    const expected = previous && nextMinor(previous.minor, -1);
    if (previous && release.minor !== expected) {
      at(
        `${here}.minor`,
        `is ${v(release.minor)}, but after ${v(previous.minor)} comes ${v(expected ?? '')}: ` +
          'list every minor once, newest first',
      );
    }
    const ordered = (field: string, dates: (Dated | undefined)[]) => {
      const days = dates.filter((d): d is Dated => d !== undefined).map((d) => d.date);
      if (days.some((day, k) => k > 0 && day < (days[k - 1] as string))) {
        at(`${here}.${field}`, `dates out of order (${days.join(', ')}): a release comes before its support ends`);
      }
    };
    ordered('upstream', [release.upstream.released, release.upstream.endOfStandard, release.upstream.endOfLife]);
    for (const { id } of VENDORS) {
      const support = release[id];
      if (support) ordered(id, [support.released, support.endOfStandard, support.endOfExtended]);
    }
  });
  releases.minors.forEach((release, i) => {
    for (const { scope, key, dated } of datesOf(release)) {
      if (dated.inferred && !dated.note) {
        at(`minors[${i}].${scope}.${key}.note`, 'is required with `inferred: true`: say what the date rests on');
      }
    }
  });
  return problems;
}

/** Every date of a minor: where it sits (upstream or a vendor), its field, and the date. */
function datesOf(release: ReleaseMinor): { scope: 'upstream' | VendorId; key: string; dated: Dated }[] {
  const list: { scope: 'upstream' | VendorId; key: string; dated: Dated }[] = Object.entries(release.upstream).map(
    ([key, dated]) => ({ scope: 'upstream', key, dated }),
  );
  for (const { id } of VENDORS) {
    for (const [key, dated] of Object.entries(release[id] ?? {})) if (dated) list.push({ scope: id, key, dated });
  }
  return list;
}

/** What a date field means, for the notes under the support table. */
const FIELD_WORDS: Record<string, string> = {
  released: 'release',
  endOfStandard: 'end of standard support',
  endOfLife: 'end of life',
  endOfExtended: 'end of extended support',
};

/** A day with its uncertainty: "2024-12-11 (inferred)". */
const day = (dated: Dated): string => `${dated.date}${dated.inferred ? ' (inferred)' : ''}`;

/** The upstream cell of the support table: release, end of the standard period, end of maintenance. */
export function upstreamLines(release: ReleaseMinor, on: string): string[] {
  const { released, endOfStandard, endOfLife } = release.upstream;
  return [
    `released ${day(released)}`,
    `standard ${periodEnd(endOfStandard, on).text}`,
    `maintenance ${periodEnd(endOfLife, on).text}`,
  ];
}

/** A vendor's cell of the support table; "not listed" when the data (as of `asOf`) does not have the minor. */
export function vendorLines(
  release: ReleaseMinor,
  vendor: (typeof VENDORS)[number],
  on: string,
  asOf: string,
): string[] {
  const support = release[vendor.id];
  if (!support) return [`not listed as of ${asOf}`];
  const lines = [`from ${day(support.released)}`, `standard ${periodEnd(support.endOfStandard, on).text}`];
  if (support.endOfExtended) lines.push(`${vendor.extended} ${periodEnd(support.endOfExtended, on).text}`);
  return lines;
}

/** Who supports a minor on a day, in words: "upstream, Amazon EKS, Azure AKS LTS", or "no one". */
export function supportWords(release: ReleaseMinor, on: string): string {
  const { upstream, vendors } = supportOn(release, on);
  const names = vendors.map(({ id, extended }) => {
    const vendor = VENDORS.find((x) => x.id === id);
    return `${vendor?.name ?? id}${extended ? ` ${vendor?.extended ?? ''}` : ''}`;
  });
  const all = [...(upstream ? ['upstream'] : []), ...names];
  return all.length ? all.join(', ') : 'no one';
}

/** The notes of inferred dates, each once, with the places it applies to ("v1.32 upstream released"). */
export function inferredNotes(releases: Releases): { note: string; where: string[] }[] {
  const notes = new Map<string, string[]>();
  for (const release of releases.minors) {
    for (const { scope, key, dated } of datesOf(release)) {
      if (!dated.inferred || !dated.note) continue;
      const name = scope === 'upstream' ? 'upstream' : (VENDORS.find((x) => x.id === scope)?.name ?? scope);
      const where = `${v(release.minor)} ${name} ${FIELD_WORDS[key] ?? key}`;
      notes.set(dated.note, [...(notes.get(dated.note) ?? []), where]);
    }
  }
  return [...notes].map(([note, where]) => ({ note, where }));
}

/**
 * A line split around its days, so a page can keep each day on one line:
 * "to 2027-04-28" → ["to ", "2027-04-28", ""].
 */
export const dayParts = (line: string): string[] => line.split(/(\d{4}-\d{2}-\d{2})/);
