import { describe, expect, it } from 'vitest';
import { summarizeKustomizeError } from '../../src/render/kustomize.ts';

describe('summarizeKustomizeError', () => {
  it.each([
    [
      'kubectl, quoted klog error, file retried as a directory',
      `E1122 03:37:59.641923    4913 run.go:72] "command failed" err="accumulating resources: accumulation err='accumulating resources from 'gone.yaml': open gone.yaml: no such file or directory': must build at directory: not a valid directory: evalsymlink failure on 'gone.yaml' : lstat gone.yaml: no such file or directory"\n`,
      "accumulating resources: accumulating resources from 'gone.yaml': open gone.yaml: no such file or directory",
    ],
    [
      'kubectl, multi-line klog error, URL retried as a git repo',
      `E1122 03:37:59.596724    4901 run.go:72] "command failed" err=<\n\taccumulating resources: accumulation err='accumulating resources from 'http://127.0.0.1:9/x/y/z.yaml': Get "http://127.0.0.1:9/x/y/z.yaml": dial tcp 127.0.0.1:9: connect: connection refused': failed to run '/usr/bin/git fetch --depth=1 http://127.0.0.1:9/x/y HEAD': fatal: unable to access 'http://127.0.0.1:9/x/y/': Failed to connect\n\t: exit status 128\n >\n`,
      `accumulating resources: accumulating resources from 'http://127.0.0.1:9/x/y/z.yaml': Get "http://127.0.0.1:9/x/y/z.yaml": dial tcp 127.0.0.1:9: connect: connection refused`,
    ],
    [
      'kustomize CLI error',
      "Error: accumulating resources: accumulating resources from 'cm.yaml': MalformedYAMLError: yaml: line 5: mapping values are not allowed in this context in File: cm.yaml\n",
      "accumulating resources: accumulating resources from 'cm.yaml': MalformedYAMLError: yaml: line 5: mapping values are not allowed in this context in File: cm.yaml",
    ],
    ['an unknown tool', 'something odd happened\nsecond line\n', 'something odd happened'],
  ])('%s', (_name, stderr, expected) => {
    expect(summarizeKustomizeError(stderr)).toBe(expected);
  });
});
