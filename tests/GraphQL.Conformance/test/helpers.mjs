// Shared plumbing of the conformance tests: where the server is, how to ask it, and how to ask graphql-js the
// same question. Every request is bounded in time; only the loopback server named by GRAPHQL_URL is contacted.
import { execute, parse, validate } from 'graphql';
import { buildQueryOnlySchema, buildReferenceSchema, createContext, InternalFailure } from '../sample-schema.mjs';

export const url = process.env.GRAPHQL_URL ?? 'http://127.0.0.1:5080/graphql';
if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url)) {
  throw new Error(`GRAPHQL_URL must point at a loopback address, got ${url}`);
}
/** The server's other endpoints, mapped beside /graphql by the conformance server. */
export const endpoint = (path) => new URL(path, url).toString();

export const referenceSchema = buildReferenceSchema();
export const queryOnlySchema = buildQueryOnlySchema();

/** The server endpoint and the reference schema for a corpus entry's `endpoint` (default: the sample schema). */
export function target(entry) {
  return entry.endpoint === 'query-only'
    ? { to: endpoint('/graphql-query-only'), schema: queryOnlySchema }
    : { to: url, schema: referenceSchema };
}

const TIMEOUT_MS = 30_000;

/** POSTs a GraphQL request; returns the status, headers, raw text and parsed JSON (or undefined). */
export async function post(body, { accept = 'application/json', contentType = 'application/json', to = url, headers = {} } = {}) {
  const init = {
    method: 'POST',
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(accept ? { accept } : {}), ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  };
  return toResult(await fetch(to, init));
}

/** GETs a GraphQL request with the given query-string parameters. */
export async function get(params, { accept = 'application/json', to = url } = {}) {
  const u = new URL(to);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  return toResult(await fetch(u, { headers: accept ? { accept } : {}, signal: AbortSignal.timeout(TIMEOUT_MS) }));
}

async function toResult(res) {
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Runs a document on our server (application/json, so request errors still come back with 200). */
export async function runOurs(entry) {
  const { query, variables, operationName } = entry;
  return post({ query, variables, operationName }, { to: target(entry).to });
}

/**
 * What graphql-js answers for the same request: parse, validate with specifiedRules, then execute over the same
 * fixture data with a fresh context. Returns a plain JSON value shaped like a response.
 */
export async function runReference(entry) {
  const { query, variables, operationName } = entry;
  const { schema } = target(entry);
  let document;
  try {
    document = parse(query);
  } catch (e) {
    return { errors: [e.toJSON()] };
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return { errors: validationErrors.map((e) => e.toJSON()) };
  const result = await execute({
    schema,
    document,
    variableValues: variables ?? undefined,
    operationName: operationName ?? undefined,
    contextValue: createContext(),
  });
  // Our server masks unexpected resolver exceptions (DIFFERENCES.md); graphql-js shows their message. The
  // reference applies the same policy so that the rest of the answer can be compared exactly.
  const errors = result.errors?.map((e) =>
    e.originalError instanceof InternalFailure
      ? { ...e.toJSON(), message: 'Unexpected error.', extensions: { code: 'INTERNAL_ERROR' } }
      : e.toJSON(),
  );
  return JSON.parse(JSON.stringify({ ...(errors ? { errors } : {}), ...('data' in result ? { data: result.data } : {}) }));
}

/** The comparable part of an error: message and locations (and path and extensions.code when asked). */
export function errorKey(e, { path = false, message = true, code = false } = {}) {
  return JSON.stringify({
    message: message ? e.message : undefined,
    code: code ? (e.extensions?.code ?? null) : undefined,
    locations: e.locations ?? [],
    path: path ? (e.path ?? null) : undefined,
  });
}

/** Errors as a sorted list of keys: the order of errors is not specified, so we compare them as a multiset. */
export const errorKeys = (errors, opts) => (errors ?? []).map((e) => errorKey(e, opts)).sort();

/** Checks that a body is a well-formed GraphQL response (spec 7.1): an object with data and/or a non-empty errors list. */
export function assertWellFormedResponse(json, context = '') {
  const fail = (why) => {
    throw new Error(`${context}: not a well-formed GraphQL response (${why}): ${JSON.stringify(json)?.slice(0, 500)}`);
  };
  if (json === null || typeof json !== 'object' || Array.isArray(json)) fail('not an object');
  if (!('data' in json) && !('errors' in json)) fail('neither data nor errors');
  if ('errors' in json) {
    if (!Array.isArray(json.errors) || json.errors.length === 0) fail('errors is not a non-empty list');
    for (const e of json.errors) if (typeof e?.message !== 'string') fail('an error without a message');
  }
  for (const key of Object.keys(json)) if (!['data', 'errors', 'extensions'].includes(key)) fail(`unexpected key ${key}`);
}

export { parse, validate };
