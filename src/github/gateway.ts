/**
 * The pull-request port: the few GitHub calls a PR check makes, behind an interface so the
 * comment and review logic can be tested with a fake, and one implementation over Octokit.
 */
import { Octokit } from '@octokit/rest';

/** Who wrote a comment, or whom a token acts as, as GitHub's API reports it. */
export interface CommentAuthor {
  /** `octocat`, `github-actions[bot]`. */
  readonly login: string;
  /** `User`, `Bot`, `Organization`. */
  readonly type: string;
  /** The account id, which a rename keeps; unknown for the Actions token's bot (GHES numbers it otherwise). */
  readonly id?: number;
}

/** An issue comment or review comment as the check needs it. */
export interface PostedComment {
  /** Comment id. */
  readonly id: number;
  /** Markdown body. */
  readonly body: string;
  /** Its author; absent for a deleted account. */
  readonly author?: CommentAuthor;
}

/**
 * Whom the Actions token (an installation token) acts as: it cannot read `GET /user`, and what
 * it writes is signed by this bot.
 */
export const GITHUB_ACTIONS_BOT: CommentAuthor = { login: 'github-actions[bot]', type: 'Bot' };

/** True when `comment` was written by `identity`: by account id when both are known, else by login and type. */
export function isAuthoredBy(comment: PostedComment, identity: CommentAuthor): boolean {
  const { author } = comment;
  if (!author) return false;
  if (author.id !== undefined && identity.id !== undefined) return author.id === identity.id;
  return author.login.toLowerCase() === identity.login.toLowerCase() && author.type === identity.type;
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
  /** Whom the token acts as: the author of every comment this gateway writes. Asked once. */
  getIdentity(): Promise<CommentAuthor>;
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

type ApiUser = { login: string; type: string; id: number } | null | undefined;

/**
 * Reads whom the token acts as. A personal access token answers `GET /user`; an installation
 * token (the Actions token) gets 403 "Resource not accessible by integration" and acts as
 * `github-actions[bot]`. Any other failure is no identity: nothing is edited on a guess.
 */
async function readIdentity(octokit: Octokit): Promise<CommentAuthor> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return { login: data.login, type: data.type, id: data.id };
  } catch (error) {
    const { status, response } = error as { status?: number; response?: { data?: { message?: unknown } } };
    const message = typeof response?.data?.message === 'string' ? response.data.message : '';
    if (status === 403 && /resource not accessible by integration/i.test(message)) return GITHUB_ACTIONS_BOT;
    throw error;
  }
}

function toAuthor(user: ApiUser): CommentAuthor | undefined {
  return user ? { login: user.login, type: user.type, id: user.id } : undefined;
}

/** Implements the gateway over Octokit for one pull request. */
export function createPullRequestGateway(octokit: Octokit, pr: PullRequestRef): PullRequestGateway {
  const repo = { owner: pr.owner, repo: pr.repo };
  const toComment = (comment: { id: number; body?: string | null; user?: ApiUser }): PostedComment => {
    const author = toAuthor(comment.user);
    return { id: comment.id, body: comment.body ?? '', ...(author ? { author } : {}) };
  };
  let identity: Promise<CommentAuthor> | undefined;
  return {
    getIdentity: () => (identity ??= readIdentity(octokit)),
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
