// Generates corpus/validation/generated.json: documents, valid and invalid, that exercise every rule of
// graphql-js's specifiedRules against the sample schema. Deterministic: the output depends only on this script and
// the golden SDL. It stores documents only; expected answers are computed from graphql-js at test time.
//
//   node corpus/validation/generate.mjs
import { writeFileSync } from 'node:fs';
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { buildReferenceSchema } from '../../sample-schema.mjs';

const schema = buildReferenceSchema();
const docs = [];
const add = (rule, name, query, extra = {}) => docs.push({ name: `${rule}: ${name}`, rule, query, ...extra });

// A minimal valid selection for a field of the given output type.
function leafSelection(type, depth = 0) {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (depth > 1) return ' { __typename }';
  if (isObjectType(named)) {
    const scalar = Object.values(named.getFields()).find(
      (f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)) && !['secret', 'value', 'nickname'].includes(f.name),
    );
    return scalar ? ` { ${scalar.name} }` : ' { __typename }';
  }
  return ' { __typename }';
}

// A valid literal for an input type (used to satisfy required arguments).
function sampleLiteral(type) {
  if (isNonNullType(type)) return sampleLiteral(type.ofType);
  if (isListType(type)) return `[${sampleLiteral(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    if (type.isOneOf) return `{ ${fields[0].name}: ${sampleLiteral(fields[0].type)} }`;
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined && f.default === undefined);
    return `{ ${required.map((f) => `${f.name}: ${sampleLiteral(f.type)}`).join(', ')} }`;
  }
  switch (type.name) {
    case 'Int':
      return '1';
    case 'Float':
      return '1.5';
    case 'String':
      return '"text"';
    case 'Boolean':
      return 'true';
    case 'ID':
      return '"b1"';
    case 'LocalDate':
      return '"2024-02-29"';
    case 'DateTime':
      return '"2024-02-29T12:00:00Z"';
    case 'Duration':
      return '"PT1H"';
    default:
      throw new Error(`no sample for ${type}`);
  }
}

const requiredArgs = (field) =>
  field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined && a.default === undefined);
const argsText = (args) => (args.length ? `(${args.map((a) => `${a.name}: ${sampleLiteral(a.type)}`).join(', ')})` : '');
const misspell = (name) => (name.length > 3 ? name.slice(0, -2) + name.slice(-1) : name + 'x');

const roots = [
  ['query', schema.getQueryType()],
  ['mutation', schema.getMutationType()],
];
const objectTypes = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && !t.name.startsWith('__'));

// Where a selection on a type can be written: a path of fields from a root to that type.
function pathTo(typeName) {
  const paths = {
    Query: (s) => `{ ${s} }`,
    Mutation: (s) => `mutation { ${s} }`,
    Subscription: (s) => `subscription { ${s} }`,
    Book: (s) => `{ book(id: "b1") { ${s} } }`,
    Film: (s) => `{ film(id: "f1") { ${s} } }`,
    Author: (s) => `{ authors { ${s} } }`,
    Reading: (s) => `{ readings { ${s} } }`,
    FilterEcho: (s) => `{ echoFilter(filter: { genre: FICTION }) { ${s} } }`,
    KeyEcho: (s) => `{ echoKey(key: { id: "b1" }) { ${s} } }`,
    Loan: (s) => `mutation { borrow(key: { id: "b1" }) { ${s} } }`,
    Node: (s) => `{ node(id: "b1") { ${s} } }`,
    Item: (s) => `{ item(key: { id: "f1" }) { ${s} } }`,
    SearchResult: (s) => `{ search(text: "the") { ${s} } }`,
  };
  return paths[typeName];
}

// ---------------------------------------------------------------- FieldsOnCorrectType, ScalarLeafs,
// KnownArgumentNames, ProvidedRequiredArguments: every field of every object type.
for (const type of objectTypes) {
  const wrap = pathTo(type.name);
  if (!wrap) continue;
  for (const field of Object.values(type.getFields())) {
    const args = argsText(requiredArgs(field));
    const sel = leafSelection(field.type);
    add('FieldsOnCorrectTypeRule', `${type.name}.${field.name} is selectable`, wrap(`${field.name}${args}${sel}`));
    add('FieldsOnCorrectTypeRule', `${type.name}.${misspell(field.name)} is unknown`, wrap(`${misspell(field.name)}${args}${sel}`));
    if (isLeafType(getNamedType(field.type))) {
      add('ScalarLeafsRule', `${type.name}.${field.name} is a leaf and takes no selection`, wrap(`${field.name}${args} { id }`));
    } else {
      add('ScalarLeafsRule', `${type.name}.${field.name} needs a selection`, wrap(`${field.name}${args}`));
    }
    add('KnownArgumentNamesRule', `${type.name}.${field.name} has no argument "bogus"`, wrap(`${field.name}(bogus: 1${args ? ', ' + args.slice(1, -1) : ''})${sel}`));
    for (const arg of field.args) {
      add('KnownArgumentNamesRule', `${type.name}.${field.name}(${misspell(arg.name)}:) suggests ${arg.name}`, wrap(`${field.name}(${misspell(arg.name)}: ${sampleLiteral(arg.type)})${sel}`));
    }
    for (const arg of requiredArgs(field)) {
      const others = requiredArgs(field).filter((a) => a !== arg);
      add('ProvidedRequiredArgumentsRule', `${type.name}.${field.name} without ${arg.name}`, wrap(`${field.name}${argsText(others)}${sel}`));
      add('ProvidedRequiredArgumentsRule', `${type.name}.${field.name} with ${arg.name}: null`, wrap(`${field.name}(${[`${arg.name}: null`, ...others.map((a) => `${a.name}: ${sampleLiteral(a.type)}`)].join(', ')})${sel}`));
    }
  }
}

// Fields on abstract types: only __typename and (for interfaces) the interface's own fields.
for (const abstract of ['Node', 'Item', 'SearchResult']) {
  const wrap = pathTo(abstract);
  for (const f of ['__typename', 'id', 'title', 'addedOn', 'pages', 'name', 'runtime', 'tittle']) {
    add('FieldsOnCorrectTypeRule', `${abstract}.${f}`, wrap(f));
  }
}

// ---------------------------------------------------------------- ValuesOfCorrectType: literals for each input type.
const literals = [
  '0', '1', '-1', '2147483647', '2147483648', '-2147483648', '-2147483649', '1.0', '1.5', '-0.0', '1e3', '1.7976931348623157e308',
  '"s"', '""', '"""block"""', '"1"', 'true', 'false', 'null', 'FICTION', 'POETRY', 'UNKNOWN_VALUE', 'fiction',
  '[1]', '[]', '[null]', '{ }', '{ genre: FICTION }', '"2024-02-29"', '"2023-02-29"', '"2024-02-29T12:00:00Z"', '"PT1H"',
];
const echoes = [
  ['echoInt', 'value'], ['echoFloat', 'value'], ['echoString', 'value'], ['echoBoolean', 'value'], ['echoId', 'value'],
  ['echoGenre', 'value'], ['echoList', 'values'], ['echoNested', 'values'],
];
for (const [field, arg] of echoes) {
  for (const lit of literals) add('ValuesOfCorrectTypeRule', `${field}(${arg}: ${lit})`, `{ ${field}(${arg}: ${lit}) }`);
}
for (const [field, arg] of [['echoDate', 'value'], ['echoDateTime', 'value'], ['echoDuration', 'value']]) {
  for (const lit of ['"2024-02-29"', '"2024-02-29T12:00:00Z"', '"PT1H"', '1', 'null', 'true', '["PT1H"]']) {
    add('ValuesOfCorrectTypeRule', `${field}(${arg}: ${lit})`, `{ ${field}(${arg}: ${lit}) }`, { customScalar: true });
  }
}
const filterLiterals = [
  '{ genre: FICTION }', '{ genre: "FICTION" }', '{ genre: FICTON }', '{ minPages: "10" }', '{ minPages: null }',
  '{ maxPages: 200 }', '{ authorIds: "a1" }', '{ authorIds: ["a1", null] }', '{ authorIds: [1, 2] }', '{ unknown: 1 }',
  '{ titleContains: 1 }', '{ genre: FICTION, genre: SCIENCE }', '[{ genre: FICTION }]', '"filter"', '{ titelContains: "x" }',
];
for (const lit of filterLiterals) add('ValuesOfCorrectTypeRule', `books(filter: ${lit})`, `{ books(filter: ${lit}) { id } }`);
const addBookLiterals = [
  '{ title: "T" }', '{ }', '{ title: null }', '{ title: "T", pages: null }', '{ title: "T", genre: POETRY }',
  '{ title: "T", authorIds: [] }', '{ title: "T", authorIds: null }', '{ title: "T", tags: [null, "x"] }',
  '{ title: "T", extra: { priority: "high" } }', '{ title: "T", extra: { note: "n", bogus: 1 } }', '{ title: "T", published: 20240229 }',
];
for (const lit of addBookLiterals) add('ValuesOfCorrectTypeRule', `addBook(input: ${lit})`, `mutation { addBook(input: ${lit}) { id title } }`);
// @oneOf (spec 5.6.3, OneOf Input Objects)
const oneOfLiterals = [
  '{ id: "b1" }', '{ isbn: "978-0441478125" }', '{ id: "b1", isbn: "x" }', '{ }', '{ id: null }', '{ isbn: null }',
  '{ id: "b1", isbn: null }', '{ idd: "b1" }', '{ id: 1 }', '"b1"',
];
for (const lit of oneOfLiterals) add('ValuesOfCorrectTypeRule', `item(key: ${lit})`, `{ item(key: ${lit}) { id } }`);

// ---------------------------------------------------------------- VariablesInAllowedPosition and VariablesAreInputTypes
const varTypes = ['Int', 'Int!', 'Float', 'String', 'String!', 'ID', 'ID!', 'Boolean!', '[Int]', '[Int!]', '[Int]!', '[[String!]]', 'Genre', 'BookFilter', 'ItemKey', 'ItemKey!', 'LocalDate'];
const positions = [
  ['echoInt(value: $v)', 'Int'], ['echoFloat(value: $v)', 'Float'], ['echoId(value: $v)', 'ID'], ['echoList(values: $v)', '[Int]'],
  ['echoList(values: [$v])', 'Int'], ['echoNested(values: $v)', '[[String!]]'], ['echoNested(values: [[$v]])', 'String!'],
  ['books(first: $v) { id }', 'Int'], ['book(id: $v) { id }', 'ID!'], ['echoGenre(value: $v)', 'Genre'],
  ['echoKey(key: $v) { id }', 'ItemKey!'], ['echoKey(key: { id: $v }) { id }', 'ID (oneOf field)'], ['greet(name: $v)', 'String = default'],
  ['echoInt(value: 1) @include(if: $v)', 'Boolean!'], ['echoFilter(filter: $v) { present }', 'BookFilter'], ['echoDate(value: $v)', 'LocalDate'],
];
for (const vt of varTypes) {
  for (const [pos, expected] of positions) {
    add('VariablesInAllowedPositionRule', `$v: ${vt} used as ${expected}`, `query Q($v: ${vt}) { ${pos} }`);
  }
}
for (const [vt, def] of [['Int', '1'], ['Int', 'null'], ['String', '"x"'], ['[Int]', '[1]'], ['ID', '"b1"']]) {
  add('VariablesInAllowedPositionRule', `$v: ${vt} = ${def} in a non-null position`, `query Q($v: ${vt} = ${def}) { book(id: $v) { id } echoInt(value: 1) @skip(if: $b) } `.replace('query Q(', 'query Q($b: Boolean = false, '));
}
for (const vt of ['Book', 'Node', 'SearchResult', 'Item!', '[Author]', 'Query', 'Reading!', 'FilterEcho']) {
  add('VariablesAreInputTypesRule', `$v: ${vt} is not an input type`, `query Q($v: ${vt}) { __typename }`);
}
for (const vt of ['Genre', '[Genre!]!', 'AddBookInput', 'DateTime', 'Duration!', '[[ID]]']) {
  add('VariablesAreInputTypesRule', `$v: ${vt} is an input type`, `query Q($v: ${vt}) { __typename }`);
}
// Default values of variables are checked by ValuesOfCorrectType too.
for (const [vt, def] of [['Int', '"1"'], ['Int!', '1'], ['Genre', 'POETRY'], ['Genre', '"FICTION"'], ['BookFilter', '{ pages: 1 }'], ['ItemKey', '{ id: "b1", isbn: "x" }'], ['[Int]', '1'], ['Float', '1']]) {
  add('ValuesOfCorrectTypeRule', `$v: ${vt} = ${def}`, `query Q($v: ${vt} = ${def}) { __typename }`);
}

// ---------------------------------------------------------------- KnownTypeNames, FragmentsOnCompositeTypes,
// PossibleFragmentSpreads: every pair of composite types.
const composites = ['Query', 'Book', 'Film', 'Author', 'Reading', 'Node', 'Item', 'SearchResult'];
for (const outer of composites) {
  const wrap = pathTo(outer);
  for (const inner of composites) {
    add('PossibleFragmentSpreadsRule', `inline ... on ${inner} inside ${outer}`, wrap(`... on ${inner} { __typename }`));
    add('PossibleFragmentSpreadsRule', `fragment on ${inner} spread inside ${outer}`, `${wrap('...F')}\nfragment F on ${inner} { __typename }`);
  }
}
for (const t of ['Genre', 'String', 'BookFilter', 'DateTime', 'Int']) {
  add('FragmentsOnCompositeTypesRule', `fragment on ${t}`, `{ ...F }\nfragment F on ${t} { __typename }`);
  add('FragmentsOnCompositeTypesRule', `inline fragment on ${t}`, `{ ... on ${t} { __typename } }`);
}
for (const t of ['Bok', 'Unknown', 'book', 'Strin']) {
  add('KnownTypeNamesRule', `fragment on ${t}`, `{ ...F }\nfragment F on ${t} { __typename }`);
  add('KnownTypeNamesRule', `inline fragment on ${t}`, `{ ... on ${t} { __typename } }`);
  add('KnownTypeNamesRule', `variable of type ${t}`, `query Q($v: ${t}) { __typename }`);
  add('KnownTypeNamesRule', `variable of type [${t}!]`, `query Q($v: [${t}!]) { __typename }`);
}

// ---------------------------------------------------------------- Operations, fragments, variables: structural rules.
const structural = [
  ['ExecutableDefinitionsRule', 'a type definition', '{ __typename }\ntype Extra { a: Int }'],
  ['ExecutableDefinitionsRule', 'a schema extension', '{ __typename }\nextend schema @tag(name: "x")'],
  ['ExecutableDefinitionsRule', 'a directive definition', 'directive @x on FIELD\n{ __typename }'],
  ['ExecutableDefinitionsRule', 'a scalar definition and an enum extension', 'scalar S\nextend enum Genre { OTHER }\nquery { __typename }'],
  ['ExecutableDefinitionsRule', 'only a type definition', 'type Extra { a: Int }'],
  ['KnownOperationTypesRule', 'subscription is supported', 'subscription { tick }'],
  ['KnownOperationTypesRule', 'no mutation type', 'mutation { hello }', { endpoint: 'query-only' }],
  ['KnownOperationTypesRule', 'no subscription type', 'subscription S { hello }', { endpoint: 'query-only' }],
  ['KnownOperationTypesRule', 'a query and a mutation', 'query Q { hello }\nmutation M { hello }', { endpoint: 'query-only', operationName: 'Q' }],
  ['KnownOperationTypesRule', 'a query is supported', 'query Q { hello }', { endpoint: 'query-only' }],
  ['UniqueOperationNamesRule', 'two queries named A', 'query A { hello }\nquery A { oldHello }', { operationName: 'A' }],
  ['UniqueOperationNamesRule', 'a query and a mutation named A', 'query A { hello }\nmutation A { increment }', { operationName: 'A' }],
  ['UniqueOperationNamesRule', 'distinct names', 'query A { hello }\nquery B { oldHello }', { operationName: 'B' }],
  ['UniqueOperationNamesRule', 'three named A', 'query A { hello } query A { hello } query A { hello }'],
  ['LoneAnonymousOperationRule', 'two anonymous', '{ hello }\n{ oldHello }'],
  ['LoneAnonymousOperationRule', 'anonymous and named', '{ hello }\nquery B { oldHello }'],
  ['LoneAnonymousOperationRule', 'anonymous and a fragment', '{ ...F }\nfragment F on Query { hello }'],
  ['LoneAnonymousOperationRule', 'anonymous mutation and query', 'mutation { increment }\n{ hello }'],
  ['SingleFieldSubscriptionsRule', 'one field', 'subscription S { bookAdded { id } }'],
  ['SingleFieldSubscriptionsRule', 'two fields', 'subscription S { bookAdded { id } tick }'],
  ['SingleFieldSubscriptionsRule', 'two fields through a fragment', 'subscription S { ...F }\nfragment F on Subscription { bookAdded { id } tick }'],
  ['SingleFieldSubscriptionsRule', 'an introspection field', 'subscription S { __typename }'],
  ['SingleFieldSubscriptionsRule', 'anonymous with two fields', 'subscription { tick tock: tick }'],
  ['SingleFieldSubscriptionsRule', 'one field under @skip', 'subscription S { tick @skip(if: true) }'],
  ['SingleFieldSubscriptionsRule', 'one aliased field', 'subscription S { t: tick(every: "PT5S") }'],
  ['UniqueFragmentNamesRule', 'two fragments F', '{ ...F }\nfragment F on Query { hello }\nfragment F on Query { oldHello }'],
  ['UniqueFragmentNamesRule', 'distinct fragments', '{ ...F ...G }\nfragment F on Query { hello }\nfragment G on Query { oldHello }'],
  ['UniqueFragmentNamesRule', 'inline fragments never clash', '{ ... on Query { hello } ... on Query { hello } }'],
  ['KnownFragmentNamesRule', 'an unknown spread', '{ ...Missing }'],
  ['KnownFragmentNamesRule', 'an unknown spread in a fragment', '{ ...F }\nfragment F on Query { ...G hello }'],
  ['KnownFragmentNamesRule', 'a known spread', '{ ...F }\nfragment F on Query { hello }'],
  ['NoUnusedFragmentsRule', 'an unused fragment', '{ hello }\nfragment F on Query { hello }'],
  ['NoUnusedFragmentsRule', 'fragments used only by an unused fragment', '{ hello }\nfragment F on Query { ...G }\nfragment G on Query { hello }'],
  ['NoUnusedFragmentsRule', 'a fragment used by one of two operations', 'query A { ...F }\nquery B { hello }\nfragment F on Query { hello }', { operationName: 'A' }],
  ['NoFragmentCyclesRule', 'a fragment spreading itself', '{ ...F }\nfragment F on Query { ...F }'],
  ['NoFragmentCyclesRule', 'a two-fragment cycle', '{ ...F }\nfragment F on Query { ...G }\nfragment G on Query { ...F }'],
  ['NoFragmentCyclesRule', 'a three-fragment cycle through fields', '{ ...A }\nfragment A on Query { book(id: "b1") { ...B } }\nfragment B on Book { authors { ...C } }\nfragment C on Author { books { ...B } }'],
  ['NoFragmentCyclesRule', 'two cycles sharing a fragment', '{ ...A }\nfragment A on Query { ...B ...C }\nfragment B on Query { ...A }\nfragment C on Query { ...A }'],
  ['NoFragmentCyclesRule', 'a spread twice without a cycle', '{ ...A ...A }\nfragment A on Query { ...B ...B }\nfragment B on Query { hello }'],
  ['NoFragmentCyclesRule', 'a cycle inside an inline fragment', '{ ...A }\nfragment A on Query { ... on Query { ...A } }'],
  ['UniqueVariableNamesRule', '$a twice', 'query Q($a: Int, $a: Int) { echoInt(value: $a) }'],
  ['UniqueVariableNamesRule', '$a three times with different types', 'query Q($a: Int, $a: String, $a: Int) { echoInt(value: $a) }'],
  ['UniqueVariableNamesRule', 'the same name in two operations', 'query A($a: Int) { echoInt(value: $a) }\nquery B($a: Int) { echoInt(value: $a) }', { operationName: 'A' }],
  ['NoUndefinedVariablesRule', 'an undefined variable', 'query Q { echoInt(value: $v) }'],
  ['NoUndefinedVariablesRule', 'an undefined variable in an anonymous operation', '{ echoInt(value: $v) }'],
  ['NoUndefinedVariablesRule', 'an undefined variable in a fragment', 'query Q($a: Int) { ...F }\nfragment F on Query { echoInt(value: $a) echoFloat(value: $b) }'],
  ['NoUndefinedVariablesRule', 'a fragment used by two operations, one defining the variable', 'query A($a: Int) { ...F }\nquery B { ...F }\nfragment F on Query { echoInt(value: $a) }', { operationName: 'A' }],
  ['NoUndefinedVariablesRule', 'an undefined variable in a directive', 'query Q { hello @include(if: $yes) }'],
  ['NoUndefinedVariablesRule', 'an undefined variable inside a list and an object', 'query Q { echoNested(values: [[$s]]) echoFilter(filter: { genre: $g }) { present } }'],
  ['NoUnusedVariablesRule', 'an unused variable', 'query Q($a: Int) { hello }'],
  ['NoUnusedVariablesRule', 'two unused, one used', 'query Q($a: Int, $b: Int, $c: Int) { echoInt(value: $b) }'],
  ['NoUnusedVariablesRule', 'used only in an unused fragment', 'query Q($a: Int) { hello }\nfragment F on Query { echoInt(value: $a) }'],
  ['NoUnusedVariablesRule', 'used through a fragment', 'query Q($a: Int) { ...F }\nfragment F on Query { echoInt(value: $a) }'],
  ['NoUnusedVariablesRule', 'used only in its own default... of another variable', 'query Q($a: Int, $b: Int = 3) { echoInt(value: $b) }'],
  ['KnownDirectivesRule', 'an unknown directive', '{ hello @unknown }'],
  ['KnownDirectivesRule', '@include on a query', 'query Q @include(if: true) { hello }'],
  ['KnownDirectivesRule', '@skip on a fragment definition', '{ ...F }\nfragment F on Query @skip(if: true) { hello }'],
  ['KnownDirectivesRule', '@deprecated on a field', '{ hello @deprecated }'],
  ['KnownDirectivesRule', '@oneOf in a query', '{ hello @oneOf }'],
  ['KnownDirectivesRule', '@specifiedBy in a query', '{ hello @specifiedBy(url: "x") }'],
  ['KnownDirectivesRule', '@tag on a query, field, spread, inline fragment and fragment', 'query Q @tag(name: "q") { ...F @tag(name: "s") ... @tag(name: "i") { hello @tag(name: "f") } }\nfragment F on Query @tag(name: "d") { hello }'],
  ['KnownDirectivesRule', '@tag on a variable definition', 'query Q($a: Int @tag(name: "v")) { echoInt(value: $a) }'],
  ['KnownDirectivesRule', '@upper on a fragment spread and a query', 'query Q @upper { ...F @upper }\nfragment F on Query { hello @upper }'],
  ['KnownDirectivesRule', '@tag on a mutation', 'mutation M @tag(name: "m") { increment }'],
  ['KnownDirectivesRule', '@tag on a subscription', 'subscription S @tag(name: "s") { tick }'],
  ['KnownDirectivesRule', '@defer is not part of this schema', '{ ... @defer { hello } }'],
  ['KnownDirectivesRule', '@stream is not part of this schema', '{ books @stream(initialCount: 1) { id } }'],
  ['UniqueDirectivesPerLocationRule', '@skip twice', '{ hello @skip(if: false) @skip(if: true) }'],
  ['UniqueDirectivesPerLocationRule', '@include and @skip', '{ hello @include(if: true) @skip(if: false) }'],
  ['UniqueDirectivesPerLocationRule', '@upper twice', '{ hello @upper @upper }'],
  ['UniqueDirectivesPerLocationRule', '@tag twice is fine (repeatable)', '{ hello @tag(name: "a") @tag(name: "b") }'],
  ['UniqueDirectivesPerLocationRule', '@include twice on a fragment spread', '{ ...F @include(if: true) @include(if: true) }\nfragment F on Query { hello }'],
  ['UniqueDirectivesPerLocationRule', '@skip twice on an inline fragment, three times', '{ ... @skip(if: false) @skip(if: false) @skip(if: true) { hello } }'],
  ['UniqueArgumentNamesRule', 'an argument twice', '{ echoInt(value: 1, value: 2) }'],
  ['UniqueArgumentNamesRule', 'an argument three times', '{ greet(name: "a", name: "b", name: "c") }'],
  ['UniqueArgumentNamesRule', 'a directive argument twice', '{ hello @include(if: true, if: false) }'],
  ['UniqueArgumentNamesRule', 'distinct arguments', '{ greet(name: "a", title: "b") }'],
  ['UniqueInputFieldNamesRule', 'an input field twice', '{ books(filter: { genre: FICTION, genre: SCIENCE }) { id } }'],
  ['UniqueInputFieldNamesRule', 'a nested input field twice', 'mutation { addBook(input: { title: "a", extra: { note: "x", note: "y" } }) { id } }'],
  ['UniqueInputFieldNamesRule', 'same names in sibling objects', 'mutation { addBook(input: { title: "a", extra: { note: "x" } }) { id } b: addBook(input: { title: "a" }) { id } }'],
  ['UniqueInputFieldNamesRule', 'a variable default with a duplicate field', 'query Q($f: BookFilter = { genre: FICTION, genre: FICTION }) { books(filter: $f) { id } }'],
  ['ScalarLeafsRule', 'an enum with a selection', '{ book(id: "b1") { genre { name } } }'],
  ['ScalarLeafsRule', 'a union without a selection', '{ search(text: "x") }'],
  ['ScalarLeafsRule', 'an empty-looking interface selection via a fragment', '{ node(id: "b1") { ... on Book { authors } } }'],
  ['ScalarLeafsRule', '__typename with a selection', '{ __typename { name } }'],
  ['ScalarLeafsRule', '__schema without a selection', '{ __schema }'],
  ['MaxIntrospectionDepthRule', 'fields of fields of fields', '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }'],
  ['MaxIntrospectionDepthRule', 'two levels are fine', '{ __schema { types { fields { type { fields { name } } } } } }'],
  ['MaxIntrospectionDepthRule', 'interfaces and possibleTypes', '{ __type(name: "Node") { possibleTypes { interfaces { possibleTypes { name } } } } }'],
  ['MaxIntrospectionDepthRule', 'inputFields of inputFields of inputFields', '{ __type(name: "AddBookInput") { inputFields { type { inputFields { type { inputFields { name } } } } } } }'],
  ['MaxIntrospectionDepthRule', 'depth through fragments', '{ __schema { types { ...A } } }\nfragment A on __Type { fields { type { ...B } } }\nfragment B on __Type { fields { type { fields { name } } } }'],
  ['MaxIntrospectionDepthRule', 'ofType does not count', '{ __type(name: "Book") { fields { type { ofType { ofType { ofType { name } } } } } } }'],
];
for (const [rule, name, query, extra] of structural) add(rule, name, query, extra);

// ---------------------------------------------------------------- OverlappingFieldsCanBeMerged (spec 5.3.2).
const overlaps = [
  ['same field twice', '{ hello hello }'],
  ['an alias over a different field', '{ hello: oldHello hello }'],
  ['same field, different arguments', '{ echoInt(value: 1) echoInt(value: 2) }'],
  ['same field, argument and no argument', '{ greet greet(name: "x") }'],
  ['same field, same arguments in another order', '{ greet(name: "a", title: "b") greet(title: "b", name: "a") }'],
  ['same field, variable vs literal', 'query Q($v: Int) { echoInt(value: $v) echoInt(value: 1) }'],
  ['same field, same variable', 'query Q($v: Int) { echoInt(value: $v) echoInt(value: $v) }'],
  ['aliases of different types on disjoint object types', '{ search(text: "x") { ... on Book { v: pages } ... on Film { v: title } } }'],
  ['aliases of the same type on disjoint object types', '{ search(text: "x") { ... on Book { v: title } ... on Film { v: title } } }'],
  ['nullable vs non-null on disjoint types', '{ search(text: "x") { ... on Book { v: isbn } ... on Film { v: title } } }'],
  ['list vs non-list on disjoint types', '{ search(text: "x") { ... on Book { v: tags } ... on Author { v: name } } }'],
  ['same alias, different fields on one interface', '{ node(id: "b1") { x: id ... on Book { x: title } } }'],
  ['conflicting subfields deep inside', '{ book(id: "b1") { authors { n: name } } book(id: "b1") { authors { n: born } } }'],
  ['conflict through fragments', '{ ...A ...B }\nfragment A on Query { x: hello }\nfragment B on Query { x: oldHello }'],
  ['conflict between a field and a fragment', '{ x: hello ...B }\nfragment B on Query { x: oldHello }'],
  ['the same fragment twice', '{ ...A ...A }\nfragment A on Query { x: hello }'],
  ['conflict inside a nested fragment', '{ book(id: "b1") { ...A } book(id: "b1") { ...B } }\nfragment A on Book { x: title }\nfragment B on Book { x: isbn }'],
  ['many fields, one conflict', '{ a: hello b: hello c: hello d: hello e: hello a: oldHello }'],
  ['directives do not matter', '{ hello @include(if: true) hello @skip(if: false) }'],
  ['different subselection shapes merge', '{ book(id: "b1") { title } book(id: "b1") { pages } }'],
  ['a leaf vs an object', '{ x: hello x: book(id: "b1") { id } }'],
  ['__typename aliased over a field', '{ __typename: hello }'],
  ['parent types differ but fields are on an interface', '{ node(id: "b1") { ... on Book { id } ... on Film { id } id } }'],
  ['enum vs string on disjoint types', '{ search(text: "x") { ... on Book { v: genre } ... on Author { v: name } } }'],
  ['deep list conflict', '{ matrix sparse: matrix matrix: sparse }'],
  ['fields with different argument values under aliases', '{ a: echoInt(value: 1) a: echoInt(value: 2) }'],
  ['object-valued arguments differ', '{ echoFilter(filter: { genre: FICTION }) { present } echoFilter(filter: { genre: SCIENCE }) { present } }'],
  ['object-valued arguments equal', '{ echoFilter(filter: { genre: FICTION }) { present } echoFilter(filter: { genre: FICTION }) { genre } }'],
  ['conflict within an inline fragment on the same type', '{ ... on Query { x: hello } ... on Query { x: oldHello } }'],
  ['mutation aliases', 'mutation { a: increment a: increment b: increment }'],
  ['mutation alias conflict', 'mutation { a: increment a: failMutation }'],
  ['a conflict inside one inline fragment is reported once', '{ ... on Query { echoInt(value: 1) echoInt(value: 2) } }'],
  ['a conflict inside nested inline fragments is reported once', '{ ... on Query { ... on Query { echoInt(value: 1) echoInt(value: 2) } } }'],
  ['an alias conflict inside an inline fragment on an object', '{ film(id: "f1") { ... on Film { y0: runtime y0: id } } }'],
  ['an argument conflict inside an inline fragment in a list', '{ readings { ... on Reading { unit(nope: 1) unit } } }'],
];
for (const [name, query] of overlaps) add('OverlappingFieldsCanBeMergedRule', name, query);

// ---------------------------------------------------------------- Valid documents that use everything at once.
const valid = [
  ['a kitchen-sink query', `query Kitchen($id: ID! = "b1", $withAuthors: Boolean = true, $f: BookFilter) {
  __typename
  hello
  book(id: $id) { ...BookParts authors @include(if: $withAuthors) { id name } }
  books(filter: $f, first: 2) { id }
  search(text: "e") { __typename ... on Node { id } ... on Item { title } ... on Author { name } }
  node(id: "f1") { id ... on Film { runtime releasedAt director { name } } }
}
fragment BookParts on Book { title pages genre rating tags chapters addedOn }`],
  ['introspection of a type', '{ __type(name: "Book") { name kind fields(includeDeprecated: true) { name isDeprecated deprecationReason args { name } } } }'],
  ['introspection of the schema roots', '{ __schema { queryType { name } mutationType { name } subscriptionType { name } directives { name isRepeatable locations } } }'],
  ['a mutation with all input kinds', 'mutation M($t: [String]) { addBook(input: { title: "New", genre: SCIENCE, pages: 12, authorIds: ["a1"], tags: $t, published: "2024-02-29", extra: { note: "n" } }) { id title genre tags authors { name } addedOn } }'],
  ['deprecated things may be used', '{ oldHello greet(title: "Dr") book(id: "b1") { name } books(filter: { maxPages: 400 }) { id } echoGenre(value: POETRY) }'],
];
for (const [name, query] of valid) add('Valid', name, query);

writeFileSync(new URL('generated.json', import.meta.url), JSON.stringify(docs, null, 1) + '\n');
console.log(`wrote ${docs.length} documents`);
