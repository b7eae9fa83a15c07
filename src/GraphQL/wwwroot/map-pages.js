// The map of public cases (#/map) and the overview's map of open and overdue cases by ward.
import { gql } from './api.js';
import { h, replace } from './dom.js';
import { categoryName, statusName, t } from './i18n.js';
import { tc } from './citizen-i18n.js';
import { loadLeaflet, newMap, statusIcon } from './map.js';
import { setTitle } from './ui.js';

const STATUSES = ['RECEIVED', 'VERIFIED', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN', 'RESOLVED', 'CLOSED', 'REJECTED'];
const PERIODS = { '30': 30, '90': 90, '365': 365, all: null };

export async function mapPage(ctx) {
  const params = ctx.params;
  const category = params.get('category') || null;
  const status = params.get('status') || null;
  const period = params.get('period') in PERIODS ? params.get('period') : '365';
  const days = PERIODS[period];
  const from = days ? new Date(Date.now() - days * 86_400_000).toISOString() : null;
  const [L, data] = await Promise.all([loadLeaflet(), gql('Map', { category, status, from })]);
  if (!ctx.isCurrent()) return;
  setTitle(tc('mapTitle'));

  const change = (event) => {
    const form = event.target.form;
    const next = new URLSearchParams();
    for (const name of ['category', 'status', 'period']) if (form[name].value) next.set(name, form[name].value);
    location.hash = `#/map?${next}`;
  };
  const select = (name, label, options, value) => h('label', {}, label, ' ',
    h('select', { name, id: `map-${name}`, onchange: change },
      options.map(([v, text]) => h('option', { value: v, selected: v === (value ?? '') }, text))));
  const element = h('div', { class: 'map', id: 'case-map', role: 'region', 'aria-label': tc('mapTitle') });
  replace(ctx.main,
    h('h1', { tabindex: '-1' }, tc('mapTitle')),
    h('form', { class: 'filters', id: 'map-filters', onsubmit: (e) => e.preventDefault() },
      select('category', t('category'), [['', tc('allCategories')],
        ...data.categories.filter((c) => c.kind === 'FIELD_REPORT').map((c) => [c.code, categoryName(c.code)])], category),
      select('status', t('status'), [['', tc('allStatuses')], ...STATUSES.map((s) => [s, statusName(s)])], status),
      select('period', tc('period'), [['30', tc('last30')], ['90', tc('last90')], ['365', tc('last365')], ['all', tc('allTime')]], period)),
    h('p', { class: 'muted', id: 'map-count' }, tc('markers', data.caseMap.length)),
    element,
    legend());

  const map = newMap(L, element);
  const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 });
  const markers = data.caseMap.map((c) => {
    const marker = L.marker([c.location.latitude, c.location.longitude], {
      icon: statusIcon(L, c.status, c.overdue ? 'overdue' : ''), title: `${c.trackingCode} · ${categoryName(c.category)}`, keyboard: true,
    });
    marker.on('click', () => { location.hash = `#/case/${encodeURIComponent(c.trackingCode)}`; });
    return marker;
  });
  cluster.addLayers(markers);
  map.addLayer(cluster);
  if (markers.length > 0) map.fitBounds(cluster.getBounds(), { maxZoom: 15, padding: [20, 20] });
  // What the browser tests wait for: how many markers the API gave, all of them in the cluster layer.
  element.dataset.markers = String(cluster.getLayers().length);
}

function legend() {
  return h('ul', { class: 'map-legend' },
    ['RECEIVED', 'VERIFIED', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN', 'RESOLVED', 'CLOSED'].map((s) =>
      h('li', {}, h('span', { class: `case-marker status-${s.toLowerCase()}`, 'aria-hidden': 'true' }), ' ', statusName(s))),
    h('li', {}, h('span', { class: 'case-marker overdue', 'aria-hidden': 'true' }), ' ', tc('overdue')));
}

/** The overview's map: each ward's open cases at the middle of their places, red where some are overdue. */
// The overview's own query reads wardMap (one request per page); the page hands it over on ctx.wardMap.
export async function wardMap(ctx) {
  const data = { wardMap: ctx.wardMap ?? [] };
  if (!ctx.isCurrent() || data.wardMap.length === 0) return;
  const L = await loadLeaflet();
  if (!ctx.isCurrent()) return;
  const element = h('div', { class: 'map map-small', id: 'ward-map', role: 'region', 'aria-label': tc('wardMapTitle') });
  ctx.main.append(h('section', { class: 'card', 'aria-labelledby': 'ward-map-h' },
    h('h2', { id: 'ward-map-h' }, tc('wardMapTitle')), element,
    h('p', {}, h('a', { href: '#/map' }, tc('navMap')))));
  const map = newMap(L, element, { zoom: 11 });
  const max = Math.max(...data.wardMap.map((w) => w.open));
  const layers = data.wardMap.map((w) => L.circleMarker([w.location.latitude, w.location.longitude], {
    radius: 6 + 18 * Math.sqrt(w.open / max), color: w.overdue > 0 ? '#b3261e' : '#1d5fa8', weight: 2, fillOpacity: 0.35,
    className: w.overdue > 0 ? 'ward-dot ward-overdue' : 'ward-dot',
  }).bindTooltip(tc('wardPopup', w.ward, w.open, w.overdue)).addTo(map));
  map.fitBounds(L.featureGroup(layers).getBounds(), { maxZoom: 13, padding: [20, 20] });
  element.dataset.wards = String(layers.length);
}
