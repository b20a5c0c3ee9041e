/**
 * A fake GitHub REST API for tests: an HTTP server on 127.0.0.1 that checks every request
 * against GitHub's own OpenAPI description (`@octokit/openapi`, the dereferenced
 * `api.github.com` document) and answers the endpoints a pull request check uses from an
 * in-memory model.
 *
 * A request that the description does not allow (unknown route, wrong method, a path
 * parameter that is not an integer, an unknown query parameter, a body that breaks the
 * requestBody schema) gets a 4xx and is recorded as rejected, so a client bug fails the test
 * instead of passing against a forgiving mock.
 *
 * ```ts
 * const github = await startFakeGitHub();
 * github.addPullRequest({ number: 7, labels: ['infra'], files: [{ filename: 'apps/kustomization.yaml', patch: '@@ -1 +1 @@\n-a\n+b' }] });
 * github.addRepositoryFiles({ ref: 'main', files: { 'clusters/prod/kustomization.yaml': 'resources: [../../infrastructure]\n' } });
 * github.forceResponse('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { status: 403, message: 'Resource not accessible by integration' });
 * const octokit = new Octokit({ auth: 'test-token', baseUrl: github.url });
 * // ... run the code under test ...
 * expect(github.requests.filter((request) => !request.accepted)).toEqual([]);
 * await github.close();
 * ```
 *
 * The spec is 73 MB of JSON: it is read once per process (0.6 s with a warm file cache, 1.3 s
 * cold) and only the operations are kept; validators are compiled on first use of each
 * operation (about 2 ms each; all 1,223 up front would cost 3 s).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, STATUS_CODES, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** GitHub's limit on comment and review bodies, in characters (Unicode code points). */
export const GITHUB_BODY_LIMIT = 65_536;

const SPEC_MODULE = '@octokit/openapi/generated/api.github.com.deref.json';
const HTML_URL = 'https://github.com';
const RAW_URL = 'https://raw.githubusercontent.com';
const DOCS_URL = 'https://docs.github.com/rest';
const DEFAULT_REPOSITORY = 'octo-org/fleet-infra';
const DEFAULT_LOGIN = 'github-actions[bot]';
const DEFAULT_AUTHOR = 'octocat';
// Timestamps come from a fake clock so that responses are identical from run to run.
const CLOCK_START = Date.UTC(2024, 0, 1);
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/**
 * Operations whose parameter may span segments (operationId -> parameter name). The description
 * marks some 70 parameters `x-multi-segment`, but honouring them all would let
 * `branches/{branch}` swallow `/protection`; only modelled operations that need it are listed.
 */
const MULTI_SEGMENT: Readonly<Record<string, string>> = { 'repos/get-content': 'path' };

// ---------------------------------------------------------------------------------------------
// The OpenAPI description

type JsonSchema = { readonly [key: string]: unknown };

interface SpecParameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: JsonSchema;
}

interface RawOperation {
  readonly operationId?: string;
  readonly parameters?: readonly SpecParameter[];
  readonly requestBody?: { readonly required?: boolean; readonly content?: Readonly<Record<string, { readonly schema?: JsonSchema }>> };
  readonly externalDocs?: { readonly url?: string };
}

/** One operation of the description, with what routing and validation need. */
interface Operation {
  readonly method: string;
  readonly template: string;
  /** `POST /repos/{owner}/{repo}/issues/{issue_number}/comments` */
  readonly route: string;
  readonly operationId: string;
  readonly docsUrl: string;
  readonly pathParams: readonly SpecParameter[];
  readonly queryParams: readonly SpecParameter[];
  /** Media type -> schema; undefined when the operation takes no body. */
  readonly bodyTypes: ReadonlyMap<string, JsonSchema | undefined> | undefined;
  readonly bodyRequired: boolean;
  /**
   * Parameters match one segment: Octokit encodes a `/` inside a value (a file path, a ref) as
   * %2F. Those of {@link MULTI_SEGMENT} match any number, none included.
   */
  readonly pattern: RegExp;
  readonly paramNames: readonly string[];
  /** Per segment 0 (literal), 1 (mixed) or 2 (parameter): the lowest sorts first. */
  readonly specificity: string;
}

interface Spec {
  readonly file: string;
  readonly loadMs: number;
  readonly operations: readonly Operation[];
  readonly byRoute: ReadonlyMap<string, Operation>;
  readonly byOperationId: ReadonlyMap<string, Operation>;
}

/** What loading the OpenAPI description cost. */
export interface GitHubSpecStats {
  /** The JSON file read. */
  readonly file: string;
  /** Number of operations (method + path template). */
  readonly operations: number;
  /** Milliseconds spent reading and indexing it, once per process. */
  readonly loadMs: number;
}

let specPromise: Promise<Spec> | undefined;

function loadSpec(): Promise<Spec> {
  specPromise ??= readSpec().catch((error: unknown) => {
    specPromise = undefined;
    throw error;
  });
  return specPromise;
}

/**
 * Loads GitHub's OpenAPI description (once per process; later calls return the same result).
 * Call it in `beforeAll` to keep the one-second parse out of the first test's time.
 */
export async function loadGitHubSpec(): Promise<GitHubSpecStats> {
  const spec = await loadSpec();
  return { file: spec.file, operations: spec.operations.length, loadMs: spec.loadMs };
}

async function readSpec(): Promise<Spec> {
  const started = performance.now();
  const file = createRequire(import.meta.url).resolve(SPEC_MODULE);
  const document = JSON.parse(await readFile(file, 'utf8')) as { paths: Record<string, Record<string, RawOperation>> };
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(method) || raw.operationId === undefined) continue;
      operations.push(indexOperation(method.toUpperCase(), template, raw));
    }
  }
  return {
    file,
    loadMs: Math.round(performance.now() - started),
    operations,
    byRoute: new Map(operations.map((operation) => [operation.route, operation])),
    byOperationId: new Map(operations.map((operation) => [operation.operationId, operation])),
  };
}

function indexOperation(method: string, template: string, raw: RawOperation): Operation {
  const paramNames: string[] = [];
  const multiSegment = MULTI_SEGMENT[raw.operationId ?? ''];
  let source = '';
  let specificity = '';
  for (const segment of template.split('/').slice(1)) {
    const parts = segment.split(/(\{[^}]+\})/).filter((part) => part !== '');
    const params = parts.filter((part) => part.startsWith('{')).length;
    specificity += params === 0 ? '0' : parts.length === 1 ? '2' : '1';
    if (multiSegment !== undefined && segment === `{${multiSegment}}`) {
      // Octokit sends the root (an empty path) as `/contents`, a hand-written URL as `/contents/`.
      paramNames.push(multiSegment);
      source += '(?:/(.*))?';
      continue;
    }
    source += '/';
    for (const part of parts) {
      if (part.startsWith('{')) {
        paramNames.push(part.slice(1, -1));
        source += '([^/]+)';
      } else {
        source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
    }
  }
  const content = raw.requestBody?.content;
  const parameters = raw.parameters ?? [];
  return {
    method,
    template,
    route: `${method} ${template}`,
    operationId: raw.operationId ?? '',
    docsUrl: raw.externalDocs?.url ?? DOCS_URL,
    pathParams: parameters.filter((parameter) => parameter.in === 'path'),
    queryParams: parameters.filter((parameter) => parameter.in === 'query'),
    bodyTypes: content === undefined ? undefined : new Map(Object.entries(content).map(([type, media]) => [type, media.schema])),
    bodyRequired: raw.requestBody?.required === true,
    pattern: new RegExp(`^${source}$`),
    paramNames,
    specificity,
  };
}

type RouteMatch =
  | { readonly kind: 'found'; readonly operation: Operation; readonly values: readonly string[] }
  | { readonly kind: 'no-path' }
  | { readonly kind: 'no-method'; readonly template: string; readonly methods: readonly string[] };

function findOperation(spec: Spec, method: string, pathname: string): RouteMatch {
  const matches = spec.operations.flatMap((operation) => {
    const match = operation.pattern.exec(pathname);
    return match === null ? [] : [{ operation, values: match.slice(1) }];
  });
  if (matches.length === 0) return { kind: 'no-path' };
  // A literal segment beats a parameter: /issues/comments is not issue number "comments".
  matches.sort((a, b) => a.operation.specificity.localeCompare(b.operation.specificity));
  const found = matches.find((match) => match.operation.method === method);
  if (found !== undefined) return { kind: 'found', ...found };
  const template = matches[0]?.operation.template ?? pathname;
  const methods = matches.filter((match) => match.operation.template === template).map((match) => match.operation.method);
  return { kind: 'no-method', template, methods };
}

// ---------------------------------------------------------------------------------------------
// Validation

/**
 * What to do with body properties the description does not list. GitHub ignores them, but a
 * misspelt field (`comment` for `comments`) is a client bug the test should see.
 */
export type UnknownBodyFields = 'reject' | 'allow';

interface OperationValidators {
  readonly path: ValidateFunction;
  readonly query: ValidateFunction;
  readonly body: ValidateFunction | undefined;
}

// Formats the description uses in parameters and request bodies; ajv has none built in.
const FORMATS: Record<string, RegExp | ((value: string) => boolean)> = {
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  uri: (value) => URL.canParse(value),
  'repo.nwo': /^[^/\s]+\/[^/\s]+$/,
  binary: () => true,
};

function makeAjv(coerce: boolean): Ajv {
  // Unknown keywords (example, x-github, deprecationDate) and any future format are ignored.
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, ...(coerce ? { coerceTypes: 'array' as const } : {}) });
  for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
  ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isInteger(value) });
  return ajv;
}

// Bodies are validated as sent; parameters arrive as strings and are coerced to their types.
const bodyAjv = makeAjv(false);
const parameterAjv = makeAjv(true);
const validatorCache = new Map<string, OperationValidators>();

function validatorsFor(operation: Operation, unknownBodyFields: UnknownBodyFields): OperationValidators {
  const key = `${unknownBodyFields} ${operation.route}`;
  let validators = validatorCache.get(key);
  if (validators === undefined) {
    const jsonSchema = operation.bodyTypes?.get('application/json');
    validators = {
      path: parameterAjv.compile(parametersSchema(operation.pathParams, true)),
      query: parameterAjv.compile(parametersSchema(operation.queryParams, false)),
      body: jsonSchema === undefined ? undefined : bodyAjv.compile(toAjvSchema(jsonSchema, unknownBodyFields === 'reject', false) as object),
    };
    validatorCache.set(key, validators);
  }
  return validators;
}

function parametersSchema(parameters: readonly SpecParameter[], allRequired: boolean): object {
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, toAjvSchema(parameter.schema ?? {}, false, true)])),
    required: parameters.filter((parameter) => allRequired || parameter.required === true).map((parameter) => parameter.name),
    additionalProperties: false,
  };
}

const COMBINATORS = ['oneOf', 'anyOf', 'allOf'];

/**
 * Turns an OpenAPI 3.0 schema into one ajv checks the way GitHub means it.
 *
 * `nullable: true` becomes a `null` type (and a `null` enum member): ajv's own `nullable`
 * support throws on the 13 request-body schemas that use it without `type` (next to `oneOf`
 * or `anyOf`, e.g. `milestone` of issues/update) and rejects `null` for the 11 nullable
 * enums that do not list it (e.g. `state_reason`), where GitHub documents null as "clear". `close` adds `additionalProperties: false` to
 * plain object schemas (not to combinator branches, which see each other's properties);
 * `looseOneOf` makes parameters' `oneOf` an `anyOf`, since a coerced "42" matches both
 * integer and string.
 */
function toAjvSchema(schema: unknown, close: boolean, looseOneOf: boolean): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toAjvSchema(item, close, looseOneOf));
  if (!isRecord(schema)) return schema;
  const hasCombinator = COMBINATORS.some((key) => key in schema);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example' || key === 'description' || key.startsWith('x-')) continue;
    if (key === 'properties' && isRecord(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, toAjvSchema(property, close, looseOneOf)]));
    } else if (key === 'items' || key === 'not' || (key === 'additionalProperties' && isRecord(value))) {
      out[key] = toAjvSchema(value, close, looseOneOf);
    } else if (COMBINATORS.includes(key)) {
      out[key === 'oneOf' && looseOneOf ? 'anyOf' : key] = toAjvSchema(value, false, looseOneOf);
    } else {
      out[key] = value;
    }
  }
  if (close && out.type === 'object' && out.properties !== undefined && out.additionalProperties === undefined && !hasCombinator) {
    out.additionalProperties = false;
  }
  if (schema.nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** ajv's errors as one readable line; `name` turns an instance path into what the reader sees. */
function describeErrors(errors: readonly ErrorObject[] | null | undefined, data: unknown, name: (pointer: string) => string): string {
  const messages = new Set<string>();
  for (const error of errors ?? []) {
    const params = error.params as Record<string, unknown>;
    // The `null` branch of a nullable property always fails next to the real error.
    if (error.keyword === 'type' && params.type === 'null') continue;
    if (error.keyword === 'anyOf' && (errors?.length ?? 0) > 1) continue;
    const where = name(error.instancePath);
    const got = ` (got ${preview(valueAt(data, error.instancePath))})`;
    if (error.keyword === 'required') messages.add(`${where} is missing required property '${String(params.missingProperty)}'`);
    else if (error.keyword === 'additionalProperties') messages.add(`${where} has unknown property '${String(params.additionalProperty)}'`);
    else if (error.keyword === 'enum') messages.add(`${where} must be one of ${(params.allowedValues as unknown[]).map(preview).join(', ')}${got}`);
    else messages.add(`${where} ${error.message ?? 'is invalid'}${error.keyword === 'type' || error.keyword === 'format' ? got : ''}`);
  }
  return [...messages].slice(0, 8).join('; ');
}

function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    value = isRecord(value) || Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function bodyPath(pointer: string): string {
  if (pointer === '') return 'the body';
  return pointer
    .split('/')
    .slice(1)
    .map((token, index) => (/^\d+$/.test(token) ? `[${token}]` : `${index === 0 ? '' : '.'}${token}`))
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Public types

/** One request the server received, in arrival order. */
export interface RecordedRequest {
  /** Upper-case. */
  readonly method: string;
  /** The URL path, not decoded: `/repos/octo-org/fleet-infra/issues/7/comments`. */
  readonly path: string;
  /** Query parameters as sent; repeated ones (or `name[]`) as arrays. */
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  /** The parsed JSON body, the raw text of a non-JSON body, or undefined without one. */
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
  /** GitHub's operationId (`issues/create-comment`), null when no operation matched. */
  readonly operationId: string | null;
  /** `POST /repos/{owner}/{repo}/issues/{issue_number}/comments`, null when no operation matched. */
  readonly route: string | null;
  /** Path parameters, decoded and coerced to their schema types (`issue_number: 7`). */
  readonly params: Readonly<Record<string, unknown>>;
  /** The request conforms to GitHub's OpenAPI description (route, parameters, body). */
  readonly accepted: boolean;
  /** Why it does not, when it does not. */
  readonly rejection: string | null;
  /** The status the server answered with. */
  readonly status: number;
  /** The answer came from {@link FakeGitHub.forceResponse}. */
  readonly forced: boolean;
}

/** A status (and body) a test imposes on matching requests. */
export interface ForcedResponse {
  readonly status: number;
  /** GitHub's `message` field; default: the HTTP reason phrase. */
  readonly message?: string;
  /** The whole JSON body, instead of `{ message, documentation_url, status }`. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Answer this many matching requests, then step aside. Default: every one. */
  readonly times?: number;
  /** Narrows the match further, e.g. to one comment body. */
  readonly when?: (request: RecordedRequest) => boolean;
}

/** `added`, `removed`, `modified`, ... as GitHub's pull request files report them. */
export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

/** A file of a pull request. */
export interface PullRequestFile {
  readonly filename: string;
  /** The unified diff hunks (from the first `@@`); absent like GitHub's for binary or huge files. */
  readonly patch?: string;
  /** Default `modified`. */
  readonly status?: FileStatus;
  /** The old name of a `renamed` file. */
  readonly previousFilename?: string;
}

/** A pull request to create with {@link FakeGitHub.addPullRequest}; everything but `number` has a default. */
export interface PullRequestSeed {
  /** `owner/name`; default: the server's `repository` option. */
  readonly repository?: string;
  readonly number: number;
  readonly title?: string;
  readonly body?: string | null;
  readonly state?: 'open' | 'closed';
  readonly draft?: boolean;
  readonly author?: string;
  readonly headSha?: string;
  readonly baseSha?: string;
  readonly headRef?: string;
  readonly baseRef?: string;
  /** `owner/name` of the head branch's repository: another one makes the pull request come from a fork. */
  readonly headRepository?: string;
  readonly labels?: readonly string[];
  readonly files?: readonly PullRequestFile[];
}

/** A pull request as the server holds it; tests may change it in place. */
export interface FakePullRequest {
  readonly repository: string;
  readonly number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  author: string;
  headSha: string;
  baseSha: string;
  headRef: string;
  baseRef: string;
  headRepository: string;
  labels: string[];
  files: PullRequestFile[];
}

/** An issue (pull request conversation) comment. */
export interface FakeIssueComment {
  readonly id: number;
  readonly repository: string;
  readonly issueNumber: number;
  body: string;
  author: string;
  readonly createdAt: string;
  updatedAt: string;
}

/** A comment to seed with {@link FakeGitHub.addIssueComments}. */
export interface IssueCommentSeed {
  readonly body: string;
  /** Default `octocat`. */
  readonly author?: string;
}

/** A review comment to seed with {@link FakeGitHub.addReviewComments}: one line (or range) of the head side. */
export interface ReviewCommentSeed {
  readonly path: string;
  /** Line on the head side (RIGHT); it must be inside the file's diff, as GitHub requires. */
  readonly line: number;
  readonly startLine?: number;
  readonly body: string;
  /** Default `octocat`. */
  readonly author?: string;
}

/** A pull request review. */
export interface FakeReview {
  readonly id: number;
  readonly repository: string;
  readonly pullNumber: number;
  readonly body: string;
  readonly state: 'PENDING' | 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED';
  readonly commitId: string;
  readonly author: string;
  /** null while pending. */
  readonly submittedAt: string | null;
}

/** An inline comment of a review, on one line (or a range) of one side of a file's diff. */
export interface FakeReviewComment {
  readonly id: number;
  readonly reviewId: number;
  readonly repository: string;
  readonly pullNumber: number;
  readonly path: string;
  readonly line: number;
  readonly side: 'LEFT' | 'RIGHT';
  readonly startLine: number | null;
  readonly startSide: 'LEFT' | 'RIGHT' | null;
  /** Lines below the file's first `@@` header, GitHub's legacy addressing. */
  readonly position: number;
  readonly body: string;
  readonly commitId: string;
  readonly author: string;
  /** The hunk up to the commented line, as GitHub returns it. */
  readonly diffHunk: string;
  readonly createdAt: string;
}

/** Files of a repository at a ref, to seed with {@link FakeGitHub.addRepositoryFiles}. */
export interface RepositoryFilesSeed {
  /** `owner/name`; default: the server's `repository` option. */
  readonly repository?: string;
  /**
   * What `ref` the contents API serves them at: a branch, tag or commit sha, matched as written
   * (also as `refs/heads/<ref>` or `refs/tags/<ref>`); no other resolution between them. The
   * first ref seeded for a repository is its default branch, served when a request names none.
   */
  readonly ref: string;
  /** Path (posix, relative to the repository root: `manifests/crds/a.yaml`) -> content (UTF-8). */
  readonly files: Readonly<Record<string, string>>;
}

/** The files of one repository at one ref, as the contents API serves them. */
export interface FakeRepositoryFiles {
  readonly repository: string;
  readonly ref: string;
  /** Path -> content; tests may change it in place (unchecked: keep paths posix and relative). */
  readonly files: Map<string, string>;
}

/** Everything the server holds; the arrays are live, in creation order. */
export interface FakeGitHubState {
  readonly pullRequests: FakePullRequest[];
  readonly issueComments: FakeIssueComment[];
  readonly reviews: FakeReview[];
  readonly reviewComments: FakeReviewComment[];
  /** One entry per repository and ref; a repository's first is its default branch. */
  readonly repositoryFiles: FakeRepositoryFiles[];
}

/** Options of {@link startFakeGitHub}. */
export interface FakeGitHubOptions {
  /**
   * Login of the token's user, the author of everything written through the API. Default
   * `github-actions[bot]`. A `[bot]` login is an installation token, which `GET /user` answers
   * with 403 "Resource not accessible by integration"; any other is a personal access token,
   * which `GET /user` answers with that user.
   */
  readonly login?: string;
  /** `owner/name` for seeds that name none. Default `octo-org/fleet-infra`. */
  readonly repository?: string;
  /** Pull requests to create up front. */
  readonly pullRequests?: readonly PullRequestSeed[];
  /** Repository files to serve up front, as {@link FakeGitHub.addRepositoryFiles} adds them. */
  readonly repositoryFiles?: readonly RepositoryFilesSeed[];
  /** Default `reject` (stricter than GitHub, which ignores them). */
  readonly unknownBodyFields?: UnknownBodyFields;
}

/** A running fake; see the module comment for an example. */
export interface FakeGitHub {
  /** `http://127.0.0.1:PORT`, for GITHUB_API_URL or Octokit's `baseUrl`. */
  readonly url: string;
  /** Every request so far, accepted or not (live array). */
  readonly requests: readonly RecordedRequest[];
  readonly state: FakeGitHubState;
  /** Spec loading cost (shared by every server of the process). */
  readonly spec: GitHubSpecStats;
  /** Creates a pull request (and its issue); throws when the number is taken. */
  addPullRequest(seed: PullRequestSeed): FakePullRequest;
  /**
   * Seeds comments on a pull request's conversation, oldest first, as written by someone
   * else (`octocat`) unless a seed names its author. `pull` is a number in the default
   * repository or `{ repository, number }`.
   */
  addIssueComments(pull: number | { readonly repository?: string; readonly number: number }, comments: ReadonlyArray<string | IssueCommentSeed>): FakeIssueComment[];
  /**
   * Seeds review comments on a pull request's diff, each in a submitted review of its own
   * written by its author (`octocat` unless named); throws when a line is outside the diff.
   */
  addReviewComments(pull: number | { readonly repository?: string; readonly number: number }, comments: readonly ReviewCommentSeed[]): FakeReviewComment[];
  /**
   * Serves `files` through the contents API (`repos/get-content`) at `ref`. Calls for the
   * same repository and ref add to the same tree, a path seeded again taking the new content;
   * throws on a path that is not posix and relative, or that is both a file and a directory.
   */
  addRepositoryFiles(seed: RepositoryFilesSeed): FakeRepositoryFiles;
  /**
   * Answers requests that conform to the description and match `route` with `response`
   * instead of the model. `route` is a method and path template (`POST
   * /repos/{owner}/{repo}/issues/{issue_number}/comments`), a method and concrete path
   * (`POST /repos/octo-org/fleet-infra/issues/7/comments`), or an operationId
   * (`issues/create-comment`); one that names no operation throws. The latest registration
   * wins. Returns a function that removes it.
   */
  forceResponse(route: string, response: ForcedResponse): () => void;
  /** Stops the server, dropping kept-alive connections. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// The model

interface Reply {
  readonly status: number;
  readonly body?: unknown;
  /** A non-JSON body, sent as is. */
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

interface HandlerContext {
  readonly operation: Operation;
  readonly params: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: unknown;
  /** The absolute request URL, to build Link headers from. */
  readonly requestUrl: URL;
  readonly accept: string;
}

type Handler = (context: HandlerContext) => Reply;

function errorReply(operation: Operation | undefined, status: number, message: string, errors?: readonly unknown[]): Reply {
  return {
    status,
    body: { message, ...(errors === undefined ? {} : { errors }), documentation_url: operation?.docsUrl ?? DOCS_URL, status: String(status) },
  };
}

function sha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function numericId(text: string): number {
  return Number.parseInt(sha(text).slice(0, 7), 16);
}

/** An entry of a directory listing, with git's object id: a client may compare it with its checkout. */
interface TreeEntry {
  readonly type: 'file' | 'dir';
  readonly name: string;
  readonly path: string;
  readonly sha: string;
  /** In bytes; 0 for a directory, as GitHub reports it. */
  readonly size: number;
}

function fileEntry(path: string, content: string): TreeEntry {
  const size = Buffer.byteLength(content);
  return { type: 'file', name: path.slice(path.lastIndexOf('/') + 1), path, sha: sha(`blob ${size}\0${content}`), size };
}

/** The entries of directory `dir` (`''` for the root) in git's tree order; none when it does not exist. */
function treeEntries(files: ReadonlyMap<string, string>, dir: string): TreeEntry[] {
  const prefix = dir === '' ? '' : `${dir}/`;
  const children = new Map<string, 'file' | 'dir'>();
  for (const path of files.keys()) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const slash = rest.indexOf('/');
    children.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'dir');
  }
  const entries = [...children].map(([name, type]): TreeEntry => {
    const path = `${prefix}${name}`;
    return type === 'file' ? fileEntry(path, files.get(path) ?? '') : { type, name, path, sha: treeSha(treeEntries(files, path)), size: 0 };
  });
  // Git compares a directory's name as if it ended in '/': `app.yaml` sorts before `app/`.
  const key = (entry: TreeEntry): Buffer => Buffer.from(entry.type === 'dir' ? `${entry.name}/` : entry.name);
  return entries.sort((a, b) => Buffer.compare(key(a), key(b)));
}

/** Git's id of the tree object holding `entries` (in tree order), so directory shas match a real checkout. */
function treeSha(entries: readonly TreeEntry[]): string {
  const body = Buffer.concat(entries.flatMap((entry) => [Buffer.from(`${entry.type === 'dir' ? '40000' : '100644'} ${entry.name}\0`), Buffer.from(entry.sha, 'hex')]));
  return createHash('sha1').update(`tree ${body.length}\0`).update(body).digest('hex');
}

/** A path or ref in a URL: each segment encoded, the slashes kept, as GitHub writes its links. */
function urlPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Base64 in lines of 60 characters, each ending in a newline: GitHub sends Ruby's Base64.encode64. */
function base64Lines(content: string): string {
  return Buffer.from(content).toString('base64').replace(/.{1,60}/g, '$&\n');
}

/** Length in code points, as GitHub (Ruby) counts, not in UTF-16 units as `length` does. */
function characters(text: string): number {
  return Array.from(text).length;
}

/** Rails' Array#to_sentence, which GitHub uses to join review thread errors. */
function toSentence(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`;
}

interface DiffLine {
  /** Index in the patch's lines: the position GitHub counts from the first `@@` header. */
  readonly position: number;
  readonly hunkStart: number;
  readonly left: number | null;
  readonly right: number | null;
}

/** Which old (LEFT) and new (RIGHT) line numbers a patch shows, and where. */
function parsePatch(patch: string): { readonly lines: readonly string[]; readonly diffLines: readonly DiffLine[] } {
  const lines = patch.split('\n');
  const diffLines: DiffLine[] = [];
  let left = 0;
  let right = 0;
  let hunkStart = -1;
  lines.forEach((text, position) => {
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (header !== null) {
      left = Number(header[1]);
      right = Number(header[2]);
      hunkStart = position;
    } else if (hunkStart >= 0 && text.startsWith('+')) {
      diffLines.push({ position, hunkStart, left: null, right: right++ });
    } else if (hunkStart >= 0 && text.startsWith('-')) {
      diffLines.push({ position, hunkStart, left: left++, right: null });
    } else if (hunkStart >= 0 && text.startsWith(' ')) {
      diffLines.push({ position, hunkStart, left: left++, right: right++ });
    }
  });
  return { lines, diffLines };
}

interface ReviewCommentInput {
  readonly path: string;
  readonly body: string;
  readonly line?: number;
  readonly side?: string;
  readonly start_line?: number;
  readonly start_side?: string;
  readonly position?: number;
}

/** The in-memory GitHub: state plus one handler per implemented operationId. */
class GitHubModel {
  readonly state: FakeGitHubState = { pullRequests: [], issueComments: [], reviews: [], reviewComments: [], repositoryFiles: [] };
  readonly #login: string;
  readonly #defaultRepository: string;
  #apiUrl = '';
  #nextId = 1000;
  #tick = 0;

  constructor(login: string, defaultRepository: string) {
    this.#login = login;
    this.#defaultRepository = defaultRepository;
  }

  set apiUrl(url: string) {
    this.#apiUrl = url;
  }

  readonly handlers: Readonly<Record<string, Handler>> = {
    'issues/list-comments': (context) => this.#withIssue(context, (pull) => {
      const since = typeof context.query.since === 'string' ? Date.parse(context.query.since) : Number.NEGATIVE_INFINITY;
      const comments = this.state.issueComments.filter((comment) => this.#onPull(comment.repository, comment.issueNumber, pull) && Date.parse(comment.updatedAt) >= since);
      return this.#page(context, comments.map((comment) => this.#renderIssueComment(comment)));
    }),
    'issues/create-comment': (context) => this.#withIssue(context, (pull) => {
      const { body } = context.body as { body: string };
      const tooLong = this.#tooLong(context, 'IssueComment', 'data', body);
      if (tooLong !== undefined) return tooLong;
      const now = this.#now();
      const comment: FakeIssueComment = { id: this.#id(), repository: pull.repository, issueNumber: pull.number, body, author: this.#login, createdAt: now, updatedAt: now };
      this.state.issueComments.push(comment);
      const rendered = this.#renderIssueComment(comment);
      return { status: 201, body: rendered, headers: { location: rendered.url } };
    }),
    'issues/get-comment': (context) => this.#withComment(context, (comment) => ({ status: 200, body: this.#renderIssueComment(comment) })),
    'issues/update-comment': (context) => this.#withComment(context, (comment) => {
      const { body } = context.body as { body: string };
      const tooLong = this.#tooLong(context, 'IssueComment', 'data', body);
      if (tooLong !== undefined) return tooLong;
      comment.body = body;
      comment.updatedAt = this.#now();
      return { status: 200, body: this.#renderIssueComment(comment) };
    }),
    'issues/delete-comment': (context) => this.#withComment(context, (comment) => {
      this.state.issueComments.splice(this.state.issueComments.indexOf(comment), 1);
      return { status: 204 };
    }),
    'issues/list-labels-on-issue': (context) => this.#withIssue(context, (pull) => this.#page(context, pull.labels.map((label) => this.#renderLabel(pull.repository, label)))),
    'pulls/get': (context) => this.#withIssue(context, (pull) => {
      // Octokit's mediaType { format: 'diff' } asks for the whole diff as text.
      if (/\.diff\b/.test(context.accept)) return { status: 200, text: this.#renderDiff(pull), headers: { 'content-type': 'application/vnd.github.v3.diff; charset=utf-8' } };
      return { status: 200, body: this.#renderPull(pull) };
    }),
    'pulls/list-files': (context) => this.#withIssue(context, (pull) => this.#page(context, pull.files.map((file) => this.#renderFile(pull, file)))),
    'pulls/list-reviews': (context) => this.#withIssue(context, (pull) => {
      const reviews = this.state.reviews.filter((review) => this.#onPull(review.repository, review.pullNumber, pull));
      return this.#page(context, reviews.map((review) => this.#renderReview(review)));
    }),
    'pulls/list-review-comments': (context) => this.#withIssue(context, (pull) => {
      const comments = this.state.reviewComments.filter((comment) => this.#onPull(comment.repository, comment.pullNumber, pull));
      return this.#page(context, comments.map((comment) => this.#renderReviewComment(comment)));
    }),
    'pulls/create-review': (context) => this.#withIssue(context, (pull) => this.#createReview(context, pull)),
    'repos/get-content': (context) => this.#getContent(context),
    // An installation token has no user: GitHub refuses, and what it writes is signed by its bot.
    'users/get-authenticated': (context) =>
      this.#login.endsWith('[bot]') ? errorReply(context.operation, 403, 'Resource not accessible by integration') : { status: 200, body: this.#renderAuthenticatedUser(this.#login) },
  };

  addPullRequest(seed: PullRequestSeed): FakePullRequest {
    const repository = seed.repository ?? this.#defaultRepository;
    if (this.#findPull(repository, seed.number) !== undefined) throw new Error(`pull request ${repository}#${seed.number} already exists`);
    const pull: FakePullRequest = {
      repository,
      number: seed.number,
      title: seed.title ?? `Pull request #${seed.number}`,
      body: seed.body ?? null,
      state: seed.state ?? 'open',
      draft: seed.draft ?? false,
      author: seed.author ?? DEFAULT_AUTHOR,
      headSha: seed.headSha ?? sha(`head ${repository}#${seed.number}`),
      baseSha: seed.baseSha ?? sha(`base ${repository}#${seed.number}`),
      headRef: seed.headRef ?? `change-${seed.number}`,
      baseRef: seed.baseRef ?? 'main',
      headRepository: seed.headRepository ?? repository,
      labels: [...(seed.labels ?? [])],
      files: [...(seed.files ?? [])],
    };
    this.state.pullRequests.push(pull);
    return pull;
  }

  addIssueComments(repository: string, number: number, seeds: ReadonlyArray<string | IssueCommentSeed>): FakeIssueComment[] {
    const pull = this.#findPull(repository, number);
    if (pull === undefined) throw new Error(`no pull request ${repository}#${number}: call addPullRequest first`);
    return seeds.map((seed) => {
      const { body, author = DEFAULT_AUTHOR } = typeof seed === 'string' ? { body: seed } : seed;
      const now = this.#now();
      const comment: FakeIssueComment = { id: this.#id(), repository: pull.repository, issueNumber: pull.number, body, author, createdAt: now, updatedAt: now };
      this.state.issueComments.push(comment);
      return comment;
    });
  }

  addReviewComments(repository: string, number: number, seeds: readonly ReviewCommentSeed[]): FakeReviewComment[] {
    const pull = this.#findPull(repository, number);
    if (pull === undefined) throw new Error(`no pull request ${repository}#${number}: call addPullRequest first`);
    return seeds.map((seed) => {
      const thread = this.#resolveThread(pull, { path: seed.path, body: seed.body, line: seed.line, side: 'RIGHT', ...(seed.startLine === undefined ? {} : { start_line: seed.startLine }) });
      if ('errors' in thread) throw new Error(`review comment on ${seed.path}:${seed.line}: ${toSentence(thread.errors)}`);
      const author = seed.author ?? DEFAULT_AUTHOR;
      const now = this.#now();
      const review: FakeReview = { id: this.#id(), repository: pull.repository, pullNumber: pull.number, body: '', state: 'COMMENTED', commitId: pull.headSha, author, submittedAt: now };
      this.state.reviews.push(review);
      const comment: FakeReviewComment = {
        id: this.#id(),
        reviewId: review.id,
        repository: pull.repository,
        pullNumber: pull.number,
        path: seed.path,
        body: seed.body,
        commitId: pull.headSha,
        author,
        createdAt: now,
        ...thread,
      };
      this.state.reviewComments.push(comment);
      return comment;
    });
  }

  addRepositoryFiles(seed: RepositoryFilesSeed): FakeRepositoryFiles {
    const repository = seed.repository ?? this.#defaultRepository;
    if (seed.ref === '') throw new Error(`repository files of ${repository} need a ref`);
    for (const path of Object.keys(seed.files)) {
      if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
        throw new Error(`repository file path '${path}' is not posix and relative to the root (like manifests/crds/a.yaml)`);
      }
    }
    const existing = this.state.repositoryFiles.find((tree) => tree.repository.toLowerCase() === repository.toLowerCase() && tree.ref === seed.ref);
    // Checked on the merged tree, so that a failed call leaves the seeded one as it was.
    const files = new Map([...(existing?.files ?? []), ...Object.entries(seed.files)]);
    for (const path of files.keys()) {
      const segments = path.split('/');
      const file = segments.slice(1).map((_, index) => segments.slice(0, index + 1).join('/')).find((parent) => files.has(parent));
      if (file !== undefined) throw new Error(`repository file '${file}' of ${repository}@${seed.ref} cannot also be the directory of '${path}'`);
    }
    if (existing === undefined) {
      const tree: FakeRepositoryFiles = { repository, ref: seed.ref, files };
      this.state.repositoryFiles.push(tree);
      return tree;
    }
    for (const [path, content] of Object.entries(seed.files)) existing.files.set(path, content);
    return existing;
  }

  #id(): number {
    return this.#nextId++;
  }

  #now(): string {
    return new Date(CLOCK_START + 1000 * this.#tick++).toISOString().replace('.000Z', 'Z');
  }

  #findPull(repository: string, number: number): FakePullRequest | undefined {
    const key = repository.toLowerCase();
    return this.state.pullRequests.find((pull) => pull.repository.toLowerCase() === key && pull.number === number);
  }

  #onPull(repository: string, number: number, pull: FakePullRequest): boolean {
    return number === pull.number && repository.toLowerCase() === pull.repository.toLowerCase();
  }

  #repositoryOf(context: HandlerContext): string {
    return `${String(context.params.owner)}/${String(context.params.repo)}`;
  }

  #withIssue(context: HandlerContext, handle: (pull: FakePullRequest) => Reply): Reply {
    const number = context.params.issue_number ?? context.params.pull_number;
    const pull = this.#findPull(this.#repositoryOf(context), Number(number));
    return pull === undefined ? errorReply(context.operation, 404, 'Not Found') : handle(pull);
  }

  #withComment(context: HandlerContext, handle: (comment: FakeIssueComment) => Reply): Reply {
    const repository = this.#repositoryOf(context).toLowerCase();
    const comment = this.state.issueComments.find((candidate) => candidate.id === context.params.comment_id && candidate.repository.toLowerCase() === repository);
    return comment === undefined ? errorReply(context.operation, 404, 'Not Found') : handle(comment);
  }

  #getContent(context: HandlerContext): Reply {
    const repository = this.#repositoryOf(context).toLowerCase();
    const trees = this.state.repositoryFiles.filter((tree) => tree.repository.toLowerCase() === repository);
    const defaultRef = trees[0]?.ref;
    if (defaultRef === undefined) return errorReply(context.operation, 404, 'Not Found');
    const ref = typeof context.query.ref === 'string' && context.query.ref !== '' ? context.query.ref : defaultRef;
    const tree = trees.find((candidate) => [candidate.ref, `refs/heads/${candidate.ref}`, `refs/tags/${candidate.ref}`].includes(ref));
    if (tree === undefined) return errorReply(context.operation, 404, `No commit found for the ref ${ref}`);
    // Octokit sends `manifests%2Fcrds`, a hand-written URL may say `manifests/crds/`: one directory to GitHub.
    const path = String(context.params.path).replace(/^\/+|\/+$/g, '');
    const content = tree.files.get(path);
    if (content !== undefined) {
      // Octokit's mediaType { format: 'raw' } asks for the file itself; GitHub echoes the media type,
      // and Octokit reads the body as text only because of the charset.
      const raw = /application\/vnd\.github(?:\.v3)?\.raw/.exec(context.accept)?.[0];
      if (raw !== undefined) return { status: 200, text: content, headers: { 'content-type': `${raw}; charset=utf-8`, 'x-github-media-type': 'github.v3; param=raw' } };
      if (/\.html\b/.test(context.accept)) return errorReply(context.operation, 501, 'Not Implemented: the fake GitHub does not render files as HTML');
      return { status: 200, body: { ...this.#renderContent(tree, ref, fileEntry(path, content)), content: base64Lines(content), encoding: 'base64' } };
    }
    const entries = treeEntries(tree.files, path);
    if (path !== '' && entries.length === 0) return errorReply(context.operation, 404, 'Not Found');
    const listing = entries.map((entry) => this.#renderContent(tree, ref, entry));
    // A directory has no raw form; the object media type (`mediaType: { format: 'object' }`) wraps
    // its listing in an entry of its own, for clients that must not see a bare array.
    if (/\.object\b/.test(context.accept)) {
      const directory: TreeEntry = { type: 'dir', name: path.slice(path.lastIndexOf('/') + 1), path, sha: treeSha(entries), size: 0 };
      return { status: 200, body: { ...this.#renderContent(tree, ref, directory), entries: listing } };
    }
    return { status: 200, body: listing };
  }

  /** GitHub's 422 for an over-long body, in the shape it really sends. */
  #tooLong(context: HandlerContext, resource: string, field: string, body: string | undefined): Reply | undefined {
    if (body === undefined || characters(body) <= GITHUB_BODY_LIMIT) return undefined;
    return errorReply(context.operation, 422, 'Validation Failed', [
      { resource, code: 'unprocessable', field, message: `Body is too long (maximum is ${GITHUB_BODY_LIMIT} characters)` },
    ]);
  }

  #page(context: HandlerContext, items: readonly unknown[]): Reply {
    const perPage = Math.min(Math.max(Number(context.query.per_page ?? 30), 1), 100);
    const page = Math.max(Number(context.query.page ?? 1), 1);
    const lastPage = Math.max(1, Math.ceil(items.length / perPage));
    const link = (target: number, rel: string): string => {
      const url = new URL(context.requestUrl);
      url.searchParams.set('page', String(target));
      return `<${url.href}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'));
    if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers: links.length === 0 ? {} : { link: links.join(', ') } };
  }

  #createReview(context: HandlerContext, pull: FakePullRequest): Reply {
    const input = context.body as { body?: string; event?: 'APPROVE' | 'REQUEST_CHANGES' | 'COMMENT'; commit_id?: string; comments?: ReviewCommentInput[] };
    const inputs = input.comments ?? [];
    const tooLong =
      this.#tooLong(context, 'PullRequestReview', 'body', input.body) ??
      inputs.map((comment) => this.#tooLong(context, 'PullRequestReviewComment', 'body', comment.body)).find((reply) => reply !== undefined);
    if (tooLong !== undefined) return tooLong;
    const body = input.body ?? '';
    if (body === '' && inputs.length === 0 && input.event === 'REQUEST_CHANGES') {
      return errorReply(context.operation, 422, 'Unprocessable Entity', ['You need to leave a comment indicating the requested changes.']);
    }
    // GitHub refuses this too; its wording for COMMENT is not documented, so ours is made up.
    if (body === '' && inputs.length === 0 && input.event === 'COMMENT') {
      return errorReply(context.operation, 422, 'Unprocessable Entity', ['A COMMENT review needs a body or inline comments.']);
    }
    const state = input.event === undefined ? 'PENDING' : ({ APPROVE: 'APPROVED', REQUEST_CHANGES: 'CHANGES_REQUESTED', COMMENT: 'COMMENTED' } as const)[input.event];
    if (state === 'PENDING' && this.state.reviews.some((review) => this.#onPull(review.repository, review.pullNumber, pull) && review.author === this.#login && review.state === 'PENDING')) {
      return errorReply(context.operation, 422, 'Unprocessable Entity', ['User can only have one pending review per pull request']);
    }
    const resolved = inputs.map((comment) => this.#resolveThread(pull, comment));
    const problems = [...new Set(resolved.flatMap((result) => ('errors' in result ? result.errors : [])))];
    // GitHub creates a review all or nothing and does not say which comment failed.
    if (problems.length > 0) return errorReply(context.operation, 422, 'Unprocessable Entity', [toSentence(problems)]);
    const now = this.#now();
    const commitId = input.commit_id ?? pull.headSha;
    const review: FakeReview = {
      id: this.#id(),
      repository: pull.repository,
      pullNumber: pull.number,
      body,
      state,
      commitId,
      author: this.#login,
      submittedAt: state === 'PENDING' ? null : now,
    };
    this.state.reviews.push(review);
    inputs.forEach((comment, index) => {
      const thread = resolved[index];
      if (thread === undefined || 'errors' in thread) return;
      this.state.reviewComments.push({
        id: this.#id(),
        reviewId: review.id,
        repository: pull.repository,
        pullNumber: pull.number,
        path: comment.path,
        body: comment.body,
        commitId,
        author: this.#login,
        createdAt: now,
        ...thread,
      });
    });
    return { status: 200, body: this.#renderReview(review) };
  }

  /** Where an inline comment lands in the file's diff, or GitHub's complaints about it. */
  #resolveThread(
    pull: FakePullRequest,
    comment: ReviewCommentInput,
  ): Pick<FakeReviewComment, 'line' | 'side' | 'startLine' | 'startSide' | 'position' | 'diffHunk'> | { readonly errors: readonly string[] } {
    const file = pull.files.find((candidate) => candidate.filename === comment.path);
    if (file === undefined) return { errors: ['Pull request review thread path is invalid', "Pull request review thread diff hunk can't be blank"] };
    if (file.patch === undefined) return { errors: ["Pull request review thread diff hunk can't be blank"] };
    const { lines, diffLines } = parsePatch(file.patch);
    const sides = ['LEFT', 'RIGHT'];
    if ((comment.side !== undefined && !sides.includes(comment.side)) || (comment.start_side !== undefined && !sides.includes(comment.start_side))) {
      return { errors: ['Pull request review thread side is not included in the list'] };
    }
    const onSide = (side: string, line: number) => diffLines.find((candidate) => (side === 'LEFT' ? candidate.left : candidate.right) === line);
    let target: DiffLine | undefined;
    let side = (comment.side ?? 'RIGHT') as 'LEFT' | 'RIGHT';
    if (comment.line !== undefined) {
      target = onSide(side, comment.line);
    } else if (comment.position !== undefined) {
      target = diffLines.find((candidate) => candidate.position === comment.position);
      if (target !== undefined) side = target.right === null ? 'LEFT' : 'RIGHT';
    } else {
      return { errors: ["Pull request review thread diff hunk can't be blank"] };
    }
    if (target === undefined) return { errors: ['Pull request review thread line must be part of the diff'] };
    let startSide: 'LEFT' | 'RIGHT' | null = null;
    if (comment.start_line !== undefined) {
      startSide = (comment.start_side ?? side) as 'LEFT' | 'RIGHT';
      const start = onSide(startSide, comment.start_line);
      if (start === undefined || start.hunkStart !== target.hunkStart || start.position > target.position) {
        return { errors: ['Pull request review thread start line must be part of the same hunk as the line.'] };
      }
    }
    return {
      line: (side === 'LEFT' ? target.left : target.right) ?? 0,
      side,
      startLine: comment.start_line ?? null,
      startSide,
      position: target.position,
      diffHunk: lines.slice(target.hunkStart, target.position + 1).join('\n'),
    };
  }

  // Rendering: enough of GitHub's fields for Octokit and for code that reads the usual ones.

  /** A `simple-user`, with every field GitHub's schema requires. */
  #renderUser(login: string): Record<string, unknown> {
    const id = login === DEFAULT_LOGIN ? 41898282 : numericId(`user ${login}`);
    const url = `${this.#apiUrl}/users/${encodeURIComponent(login)}`;
    return {
      login,
      id,
      node_id: `U_${id}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url,
      html_url: `${HTML_URL}/${login.endsWith('[bot]') ? `apps/${login.slice(0, -5)}` : login}`,
      followers_url: `${url}/followers`,
      following_url: `${url}/following{/other_user}`,
      gists_url: `${url}/gists{/gist_id}`,
      starred_url: `${url}/starred{/owner}{/repo}`,
      subscriptions_url: `${url}/subscriptions`,
      organizations_url: `${url}/orgs`,
      repos_url: `${url}/repos`,
      events_url: `${url}/events{/privacy}`,
      received_events_url: `${url}/received_events`,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      site_admin: false,
    };
  }

  /** `GET /user` for a personal access token: a `private-user`. */
  #renderAuthenticatedUser(login: string): Record<string, unknown> {
    return {
      ...this.#renderUser(login),
      name: null,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: new Date(CLOCK_START).toISOString().replace('.000Z', 'Z'),
      updated_at: new Date(CLOCK_START).toISOString().replace('.000Z', 'Z'),
      private_gists: 0,
      total_private_repos: 0,
      owned_private_repos: 0,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: true,
    };
  }

  #association(repository: string, login: string): string {
    if (login.endsWith('[bot]')) return 'NONE';
    return repository.split('/')[0]?.toLowerCase() === login.toLowerCase() ? 'OWNER' : 'CONTRIBUTOR';
  }

  #renderRepository(fullName: string): Record<string, unknown> {
    const [owner = '', name = ''] = fullName.split('/');
    const id = numericId(`repository ${fullName.toLowerCase()}`);
    return {
      id,
      node_id: `R_${id}`,
      name,
      full_name: fullName,
      private: false,
      owner: this.#renderUser(owner),
      html_url: `${HTML_URL}/${fullName}`,
      url: `${this.#apiUrl}/repos/${fullName}`,
      fork: false,
      default_branch: 'main',
      visibility: 'public',
    };
  }

  #renderIssueComment(comment: FakeIssueComment): Record<string, unknown> & { url: string } {
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${this.#apiUrl}/repos/${comment.repository}/issues/comments/${comment.id}`,
      html_url: `${HTML_URL}/${comment.repository}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
      issue_url: `${this.#apiUrl}/repos/${comment.repository}/issues/${comment.issueNumber}`,
      body: comment.body,
      user: this.#renderUser(comment.author),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      author_association: this.#association(comment.repository, comment.author),
      performed_via_github_app: null,
    };
  }

  #renderLabel(repository: string, name: string): Record<string, unknown> {
    const id = numericId(`label ${repository} ${name}`);
    return { id, node_id: `LA_${id}`, url: `${this.#apiUrl}/repos/${repository}/labels/${encodeURIComponent(name)}`, name, color: 'ededed', default: false, description: null };
  }

  #renderPull(pull: FakePullRequest): Record<string, unknown> {
    const id = numericId(`pull ${pull.repository} ${pull.number}`);
    const api = `${this.#apiUrl}/repos/${pull.repository}`;
    const html = `${HTML_URL}/${pull.repository}/pull/${pull.number}`;
    const branch = (ref: string, commit: string, fullName: string) => {
      const repository = { ...this.#renderRepository(fullName), fork: fullName.toLowerCase() !== pull.repository.toLowerCase() };
      const owner = fullName.split('/')[0] ?? '';
      return { label: `${owner}:${ref}`, ref, sha: commit, user: this.#renderUser(owner), repo: repository };
    };
    const counts = pull.files.map((file) => diffCounts(file.patch));
    return {
      url: `${api}/pulls/${pull.number}`,
      id,
      node_id: `PR_${id}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${api}/issues/${pull.number}`,
      commits_url: `${api}/pulls/${pull.number}/commits`,
      review_comments_url: `${api}/pulls/${pull.number}/comments`,
      comments_url: `${api}/issues/${pull.number}/comments`,
      statuses_url: `${api}/statuses/${pull.headSha}`,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: this.#renderUser(pull.author),
      body: pull.body,
      labels: pull.labels.map((label) => this.#renderLabel(pull.repository, label)),
      milestone: null,
      active_lock_reason: null,
      created_at: new Date(CLOCK_START).toISOString().replace('.000Z', 'Z'),
      updated_at: new Date(CLOCK_START).toISOString().replace('.000Z', 'Z'),
      closed_at: null,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: branch(pull.headRef, pull.headSha, pull.headRepository),
      base: branch(pull.baseRef, pull.baseSha, pull.repository),
      _links: { self: { href: `${api}/pulls/${pull.number}` }, html: { href: html }, issue: { href: `${api}/issues/${pull.number}` } },
      author_association: this.#association(pull.repository, pull.author),
      auto_merge: null,
      draft: pull.draft,
      merged: false,
      mergeable: true,
      rebaseable: true,
      mergeable_state: 'clean',
      merged_by: null,
      comments: this.state.issueComments.filter((comment) => this.#onPull(comment.repository, comment.issueNumber, pull)).length,
      review_comments: this.state.reviewComments.filter((comment) => this.#onPull(comment.repository, comment.pullNumber, pull)).length,
      maintainer_can_modify: false,
      commits: 1,
      additions: counts.reduce((sum, count) => sum + count.additions, 0),
      deletions: counts.reduce((sum, count) => sum + count.deletions, 0),
      changed_files: pull.files.length,
    };
  }

  #renderFile(pull: FakePullRequest, file: PullRequestFile): Record<string, unknown> {
    const { additions, deletions } = diffCounts(file.patch);
    const path = file.filename.split('/').map(encodeURIComponent).join('/');
    return {
      sha: sha(`blob ${file.filename} ${file.patch ?? ''}`),
      filename: file.filename,
      status: file.status ?? 'modified',
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `${HTML_URL}/${pull.repository}/blob/${pull.headSha}/${path}`,
      raw_url: `${HTML_URL}/${pull.repository}/raw/${pull.headSha}/${path}`,
      contents_url: `${this.#apiUrl}/repos/${pull.repository}/contents/${path}?ref=${pull.headSha}`,
      ...(file.patch === undefined ? {} : { patch: file.patch }),
      ...(file.previousFilename === undefined ? {} : { previous_filename: file.previousFilename }),
    };
  }

  /** An entry of the contents API; `ref` as the request named it, as GitHub writes it into the links. */
  #renderContent(tree: FakeRepositoryFiles, ref: string, entry: TreeEntry): Record<string, unknown> {
    const path = urlPath(entry.path);
    const self = `${this.#apiUrl}/repos/${tree.repository}/contents/${path}?ref=${encodeURIComponent(ref)}`;
    const git = `${this.#apiUrl}/repos/${tree.repository}/git/${entry.type === 'dir' ? 'trees' : 'blobs'}/${entry.sha}`;
    const html = `${HTML_URL}/${tree.repository}/${entry.type === 'dir' ? 'tree' : 'blob'}/${urlPath(ref)}/${path}`;
    return {
      name: entry.name,
      path: entry.path,
      sha: entry.sha,
      size: entry.size,
      url: self,
      html_url: html,
      git_url: git,
      download_url: entry.type === 'dir' ? null : `${RAW_URL}/${tree.repository}/${urlPath(ref)}/${path}`,
      type: entry.type,
      _links: { self, git, html },
    };
  }

  #renderDiff(pull: FakePullRequest): string {
    return pull.files
      .map((file) => {
        const before = file.previousFilename ?? file.filename;
        const header = [`diff --git a/${before} b/${file.filename}`];
        if (file.status === 'added') header.push('new file mode 100644');
        if (file.status === 'removed') header.push('deleted file mode 100644');
        header.push(`--- ${file.status === 'added' ? '/dev/null' : `a/${before}`}`, `+++ ${file.status === 'removed' ? '/dev/null' : `b/${file.filename}`}`);
        return `${[...header, ...(file.patch === undefined ? [] : [file.patch])].join('\n')}\n`;
      })
      .join('');
  }

  #renderReview(review: FakeReview): Record<string, unknown> {
    const html = `${HTML_URL}/${review.repository}/pull/${review.pullNumber}`;
    const pullUrl = `${this.#apiUrl}/repos/${review.repository}/pulls/${review.pullNumber}`;
    return {
      id: review.id,
      node_id: `PRR_${review.id}`,
      user: this.#renderUser(review.author),
      body: review.body,
      state: review.state,
      html_url: `${html}#pullrequestreview-${review.id}`,
      pull_request_url: pullUrl,
      author_association: this.#association(review.repository, review.author),
      _links: { html: { href: `${html}#pullrequestreview-${review.id}` }, pull_request: { href: pullUrl } },
      ...(review.submittedAt === null ? {} : { submitted_at: review.submittedAt }),
      commit_id: review.commitId,
    };
  }

  #renderReviewComment(comment: FakeReviewComment): Record<string, unknown> {
    const url = `${this.#apiUrl}/repos/${comment.repository}/pulls/comments/${comment.id}`;
    const html = `${HTML_URL}/${comment.repository}/pull/${comment.pullNumber}#discussion_r${comment.id}`;
    const pullUrl = `${this.#apiUrl}/repos/${comment.repository}/pulls/${comment.pullNumber}`;
    return {
      url,
      pull_request_review_id: comment.reviewId,
      id: comment.id,
      node_id: `PRRC_${comment.id}`,
      diff_hunk: comment.diffHunk,
      path: comment.path,
      position: comment.position,
      original_position: comment.position,
      commit_id: comment.commitId,
      original_commit_id: comment.commitId,
      user: this.#renderUser(comment.author),
      body: comment.body,
      created_at: comment.createdAt,
      updated_at: comment.createdAt,
      html_url: html,
      pull_request_url: pullUrl,
      author_association: this.#association(comment.repository, comment.author),
      _links: { self: { href: url }, html: { href: html }, pull_request: { href: pullUrl } },
      start_line: comment.startLine,
      original_start_line: comment.startLine,
      start_side: comment.startSide,
      line: comment.line,
      original_line: comment.line,
      side: comment.side,
      subject_type: 'line',
    };
  }
}

function diffCounts(patch: string | undefined): { additions: number; deletions: number } {
  const { diffLines } = parsePatch(patch ?? '');
  return {
    additions: diffLines.filter((line) => line.left === null).length,
    deletions: diffLines.filter((line) => line.right === null).length,
  };
}

// ---------------------------------------------------------------------------------------------
// The server

type MutableRecord = { -readonly [K in keyof RecordedRequest]: RecordedRequest[K] };

interface ForcedEntry {
  readonly matches: (record: RecordedRequest, operation: Operation) => boolean;
  readonly response: ForcedResponse;
  remaining: number;
}

function parseQuery(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [rawKey, value] of search) {
    const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    const previous = query[key];
    query[key] = previous === undefined ? (rawKey.endsWith('[]') ? [value] : value) : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return query;
}

/** The whole body of a request. */
export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { 'x-github-media-type': 'github.v3; format=json', ...reply.headers };
  if (reply.status === 204 || (reply.body === undefined && reply.text === undefined)) {
    response.writeHead(reply.status, headers).end();
    return;
  }
  const payload = reply.text ?? JSON.stringify(reply.body);
  response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(payload);
}

/**
 * Starts a fake GitHub REST API on 127.0.0.1 (a free port). Resolves once it listens; the
 * first call of the process also loads the OpenAPI description (about a second).
 */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const spec = await loadSpec();
  const unknownBodyFields = options.unknownBodyFields ?? 'reject';
  const defaultRepository = options.repository ?? DEFAULT_REPOSITORY;
  const model = new GitHubModel(options.login ?? DEFAULT_LOGIN, defaultRepository);
  for (const seed of options.pullRequests ?? []) model.addPullRequest(seed);
  for (const seed of options.repositoryFiles ?? []) model.addRepositoryFiles(seed);
  const requests: RecordedRequest[] = [];
  const forced: ForcedEntry[] = [];
  let url = '';

  function reject(record: MutableRecord, operation: Operation | undefined, status: number, message: string): Reply {
    record.rejection = message;
    return errorReply(operation, status, message);
  }

  function respond(record: MutableRecord, raw: Buffer, request: IncomingMessage, requestUrl: URL): Reply {
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const isJson = contentType === '' || contentType === 'application/json' || contentType.endsWith('+json');
    let bodyError: string | undefined;
    if (raw.length > 0) {
      const text = raw.toString('utf8');
      record.body = text;
      if (isJson) {
        try {
          record.body = JSON.parse(text);
        } catch (error) {
          bodyError = `Problems parsing JSON: ${(error as Error).message}`;
        }
      }
    }

    const match = findOperation(spec, record.method, record.path);
    if (match.kind === 'no-path') {
      return reject(record, undefined, 404, `Not Found: no operation in GitHub's OpenAPI description matches ${record.method} ${record.path}`);
    }
    if (match.kind === 'no-method') {
      return reject(record, undefined, 404, `Not Found: GitHub's OpenAPI description has no ${record.method} ${match.template} (only ${match.methods.join(', ')})`);
    }
    const { operation } = match;
    record.operationId = operation.operationId;
    record.route = operation.route;
    const validators = validatorsFor(operation, unknownBodyFields);
    const where = `${operation.operationId} (${operation.route})`;

    const params: Record<string, unknown> = {};
    try {
      operation.paramNames.forEach((name, index) => (params[name] = decodeURIComponent(match.values[index] ?? '')));
    } catch {
      return reject(record, operation, 400, `Invalid path for ${where}: malformed percent-encoding`);
    }
    if (!validators.path(params)) {
      const details = describeErrors(validators.path.errors, params, (pointer) => `path parameter '${pointer.slice(1)}'`);
      return reject(record, operation, 400, `Invalid path parameter for ${where}: ${details}`);
    }
    record.params = params;

    const query: Record<string, unknown> = structuredClone(record.query);
    if (!validators.query(query)) {
      const listed = operation.queryParams.map((parameter) => parameter.name).join(', ') || 'none';
      const details = describeErrors(validators.query.errors, query, (pointer) => (pointer === '' ? 'the query' : `query parameter '${pointer.slice(1).split('/')[0]}'`));
      return reject(record, operation, 400, `Invalid query for ${where}: ${details} (the description lists: ${listed})`);
    }

    if (raw.length > 0) {
      if (operation.bodyTypes === undefined) return reject(record, operation, 422, `Invalid request body for ${where}: the operation takes no body`);
      if (isJson && !operation.bodyTypes.has('application/json')) {
        return reject(record, operation, 415, `Unsupported Media Type: ${where} takes ${[...operation.bodyTypes.keys()].join(', ')}`);
      }
      if (!isJson && !operation.bodyTypes.has(contentType)) {
        return reject(record, operation, 415, `Unsupported Media Type: ${where} takes ${[...operation.bodyTypes.keys()].join(', ')}, not ${contentType}`);
      }
      if (bodyError !== undefined) return reject(record, operation, 400, bodyError);
      if (isJson && validators.body !== undefined && !validators.body(record.body)) {
        return reject(record, operation, 422, `Invalid request body for ${where}: ${describeErrors(validators.body.errors, record.body, bodyPath)}`);
      }
    } else if (operation.bodyRequired) {
      return reject(record, operation, 400, `Problems parsing JSON: ${where} requires a request body`);
    }
    record.accepted = true;

    const entry = forced.findLast((candidate) => candidate.remaining > 0 && candidate.matches(record, operation));
    if (entry !== undefined) {
      entry.remaining -= 1;
      record.forced = true;
      const { status, message, body, headers } = entry.response;
      const reply = errorReply(operation, status, message ?? STATUS_CODES[status] ?? 'Error');
      return { status, body: body === undefined ? reply.body : body, headers: headers ?? {} };
    }
    if (!['GET', 'HEAD'].includes(record.method) && request.headers.authorization === undefined) {
      return errorReply(operation, 401, 'Requires authentication');
    }
    const handler = model.handlers[operation.operationId];
    if (handler === undefined) {
      return errorReply(operation, 501, `Not Implemented: the fake GitHub has no model for ${where}; the request conforms to the description`);
    }
    return handler({ operation, params, query, body: record.body, requestUrl, accept: String(request.headers.accept ?? '') });
  }

  const server = createServer((request, response) => {
    readBody(request).then((raw) => {
      // Concatenated, not resolved: a path starting with // must stay a path.
      const requestUrl = new URL(`${url}${request.url ?? '/'}`);
      const record: MutableRecord = {
        method: (request.method ?? 'GET').toUpperCase(),
        path: requestUrl.pathname,
        query: parseQuery(requestUrl.searchParams),
        body: undefined,
        headers: request.headers,
        operationId: null,
        route: null,
        params: {},
        accepted: false,
        rejection: null,
        status: 0,
        forced: false,
      };
      requests.push(record);
      let reply: Reply;
      try {
        reply = respond(record, raw, request, requestUrl);
      } catch (error) {
        reply = errorReply(undefined, 500, `fake GitHub failed: ${(error as Error).stack ?? String(error)}`);
      }
      record.status = reply.status;
      send(response, reply);
    }, () => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fake GitHub has no port');
  url = `http://127.0.0.1:${address.port}`;
  model.apiUrl = url;

  /** Turns a route, concrete path or operationId into a matcher; throws when it names nothing. */
  function matcherFor(route: string): ForcedEntry['matches'] {
    const methodAndPath = /^([A-Za-z]+)\s+(\/\S*)$/.exec(route);
    if (methodAndPath === null) {
      const operation = spec.byOperationId.get(route);
      if (operation === undefined) throw new Error(`forceResponse: '${route}' is no operationId of GitHub's OpenAPI description`);
      return (_, candidate) => candidate === operation;
    }
    const method = (methodAndPath[1] ?? '').toUpperCase();
    const path = methodAndPath[2] ?? '';
    if (path.includes('{')) {
      const operation = spec.byRoute.get(`${method} ${path}`);
      if (operation === undefined) throw new Error(`forceResponse: no operation ${method} ${path} in GitHub's OpenAPI description`);
      return (_, candidate) => candidate === operation;
    }
    const found = findOperation(spec, method, path);
    if (found.kind !== 'found') throw new Error(`forceResponse: no operation in GitHub's OpenAPI description matches ${method} ${path}`);
    return (record, candidate) => candidate === found.operation && record.path === path;
  }

  return {
    url,
    requests,
    state: model.state,
    spec: { file: spec.file, operations: spec.operations.length, loadMs: spec.loadMs },
    addPullRequest: (seed) => model.addPullRequest(seed),
    addIssueComments: (pull, comments) =>
      typeof pull === 'number' ? model.addIssueComments(defaultRepository, pull, comments) : model.addIssueComments(pull.repository ?? defaultRepository, pull.number, comments),
    addReviewComments: (pull, comments) =>
      typeof pull === 'number' ? model.addReviewComments(defaultRepository, pull, comments) : model.addReviewComments(pull.repository ?? defaultRepository, pull.number, comments),
    addRepositoryFiles: (seed) => model.addRepositoryFiles(seed),
    forceResponse(route, response) {
      const matches = matcherFor(route);
      const when = response.when;
      const entry: ForcedEntry = {
        matches: when === undefined ? matches : (record, operation) => matches(record, operation) && when(record),
        response,
        remaining: response.times ?? Number.POSITIVE_INFINITY,
      };
      forced.push(entry);
      return () => {
        const index = forced.indexOf(entry);
        if (index >= 0) forced.splice(index, 1);
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        // Octokit's fetch keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
