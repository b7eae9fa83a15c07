// Photos from a device, for the citizen's report and the agency's after photos (issue 20): checked in the browser
// first (type, size), a large phone photo scaled down before it is sent, then uploaded to POST /media. The server
// checks everything again; these checks only spare a 15 MB upload that would be refused.
import { GraphQLRequestError } from './api.js';

const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'];
/** A phone photo above this (bytes or pixels a side) is scaled down in the browser before it is sent. */
const SCALE_ABOVE_BYTES = 2 * 1024 * 1024, SCALE_TO_PX = 2048;

/** Uploads one photo; resolves to its id, rejects with the server's typed error. */
export async function upload(file) {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await fetch('/media', { method: 'POST', body });
  const json = await response.json().catch(() => ({}));
  // The upload's own refusals name no field: they are about the photo field that sent it.
  if (!response.ok) throw new GraphQLRequestError((json.errors ?? [{ message: `HTTP ${response.status}`, extensions: {} }])
    .map((e) => ({ ...e, extensions: { field: 'photos', ...(e.extensions ?? {}) } })));
  return json.id;
}

/** A refusal found in the browser, shaped as the server's so it lands in the same place with the same words. */
const refusal = (code, field) => new GraphQLRequestError([{ message: code, extensions: { code, field } }]);

/**
 * The photo as it will be sent: its type checked first (the server checks the bytes again), and a large phone photo
 * scaled to 2048 px on its longer side as a JPEG, so 15 MB from a phone camera is sent as about 1 MB instead of being
 * refused after its upload. HEIC, which Chromium cannot decode, goes as it is if it fits.
 */
export async function preparePhoto(file) {
  const type = (file.type || '').toLowerCase();
  if (type && !TYPES.includes(type)) throw refusal('MEDIA_UNSUPPORTED_TYPE', 'photos');
  if (!type.startsWith('image/heic') && !type.startsWith('image/heif') && typeof createImageBitmap === 'function') {
    let bitmap = null;
    try { bitmap = await createImageBitmap(file); } catch { bitmap = null; }
    if (bitmap && (file.size > SCALE_ABOVE_BYTES || Math.max(bitmap.width, bitmap.height) > SCALE_TO_PX)) {
      const scale = Math.min(1, SCALE_TO_PX / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
      if (blob) return new File([blob], file.name.replace(/\.[^.]*$/, '') + '.jpg', { type: 'image/jpeg' });
    }
    if (!bitmap && type) throw refusal('MEDIA_UNREADABLE', 'photos');
  }
  if (file.size > MAX_BYTES) throw refusal('MEDIA_TOO_LARGE', 'photos');
  return file;
}

