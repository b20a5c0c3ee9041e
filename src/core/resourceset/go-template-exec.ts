/**
 * The executor of Go's text/template (exec.go) over a parsed tree: it walks text and
 * actions, evaluates pipelines with Go's argument conversions, and keeps the bounds
 * (output size, range iterations, template call depth).
 */
import { BUILTINS } from './go-template-builtins.ts';
import { lineOf } from './go-template-lex.ts';
import { describeCommand, describeOperand, type Command, type ControlNode, type NumberLiteral, type Operand, type ParsedTemplate, type Pipeline, type TemplateNode } from './go-template-parse.ts';
import { constantValue } from './go-literals.ts';
import { convertLiteral, convertValue, describeParam, signatureOf, type GoParam, type GoSignature, type TemplateFunction } from './go-signature.ts';
import {
  formatValue,
  GoCallError,
  goInt,
  goTypeName,
  hasEntry,
  isGoMap,
  isNil,
  isTrue,
  MAX_DEPTH,
  MAX_LIST,
  MAX_OUTPUT,
  numberType,
  numberValue,
  quoteGo,
  sortedKeys,
  TemplateError,
} from './go-values.ts';

/** At most this many range iterations run in one execution. */
export const MAX_RANGE_ITERATIONS = 1_000_000;

/** What an execution needs besides the tree. */
export interface ExecutionOptions {
  readonly name: string;
  readonly text: string;
  readonly functions: Readonly<Record<string, TemplateFunction>>;
  readonly unsupported: ReadonlySet<string>;
}

const MISSING = Symbol('missing');
// A pipeline's previous value, passed as the last argument, or MISSING for its first command.
type Final = unknown;
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
const located = new WeakSet<TemplateError>();

/** Runs a parsed template with nil data and returns its output. */
export function executeParsed(parsed: ParsedTemplate, options: ExecutionOptions): string {
  return new Execution(parsed, options).run();
}

class Execution {
  private readonly out: string[] = [];
  private outLength = 0;
  private iterations = 0;
  private templateDepth = 0;
  private vars: Array<{ name: string; value: unknown }> = [{ name: '$', value: null }];
  private at: { pos: number; context: string } = { pos: 0, context: '' };

  private readonly parsed: ParsedTemplate;
  private readonly options: ExecutionOptions;

  constructor(parsed: ParsedTemplate, options: ExecutionOptions) {
    this.parsed = parsed;
    this.options = options;
  }

  run(): string {
    this.walkList(null, this.parsed.root);
    return this.out.join('');
  }

  private error(message: string, unsupported?: string): TemplateError {
    const { name, text } = this.options;
    const { pos, context } = this.at;
    const column = pos - (text.lastIndexOf('\n', pos - 1) + 1);
    const shown = context.length > 20 ? `${context.slice(0, 20)}...` : context;
    const error = new TemplateError(`template: ${name}:${lineOf(text, pos)}:${column}: executing ${JSON.stringify(name)} at <${shown}>: ${message}`, unsupported);
    located.add(error);
    return error;
  }

  private setAt(pos: number, context: string): void {
    this.at = { pos, context };
  }

  private write(text: string): void {
    this.outLength += text.length;
    if (this.outLength > MAX_OUTPUT) throw new TemplateError(`template: ${this.options.name}: the output is longer than ${MAX_OUTPUT} characters (16 MiB), more than prune-guard renders`);
    this.out.push(text);
  }

  private walkList(dot: unknown, list: readonly TemplateNode[]): void {
    for (const node of list) this.walk(dot, node);
  }

  private walk(dot: unknown, node: TemplateNode): void {
    switch (node.kind) {
      case 'text':
        this.write(node.text);
        return;
      case 'action': {
        const value = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.write(isNil(value) ? '<no value>' : this.format(value));
        return;
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        try {
          const value = this.evalPipeline(dot, node.pipe);
          if (isTrue(value)) this.walkList(node.kind === 'with' ? value : dot, node.list);
          else if (node.elseList !== undefined) this.walkList(dot, node.elseList);
        } finally {
          this.vars.length = mark;
        }
        return;
      }
      case 'range':
        this.walkRange(dot, node);
        return;
      case 'template':
        this.walkTemplate(dot, node.name, node.pipe, node.pos);
        return;
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
    }
  }

  private format(value: unknown): string {
    try {
      return formatValue(value);
    } catch (error) {
      throw error instanceof TemplateError ? this.error(error.message) : error;
    }
  }

  private walkRange(dot: unknown, node: ControlNode<'range'>): void {
    const outer = this.vars.length;
    try {
      const value = this.evalPipeline(dot, node.pipe);
      const mark = this.vars.length;
      const { decl, isAssign } = node.pipe;
      const iterate = (index: unknown, element: unknown): void => {
        this.iterations++;
        if (this.iterations > MAX_RANGE_ITERATIONS) throw this.error(`more than ${MAX_RANGE_ITERATIONS} range iterations, more than prune-guard renders`);
        if (decl.length > 0) {
          if (isAssign) this.setVar(decl[0] ?? '', decl.length > 1 ? index : element);
          else this.setTopVar(1, element);
        }
        if (decl.length > 1) {
          if (isAssign) this.setVar(decl[1] ?? '', element);
          else this.setTopVar(2, index);
        }
        try {
          this.walkList(element, node.list);
        } catch (signal) {
          if (signal !== CONTINUE) throw signal;
        } finally {
          this.vars.length = mark;
        }
      };
      let ran = false;
      try {
        ran = this.rangeOver(value, decl.length, iterate);
      } catch (signal) {
        if (signal !== BREAK) throw signal;
        return;
      }
      if (!ran && node.elseList !== undefined) this.walkList(dot, node.elseList);
    } finally {
      this.vars.length = outer;
    }
  }

  /** Runs the iterations over a value; false when there were none. */
  private rangeOver(value: unknown, variables: number, iterate: (index: unknown, element: unknown) => void): boolean {
    if (isNil(value)) return false;
    if (Array.isArray(value)) {
      value.forEach((element, i) => iterate(goInt(i), element));
      return value.length > 0;
    }
    if (isGoMap(value)) {
      const keys = sortedKeys(value);
      for (const key of keys) iterate(key, value[key]);
      return keys.length > 0;
    }
    const type = numberType(value);
    if (type === 'int' || type === 'int64') {
      if (variables > 1) throw this.error(`can't use ${this.format(value)} to iterate over more than one variable`);
      const count = numberValue(value);
      // Go 1.22+ ranges over an integer n as 0..n-1, of n's type.
      for (let i = 0; i < count; i++) iterate(null, type === 'int' ? goInt(i) : i);
      return count > 0;
    }
    throw this.error(`range can't iterate over ${this.format(value)}`);
  }

  private walkTemplate(dot: unknown, name: string, pipe: Pipeline | undefined, pos: number): void {
    this.setAt(pos, `template ${quoteGo(name)}`);
    const body = this.parsed.defined.get(name);
    if (body === undefined) throw this.error(`template ${quoteGo(name)} not defined`);
    if (this.templateDepth >= MAX_DEPTH) throw this.error(`templates call each other deeper than ${MAX_DEPTH} levels, more than prune-guard renders`);
    const value = pipe === undefined ? null : this.evalPipeline(dot, pipe);
    const saved = this.vars;
    this.vars = [{ name: '$', value }];
    this.templateDepth++;
    try {
      this.walkList(value, body);
    } finally {
      this.templateDepth--;
      this.vars = saved;
    }
  }

  private setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const variable = this.vars[i];
      if (variable?.name === name) {
        variable.value = value;
        return;
      }
    }
    throw this.error(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: unknown): void {
    const variable = this.vars[this.vars.length - n];
    if (variable !== undefined) variable.value = value;
  }

  private varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const variable = this.vars[i];
      if (variable?.name === name) return variable.value;
    }
    throw this.error(`undefined variable: ${name}`);
  }

  private evalPipeline(dot: unknown, pipe: Pipeline): unknown {
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) value = this.evalCommand(dot, cmd, value);
    for (const name of pipe.decl) {
      if (pipe.isAssign) this.setVar(name, value);
      else this.vars.push({ name, value });
    }
    return value;
  }

  private notAFunction(args: readonly Operand[], final: Final): void {
    const first = args[0];
    if (args.length > 1 || final !== MISSING) throw this.error(`can't give argument to non-function ${first === undefined ? '' : describeOperand(first)}`);
  }

  private evalCommand(dot: unknown, cmd: Command, final: Final): unknown {
    const first = cmd.args[0];
    if (first === undefined) throw this.error('empty command');
    switch (first.kind) {
      case 'field':
        return this.evalFieldChain(dot, first, first.idents, cmd.args, final, false);
      case 'chain':
        return this.evalChain(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.setAt(first.pos, describeOperand(first));
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first.pipe);
      case 'variable':
        return this.evalVariable(first, cmd.args, final);
      default:
        break;
    }
    this.setAt(first.pos, describeOperand(first));
    this.notAFunction(cmd.args, final);
    switch (first.kind) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        throw this.error('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
  }

  private idealConstant(number: NumberLiteral): unknown {
    this.setAt(number.pos, number.text);
    const value = constantValue(number);
    if (value === undefined) throw this.error(`${number.text} overflows int`);
    return value;
  }

  private evalFieldChain(receiver: unknown, node: Operand, idents: readonly string[], args: readonly Operand[] | undefined, final: Final, fromValue: boolean): unknown {
    let current = receiver;
    idents.forEach((ident, i) => {
      const last = i === idents.length - 1;
      current = this.evalField(ident, node, last ? args : undefined, last ? final : MISSING, current, fromValue || i > 0);
    });
    return current;
  }

  private evalField(name: string, node: Operand, args: readonly Operand[] | undefined, final: Final, receiver: unknown, fromMap: boolean): unknown {
    this.setAt(node.pos, describeOperand(node));
    if (isNil(receiver)) {
      // Go tells a nil reached through a map (an interface value) from nil data.
      throw this.error(fromMap ? `nil pointer evaluating interface {}.${name}` : `nil data; no entry for key ${quoteGo(name)}`);
    }
    if (isGoMap(receiver)) {
      if ((args !== undefined && args.length > 1) || final !== MISSING) throw this.error(`${name} is not a method but has arguments`);
      if (!hasEntry(receiver, name)) throw this.error(`map has no entry for key ${quoteGo(name)}`);
      return receiver[name] ?? null;
    }
    throw this.error(`can't evaluate field ${name} in type ${fromMap ? 'interface {}' : goTypeName(receiver)}`);
  }

  private evalChain(dot: unknown, chain: Extract<Operand, { kind: 'chain' }>, args: readonly Operand[] | undefined, final: Final): unknown {
    this.setAt(chain.pos, describeOperand(chain));
    if (chain.node.kind === 'nil') throw this.error(`indirection through explicit nil in ${describeOperand(chain)}`);
    const receiver = this.evalArg(dot, 'value', chain.node);
    return this.evalFieldChain(receiver, chain, chain.fields, args, final, chain.node.kind === 'identifier');
  }

  private evalVariable(variable: Extract<Operand, { kind: 'variable' }>, args: readonly Operand[] | undefined, final: Final): unknown {
    this.setAt(variable.pos, describeOperand(variable));
    const value = this.varValue(variable.idents[0] ?? '$');
    if (variable.idents.length === 1) {
      if (args !== undefined) this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(value, variable, variable.idents.slice(1), args, final, false);
  }

  private evalFunction(dot: unknown, node: Extract<Operand, { kind: 'identifier' }>, cmd: Command | undefined, args: readonly Operand[] | undefined, final: Final): unknown {
    this.setAt(node.pos, node.name);
    const { functions, unsupported } = this.options;
    const name = node.name;
    if (Object.hasOwn(functions, name)) {
      const fn = functions[name];
      if (fn !== undefined) return this.evalCall(dot, name, fn, signatureOf(fn), false, cmd, args, final);
    }
    if (unsupported.has(name)) throw this.error(`function ${quoteGo(name)} is not supported by prune-guard`, name);
    const builtin = BUILTINS.get(name);
    if (builtin === undefined) throw this.error(`${quoteGo(name)} is not a defined function`);
    return this.evalCall(dot, name, builtin.fn, builtin.signature, true, cmd, args, final);
  }

  private evalCall(dot: unknown, name: string, fn: TemplateFunction, signature: GoSignature, isBuiltin: boolean, cmd: Command | undefined, args: readonly Operand[] | undefined, final: Final): unknown {
    const rest = args === undefined ? [] : args.slice(1);
    const numIn = rest.length + (final === MISSING ? 0 : 1);
    const { params, variadic } = signature;
    if (variadic !== undefined) {
      if (numIn < params.length) throw this.error(`wrong number of args for ${name}: want at least ${params.length} got ${rest.length}`);
    } else if (numIn !== params.length) throw this.error(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
    if (isBuiltin && (name === 'and' || name === 'or')) {
      // and/or stop at the first argument that decides, and return it.
      let value: unknown = null;
      for (const arg of rest) {
        value = this.evalArg(dot, 'value', arg);
        if (isTrue(value) === (name === 'or')) return value;
      }
      return final === MISSING ? value : final;
    }
    if (isBuiltin && name === 'call') throw this.error('the builtin "call" is not supported by prune-guard', 'call');
    const argv: unknown[] = [];
    let i = 0;
    for (; i < params.length && i < rest.length; i++) argv.push(this.evalArg(dot, params[i] ?? 'any', rest[i] as Operand));
    if (variadic !== undefined) for (; i < rest.length; i++) argv.push(this.evalArg(dot, variadic, rest[i] as Operand));
    if (final !== MISSING) {
      const param = variadic === undefined || numIn - 1 < params.length ? params[numIn - 1] : variadic;
      argv.push(this.validateType(final, param ?? 'any'));
    }
    if (cmd !== undefined) this.setAt(cmd.pos, describeCommand(cmd));
    let result: unknown;
    try {
      result = fn(...argv) ?? null;
    } catch (error) {
      if (error instanceof GoCallError) throw this.error(`error calling ${name}: ${error.message}`);
      if (error instanceof TemplateError) throw located.has(error) ? error : this.error(error.message, error.unsupported);
      if (error instanceof RangeError) throw this.error(`error calling ${name}: ${error.message}, more than prune-guard renders`);
      throw error;
    }
    // Values that double on every range iteration would exhaust memory long before the iteration bound.
    if (typeof result === 'string' && result.length > MAX_OUTPUT) throw this.error(`${name} returns a string longer than ${MAX_OUTPUT} characters, more than prune-guard renders`);
    if (Array.isArray(result) && result.length > MAX_LIST) throw this.error(`${name} returns a list of more than ${MAX_LIST} elements, more than prune-guard renders`);
    return result;
  }

  private validateType(value: unknown, param: GoParam): unknown {
    const converted = convertValue(value, param);
    if ('error' in converted) throw this.error(converted.error);
    return converted.value;
  }

  private evalArg(dot: unknown, param: GoParam, node: Operand): unknown {
    this.setAt(node.pos, describeOperand(node));
    switch (node.kind) {
      case 'dot':
        return this.validateType(dot, param);
      case 'nil':
        if (param === 'any' || param === 'value' || param === 'map') return null;
        throw this.error(`cannot assign nil to ${describeParam(param)}`);
      case 'field':
        return this.validateType(this.evalFieldChain(dot, node, node.idents, [node], MISSING, false), param);
      case 'variable':
        return this.validateType(this.evalVariable(node, undefined, MISSING), param);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, node.pipe), param);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, node, undefined, undefined, MISSING), param);
      case 'chain':
        return this.validateType(this.evalChain(dot, node, undefined, MISSING), param);
      default: {
        const converted = convertLiteral(node, param);
        if ('error' in converted) throw this.error(converted.error);
        return converted.value;
      }
    }
  }
}
