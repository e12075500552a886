/**
 * Where the site discusses a feature: the section of a workload page around its first
 * `<Feature id>` badge, read from the MDX syntax trees (src/lib/content/mdx.ts). The /versions/
 * page links there; a feature no page shows links its kubernetes.io section instead.
 */
import { stringValue, type MdxPage } from '../content/mdx.ts';

export interface FeatureSection {
  /** The workload page. */
  workload: string;
  /** Id and text of the heading the badge sits under. */
  id: string;
  text: string;
}

/**
 * The section of each feature that a page shows, preferring the pages of the feature's own
 * workloads in their listed order, then any page in display order.
 */
export function featureSections(
  pages: readonly { workload: string; page: MdxPage }[],
  features: readonly { id: string; workloads: readonly string[] }[],
): Map<string, FeatureSection> {
  const found = new Map<string, FeatureSection>();
  for (const feature of features) {
    const ranked = [...pages].sort((a, b) => rank(feature.workloads, a.workload) - rank(feature.workloads, b.workload));
    for (const { workload, page } of ranked) {
      const badge = page.references.find((r) => r.component === 'Feature' && stringValue(r.id) === feature.id);
      if (!badge) continue;
      const heading = page.headings.filter((h) => h.line <= badge.line).at(-1);
      const id = heading && stringValue(heading.id);
      if (heading && id) {
        found.set(feature.id, { workload, id, text: heading.text });
        break;
      }
    }
  }
  return found;
}

/** A workload's place in a feature's list; pages of other workloads come after, in their order. */
const rank = (list: readonly string[], workload: string): number => {
  const index = list.indexOf(workload);
  return index < 0 ? list.length : index;
};
