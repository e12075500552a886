/**
 * The workload marks: one 24×24 drawing per workload, shared by the page component
 * (src/components/WorkloadMark.astro) and the social images (src/lib/output/og.ts), so a mark is
 * drawn one way only.
 */
import type { WorkloadId } from '../content/model';

// Each mark says what the workload does: replicas that roll, numbered members with disks,
// one Pod per node, identical copies, a task that finishes, a schedule, a single Pod.
/** SVG children of each mark, drawn in `currentColor` on a 24×24 view box. */
export const MARK_PATHS: Record<WorkloadId, string> = {
  deployment: [
    '<rect x="3" y="7" width="11" height="11" rx="2"/>',
    '<rect x="10" y="3" width="11" height="11" rx="2" fill="currentColor" fill-opacity=".2"/>',
    '<path d="M6 21h9a4 4 0 0 0 4-4v-1"/>',
    '<path d="m17 18 2-2 2 2"/>',
  ].join(''),
  statefulset: [
    '<ellipse cx="12" cy="5" rx="8" ry="2.5"/>',
    '<path d="M4 5v14c0 1.4 3.6 2.5 8 2.5s8-1.1 8-2.5V5"/>',
    '<path d="M4 10c0 1.4 3.6 2.5 8 2.5s8-1.1 8-2.5M4 15c0 1.4 3.6 2.5 8 2.5s8-1.1 8-2.5"/>',
  ].join(''),
  daemonset: [
    '<rect x="2.5" y="3" width="8" height="8" rx="1.5"/>',
    '<rect x="13.5" y="3" width="8" height="8" rx="1.5"/>',
    '<rect x="2.5" y="14" width="8" height="8" rx="1.5"/>',
    '<rect x="13.5" y="14" width="8" height="8" rx="1.5"/>',
    '<circle cx="6.5" cy="7" r="1.6" fill="currentColor"/>',
    '<circle cx="17.5" cy="7" r="1.6" fill="currentColor"/>',
    '<circle cx="6.5" cy="18" r="1.6" fill="currentColor"/>',
    '<circle cx="17.5" cy="18" r="1.6" fill="currentColor"/>',
  ].join(''),
  replicaset: [
    '<rect x="2" y="8" width="6" height="8" rx="1.5"/>',
    '<rect x="9" y="8" width="6" height="8" rx="1.5"/>',
    '<rect x="16" y="8" width="6" height="8" rx="1.5"/>',
    '<path d="M5 5h14"/>',
  ].join(''),
  job: '<circle cx="12" cy="12" r="9"/><path d="m7.5 12.5 3 3 6-6.5"/>',
  cronjob: '<circle cx="12" cy="13" r="8"/><path d="M12 9v4l3 2M9 2h6M12 2v3"/>',
  pod: '<path d="m12 2.5 8.5 4.75v9.5L12 21.5l-8.5-4.75v-9.5Z"/><path d="m3.5 7.25 8.5 4.75 8.5-4.75M12 12v9.5"/>',
};

/** Presentation attributes every mark is drawn with (outline style, round joins). */
export const MARK_STROKE = {
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': '1.8',
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
} as const;

/** Colour utility of each workload (literal class names: Tailwind scans this file for them). */
export const MARK_COLOURS: Record<WorkloadId, string> = {
  deployment: 'text-deployment',
  statefulset: 'text-statefulset',
  daemonset: 'text-daemonset',
  replicaset: 'text-replicaset',
  job: 'text-job',
  cronjob: 'text-cronjob',
  pod: 'text-pod',
};
