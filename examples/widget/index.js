// The widget's entry point (an ES module): mounts the components once the
// page has loaded.
import { ResizePanel } from './resize-panel.js';
import { Clock } from './clock.js';
import { Tooltip } from './tooltip.js';
import { Carousel } from './carousel.js';
import { enableShortcuts, trackScroll } from './shortcuts.js';

// Module level: added once.
window.addEventListener('DOMContentLoaded', () => {
  const panel = new ResizePanel(document.querySelector('#panel'));
  const clock = new Clock(document.querySelector('#clock'));
  const tip = new Tooltip(document.querySelector('#help'), 'Drag to resize');
  const carousel = new Carousel(document.querySelectorAll('.slide'));
  const disableShortcuts = enableShortcuts({ next: () => carousel.next() });

  panel.mount();
  carousel.play();
  trackScroll((y) => panel.setOffset(y));

  document.querySelector('#close').addEventListener('click', () => {
    panel.unmount();
    clock.destroy();
    tip.destroy();
    carousel.destroy();
    disableShortcuts();
  }, { once: true });
});
