/**
 * The parser of Go's text/template (parse/parse.go): actions, pipelines and commands, the
 * control structures (if, else if, range, with, else with, break, continue, define, template,
 * block), variables checked for declaration, and functions checked for definition.
 */
import { parseNumber, unquoteGo, type NumberLiteral } from './go-literals.ts';
import { lexTemplate, lineOf, type Token, type TokenType } from './go-template-lex.ts';
import { MAX_DEPTH, TemplateError } from './go-values.ts';

export type { NumberLiteral } from './go-literals.ts';

/** One word of a command. */
export type Operand =
  | { readonly kind: 'identifier'; readonly pos: number; readonly name: string }
  | { readonly kind: 'field'; readonly pos: number; readonly idents: readonly string[] }
  | { readonly kind: 'variable'; readonly pos: number; readonly idents: readonly string[] }
  | { readonly kind: 'chain'; readonly pos: number; readonly node: Operand; readonly fields: readonly string[] }
  | { readonly kind: 'pipe'; readonly pos: number; readonly pipe: Pipeline }
  | { readonly kind: 'string'; readonly pos: number; readonly text: string; readonly quoted: string }
  | { readonly kind: 'bool'; readonly pos: number; readonly value: boolean }
  | { readonly kind: 'nil'; readonly pos: number }
  | { readonly kind: 'dot'; readonly pos: number }
  | NumberLiteral;

/** A command: a function (or value) and its arguments. */
export interface Command {
  readonly pos: number;
  readonly args: readonly Operand[];
}

/** A pipeline with the variables it declares or assigns. */
export interface Pipeline {
  readonly pos: number;
  readonly decl: readonly string[];
  readonly isAssign: boolean;
  readonly cmds: readonly Command[];
}

/** An if, with or range: its pipeline, its list and its else list. */
export interface ControlNode<K extends 'if' | 'with' | 'range'> {
  readonly kind: K;
  readonly pos: number;
  readonly pipe: Pipeline;
  readonly list: readonly TemplateNode[];
  readonly elseList?: readonly TemplateNode[];
}

/** A node of a template's tree. */
export type TemplateNode =
  | { readonly kind: 'text'; readonly pos: number; readonly text: string }
  | { readonly kind: 'action'; readonly pos: number; readonly pipe: Pipeline }
  | ControlNode<'if'>
  | ControlNode<'with'>
  | ControlNode<'range'>
  | { readonly kind: 'template'; readonly pos: number; readonly name: string; readonly pipe?: Pipeline }
  | { readonly kind: 'break' | 'continue'; readonly pos: number };

/** A parsed template: its root and the templates it defines. */
export interface ParsedTemplate {
  readonly root: readonly TemplateNode[];
  readonly defined: ReadonlyMap<string, readonly TemplateNode[]>;
}

type Closer = { readonly kind: 'end'; readonly pos: number } | { readonly kind: 'else'; readonly pos: number };

/** Parses template text; `hasFunction` tells which identifiers are functions (Go checks this at parse time). */
export function parseTemplate(text: string, name: string, left: string, right: string, hasFunction: (name: string) => boolean): ParsedTemplate {
  const tokens = lexTemplate(text, name, left, right);
  const defined = new Map<string, readonly TemplateNode[]>();
  let index = 0;
  let vars: string[] = ['$'];
  let rangeDepth = 0;
  let depth = 0;

  const fail = (pos: number, message: string): never => {
    throw new TemplateError(`template: ${name}:${lineOf(text, pos)}: ${message}`);
  };
  const peek = (): Token => tokens[index] ?? { type: 'eof', value: '', pos: text.length };
  const next = (): Token => {
    const token = peek();
    if (index < tokens.length) index++;
    return token;
  };
  const peekNonSpace = (): Token => {
    while (peek().type === 'space') index++;
    return peek();
  };
  const nextNonSpace = (): Token => {
    peekNonSpace();
    return next();
  };
  const describe = (token: Token): string => (token.type === 'eof' ? 'EOF' : token.type === 'keyword' ? `<${token.value}>` : JSON.stringify(token.value.length > 10 ? `${token.value.slice(0, 10)}...` : token.value));
  const unexpected = (token: Token, context: string): never => fail(token.pos, `unexpected ${describe(token)} in ${context}`);
  const expect = (type: TokenType, context: string): Token => {
    const token = nextNonSpace();
    if (token.type !== type) unexpected(token, context);
    return token;
  };
  const nest = (pos: number): void => {
    depth++;
    if (depth > MAX_DEPTH) fail(pos, `the template nests deeper than ${MAX_DEPTH} levels, more than prune-guard parses`);
  };

  const unquote = (token: Token): string => {
    try {
      return unquoteGo(token.value);
    } catch {
      return fail(token.pos, `invalid syntax: ${token.value}`);
    }
  };

  const term = (): Operand | undefined => {
    const token = nextNonSpace();
    switch (token.type) {
      case 'identifier':
        if (!hasFunction(token.value)) fail(token.pos, `function ${JSON.stringify(token.value)} not defined`);
        return { kind: 'identifier', pos: token.pos, name: token.value };
      case 'dot':
        return { kind: 'dot', pos: token.pos };
      case 'nil':
        return { kind: 'nil', pos: token.pos };
      case 'variable':
        if (!vars.includes(token.value)) fail(token.pos, `undefined variable ${JSON.stringify(token.value)}`);
        return { kind: 'variable', pos: token.pos, idents: [token.value] };
      case 'field':
        return { kind: 'field', pos: token.pos, idents: [token.value.slice(1)] };
      case 'bool':
        return { kind: 'bool', pos: token.pos, value: token.value === 'true' };
      case 'charConstant':
      case 'number':
        return parseNumber(token, fail);
      case 'complex':
        throw new TemplateError(`template: ${name}:${lineOf(text, token.pos)}: complex number ${token.value} is not supported by prune-guard`, 'complex number');
      case 'leftParen': {
        nest(token.pos);
        const inner = pipeline('parenthesized pipeline', 'rightParen');
        depth--;
        return { kind: 'pipe', pos: token.pos, pipe: inner };
      }
      case 'string':
      case 'rawString':
        return { kind: 'string', pos: token.pos, text: unquote(token), quoted: token.value };
      default:
        index--;
        return undefined;
    }
  };

  const operand = (): Operand | undefined => {
    const node = term();
    if (node === undefined || peek().type !== 'field') return node;
    const fields: string[] = [];
    while (peek().type === 'field') fields.push(next().value.slice(1));
    switch (node.kind) {
      case 'field':
      case 'variable':
        return { ...node, idents: [...node.idents, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return fail(node.pos, `unexpected . after term ${JSON.stringify(describeOperand(node))}`);
      default:
        return { kind: 'chain', pos: node.pos, node, fields };
    }
  };

  const command = (): Command => {
    const pos = peekNonSpace().pos;
    const args: Operand[] = [];
    for (;;) {
      peekNonSpace();
      const word = operand();
      if (word !== undefined) args.push(word);
      const token = next();
      if (token.type === 'space') continue;
      if (token.type === 'rightDelim' || token.type === 'rightParen') index--;
      else if (token.type !== 'pipe') unexpected(token, 'operand');
      break;
    }
    if (args.length === 0) fail(pos, 'empty command');
    return { pos, args };
  };

  const pipeline = (context: string, end: TokenType): Pipeline => {
    const pos = peekNonSpace().pos;
    const decl: string[] = [];
    let isAssign = false;
    for (;;) {
      const variable = peekNonSpace();
      if (variable.type !== 'variable') break;
      const mark = index;
      next();
      const after = peekNonSpace();
      if (after.type === 'assign' || after.type === 'declare') {
        isAssign = after.type === 'assign';
        next();
        decl.push(variable.value);
        vars.push(variable.value);
        break;
      }
      if (after.type === 'char' && after.value === ',') {
        next();
        decl.push(variable.value);
        vars.push(variable.value);
        if (context === 'range' && decl.length < 2) {
          const following = peekNonSpace().type;
          if (following === 'variable' || following === 'rightDelim' || following === 'rightParen') continue;
          fail(after.pos, 'range can only initialize variables');
        }
        fail(after.pos, `too many declarations in ${context}`);
      }
      index = mark;
      break;
    }
    const cmds: Command[] = [];
    for (;;) {
      const token = peekNonSpace();
      if (token.type === end) {
        next();
        break;
      }
      if (['bool', 'charConstant', 'complex', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen'].includes(token.type)) cmds.push(command());
      else unexpected(next(), context);
    }
    if (cmds.length === 0) fail(pos, `missing value for ${context}`);
    cmds.forEach((cmd, i) => {
      const first = cmd.args[0];
      if (i > 0 && first !== undefined && ['bool', 'dot', 'nil', 'number', 'string'].includes(first.kind)) fail(cmd.pos, `non executable command in pipeline stage ${i + 1}`);
    });
    return { pos, decl, isAssign, cmds };
  };

  const itemList = (context: string): { list: TemplateNode[]; closer: Closer } => {
    const list: TemplateNode[] = [];
    for (;;) {
      if (peekNonSpace().type === 'eof') return fail(text.length, `unexpected EOF in ${context}`);
      const node = textOrAction();
      if (node === undefined) continue;
      if (node.kind === 'end' || node.kind === 'else') return { list, closer: node };
      list.push(node);
    }
  };

  const control = (context: 'if' | 'with' | 'range', pos: number): TemplateNode => {
    nest(pos);
    const saved = vars.length;
    const pipe = pipeline(context, 'rightDelim');
    if (context === 'range') rangeDepth++;
    const body = itemList(context);
    if (context === 'range') rangeDepth--;
    let elseList: TemplateNode[] | undefined;
    if (body.closer.kind === 'else') {
      const chained = peek();
      if ((context === 'if' || context === 'with') && chained.type === 'keyword' && chained.value === context) {
        next();
        elseList = [control(context, chained.pos)];
      } else {
        const rest = itemList(context);
        if (rest.closer.kind !== 'end') fail(rest.closer.pos, 'expected end; found {{else}}');
        elseList = rest.list;
      }
    }
    vars = vars.slice(0, saved);
    depth--;
    return elseList === undefined ? { kind: context, pos, pipe, list: body.list } : { kind: context, pos, pipe, list: body.list, elseList };
  };

  const templateName = (context: string): string => {
    const token = nextNonSpace();
    if (token.type !== 'string' && token.type !== 'rawString') return unexpected(token, context);
    return unquote(token);
  };

  const define = (pos: number, context: string): string => {
    const defName = templateName(context);
    return defName === '' ? fail(pos, 'empty template name') : defName;
  };

  const addDefinition = (defName: string, list: TemplateNode[], pos: number): void => {
    const existing = defined.get(defName);
    if (existing !== undefined && !isEmptyTree(existing) && !isEmptyTree(list)) fail(pos, `template: multiple definition of template ${JSON.stringify(defName)}`);
    if (existing === undefined || isEmptyTree(existing)) defined.set(defName, list);
  };

  const action = (): TemplateNode | Closer => {
    const token = nextNonSpace();
    if (token.type === 'keyword') {
      switch (token.value) {
        case 'if':
        case 'with':
        case 'range':
          return control(token.value, token.pos);
        case 'end':
          expect('rightDelim', 'end');
          return { kind: 'end', pos: token.pos };
        case 'else': {
          const following = peekNonSpace();
          if (following.type === 'keyword' && (following.value === 'if' || following.value === 'with')) return { kind: 'else', pos: token.pos };
          expect('rightDelim', 'else');
          return { kind: 'else', pos: token.pos };
        }
        case 'break':
        case 'continue':
          if (nextNonSpace().type !== 'rightDelim') fail(token.pos, `unexpected token in {{${token.value}}}`);
          if (rangeDepth === 0) fail(token.pos, `{{${token.value}}} outside {{range}}`);
          return { kind: token.value, pos: token.pos };
        case 'template': {
          const called = templateName('template clause');
          if (nextNonSpace().type === 'rightDelim') return { kind: 'template', pos: token.pos, name: called };
          index--;
          return { kind: 'template', pos: token.pos, name: called, pipe: pipeline('template clause', 'rightDelim') };
        }
        case 'block': {
          const blockName = define(token.pos, 'block clause');
          const pipe = pipeline('block clause', 'rightDelim');
          // A block's body is a template of its own: no outer variables, not inside a range.
          const saved = { vars, rangeDepth };
          vars = ['$'];
          rangeDepth = 0;
          nest(token.pos);
          const body = itemList('block clause');
          depth--;
          ({ vars, rangeDepth } = saved);
          if (body.closer.kind !== 'end') fail(body.closer.pos, 'unexpected {{else}} in block clause');
          addDefinition(blockName, body.list, token.pos);
          return { kind: 'template', pos: token.pos, name: blockName, pipe };
        }
        default:
          return unexpected(token, 'command');
      }
    }
    index--;
    return { kind: 'action', pos: token.pos, pipe: pipeline('command', 'rightDelim') };
  };

  const textOrAction = (): TemplateNode | Closer | undefined => {
    const token = nextNonSpace();
    if (token.type === 'text') return { kind: 'text', pos: token.pos, text: token.value };
    if (token.type === 'leftDelim') return action();
    return unexpected(token, 'input');
  };

  const root: TemplateNode[] = [];
  while (peek().type !== 'eof') {
    if (peek().type === 'leftDelim') {
      const mark = index;
      next();
      const keyword = nextNonSpace();
      if (keyword.type === 'keyword' && keyword.value === 'define') {
        const defName = define(keyword.pos, 'define clause');
        expect('rightDelim', 'define clause');
        const saved = vars;
        vars = ['$'];
        const body = itemList('define clause');
        vars = saved;
        if (body.closer.kind !== 'end') fail(body.closer.pos, 'unexpected {{else}} in define clause');
        addDefinition(defName, body.list, keyword.pos);
        continue;
      }
      index = mark;
    }
    const node = textOrAction();
    if (node === undefined) continue;
    if (node.kind === 'end' || node.kind === 'else') fail(node.pos, `unexpected {{${node.kind}}}`);
    else root.push(node);
  }
  addDefinition(name, root, 0);
  return { root, defined };
}

function isEmptyTree(list: readonly TemplateNode[]): boolean {
  return list.every((node) => node.kind === 'text' && node.text.trim() === '');
}

/** An operand as Go prints it in messages (e.g. <inputs.name>). */
export function describeOperand(node: Operand): string {
  switch (node.kind) {
    case 'identifier':
      return node.name;
    case 'field':
      return `.${node.idents.join('.')}`;
    case 'variable':
      return node.idents.join('.');
    case 'chain':
      return `${node.node.kind === 'pipe' ? `(${describePipeline(node.node.pipe)})` : describeOperand(node.node)}.${node.fields.join('.')}`;
    case 'pipe':
      return `(${describePipeline(node.pipe)})`;
    case 'string':
      return node.quoted;
    case 'bool':
      return String(node.value);
    case 'number':
      return node.text;
    case 'nil':
      return 'nil';
    case 'dot':
      return '.';
  }
}

/** A command as Go prints it. */
export const describeCommand = (cmd: Command): string => cmd.args.map(describeOperand).join(' ');

/** A pipeline as Go prints it. */
export function describePipeline(pipe: Pipeline): string {
  const decl = pipe.decl.length > 0 ? `${pipe.decl.join(', ')} ${pipe.isAssign ? '=' : ':='} ` : '';
  return decl + pipe.cmds.map(describeCommand).join(' | ');
}
