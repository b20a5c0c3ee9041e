/**
 * A pure interpreter of the part of Go's text/template that ResourceSet templates use,
 * faithful to Go's semantics for what it supports and refusing the rest with a reason.
 * It reads no files, environment or clock: the same text and functions give the same output.
 */
import { executeParsed } from './go-template-exec.ts';
import { BUILTINS } from './go-template-builtins.ts';
import { parseTemplate } from './go-template-parse.ts';
import type { TemplateFunction } from './go-signature.ts';
import { byteLength, TemplateError } from './go-values.ts';

// The error and the value and function types live with the value model and the signatures, which every module shares.
export { TemplateError } from './go-values.ts';
export type { TemplateFunction, TemplateValue } from './go-signature.ts';

/** The longest template text prune-guard parses, in UTF-8 bytes. */
export const MAX_TEMPLATE_BYTES = 4 * 1024 * 1024;

/** The name the operator gives its templates, which Go's messages quote. */
const TEMPLATE_NAME = 'resourceset';

/** How a template is delimited and which functions it may call. */
export interface TemplateOptions {
  /** The left delimiter, e.g. '<<'. */
  readonly left: string;
  /** The right delimiter, e.g. '>>'. */
  readonly right: string;
  /** The functions the template may call, by name (they take precedence over the builtins, as in Go). */
  readonly functions: Readonly<Record<string, TemplateFunction>>;
  /** Names the real function map has but `functions` does not implement: using one is a TemplateError with `unsupported` set (Go itself would have run it). */
  readonly unsupported?: ReadonlySet<string>;
}

/** Parses and executes `text` with no data (`.` is nil), as template.New(..).Delims(..).Funcs(..).Option("missingkey=error").Parse(text).Execute(w, nil). */
export function executeTemplate(text: string, options: TemplateOptions): string {
  if (text.length > MAX_TEMPLATE_BYTES || byteLength(text) > MAX_TEMPLATE_BYTES) {
    throw new TemplateError(`template: ${TEMPLATE_NAME}: the template is larger than 4 MiB, more than prune-guard parses`);
  }
  const unsupported = options.unsupported ?? new Set<string>();
  const hasFunction = (name: string): boolean => Object.hasOwn(options.functions, name) || unsupported.has(name) || BUILTINS.has(name);
  const parsed = parseTemplate(text, TEMPLATE_NAME, options.left, options.right, hasFunction);
  return executeParsed(parsed, { name: TEMPLATE_NAME, text, functions: options.functions, unsupported });
}
