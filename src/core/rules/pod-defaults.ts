/**
 * The defaults the API server writes into a pod template (pkg/apis/core/v1/defaults.go), so
 * that a template that starts or stops spelling one out compares equal to the live object:
 * the live object already holds the default, and the API server sees no change there.
 */
import { isRecord } from '../objects/kube-objects.ts';

/** `IfNotPresent`, or `Always` for an image without a tag, or tagged `latest` (SetDefaults_Container). */
function defaultPullPolicy(image: unknown): string {
  if (typeof image !== 'string' || image.includes('@')) return 'IfNotPresent';
  const name = image.slice(image.lastIndexOf('/') + 1);
  const colon = name.lastIndexOf(':');
  return colon === -1 || name.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function fillContainer(container: unknown): unknown {
  if (!isRecord(container)) return container;
  return {
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: defaultPullPolicy(container.image),
    ...container,
    ...(Array.isArray(container.ports) ? { ports: container.ports.map((port) => (isRecord(port) ? { protocol: 'TCP', ...port } : port)) } : {}),
  };
}

/** Returns `template` (a pod template) with the API server's defaults written in where it leaves them out. */
export function fillPodDefaults(template: unknown): unknown {
  if (!isRecord(template) || !isRecord(template.spec)) return template;
  const spec = template.spec;
  const containers = (field: string): Record<string, unknown> => (Array.isArray(spec[field]) ? { [field]: spec[field].map(fillContainer) } : {});
  return {
    ...template,
    spec: {
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      securityContext: {},
      ...spec,
      ...containers('containers'),
      ...containers('initContainers'),
    },
  };
}
