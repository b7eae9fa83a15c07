// The agencies (the public `agencies` list, ~150 of them), asked once per page load: the header and the queue
// name the user's agency by its name, the inbox's assign forms pick from them.

import { lang } from '../i18n.js';
import { gql } from './session.js';

let pending = null;
let known = null;

/** Every agency ({ id, name, nameEn, kind }); asked again after a failure. */
export function loadAgencies() {
  pending ??= gql('query Agencies { agencies { id name nameEn kind } }')
    .then((data) => { known = data.agencies ?? []; return known; })
    .catch((error) => { pending = null; throw error; });
  return pending;
}

/** Whether the list has been had (then agencyName answers for every agency there is). */
export const agenciesKnown = () => known !== null;

/** An agency's name in the page's language, once loaded; its id until then (or when unknown). */
export function agencyName(id) {
  const a = known?.find((x) => x.id === id);
  if (!a) return id;
  return lang() === 'en' && a.nameEn ? a.nameEn : a.name;
}
