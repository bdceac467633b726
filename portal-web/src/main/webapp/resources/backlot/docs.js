// The docs reader: highlights the table-of-contents entry of the section in view as the page
// scrolls, and prints on request. A file of its own (no inline script) for the pages' CSP.
(function () {
  var links = Array.prototype.slice.call(document.querySelectorAll('#docsToc a[data-toc]'));
  var byId = {};
  links.forEach(function (a) { byId[a.getAttribute('data-toc')] = a; });
  var headings = links.map(function (a) { return document.getElementById(a.getAttribute('data-toc')); })
    .filter(function (h) { return h; });
  function mark() {
    var current = null;
    headings.forEach(function (h) { if (h.getBoundingClientRect().top < 120) { current = h; } });
    links.forEach(function (a) { a.classList.remove('active'); });
    if (current && byId[current.id]) { byId[current.id].classList.add('active'); }
  }
  if (headings.length) {
    window.addEventListener('scroll', mark, { passive: true });
    mark();
  }
  var print = document.getElementById('docsPrint');
  if (print) {
    print.addEventListener('click', function (e) { e.preventDefault(); window.print(); });
  }
})();
