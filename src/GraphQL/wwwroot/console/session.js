// The console's only ways to the server: the sign-in endpoints under /auth and POST /graphql, both on
// this origin. The session itself is an HTTP-only cookie the page never sees; what the page keeps is the
// CSRF token the server hands out with the session, sent back as X-CSRF-Token on every /graphql POST
// and on sign-out (issue 13 contract). A reload asks /auth/session for it again.

import { dataOf, ENDPOINT, NetworkError } from '../api.js';

let current = null;

/** { login, name, role, agencyId, csrfToken, expiresAt } while signed in, else null. */
export function session() {
  return current;
}

/** A refusal of /auth/*: code is SIGN_IN_FAILED, ACCOUNT_LOCKED, ACCOUNT_DISABLED, NOT_SIGNED_IN, SESSION_EXPIRED, ... */
export class AuthError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'AuthError';
    this.status = status;
    this.code = body?.code ?? null;
    this.lockedUntil = body?.lockedUntil ?? null;
  }
}

async function send(path, init) {
  let response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (e) {
    throw new NetworkError(String(e?.message ?? e));
  }
  let body = null;
  if (response.status !== 204) {
    try { body = await response.json(); } catch { body = null; }
  }
  return { response, body };
}

/** Asks the server who this cookie belongs to; resolves to the session or null (with the reason). */
export async function loadSession() {
  const { response, body } = await send('/auth/session', { headers: { accept: 'application/json' } });
  if (response.ok && body?.role) {
    current = body;
    return { session: body, reason: null };
  }
  current = null;
  if (response.status === 401 || response.status === 403) return { session: null, reason: body?.code ?? 'NOT_SIGNED_IN' };
  throw new NetworkError(`HTTP ${response.status}`);
}

export async function signIn(login, password) {
  const { response, body } = await send('/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (response.ok && body?.role) {
    current = body;
    return body;
  }
  if (response.status >= 500 || !body) throw new NetworkError(`HTTP ${response.status}`);
  throw new AuthError(response.status, body);
}

export async function signOut() {
  const token = current?.csrfToken ?? '';
  current = null;
  const { response, body } = await send('/auth/sign-out', { method: 'POST', headers: { 'x-csrf-token': token } });
  if (!response.ok && response.status !== 401) throw new AuthError(response.status, body);
}

/** Forgets the session without asking the server (it already said the session is over). */
export function dropSession() {
  current = null;
}

/** One GraphQL operation as the signed-in user; rejects like the public site's gql (GraphQLRequestError, NetworkError). */
export async function gql(query, variables = {}) {
  return dataOf(fetch(ENDPOINT, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': current?.csrfToken ?? '' },
    body: JSON.stringify({ query, variables }),
  }));
}
