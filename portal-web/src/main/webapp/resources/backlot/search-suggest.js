/*
 * The header's search box suggests as you type: entities by name and title first (with kind and
 * owner), then templates, docs and plugins' documents, from GET /api/search/suggest. Arrow keys
 * move, Enter opens the chosen suggestion, Enter without one opens /search. No inline script (the
 * pages' Content-Security-Policy allows only the portal's own files), text set as text, links
 * only to the portal's own paths or http(s).
 */
(function () {
  'use strict';
  var input = document.getElementById('bl-q');
  if (!input || !window.fetch) { return; }
  var form = input.form;
  var base = form.getAttribute('data-context') || '';
  var list = document.createElement('ul');
  list.id = 'bl-suggest';
  list.className = 'bl-suggest';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  form.appendChild(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', 'bl-suggest');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('autocomplete', 'off');
  var items = [];
  var active = -1;
  var timer = null;
  var asked = 0;

  function safe(location) {
    if (typeof location !== 'string') { return null; }
    if (location.charAt(0) === '/' && location.charAt(1) !== '/') { return base + location; }
    return /^https?:\/\//i.test(location) ? location : null;
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  }

  function show(suggestions) {
    list.textContent = '';
    items = [];
    suggestions.forEach(function (s, i) {
      var href = safe(s.location);
      if (!href) { return; }
      var li = document.createElement('li');
      li.id = 'bl-suggest-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      var title = document.createElement('span');
      title.textContent = s.title;
      var meta = document.createElement('span');
      meta.className = 'bl-muted';
      meta.textContent = [s.kind || s.type, s.owner].filter(Boolean).join(' · ');
      li.appendChild(title);
      li.appendChild(meta);
      li.addEventListener('mousedown', function (e) { e.preventDefault(); window.location.assign(href); });
      list.appendChild(li);
      items.push({ li: li, href: href });
    });
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
    active = -1;
  }

  function move(step) {
    if (!items.length) { return; }
    if (active >= 0) { items[active].li.setAttribute('aria-selected', 'false'); }
    active = (active + step + items.length) % items.length;
    items[active].li.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', items[active].li.id);
  }

  function ask() {
    var term = input.value.trim();
    if (term.length < 1) { close(); return; }
    var mine = ++asked;
    fetch(base + '/api/search/suggest?limit=8&term=' + encodeURIComponent(term.slice(0, 200)),
        { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (s) { if (mine === asked && Array.isArray(s)) { show(s); } })
      .catch(function () { close(); });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') { e.preventDefault(); move(1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
    else if (e.key === 'Escape') { close(); }
    else if (e.key === 'Enter' && active >= 0 && !list.hidden) {
      e.preventDefault();
      window.location.assign(items[active].href);
    }
  });
  input.addEventListener('blur', function () { setTimeout(close, 100); });
}());
