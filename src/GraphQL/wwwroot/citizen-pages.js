// What citizens do on the site (issue 14): report a problem with photos and a place (#/report), and follow a
// report up with its tracking code and secret on the case page. The secret is kept in this browser only when
// the citizen asks (localStorage), and is taken out of the address bar once read.
import { gql, GraphQLRequestError, mutate } from './api.js';
import { h, replace } from './dom.js';
import { categoryName, lang } from './i18n.js';
import { tc } from './citizen-i18n.js';
import { HUE, inProvince, loadLeaflet, newMap, statusIcon } from './map.js';
import { setTitle, textLang } from './ui.js';

const MAX_PHOTOS = 5;
const secretKey = (code) => `cases.secret.${code}`;

/** Uploads one photo; resolves to its id, rejects with the server's typed error. */
async function upload(file) {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await fetch('/media', { method: 'POST', body });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new GraphQLRequestError(json.errors ?? [{ message: `HTTP ${response.status}`, extensions: {} }]);
  return json.id;
}

const errorText = (e) => (e instanceof GraphQLRequestError ? `${e.message} (${e.code})` : String(e?.message ?? e));

function alertBox(id) {
  return h('p', { class: 'form-error', id, role: 'alert', hidden: true });
}
function showAlert(box, text) {
  box.textContent = text;
  box.hidden = !text;
}

// ---------------------------------------------------------------- the report form

export async function reportPage(ctx) {
  const [L, data] = await Promise.all([loadLeaflet(), gql('ReportForm')]);
  if (!ctx.isCurrent()) return;
  setTitle(tc('reportTitle'));
  let place = null;
  const placeText = h('p', { class: 'muted', id: 'report-place' }, tc('noPlace'));
  const placeError = alertBox('report-place-error');
  const formError = alertBox('report-error');
  const mapElement = h('div', { class: 'map map-small', id: 'report-map', role: 'region', 'aria-label': tc('place') });
  const field = (label, control) => h('label', { class: 'field' }, h('span', {}, label), control);

  const form = h('form', { id: 'report-form', class: 'card report', novalidate: true },
    field(tc('category'), h('select', { name: 'category', id: 'report-category', required: true },
      data.categories.filter((c) => c.kind === 'FIELD_REPORT' && c.code !== 'official_misconduct')
        .map((c) => h('option', { value: c.code }, categoryName(c.code))))),
    field(tc('description'), h('textarea', { name: 'description', id: 'report-description', rows: 4, required: true, maxlength: 4000 })),
    field(tc('ward'), h('input', { name: 'ward', id: 'report-ward', list: 'report-wards', required: true, autocomplete: 'off' })),
    h('datalist', { id: 'report-wards' }, data.wards.map((w) => h('option', { value: w }))),
    h('fieldset', {}, h('legend', {}, tc('place')), h('p', { class: 'muted' }, tc('placeHint')), mapElement,
      h('button', { type: 'button', id: 'report-locate', onclick: locate }, tc('useLocation')), placeText, placeError),
    field(tc('photos'), h('input', { type: 'file', name: 'photos', id: 'report-photos', multiple: true,
      accept: 'image/jpeg,image/png,image/webp,image/heic,image/heif' })),
    h('fieldset', { class: 'contact' }, h('legend', {}, tc('contact')),
      h('p', { class: 'note', id: 'contact-note' }, tc('contactNote')),
      field(tc('name'), h('input', { name: 'name', autocomplete: 'name', 'aria-describedby': 'contact-note' })),
      field(tc('phone'), h('input', { name: 'phone', type: 'tel', autocomplete: 'tel', 'aria-describedby': 'contact-note' })),
      field(tc('email'), h('input', { name: 'email', type: 'email', autocomplete: 'email', 'aria-describedby': 'contact-note' }))),
    // Consent (issue 22): nothing is sent unless a channel is ticked; the sentence's wording is versioned server-side.
    h('fieldset', { class: 'notify', id: 'report-notify' }, h('legend', {}, tc('notifyLegend')),
      h('p', { class: 'note', id: 'notify-note' }, tc('notifyNote')),
      ['EMAIL', 'SMS', 'ZALO'].map((c) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'notify', value: c, id: `notify-${c.toLowerCase()}`, 'aria-describedby': 'notify-note' }), ' ', tc(`notify${c}`))),
      field(tc('notifyLanguage'), h('select', { name: 'language', id: 'report-language' },
        h('option', { value: 'VI', selected: lang() !== 'en' }, 'Tiếng Việt'), h('option', { value: 'EN', selected: lang() === 'en' }, 'English')))),
    formError,
    h('button', { type: 'submit', id: 'report-send' }, tc('send')));

  replace(ctx.main, h('h1', { tabindex: '-1' }, tc('reportTitle')), h('p', {}, tc('reportIntro')), form);

  const map = newMap(L, mapElement, { center: HUE, zoom: 14 });
  let marker = null;
  function choose(lat, lon) {
    if (!inProvince(lat, lon)) { showAlert(placeError, tc('outside')); return; }
    showAlert(placeError, '');
    place = { latitude: Number(lat.toFixed(6)), longitude: Number(lon.toFixed(6)) };
    if (marker) marker.setLatLng([lat, lon]);
    else marker = L.marker([lat, lon], { icon: statusIcon(L, 'RECEIVED', 'chosen') }).addTo(map);
    placeText.textContent = tc('placeChosen', place.latitude.toFixed(5), place.longitude.toFixed(5));
    mapElement.dataset.place = `${place.latitude},${place.longitude}`;
  }
  map.on('click', (e) => choose(e.latlng.lat, e.latlng.lng));
  function locate() {
    if (!navigator.geolocation) { showAlert(placeError, tc('noGeolocation')); return; }
    navigator.geolocation.getCurrentPosition(
      (p) => { choose(p.coords.latitude, p.coords.longitude); map.setView([p.coords.latitude, p.coords.longitude], 16); },
      () => showAlert(placeError, tc('noGeolocation')), { timeout: 10_000 });
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showAlert(formError, '');
    const files = [...form.photos.files];
    if (files.length > MAX_PHOTOS) { showAlert(formError, tc('tooManyPhotos')); return; }
    const button = form.querySelector('#report-send');
    button.disabled = true;
    try {
      const mediaRefs = [];
      for (const [i, file] of files.entries()) {
        button.textContent = tc('uploading', i + 1, files.length);
        try {
          mediaRefs.push(await upload(file));
        } catch (e) {
          showAlert(formError, tc('photoRefused', file.name, errorText(e)));
          return;
        }
      }
      button.textContent = tc('sending');
      const contact = { name: form.name.value.trim() || null, phone: form.phone.value.trim() || null, email: form.email.value.trim() || null };
      const result = await mutate(`mutation Report($input: SubmitCaseInput!) { submitCase(input: $input) { trackingCode secret } }`, {
        input: {
          kind: 'FIELD_REPORT', channel: 'WEB', category: form.category.value, description: form.description.value,
          ward: form.ward.value.trim(), location: place, mediaRefs,
          reporter: contact.name || contact.phone || contact.email ? contact : null,
          notify: [...form.querySelectorAll('input[name=notify]:checked')].map((i) => i.value),
          language: form.language.value,
        },
      });
      done(ctx, result.submitCase);
    } catch (e) {
      showAlert(formError, errorText(e));
    } finally {
      button.disabled = false;
      button.textContent = tc('send');
    }
  });
}

function done(ctx, { trackingCode, secret }) {
  const link = `#/case/${encodeURIComponent(trackingCode)}?secret=${encodeURIComponent(secret)}`;
  replace(ctx.main,
    h('section', { class: 'card done', id: 'report-done', role: 'status' },
      h('h1', { tabindex: '-1' }, tc('doneTitle')),
      h('dl', { class: 'facts' },
        h('dt', {}, tc('doneCode')), h('dd', {}, h('strong', { id: 'done-code' }, trackingCode)),
        h('dt', {}, tc('doneSecret')), h('dd', {}, h('code', { id: 'done-secret' }, secret))),
      h('p', { class: 'note keep' }, tc('keepThis')),
      h('p', {}, h('a', { href: link, id: 'done-link' }, tc('openWithSecret')))));
  ctx.main.querySelector('h1').focus();
}

// ---------------------------------------------------------------- on the case page

/** The summary, the photos before and after, the place on a map, and the reporter's follow-up. */
export async function caseExtras(ctx, c) {
  const photos = (list, id, label) => (list?.length ? h('section', { class: 'card', 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, label),
    h('ul', { class: 'photos', id }, list.map((p) => h('li', {},
      h('a', { href: p.url, target: '_blank', rel: 'noopener' }, h('img', { src: p.thumbnailUrl, alt: label, loading: 'lazy' })))))) : null);
  const summary = c.summary ? h('section', { class: 'card', 'aria-labelledby': 'summary-h' },
    h('h2', { id: 'summary-h' }, tc('summary')), h('p', { id: 'case-summary', lang: textLang(c.summary) }, c.summary)) : null;
  const mapElement = c.location ? h('div', { class: 'map map-small', id: 'case-place', role: 'region', 'aria-label': tc('placeOnMap') }) : null;
  const heading = ctx.main.querySelector('.case-status');
  heading.after(...[summary, photos(c.photos, 'photos-before', tc('photosBefore')), photos(c.afterPhotos, 'photos-after', tc('photosAfter')),
    mapElement ? h('section', { class: 'card', 'aria-labelledby': 'place-h' }, h('h2', { id: 'place-h' }, tc('placeOnMap')), mapElement) : null]
    .filter(Boolean));
  ctx.main.append(followUp(ctx, c));
  if (mapElement) {
    const L = await loadLeaflet();
    if (!ctx.isCurrent()) return;
    const map = newMap(L, mapElement, { center: [c.location.latitude, c.location.longitude], zoom: 16 });
    L.marker([c.location.latitude, c.location.longitude], { icon: statusIcon(L, c.status), title: c.trackingCode }).addTo(map);
    mapElement.dataset.markers = '1';
  }
}

function followUp(ctx, c) {
  const code = c.trackingCode;
  const fromLink = ctx.params.get('secret');
  if (fromLink) {
    // Out of the address bar (and so out of the history and any shared link) as soon as it is read.
    history.replaceState(null, '', `#/case/${encodeURIComponent(code)}`);
  }
  const remembered = localStorage.getItem(secretKey(code));
  const secretInput = h('input', { name: 'secret', id: 'followup-secret', autocomplete: 'off', spellcheck: 'false', value: fromLink ?? remembered ?? '' });
  const remember = h('input', { type: 'checkbox', id: 'followup-remember', checked: Boolean(remembered) });
  const result = alertBox('followup-error');
  const okText = h('p', { class: 'ok', id: 'followup-done', role: 'status', hidden: true }, tc('actionDone'));

  async function act(mutation, fields, extra = async () => ({})) {
    showAlert(result, '');
    okText.hidden = true;
    const secret = secretInput.value.trim();
    try {
      const type = mutation[0].toUpperCase() + mutation.slice(1) + 'Input';
      await mutate(`mutation Act($input: ${type}!) { ${mutation}(input: $input) { case { version } } }`,
        { input: { trackingCode: code, secret, ...fields, ...(await extra()) } });
      if (remember.checked) localStorage.setItem(secretKey(code), secret);
      else localStorage.removeItem(secretKey(code));
      okText.hidden = false;
      setTimeout(() => ctx.isCurrent() && ctx.rerender(), 600);
    } catch (e) {
      showAlert(result, e instanceof GraphQLRequestError && e.code === 'FORBIDDEN' ? `${tc('wrongSecret')} (${e.code})` : errorText(e));
    }
  }
  const forms = [];
  const small = (id, title, controls, send, onsubmit) => h('form', { class: 'followup-action', id, novalidate: true,
    onsubmit: (e) => { e.preventDefault(); onsubmit(e.target); } }, h('h3', {}, title), ...controls, h('button', { type: 'submit' }, send));
  if (c.status === 'WAITING_FOR_CITIZEN') {
    forms.push(small('followup-answer', tc('answer'), [
      h('label', { class: 'field' }, h('span', {}, tc('answerText')), h('textarea', { name: 'text', rows: 3 })),
      h('label', { class: 'field' }, h('span', {}, tc('photos')), h('input', { type: 'file', name: 'photos', multiple: true, accept: 'image/*' })),
    ], tc('sendAnswer'), (f) => act('provideInformation', { text: f.text.value }, async () => {
      const files = [...f.photos.files];
      if (files.length > MAX_PHOTOS) throw new Error(tc('tooManyPhotos'));
      const mediaRefs = [];
      for (const file of files) mediaRefs.push(await upload(file));
      return { mediaRefs };
    })));
  }
  if (c.status === 'RESOLVED' && c.rating == null) {
    forms.push(small('followup-rate', tc('rate'), [
      h('label', { class: 'field' }, h('span', {}, tc('score')), h('select', { name: 'score' }, [5, 4, 3, 2, 1].map((n) => h('option', { value: n }, '★'.repeat(n))))),
      h('label', { class: 'field' }, h('span', {}, tc('comment')), h('textarea', { name: 'comment', rows: 2 })),
    ], tc('sendRating'), (f) => act('rateCase', { score: Number(f.score.value), comment: f.comment.value || null })));
  }
  if (c.status === 'RESOLVED' && c.kind === 'FIELD_REPORT') {
    forms.push(small('followup-reopen', tc('reopen'), [h('label', { class: 'field' }, h('span', {}, tc('reason')), h('textarea', { name: 'reason', rows: 2 }))],
      tc('sendReopen'), (f) => act('reopenCase', { reason: f.reason.value })));
  }
  if (!['RESOLVED', 'CLOSED', 'REJECTED'].includes(c.status)) {
    forms.push(small('followup-withdraw', tc('withdraw'), [h('label', { class: 'field' }, h('span', {}, tc('reason')), h('textarea', { name: 'reason', rows: 2 }))],
      tc('sendWithdraw'), (f) => act('withdrawCase', { reason: f.reason.value })));
  }
  if (forms.length === 0) return h('span', { hidden: true });
  return h('section', { class: 'card followup', id: 'followup', 'aria-labelledby': 'followup-h' },
    h('h2', { id: 'followup-h' }, tc('followUp')),
    h('label', { class: 'field' }, h('span', {}, tc('secret')), secretInput),
    h('label', { class: 'check' }, remember, ' ', tc('rememberSecret')),
    remembered ? h('button', { type: 'button', class: 'link', onclick: () => { localStorage.removeItem(secretKey(code)); remember.checked = false; } }, tc('forgetSecret')) : null,
    ...forms, result, okText);
}
