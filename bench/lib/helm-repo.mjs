/**
 * A generated Flux repository whose HelmReleases install a chart kept in the repository, laid
 * out like fluxcd/flux2-kustomize-helm-example with the chart vendored: bootstrap's
 * `clusters/production/flux-system/gotk-sync.yaml` declares GitRepository flux-system, which
 * prune-guard takes to be this checkout (bootstrap's own source; the generated repository has
 * no origin URL to compare), `clusters/production/apps.yaml` holds one Flux Kustomization per
 * team, each applying `apps/<team>`, and every HelmRelease there takes `charts/service` from
 * that GitRepository. The chart renders a ServiceAccount, ConfigMap, Deployment and Service,
 * and a CRD in `templates/` behind a values flag that every fifth release sets. Each team's
 * releases read shared values from a ConfigMap its kustomization generates (valuesFrom) and
 * set their own inline.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { joinDocuments, joinLines, range, renderCrd } from './yaml-text.mjs';

/** Teams and how many releases each has: uneven, as teams are; 50 in all. */
const TEAMS = [
  ['storefront', 14],
  ['payments', 12],
  ['search', 10],
  ['identity', 8],
  ['data', 6],
];
/** The chart's folder, relative to the repository; HelmReleases name it as `./charts/service`. */
export const CHART_PATH = 'charts/service';
const SOURCE_REF = ['      sourceRef:', '        kind: GitRepository', '        name: flux-system', '        namespace: flux-system'];

/**
 * The releases of the repository: team (its namespace and Flux Kustomization), name, and
 * whether the release installs the chart's CRD; then the one release whose values the change
 * edits.
 */
export function planHelmRepository() {
  const teams = TEAMS.map(([name]) => name);
  const releases = TEAMS.flatMap(([team, count]) => range(count).map((index) => ({ team, name: `${team}-svc-${String(index + 1).padStart(2, '0')}` })));
  for (const [index, release] of releases.entries()) release.crds = index % 5 === 2;
  // One with the CRD on: its render is the chart's largest, and the CRD must stay put.
  const changed = releases[22];
  return { teams, releases, changed, before: { replicas: 2, tag: '1.4.2' }, after: { replicas: 3, tag: '1.4.3' } };
}

/** The Flux Kustomization that applies a team's folder, as `namespace/name`. */
export function getParentUnit(release) {
  return `flux-system/apps-${release.team}`;
}

/** The unit prune-guard reports a release's objects under. */
export function getReleaseUnit(release) {
  return `${getParentUnit(release)} / HelmRelease ${release.team}/${release.name}`;
}

/** Writes the repository as on main. */
export function writeHelmRepository(dir, plan) {
  write(dir, 'clusters/production/flux-system/gotk-sync.yaml', joinDocuments(renderSync()));
  write(dir, 'clusters/production/apps.yaml', joinDocuments(plan.teams.map(renderTeamKustomization)));
  writeChart(join(dir, CHART_PATH));
  for (const team of plan.teams) {
    const releases = plan.releases.filter((release) => release.team === team);
    write(dir, `apps/${team}/namespace.yaml`, joinLines(['apiVersion: v1', 'kind: Namespace', 'metadata:', `  name: ${team}`]));
    write(dir, `apps/${team}/values.yaml`, joinLines(renderTeamValues(team)));
    write(
      dir,
      `apps/${team}/kustomization.yaml`,
      joinLines([
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        `namespace: ${team}`,
        'resources:',
        '  - ./namespace.yaml',
        ...releases.map((release) => `  - ./${release.name}.yaml`),
        // valuesFrom names the ConfigMap: its name must not take a hash suffix.
        'configMapGenerator:',
        `  - name: ${team}-values`,
        '    files:',
        '      - ./values.yaml',
        'generatorOptions:',
        '  disableNameSuffixHash: true',
      ]),
    );
    for (const release of releases) writeHelmRelease(dir, release, plan.before);
  }
}

/** Edits one release's values: more replicas and a new image tag, the routine pull request. */
export function changeReleaseValues(dir, plan) {
  writeHelmRelease(dir, plan.changed, plan.after);
}

/**
 * The values helm-controller hands the chart for the changed release after the change: the
 * team's shared values, then the release's own (their top-level keys differ, so one file holds
 * both). A bare `helm template` reads these, so it renders what prune-guard renders.
 */
export function renderChangedValuesFile(plan) {
  return joinLines([...renderTeamValues(plan.changed.team), ...renderOwnValues(plan.changed, plan.after)]);
}

/** Writes one file of the repository, its folders first. */
function write(dir, path, text) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** Bootstrap's sync: the GitRepository of this repository and the Kustomization that applies the cluster folder. */
function renderSync() {
  return [
    ['apiVersion: source.toolkit.fluxcd.io/v1', 'kind: GitRepository', 'metadata:', '  name: flux-system', '  namespace: flux-system', 'spec:', '  interval: 1m', '  ref:', '    branch: main', '  url: https://github.com/example/fleet'],
    [
      'apiVersion: kustomize.toolkit.fluxcd.io/v1',
      'kind: Kustomization',
      'metadata:',
      '  name: flux-system',
      '  namespace: flux-system',
      'spec:',
      '  interval: 10m',
      '  path: ./clusters/production',
      '  prune: true',
      '  sourceRef:',
      '    kind: GitRepository',
      '    name: flux-system',
    ],
  ];
}

/** The Flux Kustomization that applies a team's folder. */
function renderTeamKustomization(team) {
  return [
    'apiVersion: kustomize.toolkit.fluxcd.io/v1',
    'kind: Kustomization',
    'metadata:',
    `  name: apps-${team}`,
    '  namespace: flux-system',
    'spec:',
    '  interval: 10m',
    `  path: ./apps/${team}`,
    '  prune: true',
    '  sourceRef:',
    '    kind: GitRepository',
    '    name: flux-system',
    '  wait: false',
  ];
}

/** A team's shared values, which its releases read through valuesFrom. */
function renderTeamValues(team) {
  return ['global:', `  team: ${team}`, `  domain: ${team}.example.invalid`, 'podAnnotations:', '  prometheus.io/scrape: "true"'];
}

/** A release's inline values, at the top level (the HelmRelease indents them). */
function renderOwnValues(release, { replicas, tag }) {
  return [
    `replicaCount: ${replicas}`,
    'image:',
    `  repository: ghcr.io/example/${release.name}`,
    `  tag: ${tag}`,
    'resources:',
    '  requests:',
    '    cpu: 50m',
    '    memory: 64Mi',
    '  limits:',
    '    memory: 256Mi',
    'config:',
    '  LOG_LEVEL: info',
    `  SERVICE_NAME: ${release.name}`,
    'crds:',
    `  enabled: ${release.crds}`,
  ];
}

/** Writes a release's HelmRelease with `version`'s replicas and image tag. */
function writeHelmRelease(dir, release, version) {
  const lines = [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    `  name: ${release.name}`,
    'spec:',
    '  interval: 30m',
    '  chart:',
    '    spec:',
    `      chart: ./${CHART_PATH}`,
    // A chart from Git is packaged again on every commit, not only on a new chart version.
    '      reconcileStrategy: Revision',
    ...SOURCE_REF,
    '  install:',
    '    remediation:',
    '      retries: 3',
    '  valuesFrom:',
    '    - kind: ConfigMap',
    `      name: ${release.team}-values`,
    '  values:',
    ...renderOwnValues(release, version).map((line) => `    ${line}`),
  ];
  write(dir, `apps/${release.team}/${release.name}.yaml`, joinLines(lines));
}

/** The chart: defaults, helpers, and the templates; the image tag reaches only the Deployment, as in most charts. */
function writeChart(dir) {
  write(dir, 'Chart.yaml', joinLines(['apiVersion: v2', 'name: service', 'description: A web service with its configuration and, optionally, its backup CRD', 'type: application', 'version: 0.7.1', 'appVersion: "1.4.0"']));
  write(
    dir,
    'values.yaml',
    joinLines([
      'replicaCount: 1',
      'image:',
      '  repository: ghcr.io/example/service',
      '  tag: ""',
      '  pullPolicy: IfNotPresent',
      'service:',
      '  type: ClusterIP',
      '  port: 80',
      '  targetPort: 8080',
      'resources: {}',
      'config: {}',
      'podAnnotations: {}',
      'global:',
      '  team: ""',
      '  domain: ""',
      '# The Backup CRD goes with the chart in templates/, so helm upgrades it; off unless the release asks.',
      'crds:',
      '  enabled: false',
    ]),
  );
  write(
    dir,
    'templates/_helpers.tpl',
    joinLines([
      '{{- define "service.fullname" -}}',
      '{{- .Release.Name | trunc 63 | trimSuffix "-" -}}',
      '{{- end -}}',
      '',
      '{{- define "service.selectorLabels" -}}',
      'app.kubernetes.io/name: {{ .Chart.Name }}',
      'app.kubernetes.io/instance: {{ .Release.Name }}',
      '{{- end -}}',
      '',
      '{{- define "service.labels" -}}',
      '{{ include "service.selectorLabels" . }}',
      'app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}',
      'app.kubernetes.io/managed-by: {{ .Release.Service }}',
      'helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}',
      '{{- with .Values.global.team }}',
      'example.com/team: {{ . }}',
      '{{- end }}',
      '{{- end -}}',
    ]),
  );
  write(dir, 'templates/serviceaccount.yaml', joinLines(['apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: {{ include "service.fullname" . }}', '  labels:', '    {{- include "service.labels" . | nindent 4 }}']));
  write(
    dir,
    'templates/configmap.yaml',
    joinLines([
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: {{ include "service.fullname" . }}',
      '  labels:',
      '    {{- include "service.labels" . | nindent 4 }}',
      'data:',
      '  DOMAIN: {{ .Values.global.domain | quote }}',
      '  {{- range $key, $value := .Values.config }}',
      '  {{ $key }}: {{ $value | quote }}',
      '  {{- end }}',
    ]),
  );
  write(
    dir,
    'templates/deployment.yaml',
    joinLines([
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ include "service.fullname" . }}',
      '  labels:',
      '    {{- include "service.labels" . | nindent 4 }}',
      'spec:',
      '  replicas: {{ .Values.replicaCount }}',
      '  selector:',
      '    matchLabels:',
      '      {{- include "service.selectorLabels" . | nindent 6 }}',
      '  template:',
      '    metadata:',
      '      annotations:',
      '        checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}',
      '        {{- with .Values.podAnnotations }}',
      '        {{- toYaml . | nindent 8 }}',
      '        {{- end }}',
      '      labels:',
      '        {{- include "service.selectorLabels" . | nindent 8 }}',
      '    spec:',
      '      serviceAccountName: {{ include "service.fullname" . }}',
      '      containers:',
      '        - name: {{ .Chart.Name }}',
      '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"',
      '          imagePullPolicy: {{ .Values.image.pullPolicy }}',
      '          ports:',
      '            - name: http',
      '              containerPort: {{ .Values.service.targetPort }}',
      '          envFrom:',
      '            - configMapRef:',
      '                name: {{ include "service.fullname" . }}',
      '          readinessProbe:',
      '            httpGet:',
      '              path: /healthz',
      '              port: http',
      '          resources:',
      '            {{- toYaml .Values.resources | nindent 12 }}',
    ]),
  );
  write(
    dir,
    'templates/service.yaml',
    joinLines([
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: {{ include "service.fullname" . }}',
      '  labels:',
      '    {{- include "service.labels" . | nindent 4 }}',
      'spec:',
      '  type: {{ .Values.service.type }}',
      '  ports:',
      '    - name: http',
      '      port: {{ .Values.service.port }}',
      '      targetPort: http',
      '  selector:',
      '    {{- include "service.selectorLabels" . | nindent 4 }}',
    ]),
  );
  // One CRD per release (its group carries the release name), so releases that all set the flag never claim the same one.
  write(dir, 'templates/crd.yaml', joinLines(['{{- if .Values.crds.enabled }}', ...renderCrd('{{ .Release.Name }}.example.com', 'Backup'), '{{- end }}']));
}
