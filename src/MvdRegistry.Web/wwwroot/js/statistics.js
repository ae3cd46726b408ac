// While a statistics run computes the snapshot the page waits for, polls its progress every two
// seconds, moves the progress bar, and reloads the page once the run has finished.
// A script file of the registry's own: the content security policy allows no inline script.
(function () {
  'use strict';

  var box = document.getElementById('snapshot-progress');
  if (!box) return;
  var url = box.getAttribute('data-progress-url');

  function show(run) {
    var bar = box.querySelector('progress');
    bar.value = run.percent;
    bar.textContent = run.percent + '%';
    box.querySelector('[data-field="percent"]').textContent = run.percent + '%';
    box.querySelector('[data-field="text"]').textContent = run.text || '';
  }

  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (run) {
        if (!run) return window.setTimeout(poll, 2000);
        show(run);
        if (run.finished) window.location.reload();
        else window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }

  window.setTimeout(poll, 1000);
})();
