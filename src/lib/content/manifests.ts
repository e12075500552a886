/**
 * Validation of example manifests against the Kubernetes API schema (`SCHEMA_VERSION` below).
 *
 * The schema comes from `kubernetes-models` (package.json), generated from one release's OpenAPI
 * document and precompiled to JSON-schema validators. The OpenAPI document does not forbid
 * unknown fields, but the API server rejects them (strict field validation, the kubectl
 * default), so unknown fields are found here by watching which fields the validator reads.
 * On top of the schema come the rules the API server enforces in code: selectors must match
 * the Pod template, `restartPolicy` must suit the kind, and so on.
 */
import { parseAllDocuments } from 'yaml';
import { validate as deployment } from 'kubernetes-models/_schemas/IoK8sApiAppsV1Deployment';
import { validate as statefulSet } from 'kubernetes-models/_schemas/IoK8sApiAppsV1StatefulSet';
import { validate as daemonSet } from 'kubernetes-models/_schemas/IoK8sApiAppsV1DaemonSet';
import { validate as replicaSet } from 'kubernetes-models/_schemas/IoK8sApiAppsV1ReplicaSet';
import { validate as job } from 'kubernetes-models/_schemas/IoK8sApiBatchV1Job';
import { validate as cronJob } from 'kubernetes-models/_schemas/IoK8sApiBatchV1CronJob';
import { validate as pod } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Pod';
import { validate as service } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Service';
import { validate as namespace } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Namespace';
import { validate as podDisruptionBudget } from 'kubernetes-models/_schemas/IoK8sApiPolicyV1PodDisruptionBudget';

/**
 * The Kubernetes minor whose API schema the manifests are checked against: the OpenAPI document
 * `kubernetes-models` (SCHEMA_PACKAGE_VERSION) was generated from: v1.36.0. A fact about the package, not
 * about the site: the site's reviewed version lives in src/content/site.yaml and may be newer when
 * no package for that release exists yet (none for v1.37 does), so pages name this one apart.
 */
export const SCHEMA_VERSION = '1.36';
/** The `kubernetes-models` minor that SCHEMA_VERSION was read from: a newer one may describe a newer release. */
export const SCHEMA_PACKAGE_VERSION = '5.1';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

const VALIDATORS: Record<string, Validator> = {
  'apps/v1 Deployment': deployment,
  'apps/v1 StatefulSet': statefulSet,
  'apps/v1 DaemonSet': daemonSet,
  'apps/v1 ReplicaSet': replicaSet,
  'batch/v1 Job': job,
  'batch/v1 CronJob': cronJob,
  'v1 Pod': pod,
  'v1 Service': service,
  'v1 Namespace': namespace,
  'policy/v1 PodDisruptionBudget': podDisruptionBudget,
};

/** What one YAML document in a manifest file declares. */
export interface ManifestObject {
  apiVersion: string;
  kind: string;
  name: string;
}

/** One problem found in a manifest file, located precisely enough to fix. */
export interface ManifestProblem {
  /** 1-based position of the YAML document in the file. */
  document: number;
  /** `Kind/name` of the object when known. */
  object: string;
  /** Dotted field path, e.g. `spec.template.metadata.labels`. */
  field: string;
  /** What is wrong and how to fix it. */
  message: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const dotted = (instancePath: string): string =>
  instancePath
    .split('/')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '') || '(root)';

const joinPath = (base: string, key: string | number): string =>
  typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key;

/**
 * Runs a compiled schema validator while recording which object fields it reads.
 * A field the validator never looked at is not part of the schema: an unknown field.
 */
function validateStrict(validator: Validator, data: Json): { errors: AjvError[]; unknown: string[] } {
  const reads = new WeakMap<object, Set<string> | 'all'>();
  const proxies = new WeakMap<object, object>();
  const wrap = (value: Json): Json => {
    if (typeof value !== 'object' || value === null) return value;
    const known = proxies.get(value);
    if (known) return known as Json;
    if (!reads.has(value)) reads.set(value, new Set());
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        const seen = reads.get(target);
        if (typeof key === 'string' && seen instanceof Set) seen.add(key);
        return wrap(Reflect.get(target, key, receiver) as Json);
      },
      // Enumerating keys means the schema accepts any key here (a map such as `labels`).
      ownKeys(target) {
        reads.set(target, 'all');
        return Reflect.ownKeys(target);
      },
    });
    proxies.set(value, proxy);
    return proxy as Json;
  };
  const ok = validator(wrap(data));
  if (!ok) return { errors: validator.errors ?? [], unknown: [] };

  const unknown: string[] = [];
  const walk = (value: Json, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, joinPath(path, index)));
      return;
    }
    if (!isObject(value)) return;
    const seen = reads.get(value);
    for (const [key, child] of Object.entries(value)) {
      if (seen === undefined || (seen instanceof Set && !seen.has(key))) unknown.push(joinPath(path, key));
      else walk(child, joinPath(path, key));
    }
  };
  walk(data, '');
  return { errors: [], unknown };
}

/** Turns a compiled-validator error (which carries no message text) into a sentence. */
function describeSchemaError({ keyword, params }: AjvError): string {
  switch (keyword) {
    case 'type':
      return `must be of type ${String(params.type)}`;
    case 'required':
      return 'is required';
    case 'enum':
      return `must be one of ${JSON.stringify(params.allowedValues)}`;
    case 'format':
      return `must be a valid ${String(params.format)}`;
    default:
      return `breaks the schema rule "${keyword}" ${JSON.stringify(params)}`;
  }
}

/** Does a label selector (matchLabels and matchExpressions) select these labels? */
export function selectorMatches(selector: unknown, labels: unknown): boolean {
  if (!isObject(selector)) return false;
  const have = isObject(labels) ? labels : {};
  const matchLabels = isObject(selector.matchLabels) ? selector.matchLabels : {};
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  if (Object.keys(matchLabels).length === 0 && expressions.length === 0) return false;
  for (const [key, value] of Object.entries(matchLabels)) if (have[key] !== value) return false;
  for (const expression of expressions) {
    if (!isObject(expression) || typeof expression.key !== 'string') return false;
    const present = expression.key in have;
    const values = Array.isArray(expression.values) ? expression.values : [];
    const value = have[expression.key];
    const matched =
      expression.operator === 'In'
        ? present && values.includes(value as Json)
        : expression.operator === 'NotIn'
          ? !present || !values.includes(value as Json)
          : expression.operator === 'Exists'
            ? present
            : expression.operator === 'DoesNotExist'
              ? !present
              : false;
    if (!matched) return false;
  }
  return true;
}

const get = (value: Json | undefined, path: string): Json | undefined =>
  path.split('.').reduce<Json | undefined>((node, key) => (isObject(node) ? node[key] : undefined), value);

/** Where the Pod template sits, per kind. */
const TEMPLATE_PATH: Record<string, string> = {
  Deployment: 'spec.template',
  StatefulSet: 'spec.template',
  DaemonSet: 'spec.template',
  ReplicaSet: 'spec.template',
  Job: 'spec.template',
  CronJob: 'spec.jobTemplate.spec.template',
};

/** Rules the API server enforces beyond the OpenAPI schema, for one object. */
function semanticProblems(object: JsonObject, all: JsonObject[]): Omit<ManifestProblem, 'document' | 'object'>[] {
  const problems: Omit<ManifestProblem, 'document' | 'object'>[] = [];
  const kind = String(object.kind);
  const name = get(object, 'metadata.name');
  if (typeof name !== 'string' || name === '') {
    problems.push({ field: 'metadata.name', message: 'is required: give the object a name' });
  }
  if (kind === 'CronJob' && typeof name === 'string' && name.length > 52) {
    problems.push({
      field: 'metadata.name',
      message: `is ${name.length} characters; a CronJob name may have at most 52`,
    });
  }

  const templatePath = TEMPLATE_PATH[kind];
  if (templatePath) {
    const template = get(object, templatePath);
    const labels = get(template, 'metadata.labels');
    const selectorPath = templatePath.replace(/template$/, 'selector');
    const selector = get(object, selectorPath);
    const isJob = kind === 'Job' || kind === 'CronJob';
    if (!isJob && selector === undefined) {
      problems.push({
        field: selectorPath,
        message: `is required for a ${kind}: add matchLabels equal to the template labels`,
      });
    }
    if (selector !== undefined && !selectorMatches(selector, labels)) {
      problems.push({
        field: selectorPath,
        message: `does not select the Pod template's labels (${templatePath}.metadata.labels): make them match`,
      });
    }
    const restartPolicy = get(template, 'spec.restartPolicy');
    if (isJob && restartPolicy !== 'Never' && restartPolicy !== 'OnFailure') {
      problems.push({
        field: `${templatePath}.spec.restartPolicy`,
        message:
          `must be "Never" or "OnFailure" for a ${kind} ` +
          `(it is ${JSON.stringify(restartPolicy ?? 'unset, so Always')})`,
      });
    }
    if (!isJob && restartPolicy !== undefined && restartPolicy !== 'Always') {
      problems.push({
        field: `${templatePath}.spec.restartPolicy`,
        message: `must be "Always" (or unset) for a ${kind}, not ${JSON.stringify(restartPolicy)}`,
      });
    }
    const jobSpecPath = kind === 'CronJob' ? 'spec.jobTemplate.spec' : 'spec';
    if (isJob && get(object, `${jobSpecPath}.podFailurePolicy`) !== undefined && restartPolicy !== 'Never') {
      problems.push({
        field: `${templatePath}.spec.restartPolicy`,
        message: 'must be "Never" when podFailurePolicy is set',
      });
    }
  }

  if (kind === 'StatefulSet') {
    const serviceName = get(object, 'spec.serviceName');
    const headless = all.find(
      (other) =>
        other.kind === 'Service' &&
        get(other, 'metadata.name') === serviceName &&
        get(other, 'spec.clusterIP') === 'None',
    );
    if (typeof serviceName !== 'string' || !headless) {
      problems.push({
        field: 'spec.serviceName',
        message:
          'must name a headless Service (clusterIP: None) defined in the same file; ' +
          `found ${JSON.stringify(serviceName ?? null)}`,
      });
    }
  }

  if (kind === 'Service' && isObject(get(object, 'spec.selector'))) {
    const selector = get(object, 'spec.selector') as JsonObject;
    const podLabels = all
      .map((other) => get(other, TEMPLATE_PATH[String(other.kind)] ?? 'metadata') as Json)
      .map((template) => get(template, 'metadata.labels'))
      .concat(all.filter((other) => other.kind === 'Pod').map((other) => get(other, 'metadata.labels')));
    const selectsSomething = podLabels.some((labels) => selectorMatches({ matchLabels: selector }, labels));
    const podsInFile = all.some((other) => other.kind === 'Pod' || TEMPLATE_PATH[String(other.kind)]);
    if (podsInFile && !selectsSomething) {
      problems.push({
        field: 'spec.selector',
        message: "selects no Pod defined in this file: match a Pod template's labels",
      });
    }
  }
  return problems;
}

/** Parses a (multi-document) YAML manifest and lists every problem; an empty list means valid. */
export function checkManifest(text: string): { objects: ManifestObject[]; problems: ManifestProblem[] } {
  const problems: ManifestProblem[] = [];
  const documents = parseAllDocuments(text);
  const parsed: JsonObject[] = [];
  documents.forEach((doc, index) => {
    for (const error of doc.errors) {
      problems.push({ document: index + 1, object: '(unparsed)', field: '(yaml)', message: error.message });
    }
    const value = doc.errors.length ? null : (doc.toJS() as Json);
    if (isObject(value)) parsed.push(value);
    else if (!doc.errors.length) {
      problems.push({
        document: index + 1,
        object: '(empty)',
        field: '(root)',
        message: 'is not a Kubernetes object (a YAML mapping)',
      });
    }
  });
  if (problems.length) return { objects: [], problems };

  const objects: ManifestObject[] = [];
  parsed.forEach((object, index) => {
    const apiVersion = String(object.apiVersion ?? '');
    const kind = String(object.kind ?? '');
    const name = String(get(object, 'metadata.name') ?? '');
    const label = `${kind || '(no kind)'}/${name || '(no name)'}`;
    const report = (field: string, message: string) =>
      problems.push({ document: index + 1, object: label, field, message });
    objects.push({ apiVersion, kind, name });

    const validator = VALIDATORS[`${apiVersion} ${kind}`];
    if (!validator) {
      report(
        'apiVersion',
        `"${apiVersion} ${kind}" is not a kind this site validates: use one of ${Object.keys(VALIDATORS).join(', ')}`,
      );
      return;
    }
    const { errors, unknown } = validateStrict(validator, object);
    for (const error of errors) {
      const missing = error.keyword === 'required' ? `.${String(error.params.missingProperty)}` : '';
      report(dotted(error.instancePath) + missing, describeSchemaError(error));
    }
    for (const field of unknown) {
      report(field, `is not a field of ${kind} in Kubernetes v${SCHEMA_VERSION}: remove it or fix its spelling`);
    }
    for (const problem of semanticProblems(object, parsed)) report(problem.field, problem.message);
  });
  return { objects, problems };
}

/** Formats problems as one line each: `file: document N (Kind/name) field: message`. */
export function formatManifestProblems(file: string, problems: ManifestProblem[]): string {
  return problems.map((p) => `${file}: document ${p.document} (${p.object}) ${p.field}: ${p.message}`).join('\n');
}
