// Keeps the day after surgery beside a date up to date while the date is typed (Entry/PostOpDay
// writes the same words on the server, which stays the authority). A date input carries either
// data-surgery-date (the operation's date, on the forms beneath it) or data-surgery-field (the
// field of the same form holding it, on the operation's own form); its text goes to the element
// named by data-post-op-day.
(function () {
  'use strict';

  var DAY = 24 * 60 * 60 * 1000;

  function parse(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec((text || '').trim());
    if (!m) return null;
    var time = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    var date = new Date(time);
    return date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3] ? time : null;
  }

  function describe(days) {
    if (days === 0) return 'day of surgery';
    if (days === 1) return 'day 1 after surgery';
    if (days > 1) return 'day ' + days + ' after surgery';
    if (days === -1) return '1 day before surgery';
    return (-days) + ' days before surgery';
  }

  function surgeryOf(input) {
    var field = input.getAttribute('data-surgery-field');
    if (field) {
      var other = input.form && input.form.elements.namedItem(field);
      return parse(other ? other.value : '');
    }
    return parse(input.getAttribute('data-surgery-date'));
  }

  function update(input) {
    var target = document.getElementById(input.getAttribute('data-post-op-day'));
    if (!target) return;
    var surgery = surgeryOf(input);
    var date = parse(input.value);
    target.textContent = surgery === null || date === null ? '' : describe(Math.round((date - surgery) / DAY));
  }

  var inputs = document.querySelectorAll('input[data-post-op-day]');
  Array.prototype.forEach.call(inputs, function (input) {
    update(input);
    input.addEventListener('input', function () { update(input); });
    input.addEventListener('change', function () { update(input); });
  });
  // On the operation's own form a changed surgery date moves every day beside it.
  Array.prototype.forEach.call(inputs, function (input) {
    var field = input.getAttribute('data-surgery-field');
    var other = field && input.form && input.form.elements.namedItem(field);
    if (other && other.addEventListener) {
      other.addEventListener('input', function () { update(input); });
      other.addEventListener('change', function () { update(input); });
    }
  });
})();
