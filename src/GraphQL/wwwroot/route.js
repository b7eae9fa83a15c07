// The page a hash names, for the site and the console alike:
// '#/case/HUE-2026-000123?x=1' → { name: 'case', arg: 'HUE-2026-000123', params }
export function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?');
  const [name = '', ...rest] = path.split('/');
  let arg = rest.join('/');
  try { arg = decodeURIComponent(arg); } catch { /* keep it as typed */ }
  return { name, arg, params: new URLSearchParams(query) };
}
