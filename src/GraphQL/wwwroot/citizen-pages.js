// What citizens do on the site (issue 14): report a problem with photos and a place (#/report), and follow a
// report up with its tracking code and secret on the case page. The secret is kept in this browser only when
// the citizen asks (localStorage), and is taken out of the address bar once read.
import { gql, GraphQLRequestError, mutate } from './api.js';
import { errorField, errorMessage, messageFor } from './errors.js';
import { preparePhoto, upload } from './photos.js';
import { h, replace } from './dom.js';
import { categoryName, lang } from './i18n.js';
import { tc } from './citizen-i18n.js';
import { HUE, inProvince, loadLeaflet, newMap, statusIcon } from './map.js';
import { setTitle, textLang } from './ui.js';
import { pushCard } from './push.js';

const MAX_PHOTOS = 5;
const secretKey = (code) => `cases.secret.${code}`;

const errorText = (e) => errorMessage(e);

function alertBox(id) {
  return h('p', { class: 'form-error', id, role: 'alert', hidden: true });
}
function showAlert(box, text) {
  box.textContent = text;
  box.hidden = !text;
}

/** A labelled control with its error slot beside it (aria-describedby), as the console's fields have. */
function field(name, label, control, hint = null) {
  const error = h('p', { class: 'field-error form-error', id: `${name}-error`, role: 'alert', hidden: true });
  control.setAttribute('aria-describedby', [hint ? `${name}-hint` : null, `${name}-error`].filter(Boolean).join(' '));
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: control.id }, label), hint ? h('p', { class: 'muted hint', id: `${name}-hint` }, hint) : null, control, error);
}
function fieldError(form, name, text) {
  const slot = form.querySelector(`#${name}-error`);
  if (!slot) return false;
  showAlert(slot, text ?? '');
  const control = form.querySelector(`[data-field="${name}"] input, [data-field="${name}"] select, [data-field="${name}"] textarea, [data-field="${name}"] button`);
  control?.setAttribute('aria-invalid', text ? 'true' : 'false');
  return true;
}

// ---------------------------------------------------------------- the report form

export async function reportPage(ctx) {
  const [L, data] = await Promise.all([loadLeaflet(), gql('ReportForm')]);
  if (!ctx.isCurrent()) return;
  setTitle(tc('reportTitle'));
  let place = null;
  const wards = data.knownWards ?? [];
  // Wards a reform replaced (issue 24): refused here as the server would, naming the unit that succeeded them.
  const former = new Map((data.formerWards ?? []).map((f) => [f.name, f]));
  const placeText = h('p', { class: 'muted', id: 'report-place' }, tc('noPlace'));
  const formError = alertBox('report-error');
  const mapElement = h('div', { class: 'map map-small', id: 'report-map', role: 'region', 'aria-label': tc('place') });
  const locateButton = h('button', { type: 'button', id: 'report-locate', onclick: locate }, tc('useLocation'));

  const form = h('form', { id: 'report-form', class: 'card report', novalidate: true },
    // No category is chosen for the citizen: a preselected one would be sent by whoever does not look.
    field('category', tc('category'), h('select', { name: 'category', id: 'report-category', required: true },
      h('option', { value: '', selected: true }, tc('chooseCategory')),
      data.categories.filter((c) => c.kind === 'FIELD_REPORT' && c.code !== 'official_misconduct')
        .map((c) => h('option', { value: c.code }, categoryName(c.code))))),
    field('description', tc('description'), h('textarea', { name: 'description', id: 'report-description', rows: 4, required: true, maxlength: 4000 })),
    h('fieldset', { class: 'place' }, h('legend', {}, tc('place')),
      field('location', tc('placeHint'), h('div', { class: 'place-controls', id: 'report-location', tabindex: '-1' }, mapElement, locateButton, placeText))),
    field('ward', tc('ward'), h('input', { name: 'ward', id: 'report-ward', list: 'report-wards', required: true, autocomplete: 'off' }), tc('wardHint')),
    h('datalist', { id: 'report-wards' }, wards.map((w) => h('option', { value: w }))),
    field('photos', tc('photos'), h('input', { type: 'file', name: 'photos', id: 'report-photos', multiple: true, capture: 'environment',
      accept: 'image/jpeg,image/png,image/webp,image/heic,image/heif' })),
    h('fieldset', { class: 'contact' }, h('legend', {}, tc('contact')),
      h('p', { class: 'note', id: 'contact-note' }, tc('contactNote')),
      field('name', tc('name'), h('input', { name: 'name', id: 'report-name', autocomplete: 'name' })),
      field('phone', tc('phone'), h('input', { name: 'phone', id: 'report-phone', type: 'tel', autocomplete: 'tel' })),
      field('email', tc('email'), h('input', { name: 'email', id: 'report-email', type: 'email', autocomplete: 'email' }))),
    // Consent (issue 22): nothing is sent unless a channel is ticked; the sentence's wording is versioned server-side.
    h('fieldset', { class: 'notify', id: 'report-notify' }, h('legend', {}, tc('notifyLegend')),
      h('p', { class: 'note', id: 'notify-note' }, tc('notifyNote')),
      ['EMAIL', 'SMS', 'ZALO'].map((c) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'notify', value: c, id: `notify-${c.toLowerCase()}`, 'aria-describedby': 'notify-note' }), ' ', tc(`notify${c}`))),
      field('language', tc('notifyLanguage'), h('select', { name: 'language', id: 'report-language' },
        h('option', { value: 'VI', selected: lang() !== 'en' }, 'Tiếng Việt'), h('option', { value: 'EN', selected: lang() === 'en' }, 'English')))),
    formError,
    h('button', { type: 'submit', id: 'report-send' }, tc('send')));

  replace(ctx.main, h('h1', { tabindex: '-1' }, tc('reportTitle')), h('p', {}, tc('reportIntro')), form);

  const map = newMap(L, mapElement, { center: HUE, zoom: 14 });
  let marker = null;
  async function choose(lat, lon) {
    if (!inProvince(lat, lon)) {
      // Refused where the citizen looks, and the place is not kept: the report cannot go without one.
      place = null;
      delete mapElement.dataset.place;
      placeText.textContent = tc('noPlace');
      marker?.remove();
      marker = null;
      fieldError(form, 'location', messageFor({ extensions: { code: 'VALIDATION_FAILED', field: 'location', reason: 'outside_province' } }));
      return;
    }
    fieldError(form, 'location', '');
    place = { latitude: Number(lat.toFixed(6)), longitude: Number(lon.toFixed(6)) };
    if (marker) marker.setLatLng([lat, lon]);
    else marker = L.marker([lat, lon], { icon: statusIcon(L, 'RECEIVED', 'chosen') }).addTo(map);
    placeText.textContent = tc('placeChosen', place.latitude.toFixed(5), place.longitude.toFixed(5));
    mapElement.dataset.place = `${place.latitude},${place.longitude}`;
    // The ward from the point (the server's nearest ward centre); the citizen may still change it.
    try {
      const { wardAt } = await gql('WardAt', place);
      if (wardAt && ctx.isCurrent()) { form.ward.value = wardAt; fieldError(form, 'ward', ''); form.ward.dataset.fromPoint = 'true'; }
    } catch { /* the ward stays for the citizen to choose */ }
  }
  map.on('click', (e) => choose(e.latlng.lat, e.latlng.lng));
  function locate() {
    if (!navigator.geolocation) { fieldError(form, 'location', tc('noGeolocation')); return; }
    navigator.geolocation.getCurrentPosition(
      (p) => { choose(p.coords.latitude, p.coords.longitude); map.setView([p.coords.latitude, p.coords.longitude], 16); },
      () => fieldError(form, 'location', tc('noGeolocation')), { timeout: 10_000 });
  }

  /** The checks the server makes that the browser can make first, each beside its field. */
  function check() {
    const problems = [];
    if (!form.category.value) problems.push(['category', messageFor({ extensions: { code: 'VALIDATION_FAILED', field: 'category', reason: 'required' } })]);
    if (!form.description.value.trim()) problems.push(['description', messageFor({ extensions: { code: 'VALIDATION_FAILED', field: 'description', reason: 'required' } })]);
    if (!place) problems.push(['location', messageFor({ extensions: { code: 'VALIDATION_FAILED', field: 'location', reason: 'place_required' } })]);
    const ward = form.ward.value.trim();
    if (!ward) problems.push(['ward', messageFor({ extensions: { code: 'VALIDATION_FAILED', field: 'ward', reason: 'required' } })]);
    else if (former.has(ward)) {
      const f = former.get(ward);
      const [vi, en] = { COMMUNE: [`xã ${f.successor}`, `${f.successor} Commune`], TOWNSHIP: [`thị trấn ${f.successor}`, `${f.successor} Township`] }[f.successorLevel]
        ?? [`phường ${f.successor}`, `${f.successor} Ward`];
      problems.push(['ward', messageFor({ extensions: { code: 'VALIDATION_FAILED', field: 'ward', reason: 'former', successorVi: vi, successorEn: en, since: f.since } })]);
    } else if (wards.length && !wards.includes(ward)) problems.push(['ward', messageFor({ extensions: { code: 'VALIDATION_FAILED', field: 'ward', reason: 'unknown' } })]);
    if (form.photos.files.length > MAX_PHOTOS) problems.push(['photos', tc('tooManyPhotos')]);
    return problems;
  }
  const FIELD_OF = { mediaRefs: 'photos', file: 'photos', reporter: 'name' };
  function show(problems) {
    for (const name of ['category', 'description', 'location', 'ward', 'photos', 'name', 'phone', 'email']) fieldError(form, name, '');
    for (const [name, text] of problems) fieldError(form, name, text);
    if (problems.length) {
      showAlert(formError, tc('fixFields'));
      form.querySelector(`[data-field="${problems[0][0]}"] input, [data-field="${problems[0][0]}"] select, [data-field="${problems[0][0]}"] textarea, #report-location`)?.focus();
    }
  }

  // What the citizen changes after a failed send is a new report: it gets a new idempotency key.
  const newReport = () => { form.idempotencyKey = null; };
  form.addEventListener('input', newReport);
  form.addEventListener('change', newReport);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showAlert(formError, '');
    const problems = check();
    show(problems);
    if (problems.length) return;
    const button = form.querySelector('#report-send');
    button.disabled = true;
    try {
      const mediaRefs = [];
      const files = [...form.photos.files];
      // A send that failed on the way (a timeout, a dropped connection) is sent again with the same idempotency key
      // and the same photos, so the server answers with the first case instead of making a second one (issue 26).
      // Any change to the form makes it a new report, with a new key.
      form.idempotencyKey ??= crypto.randomUUID();
      form.uploaded ??= new Map();
      for (const [i, file] of files.entries()) {
        button.textContent = tc('uploading', i + 1, files.length);
        try {
          if (!form.uploaded.has(file)) form.uploaded.set(file, await upload(await preparePhoto(file)));
          mediaRefs.push(form.uploaded.get(file));
        } catch (e) {
          show([['photos', tc('photoRefused', file.name, errorText(e))]]);
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
          idempotencyKey: form.idempotencyKey,
        },
      });
      done(ctx, result.submitCase);
    } catch (e) {
      const name = errorField(e);
      const target = name ? (FIELD_OF[name] ?? name) : null;
      if (target && form.querySelector(`#${target}-error`)) show([[target, errorText(e)]]);
      else showAlert(formError, errorText(e));
    } finally {
      button.disabled = false;
      button.textContent = tc('send');
    }
  });
}

/** Copies text, and says so beside the button (the secret must be kept; a copy button makes that one tap). */
function copyButton(id, text, label) {
  const said = h('span', { class: 'copied', id: `${id}-done`, role: 'status' });
  const button = h('button', { type: 'button', class: 'copy', id, onclick: async () => {
    try {
      await navigator.clipboard.writeText(text);
      said.textContent = tc('copied');
    } catch {
      said.textContent = tc('copyFailed');
    }
  } }, label);
  return [button, said];
}

function done(ctx, { trackingCode, secret }) {
  const link = `#/case/${encodeURIComponent(trackingCode)}?secret=${encodeURIComponent(secret)}`;
  const fullLink = new URL(link, location.href).href;
  replace(ctx.main,
    h('section', { class: 'card done', id: 'report-done', role: 'status' },
      h('h1', { tabindex: '-1' }, tc('doneTitle')),
      h('dl', { class: 'facts receipt' },
        h('dt', {}, tc('doneCode')), h('dd', {}, h('strong', { id: 'done-code' }, trackingCode), ' ', ...copyButton('copy-code', trackingCode, tc('copy'))),
        h('dt', {}, tc('doneSecret')), h('dd', {}, h('code', { id: 'done-secret', class: 'secret' }, secret), ' ', ...copyButton('copy-secret', secret, tc('copy')))),
      h('p', { class: 'note keep' }, tc('keepThis')),
      h('p', {}, h('a', { href: link, id: 'done-link' }, tc('openWithSecret')), ' ', ...copyButton('copy-link', fullLink, tc('copyLink'))),
      h('p', { class: 'note' }, tc('linkKeeps')),
      h('p', { class: 'note' }, tc('rememberExplained'))));
  ctx.main.querySelector('h1').focus();
}

// ---------------------------------------------------------------- on the case page

/** The summary, the photos before and after, the place on a map, and the reporter's follow-up. */
/** When the citizen's last action on each case succeeded (its confirmation stays on screen across redraws). */
const confirmedAt = new Map();
/** The secret a case page was opened with, by tracking code, for as long as the page lives (never stored). */
const heldSecrets = new Map();

export async function caseExtras(ctx, c) {
  const photos = (list, id, label) => (list?.length ? h('section', { class: 'card', 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, label),
    h('ul', { class: 'photos', id }, list.map((p) => h('li', {},
      h('a', { href: p.url, target: '_blank', rel: 'noopener' }, h('img', { src: p.thumbnailUrl, alt: label, loading: 'lazy' })))))) : null);
  const summary = c.summary ? h('section', { class: 'card', 'aria-labelledby': 'summary-h' },
    h('h2', { id: 'summary-h' }, tc('summary')), h('p', { id: 'case-summary', lang: textLang(c.summary) }, c.summary)) : null;
  const mapElement = c.location ? h('div', { class: 'map map-small', id: 'case-place', role: 'region', 'aria-label': tc('placeOnMap') }) : null;
  const heading = ctx.main.querySelector('.case-status');
  heading.after(...[summary, photos(c.photos, 'photos-before', tc('photosBefore')), photos(c.progressPhotos, 'photos-progress', tc('photosProgress')),
    photos(c.afterPhotos, 'photos-after', tc('photosAfter')),
    mapElement ? h('section', { class: 'card', 'aria-labelledby': 'place-h' }, h('h2', { id: 'place-h' }, tc('placeOnMap')), mapElement) : null]
    .filter(Boolean));
  const secret = ctx.params.get('secret') ?? heldSecrets.get(c.trackingCode) ?? localStorage.getItem(secretKey(c.trackingCode));
  // The link's secret leaves the address bar at once (followUp): held for this page's later redraws.
  if (secret) heldSecrets.set(c.trackingCode, secret);
  ctx.main.append(followUp(ctx, c));
  if (secret) ownReport(ctx, c, secret, heading);
  const push = secret ? pushCard(c, () => document.getElementById('followup-secret')?.value.trim() || secret) : null;
  if (push) ctx.main.append(push);
  if (mapElement) {
    const L = await loadLeaflet();
    if (!ctx.isCurrent()) return;
    const map = newMap(L, mapElement, { center: [c.location.latitude, c.location.longitude], zoom: 16 });
    L.marker([c.location.latitude, c.location.longitude], { icon: statusIcon(L, c.status), title: c.trackingCode }).addTo(map);
    mapElement.dataset.markers = '1';
  }
}

/**
 * With the secret, what the citizen sent (their description and every photo the case holds), also before the center
 * has verified it: asked by POST (never cached, never in a log's address) and the photos fetched with the secret in
 * a header. Only the holder of the secret gets it; nothing here is public.
 */
async function ownReport(ctx, c, secret, after) {
  let view;
  try {
    view = (await mutate('query MyReport($c: String!, $s: String!) { myReport(trackingCode: $c, secret: $s) { description photos } }',
      { c: c.trackingCode, s: secret })).myReport;
  } catch {
    return; // a wrong or forgotten secret: the follow-up form says so when used
  }
  if (!view || !ctx.isCurrent()) return;
  const list = h('ul', { class: 'photos', id: 'own-photos' });
  const section = h('section', { class: 'card own', id: 'own-report', 'aria-labelledby': 'own-h' },
    h('h2', { id: 'own-h' }, tc('ownReport')), h('p', { class: 'note' }, tc('ownReportNote')),
    h('p', { id: 'own-description', lang: textLang(view.description) }, view.description), view.photos.length ? list : null);
  after.after(section);
  for (const id of view.photos) {
    const full = () => fetch(`/media/${id}`, { headers: { 'X-Case-Secret': secret } }).then((r) => (r.ok ? r.blob() : null));
    const response = await fetch(`/media/${id}/thumbnail`, { headers: { 'X-Case-Secret': secret } });
    if (!response.ok || !ctx.isCurrent()) continue;
    const img = h('img', { src: URL.createObjectURL(await response.blob()), alt: tc('photosBefore'), loading: 'lazy' });
    list.append(h('li', {}, h('a', { href: '#', onclick: async (e) => {
      e.preventDefault();
      const blob = await full();
      if (blob) window.open(URL.createObjectURL(blob), '_blank', 'noopener');
    } }, img)));
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
  // The confirmation outlives the redraws that follow the action (the page re-renders, and the live update of the
  // case arrives within tens of milliseconds now): shown for 10 s after the action, not until the next redraw.
  const okText = h('p', { class: 'ok', id: 'followup-done', role: 'status', hidden: !(Date.now() - (confirmedAt.get(code) ?? 0) < 10_000) }, tc('actionDone'));

  async function act(mutation, fields, extra = async () => ({})) {
    showAlert(result, '');
    okText.hidden = true;
    confirmedAt.delete(code);
    const secret = secretInput.value.trim();
    try {
      const type = mutation[0].toUpperCase() + mutation.slice(1) + 'Input';
      await mutate(`mutation Act($input: ${type}!) { ${mutation}(input: $input) { case { version } } }`,
        { input: { trackingCode: code, secret, ...fields, ...(await extra()) } });
      if (remember.checked) localStorage.setItem(secretKey(code), secret);
      else localStorage.removeItem(secretKey(code));
      confirmedAt.set(code, Date.now());
      okText.hidden = false;
      setTimeout(() => ctx.isCurrent() && ctx.rerender(), 600);
    } catch (e) {
      const name = errorField(e);
      const form = forms.find((f) => f.contains(document.activeElement)) ?? null;
      const slot = name && form?.querySelector(`[data-error="${name}"]`);
      if (slot) showAlert(slot, errorText(e));
      else showAlert(result, e instanceof GraphQLRequestError && e.code === 'FORBIDDEN' ? tc('wrongSecret') : errorText(e));
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
      for (const file of files) mediaRefs.push(await upload(await preparePhoto(file)));
      return { mediaRefs };
    })));
  }
  if (c.status === 'RESOLVED' && c.rating == null) {
    forms.push(small('followup-rate', tc('rate'), [
      // No score is chosen for the citizen: a preselected five stars counted whoever did not touch it as satisfied.
      h('label', { class: 'field' }, h('span', {}, tc('score')), h('select', { name: 'score', id: 'followup-score', required: true, 'aria-describedby': 'score-error' },
        h('option', { value: '', selected: true }, tc('chooseScore')), [5, 4, 3, 2, 1].map((n) => h('option', { value: n }, `${'★'.repeat(n)} (${n})`)))),
      h('p', { class: 'field-error form-error', id: 'score-error', 'data-error': 'score', role: 'alert', hidden: true }),
      h('label', { class: 'field' }, h('span', {}, tc('comment')), h('textarea', { name: 'comment', rows: 2 })),
    ], tc('sendRating'), (f) => {
      const slot = f.querySelector('#score-error');
      if (!f.score.value) {
        showAlert(slot, messageFor({ extensions: { code: 'VALIDATION_FAILED', field: 'score', reason: 'invalid' } }));
        f.score.focus();
        return;
      }
      showAlert(slot, '');
      act('rateCase', { score: Number(f.score.value), comment: f.comment.value || null });
    }));
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
    h('p', { class: 'note', id: 'remember-note' }, tc('rememberExplained')),
    remembered ? h('button', { type: 'button', class: 'link', onclick: () => { localStorage.removeItem(secretKey(code)); remember.checked = false; } }, tc('forgetSecret')) : null,
    ...forms, result, okText);
}
