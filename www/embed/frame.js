// embed.html: one <ed-playground> filling the frame, its options taken from the
// URL's parameters (embed.html?loss=bce&seed=3&views=chart,map). Values are
// only ever attribute values; the element validates them and says what it refused.
import './ed-playground.js';

// A page link's parameters carry over under the element's names (`hidden` is
// `layers`, `paused` the opposite `autoplay`); others (a tracker's) are left out.
const { fromLink } = customElements.get('ed-playground');
const figure = document.createElement('ed-playground');
for (const [name, value] of new URLSearchParams(location.search)) {
  const attribute = fromLink(name, value);
  if (attribute) figure.setAttribute(...attribute);
}
document.body.append(figure);
