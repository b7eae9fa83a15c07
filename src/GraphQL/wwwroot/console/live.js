// Re-drawing a live list without pulling the reader's focus away: the element that had focus is found
// again by its id in the new content (ids are stable: they are made of tracking codes).

import { replace } from '../dom.js';

export function redraw(container, ...children) {
  const active = document.activeElement;
  const id = active && container.contains(active) ? active.id : null;
  replace(container, ...children);
  if (id) document.getElementById(id)?.focus();
}

/** A slug for ids: tracking codes are already safe, this keeps anything else so. */
export const idPart = (s) => String(s).replace(/[^A-Za-z0-9_-]/g, '_');
