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

// Wizard steps whose page-level `if` does not hold: the current step's marker lists their indexes
// (TemplateView.getHiddenSteps); their titles leave the step header after every step change.
(function () {
    function hideSteps() {
        var marker = document.querySelector('.bl-hidden-steps');
        if (!marker) {
            return;
        }
        var hidden = (marker.getAttribute('data-hidden') || '').split(' ');
        document.querySelectorAll('.ui-wizard-step-titles li.ui-wizard-step-title').forEach(function (li, i) {
            li.style.display = hidden.indexOf(String(i)) >= 0 ? 'none' : '';
        });
    }
    document.addEventListener('DOMContentLoaded', function () {
        hideSteps();
        if (window.jQuery) {
            window.jQuery(document).on('pfAjaxComplete', hideSteps);
        }
    });
})();
