/**
 * A generated Flux repository shaped like the home-lab repositories many Flux users copy:
 * `kubernetes/flux/cluster/ks.yaml` holds `cluster-apps`, which applies `kubernetes/apps`
 * (no kustomization.yaml there: the controller generates one), substitutes from a ConfigMap
 * and a Secret and patches those defaults into every child Kustomization. Each namespace
 * folder lists its apps' `ks.yaml` files, which carry no namespace of their own; each app is
 * a HelmRelease of a shared chart with its OCIRepository, some with a volume component,
 * some with a configMapGenerator, and every tenth with a CRDs unit it depends on.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { joinDocuments, joinLines, range, renderCrd } from './yaml-text.mjs';

/** Namespaces of the generated cluster, ten apps each by default. */
const NAMESPACES = ['home', 'media', 'network', 'observability', 'database', 'security', 'storage', 'tools', 'automation', 'games'];
const SOURCE_REF = ['  sourceRef:', '    kind: GitRepository', '    name: flux-system', '    namespace: flux-system'];

/**
 * The apps of the repository: namespace, name, and what each one carries; 100 apps in 10
 * namespaces unless told otherwise (tests use a smaller one).
 */
export function planFluxRepository({ namespaceCount = NAMESPACES.length, appsPerNamespace = 10 } = {}) {
  const namespaces = NAMESPACES.slice(0, namespaceCount);
  const apps = namespaces.flatMap((namespace, nsIndex) =>
    range(appsPerNamespace).map((index) => {
      const number = nsIndex * appsPerNamespace + index;
      return { namespace, name: `${namespace}-app-${String(index + 1).padStart(2, '0')}`, volume: number % 4 === 0, generator: number % 5 === 2, crds: number % 10 === 5 };
    }),
  );
  const bumped = apps[Math.floor(apps.length / 2) + 3];
  const removedNamespace = namespaces[namespaces.length - 2];
  return { namespaces, apps, bumped, removedNamespace, units: 2 + apps.length + apps.filter((app) => app.crds).length };
}

/** The folder of one app's main unit: the directory to build bare. */
export function getAppPath(dir, app) {
  return join(dir, 'kubernetes', 'apps', app.namespace, app.name, 'app');
}

/** Writes the repository as on main. */
export function writeFluxRepository(dir, plan) {
  write(dir, 'kubernetes/flux/cluster/ks.yaml', joinLines(renderClusterApps()));
  write(dir, 'kubernetes/components/common/kustomization.yaml', joinLines(['apiVersion: kustomize.config.k8s.io/v1alpha1', 'kind: Component', 'resources:', '  - ./cluster-settings.yaml', '  - ./cluster-secrets.yaml']));
  write(dir, 'kubernetes/components/common/cluster-settings.yaml', joinLines(['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: cluster-settings', 'data:', '  TIMEZONE: Europe/Berlin', '  CLUSTER_DOMAIN: cluster.local']));
  // Committed encrypted in real repositories; the value here is a placeholder.
  write(dir, 'kubernetes/components/common/cluster-secrets.yaml', joinLines(['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: cluster-secrets', 'stringData:', '  SECRET_DOMAIN: example.invalid']));
  write(dir, 'kubernetes/components/volsync/kustomization.yaml', joinLines(['apiVersion: kustomize.config.k8s.io/v1alpha1', 'kind: Component', 'resources:', '  - ./pvc.yaml']));
  write(dir, 'kubernetes/components/volsync/pvc.yaml', joinLines(renderClaim()));
  for (const namespace of plan.namespaces) {
    const apps = plan.apps.filter((app) => app.namespace === namespace);
    write(dir, `kubernetes/apps/${namespace}/namespace.yaml`, joinLines(['apiVersion: v1', 'kind: Namespace', 'metadata:', `  name: ${namespace}`]));
    write(
      dir,
      `kubernetes/apps/${namespace}/kustomization.yaml`,
      joinLines(['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', `namespace: ${namespace}`, 'components:', '  - ../../components/common', 'resources:', '  - ./namespace.yaml', ...apps.map((app) => `  - ./${app.name}/ks.yaml`)]),
    );
    for (const app of apps) writeApp(dir, app, '1.0.0');
  }
}

/** Bumps the image of one app: the routine pull request. */
export function bumpImage(dir, plan) {
  writeHelmRelease(dir, plan.bumped, '1.0.1');
}

/** Removes a whole namespace folder: its Namespace and every app in it. */
export function removeNamespace(dir, plan) {
  rmSync(join(dir, 'kubernetes', 'apps', plan.removedNamespace), { recursive: true });
}

function write(dir, path, text) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

function renderClusterApps() {
  const defaults = ['        spec:', '          postBuild:', '            substituteFrom:', '              - kind: ConfigMap', '                name: cluster-settings', '              - kind: Secret', '                name: cluster-secrets'];
  return [
    'apiVersion: kustomize.toolkit.fluxcd.io/v1',
    'kind: Kustomization',
    'metadata:',
    '  name: cluster-apps',
    '  namespace: flux-system',
    'spec:',
    '  interval: 1h',
    '  path: ./kubernetes/apps',
    '  prune: true',
    ...SOURCE_REF,
    '  postBuild:',
    '    substituteFrom:',
    '      - kind: ConfigMap',
    '        name: cluster-settings',
    '      - kind: Secret',
    '        name: cluster-secrets',
    '  patches:',
    '    - patch: |-',
    '        apiVersion: kustomize.toolkit.fluxcd.io/v1',
    '        kind: Kustomization',
    '        metadata:',
    '          name: _',
    ...defaults,
    '      target:',
    '        group: kustomize.toolkit.fluxcd.io',
    '        kind: Kustomization',
  ];
}

function writeApp(dir, app, tag) {
  const base = `kubernetes/apps/${app.namespace}/${app.name}`;
  const units = [];
  if (app.crds) {
    units.push(renderAppKustomization(app, `${app.name}-crds`, `./${base}/crds`, []));
    write(dir, `${base}/crds/kustomization.yaml`, joinLines(['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'resources:', '  - ./crds.yaml']));
    write(dir, `${base}/crds/crds.yaml`, joinDocuments(['Backup', 'Schedule'].map((kind) => renderCrd(`${app.name}.example.com`, kind))));
  }
  units.push(renderAppKustomization(app, app.name, `./${base}/app`, app.crds ? [`${app.name}-crds`] : []));
  write(dir, `${base}/ks.yaml`, joinDocuments(units));
  const resources = ['./helmrelease.yaml', './ocirepository.yaml'];
  const generator = app.generator ? ['configMapGenerator:', `  - name: ${app.name}-config`, '    files:', '      - ./config/settings.yaml', 'generatorOptions:', '  disableNameSuffixHash: true'] : [];
  write(dir, `${base}/app/kustomization.yaml`, joinLines(['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'resources:', ...resources.map((resource) => `  - ${resource}`), ...generator]));
  if (app.generator) write(dir, `${base}/app/config/settings.yaml`, joinLines(['log:', '  level: info', `name: ${app.name}`]));
  write(dir, `${base}/app/ocirepository.yaml`, joinLines(['apiVersion: source.toolkit.fluxcd.io/v1', 'kind: OCIRepository', 'metadata:', `  name: ${app.name}`, 'spec:', '  interval: 15m', '  layerSelector:', '    mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip', '    operation: copy', '  ref:', '    tag: 4.4.0', '  url: oci://ghcr.io/bjw-s-labs/helm/app-template']));
  writeHelmRelease(dir, app, tag);
}

function renderAppKustomization(app, name, path, dependsOn) {
  return [
    'apiVersion: kustomize.toolkit.fluxcd.io/v1',
    'kind: Kustomization',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  targetNamespace: ${app.namespace}`,
    '  commonMetadata:',
    '    labels:',
    `      app.kubernetes.io/name: ${app.name}`,
    ...(app.volume && !name.endsWith('-crds') ? ['  components:', '    - ../../../../components/volsync'] : []),
    ...(dependsOn.length > 0 ? ['  dependsOn:', ...dependsOn.map((dependency) => `    - name: ${dependency}`)] : []),
    `  path: ${path}`,
    '  postBuild:',
    '    substitute:',
    `      APP: ${app.name}`,
    '  prune: true',
    ...SOURCE_REF,
    '  interval: 1h',
    '  wait: false',
  ];
}

function writeHelmRelease(dir, app, tag) {
  const lines = [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    `  name: ${app.name}`,
    'spec:',
    '  interval: 1h',
    '  chartRef:',
    '    kind: OCIRepository',
    `    name: ${app.name}`,
    '  install:',
    '    remediation:',
    '      retries: -1',
    '  values:',
    '    controllers:',
    `      ${app.name}:`,
    '        containers:',
    '          app:',
    '            image:',
    `              repository: ghcr.io/example/${app.name}`,
    `              tag: ${tag}`,
    '            env:',
    '              TZ: ${TIMEZONE}',
    '            resources:',
    '              requests:',
    '                cpu: 10m',
    '              limits:',
    '                memory: 256Mi',
    '    service:',
    '      app:',
    '        ports:',
    '          http:',
    '            port: 8080',
    '    route:',
    '      app:',
    '        hostnames:',
    '          - "${APP}.${SECRET_DOMAIN}"',
    ...(app.volume ? ['    persistence:', '      config:', '        existingClaim: ${APP}'] : []),
  ];
  write(dir, `kubernetes/apps/${app.namespace}/${app.name}/app/helmrelease.yaml`, joinLines(lines));
}

function renderClaim() {
  return ['apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata:', '  name: ${APP}', 'spec:', '  accessModes:', '    - ReadWriteOnce', '  resources:', '    requests:', '      storage: 5Gi', '  storageClassName: ceph-block'];
}
