// Seeded random documents over the sample schema, for the differential test in test/random.test.mjs. Mostly
// well-formed documents with a few deliberate mistakes (unknown fields, wrong literals, impossible fragments,
// missing selections, unused or mistyped variables), so that both validation and execution are exercised in
// combinations nobody wrote by hand. The same seed always gives the same documents.
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCALAR_LITERALS = {
  Int: ['0', '1', '-1', '42', '2147483647', '2147483648', '1.5', '"7"', 'true'],
  Float: ['1.5', '0', '-2.25', '1e3', '3', '"1.5"'],
  String: ['"a"', '""', '"héllo"', '"the"', '1', 'FICTION'],
  Boolean: ['true', 'false', '1', '"true"'],
  ID: ['"b1"', '"a2"', '"f1"', '"r9"', '7', '1.5'],
  LocalDate: ['"2024-02-29"', '"2023-02-29"', '"1999-12-31"', '1'],
  DateTime: ['"2024-02-29T12:00:00Z"', '"2024-02-29T12:00:00+05:30"', '"2024-02-29"'],
  Duration: ['"PT1H"', '"P2DT3H"', '"P1M"', '"PT0S"'],
};

const SCALAR_JSON = {
  Int: [0, 1, -5, 2147483647, 2147483648, 2.5, '3', null],
  Float: [1.5, 0, -1e10, 7, 'x', null],
  String: ['a', '', 'the', 5, null],
  Boolean: [true, false, 'no', null],
  ID: ['b1', 'a1', 'f2', 12, null],
  LocalDate: ['2024-02-29', '2023-02-29', null],
  DateTime: ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00-01:00', 'nope', null],
  Duration: ['PT90M', 'P1W', 'P1Y', null],
};

export function randomDocuments(schema, seed, count) {
  const random = prng(seed);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const chance = (p) => random() < p;
  const docs = [];

  for (let n = 0; n < count; n++) {
    const variables = []; // { name, typeText, type }
    const fragments = [];
    const variableValues = {};

    const literal = (type, depth = 0) => {
      if (chance(0.05)) return 'null';
      if (isNonNullType(type)) return literal(type.ofType, depth);
      if (isListType(type)) {
        if (chance(0.3)) return literal(type.ofType, depth + 1); // a single value coerced to a list
        return `[${Array.from({ length: Math.floor(random() * 3) }, () => literal(type.ofType, depth + 1)).join(', ')}]`;
      }
      if (isEnumType(type)) return chance(0.9) ? pick(type.getValues()).name : pick(['"FICTION"', 'OPERA', '1']);
      if (isInputObjectType(type)) {
        const fields = Object.values(type.getFields());
        const chosen = type.isOneOf
          ? (chance(0.85) ? [pick(fields)] : chance(0.5) ? fields : [])
          : fields.filter((f) => (isNonNullType(f.type) && f.defaultValue === undefined ? chance(0.95) : chance(0.4)));
        const entries = chosen.map((f) => `${f.name}: ${depth > 2 ? 'null' : literal(f.type, depth + 1)}`);
        if (chance(0.05)) entries.push('bogus: 1');
        return `{ ${entries.join(', ')} }`;
      }
      return pick(SCALAR_LITERALS[type.name]);
    };

    const jsonValue = (type, depth = 0) => {
      if (isNonNullType(type)) return jsonValue(type.ofType, depth);
      if (chance(0.05)) return null;
      if (isListType(type)) return chance(0.3) ? jsonValue(type.ofType, depth + 1) : [jsonValue(type.ofType, depth + 1), jsonValue(type.ofType, depth + 1)];
      if (isEnumType(type)) return chance(0.9) ? pick(type.getValues()).name : 'OPERA';
      if (isInputObjectType(type)) {
        const fields = Object.values(type.getFields());
        const chosen = type.isOneOf ? [pick(fields)] : fields.filter(() => chance(0.6));
        return Object.fromEntries(chosen.map((f) => [f.name, depth > 2 ? null : jsonValue(f.type, depth + 1)]));
      }
      return pick(SCALAR_JSON[type.name]);
    };

    const variableFor = (type) => {
      const name = `v${variables.length}`;
      // Usually the exact type; sometimes nullable where non-null is needed, or another type altogether.
      let typeText = String(type);
      if (chance(0.1) && isNonNullType(type)) typeText = String(type.ofType);
      else if (chance(0.05)) typeText = pick(['Int', 'String!', '[ID]', 'Genre', 'BookFilter']);
      // A default value sometimes (a literal of the argument's type, so it may itself be invalid).
      const defaultValue = chance(0.15) ? ` = ${literal(type)}` : '';
      variables.push({ name, typeText: typeText + defaultValue });
      if (chance(0.7)) variableValues[name] = jsonValue(type);
      return `$${name}`;
    };

    const args = (field) => {
      const given = [];
      for (const arg of field.args) {
        const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
        if (!(required ? chance(0.95) : chance(0.35))) continue;
        given.push(`${arg.name}: ${chance(0.15) ? variableFor(arg.type) : literal(arg.type)}`);
      }
      if (chance(0.03)) given.push('nope: 1');
      return given.length ? `(${given.join(', ')})` : '';
    };

    const directives = () => {
      if (chance(0.02)) return pick([' @upper', ' @tag(name: "t")', ' @unknown', ' @deprecated']);
      if (!chance(0.12)) return '';
      const value = chance(0.3) ? variableFor(schema.getType('Boolean')) : pick(['true', 'false']);
      return ` @${pick(['include', 'skip'])}(if: ${value})`;
    };

    const selectionSet = (type, depth) => {
      const selections = [];
      const width = 1 + Math.floor(random() * (depth === 0 ? 4 : 3));
      for (let i = 0; i < width; i++) selections.push(selection(type, depth));
      return `{ ${selections.join(' ')} }`;
    };

    const selection = (type, depth) => {
      const roll = random();
      if (roll < 0.08) return `__typename${directives()}`;
      const isUnion = !('getFields' in type);
      if (isUnion || (isAbstractType(type) && roll < 0.5) || roll < 0.14) {
        const possible = isAbstractType(type) ? schema.getPossibleTypes(type) : [type];
        const target = chance(0.9) ? pick(possible) : schema.getType(pick(['Reading', 'Query', 'Node', 'Item']));
        if (fragments.length > 0 && chance(0.1)) return `...F${Math.floor(random() * (fragments.length + (chance(0.1) ? 1 : 0)))}${directives()}`;
        if (chance(0.4) && fragments.length < 4) {
          const index = fragments.length;
          fragments.push(''); // reserve the name before nested fragments take theirs
          fragments[index] = `fragment F${index} on ${target.name} ${selectionSet(target, depth + 1)}`;
          return `...F${index}${directives()}`;
        }
        return `... on ${target.name}${directives()} ${selectionSet(target, depth + 1)}`;
      }
      const fields = Object.values(type.getFields());
      const field = pick(fields);
      const alias = chance(0.2)
        ? `${pick(['x', 'y', 'z'])}${Math.floor(random() * 3)}: `
        : chance(0.05) ? `${pick(fields).name}: ` : '';
      const name = chance(0.03) ? `${field.name}Typo` : field.name;
      const named = getNamedType(field.type);
      let sub = '';
      if (isCompositeType(named)) {
        sub = depth >= 3 || chance(0.03) ? (chance(0.5) ? '' : ' { __typename }') : ` ${selectionSet(named, depth + 1)}`;
      } else if (chance(0.03)) {
        sub = ' { id }';
      }
      return `${alias}${name}${args(field)}${directives()}${sub}`;
    };

    const isMutation = chance(0.15);
    const root = isMutation ? schema.getMutationType() : schema.getQueryType();
    const body = selectionSet(root, 0);
    if (chance(0.05)) variables.push({ name: 'unused', typeText: 'Int' });
    const defs = variables.length ? `(${variables.map((v) => `$${v.name}: ${v.typeText}`).join(', ')})` : '';
    const operations = [`${isMutation ? 'mutation' : 'query'} R${n}${defs} ${body}`];
    let operationName;
    if (chance(0.08)) {
      operations.push(chance(0.5) ? `query Other { hello ${fragments.length ? '...F0' : ''} }` : `{ oldHello }`);
      operationName = pick([`R${n}`, 'Other', undefined]);
    }
    const query = [...operations, ...fragments].join('\n');
    docs.push({ name: `random #${n} (seed ${seed})`, query, variables: variableValues, operationName });
  }
  return docs;
}

