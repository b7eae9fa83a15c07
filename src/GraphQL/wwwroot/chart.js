// The monthly trend as an inline SVG drawn here (no library): bars for cases resolved per month,
// a line for the late rate on its own right-hand axis, and the late-rate target as a dashed line.

const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, text) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A "nice" upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten, at least max. */
function niceMax(max) {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/**
 * points: [{ label, resolved, lateRate (0..1 or null) }]; target: late-rate target (0..1);
 * fmt: { count(n), percent(share) }; title, desc: accessible name and description.
 */
export function trendChart(points, target, fmt, title, desc) {
  const W = 720, H = 300, left = 48, right = 56, top = 16, bottom = 40;
  const plotW = W - left - right, plotH = H - top - bottom;
  const maxCount = niceMax(Math.max(1, ...points.map((p) => p.resolved)));
  const maxRate = Math.max(0.05, niceMax(Math.max(target * 1.5, ...points.map((p) => p.lateRate ?? 0))));
  const slot = plotW / Math.max(1, points.length);
  const x = (i) => left + slot * i + slot / 2;
  const yCount = (n) => top + plotH - (n / maxCount) * plotH;
  const yRate = (r) => top + plotH - (r / maxRate) * plotH;

  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'trend-title trend-desc', class: 'chart' });
  svg.append(el('title', { id: 'trend-title' }, title), el('desc', { id: 'trend-desc' }, desc));

  // Grid and both axes' ticks: four steps.
  for (let i = 0; i <= 4; i++) {
    const y = top + plotH - (plotH * i) / 4;
    svg.append(el('line', { x1: left, x2: W - right, y1: y, y2: y, class: 'grid' }));
    svg.append(el('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, fmt.count((maxCount * i) / 4)));
    svg.append(el('text', { x: W - right + 6, y: y + 4, 'text-anchor': 'start', class: 'tick rate' }, fmt.percent((maxRate * i) / 4)));
  }

  const barW = Math.max(4, slot * 0.6);
  points.forEach((p, i) => {
    const y = yCount(p.resolved);
    const bar = el('rect', { x: x(i) - barW / 2, y, width: barW, height: top + plotH - y, class: 'bar' });
    bar.append(el('title', {}, `${p.label}: ${fmt.count(p.resolved)}`));
    svg.append(bar);
    svg.append(el('text', { x: x(i), y: H - bottom + 18, 'text-anchor': 'middle', class: 'tick' }, p.shortLabel ?? p.label));
  });

  svg.append(el('line', { x1: left, x2: W - right, y1: yRate(target), y2: yRate(target), class: 'target' }));

  // The late-rate line, broken where a month had nothing resolved (no rate).
  let d = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p.lateRate === null || p.lateRate === undefined) { pen = false; return; }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${yRate(p.lateRate).toFixed(1)} `;
    pen = true;
  });
  if (d) svg.append(el('path', { d: d.trim(), class: 'line' }));
  points.forEach((p, i) => {
    if (p.lateRate === null || p.lateRate === undefined) return;
    const dot = el('circle', { cx: x(i), cy: yRate(p.lateRate), r: 4, class: p.lateRate < target ? 'dot ok' : 'dot bad' });
    dot.append(el('title', {}, `${p.label}: ${fmt.percent(p.lateRate)}`));
    svg.append(dot);
  });
  return svg;
}
