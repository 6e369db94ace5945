// embed.html: one <ed-playground> filling the frame, its options taken from the
// URL's parameters (embed.html?loss=bce&seed=3&views=chart,map). Values are
// only ever attribute values; the element validates them and says what it refused.
import './ed-playground.js';

// Exactly the element's attributes: a page link's parameters carry over, `paused` aside.
const NAMES = customElements.get('ed-playground').observedAttributes;
const figure = document.createElement('ed-playground');
for (const [name, value] of new URLSearchParams(location.search)) if (NAMES.includes(name)) figure.setAttribute(name, value);
document.body.append(figure);
