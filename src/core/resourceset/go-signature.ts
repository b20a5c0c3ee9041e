/**
 * The Go parameter types of template functions. Go's text/template converts each argument
 * to its parameter's type and fails on a mismatch (an int64 input given to an `int`
 * parameter, a number given to a `string` one), so prune-guard must know the types to fail
 * as the operator does.
 */
import { constantValue, type NumberLiteral } from './go-literals.ts';
import { GoNumber, goFloat, goInt, goTypeName, isGoMap, isNil, numberType } from './go-values.ts';

/** A value a template sees: JSON-like data (numbers that are whole are Go int64, others float64), or a function's result. */
export type TemplateValue = unknown;

/** A template function: receives evaluated arguments, returns a value or throws TemplateError. */
export type TemplateFunction = (...args: TemplateValue[]) => TemplateValue;

/**
 * A Go parameter type: `any` is interface{}, `value` is reflect.Value (the builtins'), `map`
 * is map[string]interface{}; the others are the Go types of the same name.
 */
export type GoParam = 'any' | 'value' | 'string' | 'int' | 'float64' | 'bool' | 'map';

/** A function's Go parameters; `variadic` is the element type of a final `...` parameter. */
export interface GoSignature {
  readonly params: readonly GoParam[];
  readonly variadic?: GoParam;
}


const signatures = new WeakMap<TemplateFunction, GoSignature>();

/** A template function whose arguments the executor converts as Go would for these parameter types. */
export function goFunction(params: readonly GoParam[], implementation: (...args: never[]) => unknown, variadic?: GoParam): TemplateFunction {
  const fn = implementation as unknown as TemplateFunction;
  signatures.set(fn, variadic === undefined ? { params } : { params, variadic });
  return fn;
}

/** The signature of a function; one without a declared signature takes any number of interface{} arguments. */
export function signatureOf(fn: TemplateFunction): GoSignature {
  return signatures.get(fn) ?? { params: [], variadic: 'any' };
}

/** A parameter type as Go names it in messages. */
export function describeParam(param: GoParam): string {
  switch (param) {
    case 'any':
      return 'interface {}';
    case 'value':
      return 'reflect.Value';
    case 'map':
      return 'map[string]interface {}';
    default:
      return param;
  }
}

/** An argument converted to a parameter's type, or Go's reason why it cannot be. */
export type Converted = { readonly value: unknown } | { readonly error: string };

/** A literal written in a command: what Go's evalArg converts without evaluating. */
export type Literal = { readonly kind: 'bool'; readonly value: boolean } | { readonly kind: 'string'; readonly text: string; readonly quoted: string } | NumberLiteral;

/** Go's validateType: an evaluated value must already have the parameter's type (nil only fits interfaces and maps). */
export function convertValue(value: unknown, param: GoParam): Converted {
  if (param === 'any' || param === 'value') return { value };
  if (isNil(value)) return param === 'map' ? { value: null } : { error: `invalid value; expected ${describeParam(param)}` };
  const ok =
    (param === 'string' && typeof value === 'string') ||
    (param === 'bool' && typeof value === 'boolean') ||
    (param === 'int' && numberType(value) === 'int') ||
    (param === 'float64' && numberType(value) === 'float64') ||
    (param === 'map' && isGoMap(value) && goTypeName(value) === 'map[string]interface {}');
  if (!ok) return { error: `wrong type for value; expected ${describeParam(param)}; got ${goTypeName(value)}` };
  return { value: typeof value === 'number' ? new GoNumber(numberType(value) ?? 'float64', value) : value };
}

/** Go's evalArg for a literal: a constant takes the parameter's type if its syntax allows. */
export function convertLiteral(literal: Literal, param: GoParam): Converted {
  const shown = literal.kind === 'number' ? literal.text : literal.kind === 'string' ? literal.quoted : String(literal.value);
  switch (param) {
    case 'any':
    case 'value': {
      if (literal.kind !== 'number') return { value: literal.kind === 'bool' ? literal.value : literal.text };
      const value = constantValue(literal);
      return value === undefined ? { error: `${literal.text} overflows int` } : { value };
    }
    case 'bool':
      return literal.kind === 'bool' ? { value: literal.value } : { error: `expected bool; found ${shown}` };
    case 'string':
      return literal.kind === 'string' ? { value: literal.text } : { error: `expected string; found ${shown}` };
    case 'int':
      return literal.kind === 'number' && literal.isInt ? { value: goInt(literal.value) } : { error: `expected integer; found ${shown}` };
    case 'float64':
      return literal.kind === 'number' && literal.isFloat ? { value: goFloat(literal.value) } : { error: `expected float; found ${shown}` };
    case 'map':
      return { error: `can't handle ${shown} for arg of type ${describeParam(param)}` };
  }
}
