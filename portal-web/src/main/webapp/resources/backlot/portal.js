/* Backlot's few page behaviours that need script (no inline scripts: the pages' CSP allows only files). */
(function () {
  'use strict';
  // A button with data-bl-fold shows or hides the element it controls (aria-controls), e.g. the
  // catalog's filters on a phone.
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-bl-fold]') : null;
    if (!button) {
      return;
    }
    var target = document.getElementById(button.getAttribute('aria-controls'));
    if (target) {
      var open = target.classList.toggle('bl-open');
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
  });
})();
