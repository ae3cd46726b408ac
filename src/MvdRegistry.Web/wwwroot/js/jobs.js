// Keeps the progress bars of /Jobs (and /Reports, /Exports) current: every two seconds it asks the page's Progress handler
// for the runs still queued or running and writes their state into their rows, until none is left.
// A script file of the registry's own: the content security policy allows no inline script.
(function () {
  'use strict';

  var table = document.getElementById('job-runs');
  if (!table) return;
  var url = table.getAttribute('data-progress-url');

  function activeRows() {
    return Array.prototype.slice.call(table.querySelectorAll('tr[data-run-id][data-active="true"]'));
  }

  function setField(row, name, value) {
    var cell = row.querySelector('[data-field="' + name + '"]');
    if (cell) cell.textContent = value === null || value === undefined ? '' : String(value);
  }

  function update(run) {
    var row = table.querySelector('tr[data-run-id="' + run.id + '"]');
    if (!row) return;
    setField(row, 'status', run.status);
    setField(row, 'percent', run.percent + '%');
    setField(row, 'text', run.text);
    setField(row, 'rows', run.rows);
    setField(row, 'output', run.output);
    setField(row, 'error', run.error);
    var bar = row.querySelector('progress');
    if (bar) {
      bar.value = run.percent;
      bar.textContent = run.percent + '%';
    }
    if (run.status !== 'queued') {
      var cancel = row.querySelector('[data-field="cancel"]');
      if (cancel) cancel.remove();
    }
    setField(row, 'finished', run.finishedAt);
    if (run.finished) row.setAttribute('data-active', 'false');
    if (run.finished && run.status === 'succeeded') ready(row);
  }

  // The Exports page: a finished export's download links appear, and the export just asked for downloads.
  function ready(row) {
    Array.prototype.forEach.call(row.querySelectorAll('[data-show-when-done]'), function (element) {
      element.removeAttribute('hidden');
    });
    var link = row.querySelector('a[data-download]');
    if (link && row.getAttribute('data-auto-download') === 'true') {
      row.setAttribute('data-auto-download', 'false');
      window.location.assign(link.href);
    }
  }

  function poll() {
    var rows = activeRows();
    if (rows.length === 0) return;
    var query = rows.map(function (row) {
      return 'ids=' + encodeURIComponent(row.getAttribute('data-run-id'));
    }).join('&');
    fetch(url + (url.indexOf('?') < 0 ? '?' : '&') + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (runs) { runs.forEach(update); })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { if (activeRows().length > 0) window.setTimeout(poll, 2000); });
  }

  window.setTimeout(poll, 1000);
})();
