// The reference twin of the C# sample schema (Server/SampleSchema*.cs): the same SDL, the same fixture data
// (fixtures/library.json) and resolvers that do the same thing, so that graphql-js can execute any document and
// its answer can be compared with ours. Keep the two in step: a change here needs the same change there.
import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLError, Kind, print } from 'graphql';
import { inspect } from 'graphql/jsutils/inspect.js';

const here = new URL('.', import.meta.url);
export const sdl = readFileSync(new URL('golden/sample-schema.graphql', here), 'utf8');
export const fixtures = JSON.parse(readFileSync(new URL('fixtures/library.json', here), 'utf8'));

const byId = new Map([
  ...fixtures.books.map((b) => [b.id, { ...b, __typename: 'Book' }]),
  ...fixtures.films.map((f) => [f.id, { ...f, __typename: 'Film' }]),
  ...fixtures.authors.map((a) => [a.id, { ...a, __typename: 'Author' }]),
]);
const books = fixtures.books.map((b) => byId.get(b.id));
const films = fixtures.films.map((f) => byId.get(f.id));
const authors = fixtures.authors.map((a) => byId.get(a.id));

/** An unexpected failure (a bug, a lost connection): our server masks these in production (DIFFERENCES.md). */
export class InternalFailure extends Error {}

const coded = (message, code) => new GraphQLError(message, { extensions: { code } });

// ---- scalars: the same lexical forms, canonical output and messages as the engine's DateTime, LocalDate and
// Duration (src/GraphQL/Engine/Types/Scalars). Values stay strings here; the output is the canonical form.

const cannot = (name, shown, nodes) => new GraphQLError(`${name} cannot represent value: ${shown}`, { nodes });
const pad = (n, w = 2) => String(n).padStart(w, '0');

// LocalDate: yyyy-MM-dd, a real calendar date in years 1..9999 (DateOnly).
function canonicalLocalDate(value) {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return null;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? value : null;
}

// DateTime: RFC 3339 with an offset; output in UTC with "Z" and at most 7 fractional digits, trailing zeros
// dropped (DateTimeOffset, format yyyy-MM-ddTHH:mm:ss.FFFFFFFZ).
function canonicalDateTime(value) {
  const m = typeof value === 'string'
    ? /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/.exec(value)
    : null;
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number);
  if (canonicalLocalDate(`${m[1]}-${m[2]}-${m[3]}`) === null || h > 23 || mi > 59 || se > 59) return null;
  const offset = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) : 0;
  if (Math.abs(offset) > 14 * 60 || Number(m[10]) > 59) return null;
  const local = new Date(0);
  local.setUTCFullYear(y, mo - 1, d);
  local.setUTCHours(h, mi, se, 0);
  const utc = new Date(local.getTime() - offset * 60_000);
  const year = utc.getUTCFullYear();
  if (year < 1 || year > 9999) return null;
  const fraction = (m[7] ?? '').slice(0, 7).replace(/0+$/, '');
  return `${pad(year, 4)}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}T${pad(utc.getUTCHours())}:${pad(utc.getUTCMinutes())}:${pad(utc.getUTCSeconds())}${fraction ? '.' + fraction : ''}Z`;
}

// Duration: ISO 8601 weeks, days, hours, minutes, seconds (no years or months), held as 100 ns ticks
// (TimeSpan) and written back as XmlConvert.ToString(TimeSpan) does.
const TICKS = { W: 7n * 864_000_000_000n, D: 864_000_000_000n, H: 36_000_000_000n, M: 600_000_000n, S: 10_000_000n };
function canonicalDuration(value) {
  const m = typeof value === 'string'
    ? /^(-?)P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d+))?S)?)?$/.exec(value)
    : null;
  if (!m) return null;
  let ticks = 0n;
  for (const [i, unit] of [[2, 'W'], [3, 'D'], [4, 'H'], [5, 'M'], [6, 'S']]) if (m[i]) ticks += BigInt(m[i]) * TICKS[unit];
  if (m[7]) ticks += BigInt((m[7] + '0000000').slice(0, 7));
  if (ticks > 9_223_372_036_854_775_807n) return null;
  if (ticks === 0n) return 'PT0S';
  const days = ticks / TICKS.D;
  const hours = (ticks % TICKS.D) / TICKS.H;
  const minutes = (ticks % TICKS.H) / TICKS.M;
  const seconds = (ticks % TICKS.M) / TICKS.S;
  const fraction = (ticks % TICKS.S).toString().padStart(7, '0').replace(/0+$/, '');
  let text = (m[1] ? '-' : '') + 'P' + (days ? `${days}D` : '');
  if (hours || minutes || seconds || fraction) {
    text += 'T' + (hours ? `${hours}H` : '') + (minutes ? `${minutes}M` : '');
    if (seconds || fraction) text += `${seconds}${fraction ? '.' + fraction : ''}S`;
  }
  return text;
}

function scalar(type, canonical) {
  const output = (v) => canonical(v) ?? (() => { throw cannot(type.name, inspect(v)); })();
  const input = (v) => canonical(v) ?? (() => { throw cannot(type.name, inspect(v)); })();
  const literal = (node) => {
    const v = node.kind === Kind.STRING ? canonical(node.value) : null;
    // Located at the literal, as ValuesOfCorrectType reports a scalar's own GraphQLError unchanged.
    if (v === null) throw cannot(type.name, print(node), node);
    return v;
  };
  type.serialize = type.coerceOutputValue = output;
  type.parseValue = type.coerceInputValue = input;
  type.parseLiteral = type.coerceInputLiteral = literal;
}

// ---- resolvers ----

const authorsOf = (book) => book.authorIds.map((id) => byId.get(id));
const booksOf = (author) => books.filter((b) => b.authorIds.includes(author.id));

function filterBooks(filter) {
  if (!filter) return books;
  return books.filter(
    (b) =>
      (filter.genre == null || b.genre === filter.genre) &&
      (filter.titleContains == null || b.title.includes(filter.titleContains)) &&
      (filter.minPages == null || b.pages >= filter.minPages) &&
      (filter.maxPages == null || b.pages <= filter.maxPages) &&
      (filter.authorIds == null || b.authorIds.some((id) => filter.authorIds.includes(id))),
  );
}

function findItem(key) {
  if (key.id != null) {
    const item = byId.get(key.id);
    return item && item.__typename !== 'Author' ? item : null;
  }
  return books.find((b) => b.isbn === key.isbn) ?? null;
}

const resolvers = {
  Query: {
    hello: () => 'world',
    viewer: (_, __, context) => context.actor ?? null,
    node: (_, { id }) => byId.get(id) ?? null,
    item: (_, { key }) => findItem(key),
    book: (_, { id }) => books.find((b) => b.id === id) ?? null,
    books: (_, { filter, first }) => {
      if (first != null && first < 0) throw coded('"first" must not be negative.', 'BAD_USER_INPUT');
      const found = filterBooks(filter);
      return first == null ? found : found.slice(0, first);
    },
    film: (_, { id }) => films.find((f) => f.id === id) ?? null,
    authors: () => authors,
    search: (_, { text }) => {
      const t = text.toLowerCase();
      return [
        ...books.filter((b) => b.title.toLowerCase().includes(t)),
        ...films.filter((f) => f.title.toLowerCase().includes(t)),
        ...authors.filter((a) => a.name.toLowerCase().includes(t)),
      ];
    },
    matrix: () => [[1, 2, 3], [4, 5, 6]],
    sparse: () => [[1, null, 3], null, []],
    readings: () => fixtures.readings,
    strictReadings: () => fixtures.readings,
    requiredReadings: () => fixtures.readings,
    greet: (_, { name, title }) => (title != null ? `Hello, ${title} ${name ?? 'nobody'}!` : `Hello, ${name ?? 'nobody'}!`),
    oldHello: () => 'world',
    failing: () => {
      throw coded('This field always fails.', 'DELIBERATE_FAILURE');
    },
    crash: () => {
      throw new InternalFailure('boom: internal details that must not leak');
    },
    echoInt: (_, { value }) => value,
    echoFloat: (_, { value }) => value,
    echoString: (_, { value }) => value,
    echoBoolean: (_, { value }) => value,
    echoId: (_, { value }) => value,
    echoGenre: (_, { value }) => value,
    echoList: (_, { values }) => values,
    echoNested: (_, { values }) => values,
    echoDate: (_, { value }) => value,
    echoDateTime: (_, { value }) => value,
    echoDuration: (_, { value }) => value,
    echoFilter: (_, { filter }) => (filter == null ? null : { ...filter, present: Object.keys(filter) }),
    echoKey: (_, { key }) => key,
  },
  Book: {
    authors: authorsOf,
    name: (b) => b.title,
  },
  Film: {
    director: (f) => (f.directorId == null ? null : byId.get(f.directorId)),
  },
  Author: {
    secret: () => {
      throw coded('Secrets are not shared.', 'FORBIDDEN');
    },
    books: booksOf,
  },
  Reading: {
    value: (r) => {
      if (r.offline) throw coded(`Sensor ${r.id} is offline.`, 'SENSOR_OFFLINE');
      return r.value;
    },
  },
  Mutation: {
    addBook: (_, { input }) => ({
      __typename: 'Book',
      id: 'b-new',
      title: input.title,
      addedOn: input.published ?? '2026-01-15',
      isbn: null,
      pages: input.pages,
      genre: input.genre,
      rating: null,
      tags: input.tags ?? null,
      authorIds: input.authorIds,
      chapters: null,
    }),
    borrow: (_, { key, period }) => {
      const item = findItem(key);
      return item == null ? null : { item, period, startedAt: fixtures.loanStartedAt };
    },
    increment: (_, __, context) => ++context.counter,
    failMutation: () => {
      throw coded('Mutation refused.', 'DELIBERATE_FAILURE');
    },
  },
};

/** Builds the reference schema: the golden SDL with the resolvers above attached. */
export function buildReferenceSchema() {
  const schema = buildSchema(sdl);
  scalar(schema.getType('DateTime'), canonicalDateTime);
  scalar(schema.getType('LocalDate'), canonicalLocalDate);
  scalar(schema.getType('Duration'), canonicalDuration);
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    for (const [fieldName, resolve] of Object.entries(fields)) type.getFields()[fieldName].resolve = resolve;
  }
  for (const name of ['Node', 'Item', 'SearchResult']) schema.getType(name).resolveType = (value) => value.__typename;
  return schema;
}

/** A fresh per-request context, as the server's context factory makes one. */
export const createContext = (actor = null) => ({ counter: 0, actor });

/** A schema with a query type only, served at /graphql-query-only (for KnownOperationTypes). */
export const queryOnlySdl = 'type Query {\n  hello: String!\n}';
export function buildQueryOnlySchema() {
  const schema = buildSchema(queryOnlySdl);
  schema.getQueryType().getFields().hello.resolve = () => 'world';
  return schema;
}
