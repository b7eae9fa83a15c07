// The one way the site talks to the server: POST /graphql on the same origin (DESIGN 6.2).
// Two kinds of failure, shown differently: the server answered with GraphQL errors (a readable
// message), or it could not be reached at all (a retry button).

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

/** Runs one GraphQL operation; resolves to `data`, rejects with one of the two errors above. */
export async function gql(query, variables = {}) {
  let response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
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

// Agency names change rarely and every page needs them: fetch once per page load, then reuse.
let agencyCache = null;

export const AGENCY_FIELDS = 'agencies { id name nameEn kind ward }';

/** Remembers the agencies list from a response that asked for it. */
export function rememberAgencies(list) {
  if (Array.isArray(list)) agencyCache = new Map(list.map((a) => [a.id, a]));
}

/** The agencies field to add to a query when they are not known yet (so a view stays one request). */
export function agenciesFieldIfNeeded() {
  return agencyCache ? '' : AGENCY_FIELDS;
}

export function agencyById(id) {
  return agencyCache?.get(id) ?? null;
}

export function allAgencies() {
  return agencyCache ? [...agencyCache.values()] : [];
}
