/**
 * The function map a ResourceSet template runs with: slim-sprig's HermeticTxtFuncMap,
 * slugify, toYaml, mustToYaml and inputs, as the Flux Operator builds it. Functions whose
 * result is not reproducible (randInt, ago, ...) or that prune-guard does not implement are
 * named in OPERATOR_FUNCTIONS but not SUPPORTED_FUNCTIONS, so a template using them is
 * refused by name rather than rendered differently.
 */
import { goFunction, type TemplateFunction } from './go-signature.ts';
import { marshalYaml } from './go-yaml.ts';
import { copyData, GoCallError } from './go-values.ts';
import { slugify } from './slugify.ts';
import { ENCODING_FUNCTIONS } from './sprig-encoding.ts';
import { LIST_FUNCTIONS } from './sprig-lists.ts';
import { NUMBER_FUNCTIONS } from './sprig-numbers.ts';
import { REGEX_FUNCTIONS } from './sprig-regex.ts';
import { STRING_FUNCTIONS } from './sprig-strings.ts';

// slim-sprig v3 functions.go: genericMap without nonhermeticFunctions.
const HERMETIC_SPRIG = [
  'add', 'add1', 'adler32sum', 'ago', 'all', 'any', 'append', 'atoi', 'b32dec', 'b32enc', 'b64dec', 'b64enc', 'base', 'biggest', 'cat', 'ceil',
  'chunk', 'clean', 'coalesce', 'compact', 'concat', 'contains', 'deepEqual', 'default', 'dict', 'dig', 'dir', 'div', 'duration', 'durationRound',
  'empty', 'ext', 'fail', 'first', 'float64', 'floor', 'fromJson', 'get', 'has', 'hasKey', 'hasPrefix', 'hasSuffix', 'hello', 'indent', 'initial',
  'int', 'int64', 'isAbs', 'join', 'keys', 'kindIs', 'kindOf', 'last', 'list', 'lower', 'max', 'maxf', 'min', 'minf', 'mod', 'mul', 'mustAppend',
  'mustChunk', 'mustCompact', 'mustDateModify', 'mustFirst', 'mustFromJson', 'mustHas', 'mustInitial', 'mustLast', 'mustPrepend', 'mustPush',
  'mustRegexFind', 'mustRegexFindAll', 'mustRegexMatch', 'mustRegexReplaceAll', 'mustRegexReplaceAllLiteral', 'mustRegexSplit', 'mustRest',
  'mustReverse', 'mustSlice', 'mustToDate', 'mustToJson', 'mustToPrettyJson', 'mustToRawJson', 'mustUniq', 'mustWithout', 'must_date_modify',
  'nindent', 'omit', 'osBase', 'osClean', 'osDir', 'osExt', 'osIsAbs', 'pick', 'pluck', 'plural', 'prepend', 'push', 'quote', 'randInt', 'regexFind',
  'regexFindAll', 'regexMatch', 'regexQuoteMeta', 'regexReplaceAll', 'regexReplaceAllLiteral', 'regexSplit', 'repeat', 'replace', 'rest', 'reverse',
  'round', 'seq', 'set', 'sha1sum', 'sha256sum', 'slice', 'sortAlpha', 'split', 'splitList', 'splitn', 'squote', 'sub', 'substr', 'ternary', 'title',
  'toDate', 'toDecimal', 'toJson', 'toPrettyJson', 'toRawJson', 'toString', 'toStrings', 'trim', 'trimAll', 'trimPrefix', 'trimSuffix', 'trimall',
  'trunc', 'tuple', 'typeIs', 'typeIsLike', 'typeOf', 'uniq', 'unixEpoch', 'unset', 'until', 'untilStep', 'upper', 'urlJoin', 'urlParse', 'values',
  'without',
];

/** Every name in slim-sprig's HermeticTxtFuncMap (plus slugify, toYaml, mustToYaml, inputs): what the operator offers. */
export const OPERATOR_FUNCTIONS: ReadonlySet<string> = new Set([...HERMETIC_SPRIG, 'slugify', 'toYaml', 'mustToYaml', 'inputs']);

const SPRIG_FUNCTIONS: Readonly<Record<string, TemplateFunction>> = {
  ...STRING_FUNCTIONS,
  ...NUMBER_FUNCTIONS,
  ...LIST_FUNCTIONS,
  ...ENCODING_FUNCTIONS,
  ...REGEX_FUNCTIONS,
  slugify: goFunction(['string'], slugify),
  toYaml: goFunction(['any'], (value: unknown) => {
    try {
      return marshalYaml(value);
    } catch (error) {
      if (error instanceof GoCallError) return '';
      throw error;
    }
  }),
  mustToYaml: goFunction(['any'], marshalYaml),
};

/** The names createTemplateFunctions implements, sorted: docs/flux-operator.md lists them. */
export const SUPPORTED_FUNCTIONS: readonly string[] = [...Object.keys(SPRIG_FUNCTIONS), 'inputs'].filter((name) => OPERATOR_FUNCTIONS.has(name)).sort();

/** The functions a ResourceSet template runs with, for one input set: the slim-sprig subset prune-guard implements, slugify, toYaml, mustToYaml and inputs. */
export function createTemplateFunctions(inputs: Readonly<Record<string, unknown>>): Record<string, TemplateFunction> {
  // A private copy: `set` and `unset` change the map they get, which must not reach the caller's data.
  const data = copyData(inputs);
  const functions: Record<string, TemplateFunction> = Object.create(null) as Record<string, TemplateFunction>;
  for (const name of SUPPORTED_FUNCTIONS) {
    const fn = SPRIG_FUNCTIONS[name];
    if (fn !== undefined) functions[name] = fn;
  }
  functions.inputs = goFunction([], () => data);
  return functions;
}
