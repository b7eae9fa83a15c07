// What the citizen sent, in front of staff (issue 20, 1): thumbnails of the photos (full size on click), a small map
// of the place with the site's bundled Leaflet (tiles from Map:TileUrl), and the badges of a case that came back
// (reopened, returned, answered). Photos are served to the signed-in console by /media (its session cookie), also
// before verification.

import { h } from '../dom.js';
import { channelName as siteChannelName, t } from '../i18n.js';
import { HUE, loadLeaflet, newMap, statusIcon } from '../map.js';

export const channelName = (c) => siteChannelName(String(c).toUpperCase());

/** A badge for a case that came back, naming why (the reason is shown beside it by the caller). */
export function flagBadge(c) {
  if (!c.flag) return null;
  const kind = c.flag === 'answered' ? 'info' : 'warn';
  return h('span', { class: `badge ${kind} flag flag-${c.flag}`, 'data-flag': c.flag, title: c.flagReason ?? '' }, t(`flag_${c.flag}`));
}

/** Up to <max> thumbnails, each a link to the full photo opened in a viewer on this page. */
export function photoStrip(ids, code, max = ids.length, label = t('photosReported')) {
  if (!ids.length) return null;
  const shown = ids.slice(0, max);
  return h('ul', { class: 'thumbs', 'aria-label': `${label} ${code}` }, shown.map((id, i) => h('li', {},
    h('a', { href: `/media/${id}`, class: 'thumb', onclick: (e) => { e.preventDefault(); openViewer(ids, ids.indexOf(id), label); } },
      h('img', { src: `/media/${id}/thumbnail`, alt: `${label} ${i + 1}/${ids.length}`, loading: 'lazy', width: 72, height: 72 })))),
  ids.length > max ? h('li', { class: 'more-photos' }, `+${ids.length - max}`) : null);
}

/** A full-size photo over the page (Escape or the button closes it; arrows move between photos). */
export function openViewer(ids, at, label) {
  let index = at;
  const img = h('img', { id: 'viewer-img', alt: '' });
  const caption = h('p', { class: 'viewer-caption' });
  const show = () => { img.src = `/media/${ids[index]}`; img.alt = `${label} ${index + 1}/${ids.length}`; caption.textContent = img.alt; };
  const close = () => { dialog.close(); dialog.remove(); };
  const dialog = h('dialog', { class: 'viewer', id: 'photo-viewer', 'aria-label': label },
    h('div', { class: 'viewer-bar' },
      ids.length > 1 ? h('button', { type: 'button', onclick: () => { index = (index + ids.length - 1) % ids.length; show(); } }, '‹') : null,
      caption,
      ids.length > 1 ? h('button', { type: 'button', onclick: () => { index = (index + 1) % ids.length; show(); } }, '›') : null,
      h('button', { type: 'button', id: 'viewer-close', onclick: close }, t('close'))),
    img);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  show();
  dialog.showModal();
}

/** A placeholder the map fills once it is on screen (50 rows of maps at once would load 50 maps of tiles). */
export function miniMap(point, code, cls = 'mini-map') {
  return h('div', { class: cls, role: 'img', 'aria-label': t('placeOf', code, point.latitude.toFixed(5), point.longitude.toFixed(5)),
    'data-lat': point.latitude, 'data-lon': point.longitude });
}

let observer = null;
/** Draws the maps of the placeholders in <root> as they come into view. */
export function watchMaps(root) {
  observer ??= new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting) { observer.unobserve(e.target); drawMap(e.target); }
  }, { rootMargin: '200px' });
  for (const el of root.querySelectorAll('.mini-map:not([data-drawn]), .case-map:not([data-drawn])')) { el.dataset.drawn = 'pending'; observer.observe(el); }
}

async function drawMap(el) {
  const L = await loadLeaflet();
  if (!el.isConnected) return;
  const at = [Number(el.dataset.lat), Number(el.dataset.lon)];
  const small = el.classList.contains('mini-map');
  const map = newMap(L, el, { center: at ?? HUE, zoom: small ? 15 : 16 });
  if (small) { map.dragging.disable(); map.scrollWheelZoom.disable(); map.zoomControl.remove(); }
  L.marker(at, { icon: statusIcon(L, 'RECEIVED', 'chosen') }).addTo(map);
  for (const d of JSON.parse(el.dataset.others ?? '[]')) L.marker([d.latitude, d.longitude], { icon: statusIcon(L, 'IN_PROGRESS'), title: d.label }).addTo(map);
  el.dataset.drawn = 'true';
}
