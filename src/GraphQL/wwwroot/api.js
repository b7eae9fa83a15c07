// The one way the site talks to the server: GET /graphql on the same origin with a trusted document id
// (DESIGN 6.1): the site's operations (operations.js) are persisted at build time, so a request is an id and its
// variables, and an anonymous read may be served by a CDN (Cache-Control: public).
// Two kinds of failure, shown differently: the server answered with GraphQL errors (a readable
// message), or it could not be reached at all (a retry button).

import { OPERATION_IDS } from './build/operation-ids.js';

export const ENDPOINT = '/graphql';

/** The server answered, but with errors ({ errors: [{ message, extensions: { code } }] }). */
export class GraphQLRequestError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join(' '));
    this.name = 'GraphQLRequestError';
    this.errors = errors;
    this.code = errors[0]?.extensions?.code ?? null;
  }
}

/** The server could not be reached, or answered with something that is not GraphQL. */
export class NetworkError extends Error {
  constructor(message) {
    super(message);
    this.name = 'NetworkError';
  }
}

/**
 * What every request to /graphql resolves to: the response's `data`, or a GraphQLRequestError for errors the
 * server answered, or a NetworkError when there is no GraphQL answer at all. Takes the pending `fetch`.
 */
export async function dataOf(pending) {
  let response;
  try {
    response = await pending;
  } catch (e) {
    throw new NetworkError(String(e?.message ?? e));
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new NetworkError(`HTTP ${response.status}`);
  }
  if (body?.errors?.length) throw new GraphQLRequestError(body.errors);
  if (!response.ok || !body?.data) throw new NetworkError(`HTTP ${response.status}`);
  return body.data;
}

/** The GET address of one of the site's operations (operations.js) with its variables. */
export function operationUrl(name, variables = {}) {
  const id = OPERATION_IDS[name];
  if (!id) throw new Error(`unknown operation ${name}`);
  const params = new URLSearchParams({ documentId: id, operationName: name, variables: JSON.stringify(variables) });
  return `${ENDPOINT}?${params}`;
}

/** Runs one of the site's operations by name; resolves to `data`, rejects with one of the two errors above. */
export async function gql(name, variables = {}) {
  return dataOf(fetch(operationUrl(name, variables), { headers: { accept: 'application/json' } }));
}

/**
 * Sends a mutation (or any document not among the persisted operations) by POST, as any API client may: the
 * citizen's report and follow-ups. Never cached.
 */
export async function mutate(query, variables = {}) {
  return dataOf(fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  }));
}

// Agency names change rarely and every page needs them: fetch once per page load, then reuse.
let agencyCache = null;

/** Remembers the agencies list from a response that asked for it. */
export function rememberAgencies(list) {
  if (Array.isArray(list)) agencyCache = new Map(list.map((a) => [a.id, a]));
}

/** Whether a query must still ask for the agencies ($withAgencies), so that a view stays one request. */
export function agenciesNeeded() {
  return agencyCache === null;
}

export function agencyById(id) {
  return agencyCache?.get(id) ?? null;
}

export function allAgencies() {
  return agencyCache ? [...agencyCache.values()] : [];
}
