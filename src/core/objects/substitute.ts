/**
 * kustomize-controller's post-build variable substitution (`spec.postBuild`), applied to one
 * rendered object after the kustomize build, so that identities that depend on variables
 * (`metadata.name: app-${cluster}`) are the ones Flux applies and prunes.
 *
 * Follows fluxcd/pkg `kustomize/kustomize_varsub.go` and its envsubst fork (`envsubst/parse`,
 * `envsubst/funcs.go`, `envsubst/template.go`) as read from the source, which in places differs
 * from the envsubst README:
 * - `${var=default}` behaves exactly like `${var:=default}`: every default operator goes
 *   through `toDefault`, which uses the default when the value is empty, set or not.
 * - `${var-default}`, `${var+x}` and `${var?x}` are not parsed at all ("missing closing
 *   brace"): Flux fails the build. `${var:+x}` and `${var:?x}` parse and act like `${var:-x}`.
 * - Every `$$` outside `${...}` becomes `$`, which is what makes `$${var}` a literal `${var}`.
 * - Defaults may hold nested expressions, `${a:=${b}-suffix}`; they are evaluated even when
 *   the outer variable has a value, so a nested variable with no value still fails the build.
 *
 * Where Flux fails the build (strict mode, the default since kustomize-controller v1.9), this
 * module does not throw: an unset variable becomes {@link formatUnsetPlaceholder} and is
 * listed in `missing`; an expression Flux cannot parse, or whose operator is not emulated
 * here (`${#var}`, `${var^^}`, `${var:1:2}`, `${var/a/b}`, `${var%.*}`), is left as written
 * and listed in `unresolved`. The caller turns both into notices.
 */
import { getMetadata, isRecord, type KubeObject } from './kube-objects.ts';

/**
 * The label or annotation that exempts an object from substitution. Flux compares the value
 * with `==`, so unlike the prune opt-out only the exact lower-case `disabled` counts.
 */
export const SUBSTITUTE_OPT_OUT = { key: 'kustomize.toolkit.fluxcd.io/substitute', value: 'disabled' } as const;

/** How kustomize-controller validates the names of variables it is given. */
export const VARIABLE_NAME_PATTERN = /^[_a-zA-Z][_a-zA-Z0-9]*$/;

/** Options of {@link substituteObject}. */
export interface SubstituteOptions {
  /**
   * Substitute even when there are no variables, as `spec.postBuild.substituteStrategy: Always`
   * (kustomize-controller v1.9+) does. The default strategy, `WithVariables`, skips objects
   * entirely when no variable resolved, so `${x:=default}` then stays as written.
   */
  readonly always?: boolean;
}

/** What {@link substituteText} made of a string. */
export interface TextSubstitution {
  /** The substituted text. */
  readonly text: string;
  /** Variables referenced with no value and no default, sorted and unique. */
  readonly missing: string[];
  /** `${...}` expressions left as written (see the module comment), sorted and unique. */
  readonly unresolved: string[];
}

/** What {@link substituteObject} made of an object. */
export interface SubstitutionResult {
  /** The substituted object: a new object, or the input itself when substitution is skipped. */
  readonly body: KubeObject;
  /** Variables referenced with no value and no default, sorted and unique. Flux fails the build on each. */
  readonly missing: string[];
  /** `${...}` expressions left as written (see the module comment), sorted and unique. */
  readonly unresolved: string[];
}

/** Returns what stands in the output where a variable with no value and no default was. */
export function formatUnsetPlaceholder(name: string): string {
  return `<unset:${name}>`;
}

/** Returns true for a name kustomize-controller accepts as a variable name. */
export function isValidVariableName(name: string): boolean {
  return VARIABLE_NAME_PATTERN.test(name);
}

/** Returns true when the object opts out of substitution by a label or an annotation. */
export function isSubstitutionDisabled(body: KubeObject): boolean {
  const metadata = getMetadata(body);
  return [metadata.labels, metadata.annotations].some(
    (map) => isRecord(map) && map[SUBSTITUTE_OPT_OUT.key] === SUBSTITUTE_OPT_OUT.value,
  );
}

/**
 * Returns true when Flux substitutes at all: when at least one variable is defined, or
 * always with {@link SubstituteOptions.always}.
 */
export function shouldSubstitute(variables: Readonly<Record<string, string>>, options: SubstituteOptions = {}): boolean {
  return options.always === true || Object.keys(variables).length > 0;
}

/**
 * Substitutes variables in one object as kustomize-controller does after the build. Objects
 * that opt out ({@link SUBSTITUTE_OPT_OUT}), and every object when {@link shouldSubstitute}
 * says no, come back unchanged with nothing missing. The input is never mutated.
 *
 * Flux substitutes the object's YAML text and parses the result again; this walks the parsed
 * object instead and substitutes every string, keys included, which reaches the same places
 * (names, namespaces, labels) without re-parsing. The difference: a result stays a string.
 * `replicas: ${REPLICAS}` with `REPLICAS=3` gives the string `"3"`, where Flux's re-parse gives
 * the number 3, and a value holding YAML syntax (`a: b`, a newline) stays one string instead
 * of changing the document's structure. Neither changes an object's identity, which is what
 * substitution matters for here.
 */
export function substituteObject(
  body: KubeObject,
  variables: Readonly<Record<string, string>>,
  options: SubstituteOptions = {},
): SubstitutionResult {
  if (isSubstitutionDisabled(body) || !shouldSubstitute(variables, options)) {
    return { body, missing: [], unresolved: [] };
  }
  const substitution = new Substitution(variables);
  const substituted = substituteValue(body, substitution) as KubeObject;
  return { body: substituted, ...substitution.report() };
}

/**
 * Substitutes variables in one string, always (the `len(vars) > 0` rule is
 * {@link substituteObject}'s). Values are inserted literally: a value holding `${x}` or `$$`
 * is not substituted again.
 */
export function substituteText(text: string, variables: Readonly<Record<string, string>>): TextSubstitution {
  const substitution = new Substitution(variables);
  return { text: substitution.substitute(text), ...substitution.report() };
}

function substituteValue(value: unknown, substitution: Substitution): unknown {
  if (typeof value === 'string') return substitution.substitute(value);
  if (Array.isArray(value)) return value.map((item) => substituteValue(item, substitution));
  if (isRecord(value)) {
    // fromEntries defines own properties, so a `__proto__` key stays a key.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [substitution.substitute(key), substituteValue(item, substitution)]),
    );
  }
  return value;
}

/** A parsed `${...}`: a variable, and for a default operator the pieces of its default. */
interface Expression {
  readonly name: string;
  readonly defaulted: boolean;
  readonly defaultParts: ReadonlyArray<string | Expression>;
}

type Parsed =
  | { readonly kind: 'expression'; readonly expression: Expression; readonly end: number }
  | { readonly kind: 'unresolved'; readonly end: number };

/** Default operators after the name, longest first; they all behave alike (envsubst's `toDefault`). */
const DEFAULT_OPERATORS = [':=', ':-', ':?', ':+', '='] as const;
/** envsubst reads a name as Go's unicode.IsLetter, IsDigit or `_`; the name check comes after. */
const NAME_CHARACTER = /[\p{L}\p{N}_]/u;

/** One substitution run: the variables, and what went missing or unresolved along the way. */
class Substitution {
  private readonly values = new Map<string, string>();
  private readonly missing = new Set<string>();
  private readonly unresolved = new Set<string>();

  constructor(variables: Readonly<Record<string, string>>) {
    // A Map, so `${constructor}` cannot find Object.prototype; Flux strips newlines from values.
    for (const [name, value] of Object.entries(variables)) this.values.set(name, value.replaceAll('\n', ''));
  }

  substitute(text: string): string {
    if (!text.includes('$')) return text;
    let output = '';
    let index = 0;
    while (index < text.length) {
      const dollar = text.indexOf('$', index);
      if (dollar === -1) {
        output += text.slice(index);
        break;
      }
      output += text.slice(index, dollar);
      const next = text[dollar + 1];
      if (next === '$') {
        output += '$';
        index = dollar + 2;
      } else if (next === '{') {
        const parsed = parseExpression(text, dollar);
        if (parsed.kind === 'expression') {
          output += this.evaluate(parsed.expression);
        } else {
          const written = text.slice(dollar, parsed.end);
          output += written;
          this.unresolved.add(describeExpression(written));
        }
        index = parsed.end;
      } else {
        // `$var` without braces is plain text to envsubst.
        output += '$';
        index = dollar + 1;
      }
    }
    return output;
  }

  report(): { missing: string[]; unresolved: string[] } {
    return { missing: [...this.missing].sort(), unresolved: [...this.unresolved].sort() };
  }

  private evaluate(expression: Expression): string {
    // Every part of the default is evaluated first, as envsubst does, so an unset nested
    // variable is reported even when the outer one has a value.
    const fallback = expression.defaultParts.map((part) => (typeof part === 'string' ? part : this.evaluate(part))).join('');
    const value = this.values.get(expression.name);
    if (!expression.defaulted) {
      if (value !== undefined) return value;
      this.missing.add(expression.name);
      return formatUnsetPlaceholder(expression.name);
    }
    return value === undefined || value === '' ? fallback : value;
  }
}

/** Parses the `${...}` that starts at `start`. */
function parseExpression(text: string, start: number): Parsed {
  const unresolved = (): Parsed => ({ kind: 'unresolved', end: findClosingBrace(text, start) });
  let index = start + 2;
  while (index < text.length && NAME_CHARACTER.test(text[index] ?? '')) index++;
  const name = text.slice(start + 2, index);
  // An empty name (`${}`, `${#var}`) or one Flux rejects as a variable name stays as written.
  if (!isValidVariableName(name)) return unresolved();
  if (text[index] === '}') return { kind: 'expression', expression: { name, defaulted: false, defaultParts: [] }, end: index + 1 };

  const operator = DEFAULT_OPERATORS.find((candidate) => text.startsWith(candidate, index));
  if (operator === undefined) {
    // Either an operator Flux evaluates and this module does not (`:` substring, `,` `^`
    // casing, `/` replace, `#` `%` trim), or something Flux cannot parse (`${var-x}`,
    // `${a.b}`, an unclosed brace): both are left as written.
    return unresolved();
  }
  index += operator.length;
  const parts: Array<string | Expression> = [];
  for (;;) {
    const close = text.indexOf('}', index);
    if (close === -1) return unresolved();
    const nested = text.indexOf('${', index);
    if (nested === -1 || nested > close) {
      if (close > index) parts.push(text.slice(index, close));
      return { kind: 'expression', expression: { name, defaulted: true, defaultParts: parts }, end: close + 1 };
    }
    if (nested > index) parts.push(text.slice(index, nested));
    const inner = parseExpression(text, nested);
    if (inner.kind !== 'expression') return unresolved();
    parts.push(inner.expression);
    index = inner.end;
  }
}

/** Returns the index after the `}` that closes the `${` at `start`, or the text's length. */
function findClosingBrace(text: string, start: number): number {
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    if (text.startsWith('${', index)) {
      depth++;
      index++;
    } else if (text[index] === '}' && --depth === 0) {
      return index + 1;
    }
  }
  return text.length;
}

/** Shortens an expression for a notice: an unclosed brace would otherwise quote the rest of a script. */
function describeExpression(written: string): string {
  const line = written.split('\n')[0] ?? written;
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
