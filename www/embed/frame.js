// embed.html: one <ed-playground> filling the frame, its options taken from the
// URL's parameters (embed.html?loss=bce&seed=3&views=chart,map). Values are
// only ever attribute values; the element validates them and says what it refused.
import './ed-playground.js';

// A page link's parameters carry over under the element's names (`hidden` is
// `layers`, `paused` the opposite `autoplay`); others (a tracker's) are left out.
const { fromLink, chooseLanguage } = /** @type {typeof import('./ed-playground.js').EdPlaygroundElement} */ (
  customElements.get('ed-playground')
);
const query = new URLSearchParams(location.search);
const figure = document.createElement('ed-playground');
for (const [name, value] of query) {
  const attribute = fromLink(name, value);
  if (attribute) figure.setAttribute(attribute[0], attribute[1]);
}
// Its language as the page's: the link's `lang=`, else the browser's (not the
// frame's own <html lang>, which only says what its markup is written in).
const lang = chooseLanguage(query.get('lang'), null);
document.documentElement.lang = lang;
figure.setAttribute('lang', lang);
document.body.append(figure);
