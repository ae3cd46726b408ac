// Hides and disables the fields of an entry form that do not apply, as the data dictionary's
// applies_when says (data-applies-when="field=code|code" or "field!=code"). A disabled field is not
// posted, so a value left in it is not saved. The server checks the same rules on every save: this
// only spares the user questions that do not belong to the record.
(function () {
  'use strict';

  function contextOf(form) {
    try {
      return JSON.parse(form.getAttribute('data-context') || '{}') || {};
    } catch (e) {
      return {};
    }
  }

  // The current value of a field: a select's or text input's value, the ticked radio's value;
  // '' when nothing is chosen or the field itself does not apply (disabled).
  function valueOf(form, name, context) {
    var found = form.elements.namedItem(name);
    if (!found) {
      return Object.prototype.hasOwnProperty.call(context, name) && context[name] !== null ? String(context[name]) : '';
    }
    var items = typeof found.length === 'number' && !found.options ? Array.prototype.slice.call(found) : [found];
    var value = '';
    items.forEach(function (item) {
      if (item.disabled) return;
      if (item.type === 'radio' || item.type === 'checkbox') {
        if (item.checked) value = item.value;
      } else {
        value = item.value;
      }
    });
    return value.trim();
  }

  function holds(rule, form, context) {
    if (!rule) return true;
    var negated = rule.indexOf('!=') >= 0;
    var parts = rule.split(negated ? '!=' : '=');
    var value = valueOf(form, parts[0], context);
    if (value === '') return false;
    var codes = parts[1].split('|');
    return negated ? codes.indexOf(value) < 0 : codes.indexOf(value) >= 0;
  }

  function show(element, applies) {
    element.classList.toggle('not-applicable', !applies);
    var controls = element.matches('input, select, textarea')
      ? [element]
      : element.querySelectorAll('input, select, textarea, button.field-clear');
    Array.prototype.forEach.call(controls, function (control) { control.disabled = !applies; });
  }

  // In document order, so a container is settled before the fields inside it; repeated because a
  // field's rule can read a field that itself only now applies or stops applying.
  function update(form) {
    var context = contextOf(form);
    var elements = form.querySelectorAll('[data-applies-when]');
    for (var pass = 0; pass < 5; pass++) {
      var changed = false;
      Array.prototype.forEach.call(elements, function (element) {
        var insideHidden = element.parentElement && element.parentElement.closest('.not-applicable');
        var applies = !insideHidden && holds(element.getAttribute('data-applies-when'), form, context);
        if (element.classList.contains('not-applicable') === applies) changed = true;
        show(element, applies);
      });
      if (!changed) break;
    }
  }

  // Radios cannot be unticked: "clear" takes a field back to not recorded.
  function clear(form, name) {
    Array.prototype.forEach.call(form.querySelectorAll('input[type=radio]'), function (radio) {
      if (radio.name === name) radio.checked = false;
    });
    update(form);
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-entry]'), function (form) {
    update(form);
    form.addEventListener('change', function () { update(form); });
    form.addEventListener('click', function (event) {
      var button = event.target.closest('button.field-clear');
      if (button) clear(form, button.getAttribute('data-clear'));
    });
  });
})();
