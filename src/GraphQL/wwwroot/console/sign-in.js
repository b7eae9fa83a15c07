// The sign-in page: login and password to POST /auth/sign-in, and a clear sentence for each refusal
// (wrong password, locked, disabled) and for why the reader is here (session expired, signed out).

import { h, replace } from '../dom.js';
import { dateTime, t } from '../i18n.js';
import { AuthError, session, signIn } from './session.js';
import { field, checkRequired, setFieldError } from './forms.js';

const REASONS = { SESSION_EXPIRED: 'sessionExpired', SIGNED_OUT: 'signedOut' };

export async function signInPage(ctx, { onSignedIn }) {
  document.title = `${t('signInTitle')} · ${t('consoleTitle')}`;
  const reason = ctx.params.get('reason');
  const next = ctx.params.get('next');
  const login = field({ name: 'login', label: t('login'), required: true, autocomplete: 'username' }, 'signin');
  const password = field({ name: 'password', label: t('password'), type: 'password', required: true, autocomplete: 'current-password' }, 'signin');
  const message = h('div', { class: 'sign-in-message', id: 'sign-in-message', role: 'alert' });
  const button = h('button', { type: 'submit', id: 'sign-in-submit' }, t('signIn'));
  const form = h('form', { class: 'card sign-in', id: 'sign-in-form', novalidate: true, 'aria-labelledby': 'sign-in-h1' },
    login.node, password.node, message, h('div', { class: 'form-actions' }, button));

  if (REASONS[reason]) replace(message, h('p', { class: reason === 'SIGNED_OUT' ? 'note' : 'note warn', id: 'sign-in-reason' }, t(REASONS[reason])));
  if (session() && !reason) {
    // Already signed in (e.g. the back button): say so rather than asking again.
    replace(message, h('p', { class: 'note' }, t('alreadySignedIn', session().name || session().login)));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(message);
    if (!checkRequired([login, password])) return;
    button.disabled = true;
    try {
      await signIn(login.control.value.trim(), password.control.value);
      password.control.value = '';
      await onSignedIn(next);
    } catch (e) {
      password.control.value = '';
      replace(message, h('p', { class: 'note bad', id: 'sign-in-error', 'data-code': e.code ?? 'NETWORK' }, refusal(e)));
      if (e instanceof AuthError && e.code === 'SIGN_IN_FAILED') setFieldError(password, null);
      (e?.code === 'ACCOUNT_LOCKED' || e?.code === 'ACCOUNT_DISABLED' ? login : password).control.focus();
    } finally {
      button.disabled = false;
    }
  });

  replace(ctx.main,
    h('h1', { tabindex: '-1', id: 'sign-in-h1' }, t('signInTitle')),
    h('p', { class: 'muted' }, t('signInIntro')),
    form);
  login.control.focus();
}

function refusal(e) {
  if (!(e instanceof AuthError)) return t('networkError');
  switch (e.code) {
    case 'SIGN_IN_FAILED': return t('signInFailed');
    case 'ACCOUNT_LOCKED': return e.lockedUntil ? t('accountLockedUntil', dateTime(e.lockedUntil)) : t('accountLocked');
    case 'ACCOUNT_DISABLED': return t('accountDisabled');
    case 'BAD_REQUEST': return t('signInBadRequest');
    default: return `${t('signInOther')} ${e.message}`;
  }
}
