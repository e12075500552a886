/** Shared vocabulary of the site: workload ids, categories and id rules. Pure constants. */

/** The seven workload ids, in the site's default display order. */
export const WORKLOAD_IDS = ['deployment', 'statefulset', 'daemonset', 'replicaset', 'job', 'cronjob', 'pod'] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

/** Groupings used by the comparison presets. */
export const CATEGORIES = ['long-running', 'batch', 'primitive'] as const;
export type Category = (typeof CATEGORIES)[number];

/** A readable, stable id: lower-case words of letters and digits joined by single hyphens. */
export const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * A kubernetes.io docs URL that names a section (`#anchor`): what every citation must be.
 * Anchors are lower case (Hugo builds them from headings), except on the generated API reference
 * under /docs/reference/kubernetes-api/, whose type sections keep the type's name, e.g.
 * `stateful-set-v1/#StatefulSetStatus`.
 */
export const KUBERNETES_DOCS_SOURCE = new RegExp(
  [
    String.raw`^https://kubernetes\.io/docs/(?:`,
    String.raw`reference/kubernetes-api/[a-z0-9/._-]+/#[A-Za-z0-9][A-Za-z0-9-]*`,
    String.raw`|[a-z0-9/._-]+/#[a-z0-9][a-z0-9-]*`,
    String.raw`)$`,
  ].join(''),
);

/** True when `value` is one of the seven workload ids. */
export const isWorkloadId = (value: string): value is WorkloadId => (WORKLOAD_IDS as readonly string[]).includes(value);
