import { describe, expect, it } from 'vitest';
import { executeTemplate, TemplateError, type TemplateFunction } from '../../../src/core/resourceset/go-template.ts';
import { goFunction } from '../../../src/core/resourceset/go-signature.ts';

const r = String.raw;

interface RunOptions {
  readonly inputs?: Record<string, unknown>;
  readonly functions?: Record<string, TemplateFunction>;
  readonly unsupported?: ReadonlySet<string>;
}

// A small function map: the interpreter is tested on its own, with plain variadic functions.
function run(text: string, options: RunOptions = {}): string {
  const data = options.inputs ?? {};
  const functions: Record<string, TemplateFunction> = {
    inputs: () => data,
    list: (...items) => items,
    dict: (...pairs) => Object.fromEntries(Array.from({ length: pairs.length / 2 }, (_, i) => [String(pairs[2 * i]), pairs[2 * i + 1]])),
    ...options.functions,
  };
  return executeTemplate(text, { left: '<<', right: '>>', functions, ...(options.unsupported ? { unsupported: options.unsupported } : {}) });
}

function failure(text: string, options: RunOptions = {}): TemplateError {
  try {
    run(text, options);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

describe('printing values as fmt %v does', () => {
  it.each([
    ['<< 3 >>', '3'],
    ['<< -7 >>', '-7'],
    ['<< 1.5 >>', '1.5'],
    ['<< 2.0 >>', '2'],
    ['<< 1000000.0 >>', '1e+06'],
    ['<< 123456.0 >>', '123456'],
    ['<< 0.00001 >>', '1e-05'],
    ['<< 1e21 >>', '1e+21'],
    ['<< 0x1F >>', '31'],
    ["<< 'a' >>", '97'],
    ['<< true >> << false >>', 'true false'],
    ['<< "x" >>', 'x'],
    ['<< $ >>', '<no value>'],
    ['<< . >>', '<no value>'],
    ['<< list 1 "a" nil 2.5 >>', '[1 a <nil> 2.5]'],
    ['<< dict "b" 2 "a" (list 1) >>', 'map[a:[1] b:2]'],
  ])('%s prints %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it('prints whole input numbers as int64 and others as float64', () => {
    expect(run('<< inputs.n >>|<< inputs.f >>|<< inputs.big >>|<< inputs.m >>|<< inputs.z >>', { inputs: { n: 340788154, f: 0.25, big: 1e21, m: { y: null, x: true }, z: null } })).toBe(
      '340788154|0.25|1e+21|map[x:true y:<nil>]|<no value>',
    );
  });
});

describe('literals', () => {
  it('reads interpreted strings with Go escapes and raw strings as they are', () => {
    expect(run(r`<< "a\tb\u00e9\x41\101\"" >>|<< ` + '`a\\nb`' + ' >>')).toBe('a\tbéAA"|a\\nb');
  });

  it('fails on a bad escape and on an integer that overflows', () => {
    expect(failure(r`<< "\q" >>`).message).toContain('invalid syntax');
    expect(failure('<< 99999999999999999999 >>').message).toContain('overflows int');
  });

  it('refuses complex numbers by name', () => {
    expect(failure('<< 1+2i >>').unsupported).toBe('complex number');
  });
});

describe('trim markers and comments', () => {
  it.each([
    ['a  <<- 1 ->>  b', 'a1b'],
    ['a\n\t<<- 1 >>\n b', 'a1\n b'],
    ['a <<-3>> b', 'a -3 b'],
    ['a << 1 ->>\n\n  b', 'a 1b'],
    ['a <</* note */>> b', 'a  b'],
    ['a\n<<- /* note */ ->>\nb', 'ab'],
    ['<< if true\n>>multi-line action<< end >>', 'multi-line action'],
  ])('%j renders %j', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it('requires a comment to close the action', () => {
    expect(failure('<</* note */ 1 >>').message).toContain('comment ends before closing delimiter');
  });
});

describe('variables', () => {
  it('declares, shadows in a block, and assigns to the outer variable', () => {
    expect(run('<< $x := 1 >><< if true >><< $x := 2 >><< $x >><< end >><< $x >>')).toBe('21');
    expect(run('<< $x := 1 >><< if true >><< $x = 2 >><< end >><< $x >>')).toBe('2');
  });

  it('reads fields through variables and parenthesized pipelines', () => {
    expect(run('<< $m := inputs.a >><< $m.b.c >>|<< (inputs.a).b.c >>', { inputs: { a: { b: { c: 'deep' } } } })).toBe('deep|deep');
  });

  it('rejects a variable that is not declared, when parsing', () => {
    expect(failure('<< if false >><< $y >><< end >>').message).toBe('template: resourceset:1: undefined variable "$y"');
  });
});

describe('if, with and else chains', () => {
  const grade = (n: number): string => run('<< if gt inputs.n 10 >>big<< else if gt inputs.n 5 >>medium<< else >>small<< end >>', { inputs: { n } });

  it('takes the first true branch', () => {
    expect([grade(11), grade(6), grade(1)]).toEqual(['big', 'medium', 'small']);
  });

  it.each([
    [false, 'no'],
    [0, 'no'],
    ['', 'no'],
    [[], 'no'],
    [{}, 'no'],
    [null, 'no'],
    ['x', 'yes'],
    [0.5, 'yes'],
    [[0], 'yes'],
  ])('treats %j as Go truth does', (value, expected) => {
    expect(run('<< if inputs.v >>yes<< else >>no<< end >>', { inputs: { v: value } })).toBe(expected);
  });

  it('sets dot in with, and falls through else with to else', () => {
    const text = '<< with inputs.a >><< .name >><< else with inputs.b >>b:<< . >><< else >>none<< end >>';
    expect(run(text, { inputs: { a: { name: 'A' }, b: 'B' } })).toBe('A');
    expect(run(text, { inputs: { a: null, b: 'B' } })).toBe('b:B');
    expect(run(text, { inputs: { a: '', b: '' } })).toBe('none');
  });
});

describe('range', () => {
  it('ranges over lists with index and element, maps in key order, and integers', () => {
    expect(run('<< range $i, $v := inputs.l >><< $i >>=<< $v >>,<< end >>', { inputs: { l: ['a', 'b'] } })).toBe('0=a,1=b,');
    expect(run('<< range $k, $v := inputs.m >><< $k >>=<< $v >>,<< end >>', { inputs: { m: { b: 2, a: 1, C: 3 } } })).toBe('C=3,a=1,b=2,');
    expect(run('<< range 3 >><< . >><< end >>|<< range $i := 2 >><< $i >><< end >>')).toBe('012|01');
  });

  it('runs the else branch for empty lists, maps, nil and zero', () => {
    expect(run('<< range inputs.l >>x<< else >>empty<< end >>|<< range inputs.n >>x<< else >>none<< end >>|<< range 0 >>x<< else >>zero<< end >>', { inputs: { l: [], n: null } })).toBe('empty|none|zero');
  });

  it('stops at break and skips the rest of the body at continue', () => {
    expect(run('<< range $i := 10 >><< if eq $i 1 >><< continue >><< end >><< if eq $i 4 >><< break >><< end >><< $i >><< end >>')).toBe('023');
  });

  it('renders the nested ranges of the operator example with trim markers', () => {
    const template = [
      '<<- $id := inputs.id >>    ',
      '<<- $tenant := inputs.tenantName >>',
      '<<- range $app := inputs.applications >>',
      '<<- $appName := $app.name >>',
      '<<- range $env := $app.envs >>',
      '---',
      'kind: OCIRepository',
      'metadata:',
      '  name: << $appName >>',
      '  namespace: << $tenant >>-<< $env.name >>',
      '  annotations:',
      '    fluxcd.controlplane.io/id: << $id | quote >>',
      'spec:',
      '  ref:',
      '    tag: << $env.version >>',
      '<<- end >>',
      '<<- end >>',
      '',
    ].join('\n');
    const inputs = { tenantName: 'team1', id: 340788154, applications: [{ name: 'app1', envs: [{ name: 'staging', version: 'v1.0.1' }, { name: 'production', version: 'v1.0.0' }] }] };
    const quote = (value: unknown): string => `"${String(value)}"`;
    const document = (env: string, version: string): string =>
      `\n---\nkind: OCIRepository\nmetadata:\n  name: app1\n  namespace: team1-${env}\n  annotations:\n    fluxcd.controlplane.io/id: "340788154"\nspec:\n  ref:\n    tag: ${version}`;
    expect(run(template, { inputs, functions: { quote } })).toBe(`${document('staging', 'v1.0.1')}${document('production', 'v1.0.0')}\n`);
  });

  it('fails on what Go cannot range over', () => {
    expect(failure('<< range 1.5 >><< end >>').message).toContain("range can't iterate over 1.5");
    expect(failure('<< range $i, $v := 3 >><< end >>').message).toContain("can't use 3 to iterate over more than one variable");
    expect(failure('<< break >>').message).toContain('{{break}} outside {{range}}');
  });
});

describe('fields and missing keys (missingkey=error)', () => {
  it('reports a missing key with the location Go gives', () => {
    expect(failure('<< inputs.tenant >>').message).toBe('template: resourceset:1:3: executing "resourceset" at <inputs.tenant>: map has no entry for key "tenant"');
    expect(failure('x\n  << inputs.a.b >>', { inputs: { a: {} } }).message).toBe('template: resourceset:2:5: executing "resourceset" at <inputs.a.b>: map has no entry for key "b"');
  });

  it('fails on a field of nil or of a value that is not a map', () => {
    expect(failure('<< .name >>').message).toContain('nil data; no entry for key "name"');
    expect(failure('<< inputs.a.b >>', { inputs: { a: null } }).message).toContain('nil pointer evaluating interface {}.b');
    expect(failure('<< $s := "text" >><< $s.name >>').message).toContain("can't evaluate field name in type string");
  });
});

describe('functions and the builtins', () => {
  it('refuses an unsupported function by name and rejects an undefined one when parsing', () => {
    const unsupported = failure('<< now >>', { unsupported: new Set(['now']) });
    expect(unsupported.unsupported).toBe('now');
    const undefinedFunction = failure('<< if false >><< nope 1 >><< end >>');
    expect(undefinedFunction.message).toBe('template: resourceset:1: function "nope" not defined');
    expect(undefinedFunction.unsupported).toBeUndefined();
  });

  it('renders a branch that only names an unsupported function when the branch is not taken', () => {
    expect(run('<< if false >><< now >><< end >>ok', { unsupported: new Set(['now']) })).toBe('ok');
  });

  it('short-circuits and/or, returning the deciding value', () => {
    const calls: string[] = [];
    const boom: TemplateFunction = () => {
      calls.push('boom');
      return 'boom';
    };
    expect(run('<< and 0 boom >>|<< or "x" boom >>|<< and 1 2 >>|<< or "" 0 >>|<< 5 | and 1 >>', { functions: { boom } })).toBe('0|x|2|0|5');
    expect(calls).toEqual([]);
  });

  it.each([
    ['<< eq 3 1 2 3 >>', 'true'],
    ['<< eq inputs.n 2 >>', 'true'],
    ['<< ne "a" "b" >>', 'true'],
    ['<< lt "a" "b" >> << le 2 2 >> << gt 2.5 1.5 >> << ge 1 2 >>', 'true true true false'],
    ['<< eq nil 1 >>', 'false'],
    ['<< not 0 >> << not "x" >>', 'true false'],
    ['<< len "héllo" >> << len (list 1 2) >> << len inputs.m >>', '6 2 1'],
    ['<< index (list "a" "b") 1 >> << index inputs.m "k" >> << index inputs.m "missing" >>', 'b v <no value>'],
    ['<< slice "abcdef" 1 3 >> << slice (list 1 2 3) 1 >>', 'bc [2 3]'],
    ['<< print 1 2 "a" "b" 3 nil >>', '1 2ab3 <nil>'],
    ['<< println 1 "a" >>', '1 a\n'],
    ['<< html "<a href=\'x\'>&" >>', '&lt;a href=&#39;x&#39;&gt;&amp;'],
    ['<< js "a\'b<c>" >>', "a\\'b\\u003Cc\\u003E"],
    ['<< urlquery "a b&c/é" >>', 'a+b%26c%2F%C3%A9'],
  ])('%s renders %j', (text, expected) => {
    expect(run(text, { inputs: { n: 2, m: { k: 'v' } } })).toBe(expected);
  });

  it.each([
    ['<< printf "%d|%5d|%-5d|%05d|%x|%X|%o|%b" 42 42 42 -42 255 255 8 5 >>', '42|   42|42   |-0042|ff|FF|10|101'],
    ['<< printf "%s|%q|%v|%10s|%-4s|%.2s" "a" "b\\n" (list 1 "x") "right" "l" "trunc" >>', 'a|"b\\n"|[1 x]|     right|l   |tr'],
    ['<< printf "%f|%.2f|%8.3f|%e|%g|%v" 3.14159 2.675 -1.5 1500.0 0.000012 2.5 >>', '3.141590|2.67|  -1.500|1.500000e+03|1.2e-05|2.5'],
    ['<< printf "%.0f %.0f %.1f" 0.5 1.5 0.25 >>', '0 2 0.2'],
    ['<< printf "%t %c %U %T %%" true 65 65 1.5 >>', 'true A U+0041 float64 %'],
    ['<< printf "%d %s" "x" 1 >>', '%!d(string=x) %!s(int=1)'],
    ['<< printf "%d %d" 1 >>', '1 %!d(MISSING)'],
    ['<< printf "%d" 1 2 >>', '1%!(EXTRA int=2)'],
  ])('%s renders %j', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it('refuses call', () => {
    expect(failure('<< call 1 >>').unsupported).toBe('call');
  });

  it('reports comparison errors as Go does', () => {
    expect(failure('<< eq "a" 1 >>').message).toContain('error calling eq: incompatible types for comparison: string and int');
    expect(failure('<< lt 1 2.5 >>').message).toContain('incompatible types for comparison: int and float64');
    expect(failure('<< lt true false >>').message).toContain('invalid type for comparison');
    expect(failure('<< eq (list 1) (list 1) >>').message).toContain('non-comparable type');
  });

  it('fails on index errors', () => {
    expect(failure('<< index (list 1) 5 >>').message).toContain('index out of range: 5');
    expect(failure('<< index (list 1) "a" >>').message).toContain('cannot index slice/array with type string');
  });
});

describe("Go's argument conversions", () => {
  const functions = {
    pad: goFunction(['int', 'string'], (n: { value: number }, text: string) => `${' '.repeat(n.value)}${text}`),
    pair: goFunction(['string', 'string'], (a: string, b: string) => `${a}+${b}`),
    flag: goFunction(['bool'], (value: boolean) => (value ? 'on' : 'off')),
  };

  it('passes a pipeline value as the last argument', () => {
    expect(run('<< "b" | pair "a" >>|<< "x" | pad 2 | pair "<" >>', { functions })).toBe('a+b|<+  x');
    expect(run('<< "x" | pad 2 >>', { functions })).toBe('  x');
  });

  it('fails when a value has another Go type than the parameter', () => {
    expect(failure('<< pad inputs.n "x" >>', { functions, inputs: { n: 2 } }).message).toContain('wrong type for value; expected int; got int64');
    expect(failure('<< pad "2" "x" >>', { functions }).message).toContain('expected integer; found "2"');
    expect(failure('<< pair 1 "x" >>', { functions }).message).toContain('expected string; found 1');
    expect(failure('<< inputs.s | flag >>', { functions, inputs: { s: 'true' } }).message).toContain('wrong type for value; expected bool; got string');
    expect(failure('<< pair nil "x" >>', { functions }).message).toContain('cannot assign nil to string');
    expect(failure('<< pair "x" >>', { functions }).message).toContain('wrong number of args for pair: want 2 got 1');
  });
});

describe('define, template and block', () => {
  it('calls a defined template with a new dot and no outer variables', () => {
    expect(run('<< define "greet" >>hi << . >><< end >><< template "greet" "bob" >>,<< template "greet" >>')).toBe('hi bob,hi <no value>');
    expect(run('<< block "part" "x" >>[<< . >>]<< end >>')).toBe('[x]');
  });

  it('fails on a template that is not defined, and on recursion deeper than 100', () => {
    expect(failure('<< template "missing" >>').message).toContain('template "missing" not defined');
    expect(failure('<< define "loop" >><< template "loop" >><< end >><< template "loop" >>').message).toContain('deeper than 100');
  });
});

describe('parse errors', () => {
  it.each([
    ['<< 1', 'unclosed action'],
    ['<< end >>', 'unexpected {{end}}'],
    ['<< if true >>x', 'unexpected EOF'],
    ['<< >>', 'missing value for command'],
    ['<< 1 | 2 >>', 'non executable command in pipeline stage 2'],
    ['<< nil | print >>', 'nil is not a command'],
  ])('%j fails with %j', (text, message) => {
    expect(failure(text, { functions: { print: (...args) => args.join('') } }).message).toContain(message);
  });
});

describe('bounds against hostile templates', () => {
  it('refuses output beyond 16 MiB', () => {
    const error = failure(`<< range 20000 >>${'x'.repeat(1024)}<< end >>`);
    expect(error.message).toContain('16 MiB');
  });

  it('refuses more than 1,000,000 range iterations', () => {
    expect(failure('<< range 1000001 >><< end >>').message).toContain('more than 1000000 range iterations');
    expect(run('<< range 999 >><< range 1000 >><< end >><< end >>done')).toBe('done');
  });

  it('refuses nesting deeper than 100 levels', () => {
    const ifs = `${'<< if true >>'.repeat(101)}x${'<< end >>'.repeat(101)}`;
    expect(failure(ifs).message).toContain('deeper than 100 levels');
    expect(run(`${'<< if true >>'.repeat(100)}x${'<< end >>'.repeat(100)}`)).toBe('x');
    expect(failure(`<< ${'('.repeat(101)}1${')'.repeat(101)} >>`).message).toContain('deeper than 100 levels');
  });

  it('refuses template text larger than 4 MiB', () => {
    expect(failure('x'.repeat(4 * 1024 * 1024 + 1)).message).toContain('larger than 4 MiB');
  });

  it('refuses printing a value that contains itself', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(failure('<< inputs.loop >>', { inputs: { loop } }).message).toContain('deeper than 100 levels');
  });
});
