/**
 * Which version-sensitive fields an example manifest sets: the parsed YAML documents are walked
 * for the `fields` of src/content/features.yaml. A field of a `Pod` also matches the Pod template
 * inside a workload (and a `Job` field the Job template of a CronJob), so a Deployment that sets
 * `spec.template.spec.initContainers[].restartPolicy: Always` uses sidecar containers.
 */
import { parseAllDocuments } from 'yaml';

/** A field a feature governs (see featureSchema `fields` in src/lib/content/schemas.ts). */
export interface GatedField {
  kind: string;
  path: string;
  value?: string | undefined;
}

/** One use of a gated field in a manifest. */
export interface FieldUse {
  /** Feature id. */
  feature: string;
  /** The object that sets it: kind and metadata.name. */
  kind: string;
  name: string;
  /** Dotted path from the object's root, template prefixes included (lists are stepped through). */
  path: string;
  /** The value the feature is about, when only one value needs it. */
  value?: string | undefined;
}

/** Where a kind holds a template of another kind. */
const TEMPLATES: Record<string, readonly (readonly [kind: string, path: string])[]> = {
  Deployment: [['Pod', 'spec.template']],
  ReplicaSet: [['Pod', 'spec.template']],
  StatefulSet: [['Pod', 'spec.template']],
  DaemonSet: [['Pod', 'spec.template']],
  Job: [['Pod', 'spec.template']],
  CronJob: [['Job', 'spec.jobTemplate']],
};

/** The values at a dotted path; a list on the way is stepped through (every item counts). */
function valuesAt(node: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(node)) return node.flatMap((item) => valuesAt(item, path));
  const [key, ...rest] = path;
  if (key === undefined) return node === undefined || node === null ? [] : [node];
  if (typeof node !== 'object' || node === null) return [];
  return valuesAt((node as Record<string, unknown>)[key], rest);
}

/** An object and the templates inside it, each with the kind it stands for and its path prefix. */
function scopesOf(kind: string, node: unknown, prefix = ''): { kind: string; node: unknown; prefix: string }[] {
  const inner = (TEMPLATES[kind] ?? []).flatMap(([innerKind, path]) =>
    valuesAt(node, path.split('.')).flatMap((template) => scopesOf(innerKind, template, `${prefix}${path}.`)),
  );
  return [{ kind, node, prefix }, ...inner];
}

/** Every gated field a manifest's YAML sets, in document order, once per feature, object and path. */
export function fieldUses(
  yaml: string,
  features: readonly { id: string; fields: readonly GatedField[] }[],
): FieldUse[] {
  const uses: FieldUse[] = [];
  for (const document of parseAllDocuments(yaml)) {
    if (!('toJS' in document)) continue;
    const object = document.toJS() as { kind?: unknown; metadata?: { name?: unknown } } | null;
    if (!object || typeof object.kind !== 'string') continue;
    const name = typeof object.metadata?.name === 'string' ? object.metadata.name : '';
    for (const scope of scopesOf(object.kind, object)) {
      for (const feature of features) {
        for (const field of feature.fields) {
          if (field.kind !== scope.kind) continue;
          const values = valuesAt(scope.node, field.path.split('.'));
          const used = field.value === undefined ? values.length > 0 : values.some((x) => String(x) === field.value);
          const path = `${scope.prefix}${field.path}`;
          if (used && !uses.some((u) => u.feature === feature.id && u.name === name && u.path === path)) {
            uses.push({ feature: feature.id, kind: object.kind, name, path, value: field.value });
          }
        }
      }
    }
  }
  return uses;
}
