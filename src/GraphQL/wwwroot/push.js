// "Notify me in this browser" on a case page reached with its secret (issue 22, Web Push). The browser subscribes
// with the server's VAPID key through the site's service worker (sw.js), and the subscription is stored for this case
// with the secret (enablePushNotifications); turning it off deletes it (disablePushNotifications). Hidden when the
// browser has no Push support. Which cases this browser follows is remembered here (localStorage) only to show the
// button's state; the server is the one that knows.
import { GraphQLRequestError, mutate } from './api.js';
import { errorField, errorMessage } from './errors.js';
import { h } from './dom.js';
import { lang } from './i18n.js';
import { tc } from './citizen-i18n.js';

const followedKey = (code) => `cases.push.${code}`;

/** Whether this browser can take push messages at all (service workers, the Push API and notifications). */
export function pushSupported() {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window && window.isSecureContext;
}

const base64UrlBytes = (text) => {
  const padded = (text + '='.repeat((4 - (text.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(padded), (ch) => ch.charCodeAt(0));
};

/** The browser's subscription for the site (made once, with the server's key), as toJSON() gives it. */
async function subscription(publicKey) {
  const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  await navigator.serviceWorker.ready;
  const existing = await registration.pushManager.getSubscription();
  if (existing) return existing.toJSON();
  const made = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlBytes(publicKey) });
  return made.toJSON();
}

/**
 * The card: a button that turns push on (asking the browser's permission) or off, a line saying which, and an error
 * line in the page's language. `secret` is a function: the follow-up form's field may hold a newer one.
 */
export function pushCard(c, secret) {
  if (!pushSupported() || ['CLOSED', 'REJECTED'].includes(c.status)) return null;
  const code = c.trackingCode;
  const state = h('p', { class: 'note', id: 'push-state', role: 'status' });
  const error = h('p', { class: 'form-error', id: 'push-error', role: 'alert', hidden: true });
  const button = h('button', { type: 'button', id: 'push-toggle' });
  const show = () => {
    const on = Boolean(localStorage.getItem(followedKey(code)));
    button.textContent = on ? tc('pushOff') : tc('pushOn');
    button.setAttribute('aria-pressed', String(on));
    state.textContent = on ? tc('pushIsOn') : tc('pushExplained');
  };
  const fail = (text) => { error.textContent = text; error.hidden = false; };
  button.addEventListener('click', async () => {
    error.hidden = true;
    button.disabled = true;
    try {
      const on = Boolean(localStorage.getItem(followedKey(code)));
      if (on) {
        const endpoint = localStorage.getItem(followedKey(code));
        await mutate('mutation PushOff($input: DisablePushNotificationsInput!) { disablePushNotifications(input: $input) { enabled } }',
          { input: { trackingCode: code, secret: secret(), endpoint } });
        localStorage.removeItem(followedKey(code));
      } else {
        if ((await Notification.requestPermission()) !== 'granted') { fail(tc('pushDenied')); return; }
        const { pushPublicKey } = await mutate('query PushKey { pushPublicKey }');
        if (!pushPublicKey) { fail(tc('pushUnavailable')); return; }
        const s = await subscription(pushPublicKey);
        await mutate('mutation PushOn($input: EnablePushNotificationsInput!) { enablePushNotifications(input: $input) { enabled } }',
          { input: { trackingCode: code, secret: secret(), endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth, language: lang() === 'en' ? 'EN' : 'VI' } });
        localStorage.setItem(followedKey(code), s.endpoint);
      }
      show();
    } catch (e) {
      if (e instanceof GraphQLRequestError && e.code === 'FORBIDDEN') fail(tc('wrongSecret'));
      else if (e instanceof GraphQLRequestError || errorField(e)) fail(errorMessage(e));
      else fail(tc('pushFailed')); // the browser's own refusal (no push service reachable, blocked)
    } finally {
      button.disabled = false;
    }
  });
  show();
  return h('section', { class: 'card push', id: 'push', 'aria-labelledby': 'push-h' },
    h('h2', { id: 'push-h' }, tc('pushTitle')), state, button, error);
}
