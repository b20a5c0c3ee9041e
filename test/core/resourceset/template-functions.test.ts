import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { executeTemplate, TemplateError } from '../../../src/core/resourceset/go-template.ts';
import { createTemplateFunctions, OPERATOR_FUNCTIONS, SUPPORTED_FUNCTIONS } from '../../../src/core/resourceset/template-functions.ts';

const r = String.raw;
const UNSUPPORTED: ReadonlySet<string> = new Set([...OPERATOR_FUNCTIONS].filter((name) => !SUPPORTED_FUNCTIONS.includes(name)));

function render(text: string, inputs: Record<string, unknown> = {}): string {
  return executeTemplate(text, { left: '<<', right: '>>', functions: createTemplateFunctions(inputs), unsupported: UNSUPPORTED });
}

function failure(text: string, inputs: Record<string, unknown> = {}): TemplateError {
  try {
    render(text, inputs);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

describe('the function map', () => {
  it('offers what slim-sprig HermeticTxtFuncMap offers, without the non-hermetic functions', () => {
    for (const name of ['randInt', 'ago', 'toDate', 'urlParse', 'slugify', 'toYaml', 'mustToYaml', 'inputs', 'default', 'hello']) expect(OPERATOR_FUNCTIONS.has(name)).toBe(true);
    for (const name of ['now', 'date', 'env', 'expandenv', 'uuidv4', 'randAlphaNum', 'getHostByName', 'merge', 'semver', 'required', 'fromYaml', 'nospace']) expect(OPERATOR_FUNCTIONS.has(name)).toBe(false);
    expect(OPERATOR_FUNCTIONS.size).toBe(159);
  });

  it('lists the supported functions sorted, all of them offered by the operator', () => {
    expect([...SUPPORTED_FUNCTIONS].sort()).toEqual(SUPPORTED_FUNCTIONS);
    expect(SUPPORTED_FUNCTIONS.filter((name) => !OPERATOR_FUNCTIONS.has(name))).toEqual([]);
    expect(SUPPORTED_FUNCTIONS).toEqual(expect.arrayContaining(['default', 'get', 'int', 'quote', 'slugify', 'toYaml', 'nindent', 'regexReplaceAll', 'inputs']));
    expect([...UNSUPPORTED].sort()).toEqual(['ago', 'duration', 'durationRound', 'mustDateModify', 'mustToDate', 'must_date_modify', 'randInt', 'toDate', 'unixEpoch', 'urlJoin', 'urlParse']);
  });

  it('refuses an unsupported function by name, and fails on a name the operator does not know', () => {
    expect(failure('<< randInt 1 5 >>').unsupported).toBe('randInt');
    const now = failure('<< now >>');
    expect(now.message).toBe('template: resourceset:1: function "now" not defined');
    expect(now.unsupported).toBeUndefined();
  });

  it('keeps the caller’s inputs unchanged when a template sets keys', () => {
    const inputs = { tenant: 'team1', nested: { a: 1 } };
    expect(render('<< $_ := set inputs "tenant" "x" >><< $_ := set inputs.nested "b" 2 >><< inputs.tenant >><< inputs.nested.b >>', inputs)).toBe('x2');
    expect(inputs).toEqual({ tenant: 'team1', nested: { a: 1 } });
  });

  it('keeps __proto__ an ordinary key', () => {
    expect(render('<< $d := dict >><< $_ := set $d "__proto__" "v" >><< keys $d >> << get $d "__proto__" >> << hasKey $d "toString" >>')).toBe('[__proto__] v false');
  });
});

describe('the operator documentation examples', () => {
  it('renders get | default, int and quote', () => {
    expect(render('<< get inputs "name" | default inputs.namespace >>', { namespace: 'team1' })).toBe('team1');
    expect(render('<< get inputs "name" | default inputs.namespace >>', { namespace: 'team1', name: 'app' })).toBe('app');
    expect(render('<< inputs.replicas | int >> << inputs.replicas | quote >> << inputs.enabled | quote >>', { replicas: '2', enabled: true })).toBe('2 "2" "true"');
  });

  it('renders toYaml | nindent as the nestedinputs golden expects', () => {
    const text = 'data: << inputs.foo.bar | toYaml | nindent 2 >>';
    const out = render(text, { foo: { bar: { k2: 'v2', k1: 'v1' } } });
    expect(out).toBe('data: \n  k1: v1\n  k2: v2\n  ');
    expect(parse(out)).toEqual({ data: { k1: 'v1', k2: 'v2' } });
  });

  it('renders the layerSelector example', () => {
    const out = render('layerSelector: << inputs.layerSelector | toYaml | nindent 2 >>', { layerSelector: { mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', operation: 'copy' } });
    expect(out).toBe('layerSelector: \n  mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip\n  operation: copy\n  ');
  });

  it('renders the slugify golden file values', () => {
    expect(render('<< inputs.semver | slugify >>', { semver: '>=1.0.0-rc.0' })).toBe('1-0-0-rc-0');
    expect(render('<< inputs.semver | slugify >> << inputs.semver | quote >>', { semver: '>=1.0.0' })).toBe('1-0-0 ">=1.0.0"');
  });
});

describe('strings', () => {
  it.each([
    [r`<< quote 1 "a\"b" nil 2.5 >>`, r`"1" "a\"b" "2.5"`],
    ['<< inputs.id | quote >>', '"340788154"'],
    ['<< squote 1 "a" >>', "'1' 'a'"],
    ['<< cat "a" 1 nil "b" >>', 'a 1 b'],
    ['<< trunc 3 "abcdef" >>|<< trunc -2 "abcdef" >>|<< trunc 10 "ab" >>|<< trunc -10 "ab" >>', 'abc|ef|ab|ab'],
    ['<< substr 1 4 "abcdef" >>|<< substr 2 99 "abcdef" >>|<< substr -1 2 "abcdef" >>', 'bcd|cdef|ab'],
    ['<< replace "a" "o" "banana" >>|<< "banana" | replace "an" "" >>', 'bonono|ba'],
    ['<< upper "straße" >> << lower "ÀB" >> << title "hello world-foo_bar" >>', 'STRAßE àb Hello World-Foo_bar'],
    [r`<< trim " \t x \n" >>|<< trimAll "$" "$$a$b$$" >>|<< trimPrefix "v" "v1.2" >>|<< trimSuffix ".yaml" "a.yaml" >>`, 'x|a$b|1.2|a'],
    ['<< contains "ell" "hello" >> << hasPrefix "he" "hello" >> << hasSuffix "lo" "hello" >>', 'true true true'],
    ['<< repeat 3 "ab" >>|<< "ab" | repeat 2 >>', 'ababab|abab'],
    [r`<< indent 2 "a\nb" >>|<< nindent 2 "a" >>`, '  a\n  b|\n  a'],
    ['<< plural "one" "many" 1 >> << plural "one" "many" 2 >>', 'one many'],
    ['<< toString 1.5 >> << toString (list 1 "a") >> << toString nil >>', '1.5 [1 a] <nil>'],
    ['<< split "/" "a/b/c" >> << (split "/" "a/b")._1 >> << splitList "," "a,,b" >> << splitn "/" 2 "a/b/c" >>', 'map[_0:a _1:b _2:c] b [a  b] map[_0:a _1:b/c]'],
    ['<< join "-" (list 1 "a" nil 2.5) >> << join "," "solo" >> << sortAlpha (list "b" "C" "a" 10) >>', '1-a-2.5 solo [10 C a b]'],
  ])('%s renders %j', (text, expected) => {
    expect(render(text, { id: 340788154 })).toBe(expected);
  });

  it('fails as Go does on a wrong argument type or an impossible slice', () => {
    expect(failure('<< trunc inputs.n "abc" >>', { n: 2 }).message).toContain('wrong type for value; expected int; got int64');
    expect(failure('<< upper 5 >>').message).toContain('expected string; found 5');
    expect(failure('<< substr 4 2 "abcdef" >>').message).toContain('slice bounds out of range');
    expect(failure('<< repeat -1 "a" >>').message).toContain('strings: negative Repeat count');
  });
});

describe('numbers, conversions and defaults', () => {
  it.each([
    ['<< int "3" >> << int "3.5" >> << int 3.9 >> << int true >> << int nil >> << int64 "-12" >> << atoi "42" >> << atoi "x" >>', '3 0 3 1 0 -12 42 0'],
    ['<< float64 "2.5" >> << float64 "x" >> << float64 3 >> << typeOf (float64 3) >>', '2.5 0 3 float64'],
    ['<< add 1 "2" 3.5 >> << add1 "5" >> << sub 5 7 >> << mul 2 3 4 >> << div 7 2 >> << div -7 2 >> << mod 7 3 >> << mod -7 2 >>', '6 6 -2 24 3 -3 1 -1'],
    ['<< max 1 5 3 >> << min 4 "2" 9 >> << biggest 3 8 >> << maxf 1 2.5 >> << minf 1 0.5 >>', '5 2 8 2.5 0.5'],
    ['<< floor 1.7 >> << ceil 1.2 >> << round 3.14159 2 >> << round -2.5 0 >> << round 2.45 0 >> << round 2.45 0 0.4 >>', '1 2 3.14 -3 2 3'],
    ['<< until 3 >> << until -3 >> << untilStep 0 10 3 >> << untilStep 5 0 -2 >>', '[0 1 2] [0 -1 -2] [0 3 6 9] [5 3 1]'],
    ['<< seq 3 >>|<< seq 5 2 >>|<< seq 1 2 7 >>|<< seq 7 2 1 >>', '1 2 3|5 4 3 2|1 3 5 7|'],
    ['<< toDecimal "0755" >> << toDecimal 777 >> << toDecimal "9" >>', '493 511 0'],
    ['<< "" | default "x" >> << 0 | default 5 >> << default "d" >> << list | default "e" >> << false | default true >> << "v" | default "x" >>', 'x 5 d e true v'],
    ['<< empty (dict) >> << empty 0.0 >> << empty "a" >> << empty (list 0) >>', 'true true false false'],
    ['<< coalesce "" 0 "x" >> << coalesce nil "" >> << all 1 "a" >> << all 1 "" >> << any 0 "" >> << any 0 "x" >>', 'x <no value> true false false true'],
    ['<< ternary "y" "n" true >> << false | ternary "y" "n" >>', 'y n'],
    ['<< typeOf 1 >> << typeOf inputs.n >> << typeOf 1.5 >> << typeOf "s" >> << typeOf (list) >> << typeOf (dict) >> << typeOf (splitList "," "a") >> << typeOf (split "," "a") >> << typeOf nil >>', 'int int64 float64 string []interface {} map[string]interface {} []string map[string]string <nil>'],
    ['<< kindOf (list) >> << kindOf (dict) >> << kindIs "int" 3 >> << typeIs "int64" inputs.n >> << typeIsLike "string" "x" >>', 'slice map true true true'],
    ['<< deepEqual (list 1 (dict "a" "b")) (list 1 (dict "a" "b")) >> << deepEqual 1 inputs.n >> << deepEqual (list 1) (list 2) >>', 'true false false'],
  ])('%s renders %j', (text, expected) => {
    expect(render(text, { n: 1 })).toBe(expected);
  });

  it('fails on division by zero and reports fail messages', () => {
    expect(failure('<< div 1 0 >>').message).toContain('error calling div: runtime error: integer divide by zero');
    expect(failure('<< fail "tenant is required" >>').message).toContain('error calling fail: tenant is required');
  });

  it('refuses sequences longer than 10,000 elements', () => {
    expect(failure('<< until 100000 >>').message).toContain('100000 elements is longer than the 10000');
    expect(failure('<< seq 20000 >>').message).toContain('10000');
    expect(render('<< len (until 10000) >>')).toBe('10000');
  });
});

describe('lists and dicts', () => {
  it.each([
    ['<< first (list 1 2) >> << last (list 1 2) >> << rest (list 1 2 3) >> << initial (list 1 2 3) >> << first (list) >>', '1 2 [2 3] [1 2] <no value>'],
    ['<< append (list 1) 2 >> << prepend (list 1) 0 >> << concat (list 1) (list 2 3) >> << reverse (list 1 2 3) >>', '[1 2] [0 1] [1 2 3] [3 2 1]'],
    ['<< uniq (list 1 2 1 "a" "a") >> << without (list 1 2 3 2) 2 >> << has 2 (list 1 2) >> << has "x" nil >> << compact (list 0 "" "a" nil 1) >>', '[1 2 a] [1 3] true false [a 1]'],
    ['<< slice (list 1 2 3 4) 1 3 >> << slice (list 1 2 3) 1 >> << chunk 2 (list 1 2 3 4 5) >> << tuple 1 2 >>', '[2 3] [2 3] [[1 2] [3 4] [5]] [1 2]'],
    ['<< dict "a" 1 "b" >> << get (dict "a" 1) "a" >>|<< get (dict) "missing" >>|<< hasKey (dict "a" 1) "a" >>', 'map[a:1 b:] 1||true'],
    ['<< $d := dict "a" 1 >><< $_ := set $d "b" 2 >><< $_ := unset $d "a" >><< $d >>', 'map[b:2]'],
    ['<< keys (dict "b" 1 "a" 2) >> << values (dict "b" 1 "a" 2) >> << pluck "a" (dict "a" 1) (dict "b" 2) (dict "a" 3) >>', '[a b] [2 1] [1 3]'],
    ['<< pick (dict "a" 1 "b" 2) "a" "z" >> << omit (dict "a" 1 "b" 2) "a" >> << dig "a" "b" "def" (dict "a" (dict "b" 1)) >> << dig "a" "x" "def" (dict "a" (dict "b" 1)) >>', 'map[a:1] map[b:2] 1 def'],
  ])('%s renders %j', (text, expected) => {
    expect(render(text)).toBe(expected);
  });

  it('fails where sprig panics', () => {
    expect(failure('<< first "abc" >>').message).toContain('Cannot find first on type string');
    expect(failure('<< append nil 1 >>').message).toContain('nil pointer dereference');
    expect(failure('<< slice (list 1 2) 1 5 >>').message).toContain('slice index out of range');
    expect(failure('<< get (splitList "," "a") "x" >>').message).toContain('wrong type for value; expected map[string]interface {}; got []string');
  });
});

describe('encodings and checksums', () => {
  it.each([
    ['<< b64enc "hello" >> << b64dec "aGVsbG8=" >> << b64dec "aGVsbG8" >> << b64dec "a#==" >>', 'aGVsbG8= hello illegal base64 data at input byte 4 illegal base64 data at input byte 1'],
    ['<< b32enc "hi" >> << b32dec "NBUQ====" >> << b32enc "" >>', 'NBUQ==== hi '],
    ['<< sha256sum "a" >>', 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb'],
    ['<< sha1sum "a" >> << adler32sum "Wikipedia" >>', '86f7e437faa5a7fce15d1ddcb9eaeaea377667b8 300286872'],
    ['<< toJson (dict "b" "<&>" "a" 1.5 "c" (list 1 nil true)) >>', '{"a":1.5,"b":"\\u003c\\u0026\\u003e","c":[1,null,true]}'],
    ['<< toRawJson (dict "b" "<&>") >> << mustToJson "a\u2028b" >>', '{"b":"<&>"} "a\\u2028b"'],
    ['<< toPrettyJson (dict "a" (list 1) "b" (dict)) >>', '{\n  "a": [\n    1\n  ],\n  "b": {}\n}'],
    [r`<< (fromJson "{\"a\":1,\"b\":[true]}").a >> << typeOf (fromJson "{\"a\":1}").a >> << fromJson "{" >>`, '1 float64 <no value>'],
    ['<< base "/a/b.txt" >> << dir "/a/b.txt" >> << clean "a//b/../c/." >> << ext "x.tar.gz" >> << isAbs "/x" >> << clean "" >> << dir "file" >>', 'b.txt /a a/c .gz true . .'],
  ])('%s renders %j', (text, expected) => {
    expect(render(text)).toBe(expected);
  });

  it('fails on mustFromJson of invalid JSON, and toJson of NaN is empty', () => {
    expect(failure('<< mustFromJson "{" >>').message).toContain('error calling mustFromJson');
    expect(render('[<< toJson (float64 "NaN") >>]')).toBe('[]');
    expect(failure('<< mustToJson (float64 "NaN") >>').message).toContain('json: unsupported value: NaN');
  });
});

describe('regular expressions (Go RE2 syntax)', () => {
  it.each([
    ['<< regexMatch "^v[0-9]+$" "v12" >> << regexMatch "^v[0-9]+$" "v1.2" >> << regexMatch "(" "x" >>', 'true false false'],
    ['<< regexFind "[0-9]+" "a12b34" >> << regexFindAll "[0-9]+" "a1b22c333" -1 >> << regexFindAll "[0-9]+" "a1b22c333" 2 >>', '12 [1 22 333] [1 22]'],
    ['<< regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" >> << regexReplaceAll "a(x*)b" "-ab-axxb-" "$1W" >> << regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" "${1}" >>', '-W-xxW- --- -${1}-${1}-'],
    ['<< regexReplaceAll "a*" "baaac" "-" >> << regexSplit "a*" "abaabaccadaaae" 5 >> << regexSplit "," "a,b,c" -1 >>', '-b-c- [ b b c cadaaae] [a b c]'],
    ['<< regexReplaceAll `(?P<major>\\d+)\\.(\\d+)` "v1.22" "${major}-$2" >> << regexReplaceAll "(?i)HELLO" "hello Hello" "x" >>', 'v1-22 x x'],
    [r`<< regexMatch "^\\s$" "\u00a0" >> << regexMatch "^.$" "\r" >> << regexMatch "[[:alpha:]]+" "abc" >> << regexQuoteMeta "a.b*c" >>`, r`false true true a\.b\*c`],
  ])('%s renders %j', (text, expected) => {
    expect(render(text)).toBe(expected);
  });

  it('fails as Go does on syntax RE2 rejects', () => {
    expect(failure('<< regexFind "a(?=b)" "ab" >>').message).toContain('error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
    expect(failure(r`<< mustRegexMatch "(a)\\1" "aa" >>`).message).toContain('invalid escape sequence: `\\1`');
    expect(failure('<< regexFind "a**" "a" >>').message).toContain('invalid nested repetition operator');
  });

  it('refuses patterns that could backtrack without bound', () => {
    expect(failure('<< regexMatch "(a+)+$" "aaaa" >>').unsupported).toBe('regular expression a repeated group that itself repeats');
    expect(failure('<< regexMatch "^(a|aa)*c$" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab" >>').unsupported).toBe('regular expression a repeated group with alternatives');
    expect(failure(`<< regexMatch "a" "${'a'.repeat(64 * 1024 + 1)}" >>`).message).toContain('more than the 65536 prune-guard allows');
  });

  it('alternatives outside a repeat, and a repeated group without them, still run', () => {
    expect(render('<< regexMatch "^(dev|prod)-[a-z]+$" "prod-eu" >> << regexReplaceAll "(ab)+" "ababx" "y" >>')).toBe('true yx');
  });
});

describe('toYaml (sigs.k8s.io/yaml, go-yaml v2 style)', () => {
  it.each([
    ['<< toYaml (dict "v" "hi") >>', 'v: hi\n'],
    ['<< toYaml (dict "v" "true" "w" "10" "x" "" "y" "-" "z" "1:1") >>', 'v: "true"\nw: "10"\nx: ""\n"y": \'-\'\nz: "1:1"\n'],
    ['<< toYaml (dict "a" "b: c" "b" "Hello #comment" "c" "你好" "d" "yes" "e" "2024-01-02" "f" " lead") >>', 'a: \'b: c\'\nb: \'Hello #comment\'\nc: 你好\nd: "yes"\ne: "2024-01-02"\nf: \' lead\'\n'],
    [r`<< toYaml (dict "v" (list "A" "B\nC")) >>`, 'v:\n- A\n- |-\n  B\n  C\n'],
    ['<< toYaml (dict "v" (list "A" 1 (dict "B" (list 2 3)))) >>', 'v:\n- A\n- 1\n- B:\n  - 2\n  - 3\n'],
    ['<< toYaml (dict "a" (dict "b" "c") "e" (list) "f" (dict) "n" nil "t" true) >>', 'a:\n  b: c\ne: []\nf: {}\n"n": null\nt: true\n'],
    [r`<< toYaml (dict "a" "x\n" "b" "x\n\n" "c" "it's" "d" "\ttab" "e" "\u0000") >>`, 'a: |\n  x\nb: |+\n  x\n\nc: it\'s\nd: "\\ttab"\ne: "\\0"\n'],
    ['<< toYaml (list (list 1 2) (dict "k" 1)) >>', '- - 1\n  - 2\n- k: 1\n'],
    ['<< toYaml "foo" >>|<< toYaml 1.5 >>|<< toYaml nil >>|<< toYaml 123456789.5 >>|<< toYaml (float64 "1e-7") >>|<< toYaml 7 >>', 'foo\n|1.5\n|null\n|1.234567895e+08\n|1e-07\n|7\n'],
  ])('%s renders %j', (text, expected) => {
    expect(render(text)).toBe(expected);
  });

  it('orders keys as go-yaml v2 does (numbers inside keys compare as numbers)', () => {
    const order = ['', '.1', '.2', '.a', '1', '2', 'a!10', 'a/2', 'a/10', 'a~10', 'ab/1', 'b/1', 'b/01', 'b/2', 'b/02', 'b/3', 'b/03', 'b1', 'b01', 'b3', 'c2.10', 'c10.2', 'd1', 'd12', 'd12a'];
    const shuffled = [...order].reverse();
    const out = render('<< toYaml inputs.m >>', { m: Object.fromEntries(shuffled.map((key) => [key, 1])) });
    const keys = out.trimEnd().split('\n').map((line) => line.slice(0, line.lastIndexOf(':')).replace(/^"(.*)"$/, '$1'));
    expect(keys).toEqual(order);
  });

  it('folds a long string at a space past column 80', () => {
    const words = 'aaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg hhhhhhhhhh iiiiiiiiii';
    expect(render('<< toYaml inputs >>', { long: words })).toBe('long: aaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg\n  hhhhhhhhhh iiiiiiiiii\n');
  });

  it('returns "" from toYaml and fails mustToYaml when JSON cannot encode the value', () => {
    expect(render('[<< toYaml (float64 "NaN") >>]')).toBe('[]');
    expect(failure('<< mustToYaml (float64 "NaN") >>').message).toContain('json: unsupported value: NaN');
  });
});

describe('bounds on values that grow on every iteration', () => {
  it('refuses a list that doubles past 1,000,000 elements', () => {
    expect(failure('<< $l := list 1 >><< range 25 >><< $l = concat $l $l >><< end >>').message).toContain('concat returns a list of more than 1000000 elements');
    expect(render('<< $l := list 1 >><< range 19 >><< $l = concat $l $l >><< end >><< len $l >>')).toBe('524288');
  });

  it('refuses comparing or printing a value whose shared parts make it exponentially large', () => {
    const grow = '<< $a := list 1 >><< $b := list 1 >><< range 26 >><< $a = list $a $a >><< $b = list $b $b >><< end >>';
    expect(failure(`${grow}<< deepEqual $a $b >>`).message).toContain('visits more than 10000000 values');
    expect(render(`${grow}<< deepEqual $a $a >>`)).toBe('true');
    expect(failure(`${grow}<< $a >>`).message).toContain('longer than');
  });

  it('refuses a string longer than 16 MiB', () => {
    expect(failure('<< repeat 17000000 "x" >>').message).toContain('repeat would be longer than');
  });
});

describe('slugify (gosimple/slug with MaxLength 63 and smart truncation)', () => {
  it.each([
    ['Dobrosław Żybort', 'dobroslaw-zybort'],
    ['  Dobroslaw     Zybort  ?', 'dobroslaw-zybort'],
    ['This & that', 'this-and-that'],
    ['fácil €', 'facil-eu'],
    ['"C\'est déjà l’été."', 'cest-deja-lete'],
    ['jaja---lol-méméméoo--a', 'jaja-lol-mememeoo-a'],
    ['Đanković & Kožušček', 'dankovic-and-kozuscek'],
    ['% 5 @ 4 $ 3 / 2 & 1 & 2 # 3 @ 4 _ 5', '5-at-4-3-2-and-1-and-2-3-at-4-_-5'],
    ['Ich heiße', 'ich-heisse'],
    ['Æ', 'ae'],
    ['smile ☺', 'smile'],
    ['2000–2013', '2000-2013'],
    ['_test_slug_', 'test_slug'],
    ['𐀀', ''],
    ['Hellö Wörld хелло ворлд', 'hello-world-khello-vorld'],
    ['áÁàÀãÃâÂäÄąĄą̊Ą̊', 'aaaaaaaaaaaaaa'],
  ])('%j becomes %j', (text, expected) => {
    expect(render('<< inputs.s | slugify >>', { s: text })).toBe(expected);
  });

  it('cuts a long slug at the last dash within 63 characters, or at 63 in one word', () => {
    const slug = (text: string): string => render('<< inputs.s | slugify >>', { s: text });
    expect(slug(`${'a'.repeat(60)} ${'b'.repeat(10)}`)).toBe('a'.repeat(60));
    expect(slug(`${'a'.repeat(63)} b`)).toBe('a'.repeat(63));
    expect(slug('x'.repeat(70))).toBe('x'.repeat(63));
    expect(slug(`${'a'.repeat(30)} ${'b'.repeat(32)}`)).toBe(`${'a'.repeat(30)}-${'b'.repeat(32)}`);
  });

  it('refuses a script whose transliteration prune-guard does not know, and a non-string', () => {
    expect(failure('<< slugify "影師" >>').unsupported).toBe('slugify of this script');
    expect(failure('<< inputs.id | slugify >>', { id: 7 }).message).toContain('wrong type for value; expected string; got int64');
  });
});

describe('docs/flux-operator.md', () => {
  it('lists exactly the template functions prune-guard implements', () => {
    const doc = readFileSync(new URL('../../../docs/flux-operator.md', import.meta.url), 'utf8');
    const paragraph = doc.slice(doc.indexOf('Template functions ('), doc.indexOf('\n\n', doc.indexOf('Template functions (')));
    const listed = [...paragraph.slice(paragraph.indexOf('):') + 2).matchAll(/`([A-Za-z0-9_]+)`/g)].map((match) => match[1]);
    expect(listed).toEqual([...SUPPORTED_FUNCTIONS]);
  });
});
