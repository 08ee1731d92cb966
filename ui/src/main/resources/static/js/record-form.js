// Record forms (contact, company, deal): "add a line" and "remove" for phones, e-mails and
// addresses in the page, instead of posting the form (the buttons are submit buttons that also work
// without script). A new line is a copy of the last one with its values cleared and the next index;
// gaps in the indexes are fine, the server drops empty lines.
(function () {
  'use strict';

  function renumber(row, listName, index) {
    row.querySelectorAll('[name],[id],[for],[aria-describedby]').forEach(function (el) {
      ['name', 'id', 'for', 'aria-describedby'].forEach(function (attr) {
        var v = el.getAttribute(attr);
        if (v) {
          el.setAttribute(attr, v.replace(new RegExp('(' + listName + ')(\\[|-)\\d+'), '$1$2' + index));
        }
      });
    });
  }

  document.addEventListener('click', function (event) {
    var add = event.target.closest('[data-add-row]');
    var remove = event.target.closest('[data-remove-row]');
    if (add) {
      var set = add.closest('[data-rows]');
      var rows = set.querySelectorAll('[data-row]');
      if (!rows.length) {
        return; // nothing to copy: let the button post the form
      }
      event.preventDefault();
      var copy = rows[rows.length - 1].cloneNode(true);
      var listName = set.getAttribute('data-rows');
      // the next index after the highest one: Spring grows the list up to it, so no big jumps
      var index = 0;
      rows.forEach(function (r) { index = Math.max(index, parseInt(r.getAttribute('data-row'), 10) + 1); });
      renumber(copy, listName, index);
      copy.setAttribute('data-row', String(index));
      copy.querySelectorAll('input:not([type=hidden])').forEach(function (input) { input.value = ''; input.setAttribute('aria-invalid', 'false'); });
      copy.querySelectorAll('.field-error').forEach(function (e) { e.textContent = ''; e.hidden = true; });
      copy.querySelectorAll('[data-remove-row]').forEach(function (b) { b.value = listName + ':' + index; });
      add.parentNode.insertBefore(copy, add);
      var first = copy.querySelector('input:not([type=hidden])');
      if (first) {
        first.focus();
      }
    } else if (remove) {
      event.preventDefault();
      var row = remove.closest('[data-row]');
      var siblings = row.parentNode.querySelectorAll('[data-row]');
      if (siblings.length > 1) {
        var focusAfter = row.parentNode.querySelector('[data-add-row]');
        row.remove();
        if (focusAfter) {
          focusAfter.focus();
        }
      } else {
        row.querySelectorAll('input:not([type=hidden])').forEach(function (input) { input.value = ''; });
      }
    }
  });

  // The deal form: a stage select offers only the stages of the chosen pipeline.
  document.addEventListener('DOMContentLoaded', function () {
    var pipeline = document.querySelector('[data-pipeline-select]');
    var stage = document.querySelector('[data-stage-select]');
    if (!pipeline || !stage) {
      return;
    }
    function show() {
      var chosen = pipeline.value;
      var firstVisible = null;
      stage.querySelectorAll('optgroup').forEach(function (group) {
        var visible = group.getAttribute('data-pipeline') === chosen;
        group.hidden = !visible;
        group.disabled = !visible;
        if (visible && !firstVisible) {
          firstVisible = group.querySelector('option');
        }
      });
      var selected = stage.options[stage.selectedIndex];
      if ((!selected || selected.parentNode.disabled) && firstVisible) {
        firstVisible.selected = true;
      }
    }
    pipeline.addEventListener('change', show);
    show();
  });
})();
