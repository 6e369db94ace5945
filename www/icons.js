// The buttons' icons (24 x 24 paths), shared by the page's fields and the
// <ed-playground> element's template.
export const ICONS = {
  reset: 'M12 5V1L7 6l5 5V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z',
  play: 'M8 5v14l11-7z',
  pause: 'M6 5h4v14H6zm8 0h4v14h-4z',
  step: 'M6 18l8.5-6L6 6v12zM16 6v12h2V6h-2z',
  dice: 'M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm2.5 3a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm9 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zM12 10.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zM7.5 15a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm9 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z',
};

const SVG = 'http://www.w3.org/2000/svg';

/** An icon's name. @typedef {keyof typeof ICONS} IconName */

/**
 * An icon as an <svg> element, hidden from screen readers (its button names it).
 * @param {IconName} name
 * @returns {SVGSVGElement}
 */
export function iconElement(name) {
  const svg = document.createElementNS(SVG, 'svg'),
    path = document.createElementNS(SVG, 'path');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}
