/**
 * The pull-request port: the few GitHub calls a PR check makes, behind an interface so the
 * comment and review logic can be tested with a fake, and one implementation over Octokit.
 */
import { Octokit } from '@octokit/rest';

/** An issue comment or review comment as the check needs it. */
export interface PostedComment {
  /** Comment id. */
  readonly id: number;
  /** Markdown body. */
  readonly body: string;
}

/** A line comment of a review. */
export interface ReviewLineComment {
  /** File path in the repository. */
  readonly path: string;
  /** Last line the comment covers, on the head side. */
  readonly line: number;
  /** First line, for a multi-line comment. */
  readonly startLine?: number;
  /** Markdown body, e.g. a suggestion block. */
  readonly body: string;
}

/** A file the pull request changes, with its unified patch (absent for binary or huge files). */
export interface ChangedFile {
  /** Path after the change. */
  readonly filename: string;
  /** Unified diff hunks, as GitHub returns them. */
  readonly patch?: string;
}

/** The GitHub calls of one pull request. */
export interface PullRequestGateway {
  /** Every issue comment of the pull request, all pages. */
  listComments(): Promise<PostedComment[]>;
  /** Creates an issue comment. */
  createComment(body: string): Promise<PostedComment>;
  /** Replaces the body of an issue comment. */
  updateComment(id: number, body: string): Promise<void>;
  /** The names of the pull request's labels. */
  listLabels(): Promise<string[]>;
  /** Every review comment of the pull request, all pages. */
  listReviewComments(): Promise<PostedComment[]>;
  /** The files the pull request changes, all pages. */
  listFiles(): Promise<ChangedFile[]>;
  /** Submits a review with line comments (event COMMENT: it never approves or blocks). */
  createReview(review: { body: string; commitId: string; comments: readonly ReviewLineComment[] }): Promise<void>;
}

/** Where the pull request is. */
export interface PullRequestRef {
  /** Repository owner. */
  readonly owner: string;
  /** Repository name. */
  readonly repo: string;
  /** Pull request number. */
  readonly number: number;
}

/** Creates the Octokit client: GitHub's API, or the server in GITHUB_API_URL (GHES, tests). */
export function createOctokit(options: { token?: string; baseUrl?: string }): Octokit {
  return new Octokit({
    ...(options.token ? { auth: options.token } : {}),
    userAgent: `prune-guard/${__PRUNE_GUARD_VERSION__}`,
    ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/$/, '') } : {}),
    // Failures surface as RequestError to the caller, which turns them into warnings.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}

/** Implements the gateway over Octokit for one pull request. */
export function createPullRequestGateway(octokit: Octokit, pr: PullRequestRef): PullRequestGateway {
  const repo = { owner: pr.owner, repo: pr.repo };
  const toComment = (comment: { id: number; body?: string | null }): PostedComment => ({ id: comment.id, body: comment.body ?? '' });
  return {
    listComments: async () =>
      (await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: pr.number, per_page: 100 })).map(toComment),
    createComment: async (body) => toComment((await octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body })).data),
    updateComment: async (id, body) => {
      await octokit.rest.issues.updateComment({ ...repo, comment_id: id, body });
    },
    listLabels: async () =>
      (await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, { ...repo, issue_number: pr.number, per_page: 100 })).map((label) => label.name),
    listReviewComments: async () =>
      (await octokit.paginate(octokit.rest.pulls.listReviewComments, { ...repo, pull_number: pr.number, per_page: 100 })).map(toComment),
    listFiles: async () =>
      (await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pr.number, per_page: 100 })).map((file) => ({
        filename: file.filename,
        ...(file.patch ? { patch: file.patch } : {}),
      })),
    createReview: async ({ body, commitId, comments }) => {
      await octokit.rest.pulls.createReview({
        ...repo,
        pull_number: pr.number,
        commit_id: commitId,
        event: 'COMMENT',
        body,
        comments: comments.map((comment) => ({
          path: comment.path,
          line: comment.line,
          side: 'RIGHT' as const,
          ...(comment.startLine !== undefined && comment.startLine < comment.line ? { start_line: comment.startLine, start_side: 'RIGHT' as const } : {}),
          body: comment.body,
        })),
      });
    },
  };
}
