/** Human-readable names for kubernetes.io docs citations. */
import { KUBERNETES_DOCS_SOURCE } from './model.ts';

/** Page names for the docs pages this site cites; other pages fall back to their last path segment. */
const PAGE_NAMES: Record<string, string> = {
  'concepts/workloads/controllers/deployment': 'Deployments',
  'concepts/workloads/controllers/replicaset': 'ReplicaSet',
  'concepts/workloads/controllers/statefulset': 'StatefulSets',
  'concepts/workloads/controllers/daemonset': 'DaemonSet',
  'concepts/workloads/controllers/job': 'Jobs',
  'concepts/workloads/controllers/cron-jobs': 'CronJob',
  'concepts/workloads/controllers/ttlafterfinished': 'Automatic cleanup for finished Jobs',
  'concepts/workloads/pods': 'Pods',
  'concepts/workloads/pods/pod-lifecycle': 'Pod lifecycle',
  'concepts/workloads/autoscaling/horizontal-pod-autoscale': 'Horizontal Pod autoscaling',
  'tasks/run-application/horizontal-pod-autoscale': 'Horizontal Pod autoscaling',
  'tasks/manage-daemon/update-daemon-set': 'Perform a rolling update on a DaemonSet',
  'tasks/run-application/run-single-instance-stateful-application': 'Run a single-instance stateful application',
  'reference/command-line-tools-reference/feature-gates': 'Feature gates',
  'concepts/services-networking/dns-pod-service': 'DNS for Services and Pods',
  'concepts/storage/persistent-volumes': 'Persistent Volumes',
  'concepts/scheduling-eviction/taint-and-toleration': 'Taints and tolerations',
  'concepts/scheduling-eviction/assign-pod-node': 'Assigning Pods to nodes',
  'concepts/overview/working-with-objects/labels': 'Labels and selectors',
  'concepts/overview/working-with-objects/owners-dependents': 'Owners and dependents',
  'concepts/architecture/garbage-collection': 'Garbage collection',
  'concepts/workloads/pods/disruptions': 'Disruptions',
  'concepts/architecture/nodes': 'Nodes',
  'concepts/workloads/controllers': 'Workload management',
  'concepts/scheduling-eviction/api-eviction': 'API-initiated eviction',
  'concepts/architecture/controller': 'Controllers',
  'concepts/services-networking/service': 'Service',
  'concepts/configuration/overview': 'Configuration best practices',
  'reference/using-api/deprecation-guide': 'Deprecated API migration guide',
  'reference/kubernetes-api/workload-resources/deployment-v1': 'Deployment API',
  'reference/kubernetes-api/workload-resources/replica-set-v1': 'ReplicaSet API',
  'reference/kubernetes-api/workload-resources/stateful-set-v1': 'StatefulSet API',
  'reference/kubernetes-api/workload-resources/daemon-set-v1': 'DaemonSet API',
  'reference/kubernetes-api/workload-resources/job-v1': 'Job API',
  'reference/kubernetes-api/workload-resources/cron-job-v1': 'CronJob API',
  'reference/kubernetes-api/workload-resources/pod-v1': 'Pod API',
};

/** Is this a kubernetes.io docs URL that names a section? */
export const isSectionSource = (url: string): boolean => KUBERNETES_DOCS_SOURCE.test(url);

/** Turns a fragment such as "pod-management-policies" into "Pod management policies". */
const humanize = (fragment: string): string => {
  const words = fragment.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * The page and section a docs URL points at:
 * "https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#partitions"
 * → { page: "StatefulSets", section: "Partitions" }.
 */
export function describeSource(url: string): { page: string; section: string } {
  const parsed = new URL(url);
  const path = parsed.pathname.replace(/^\/docs\//, '').replace(/\/$/, '');
  const page = PAGE_NAMES[path] ?? humanize(path.split('/').pop() ?? path);
  return { page, section: humanize(parsed.hash.slice(1)) };
}
