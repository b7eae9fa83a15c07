// The compact header on a phone (issue 20, part 11): one line with the title and a menu button; the navigation, the
// tracking-code search, the language switch and the signed-in user (the console) open beneath it. On a wider screen
// the button is not shown and everything stays in view (site.css decides by width, so nothing here measures).
// The button says whether the menu is open (aria-expanded) and names what it opens (aria-controls); Escape closes
// it and gives focus back to the button; following a link closes it.

export function compactHeader() {
  const header = document.querySelector('.site-header');
  const button = document.getElementById('menu-toggle');
  if (!header || !button) return;
  const set = (open) => {
    header.classList.toggle('menu-open', open);
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  header.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || button.getAttribute('aria-expanded') !== 'true') return;
    set(false);
    button.focus();
  });
  window.addEventListener('hashchange', () => set(false));
  set(false);
}
