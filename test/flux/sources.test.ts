/** How git URLs of one repository are recognised as the same, whatever their form. */
import { describe, expect, it } from 'vitest';
import { normalizeGitUrl } from '../../src/flux/sources.ts';

describe('normalizeGitUrl', () => {
  const canonical = 'github.com/example/fleet';

  it.each([
    'https://github.com/example/fleet',
    'https://github.com/example/fleet.git',
    'https://github.com/example/fleet/',
    'https://github.com/example/fleet.git/',
    'http://github.com/example/fleet',
    'https://GitHub.com/Example/Fleet.git',
    'https://github.com:443/example/fleet.git',
    'https://x-access-token:secret@github.com/example/fleet.git',
    'ssh://git@github.com/example/fleet.git',
    'ssh://git@github.com:22/example/fleet.git',
    'ssh://github.com/example/fleet',
    'git@github.com:example/fleet.git',
    'git@github.com:example/fleet',
    'git@github.com:example/fleet.git/',
    '  git@github.com:example/fleet.git\n',
  ])('reduces %j to github.com/example/fleet', (url) => {
    expect(normalizeGitUrl(url)).toBe(canonical);
  });

  it('keeps nested group paths (GitLab subgroups)', () => {
    expect(normalizeGitUrl('git@gitlab.com:group/sub/repo.git')).toBe('gitlab.com/group/sub/repo');
    expect(normalizeGitUrl('ssh://git@gitlab.example.com:2222/group/sub/repo.git')).toBe('gitlab.example.com/group/sub/repo');
  });

  it.each([
    ['another repository', 'https://github.com/example/other-fleet.git'],
    ['another owner', 'git@github.com:someone/fleet.git'],
    ['another host', 'ssh://git@gitlab.com/example/fleet.git'],
    ['a repository whose name only starts the same', 'https://github.com/example/fleet-infra'],
  ])('tells %s apart', (_description, url) => {
    expect(normalizeGitUrl(url)).not.toBe(canonical);
  });
});
