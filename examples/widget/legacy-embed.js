/* global EMBED_QUEUE */
// The legacy embed snippet, loaded with a classic <script> tag: a sloppy
// script, where `this` in a plain call is the window.

function initEmbed(config) {
  // LEAK: a plain call, so `this` is the window: this writes window.embedConfig.
  this.embedConfig = config;

  // Declared by the `global` comment above: fine.
  EMBED_QUEUE = EMBED_QUEUE || [];
  EMBED_QUEUE.push(config.src);

  var frame = document.createElement('iframe');
  frame.src = config.src;
  frame.addEventListener('load', function () {
    frame.contentWindow.postMessage(config, '*');
  }, { once: true });
  document.body.appendChild(frame);
}

initEmbed(window.EMBED_CONFIG || {});
