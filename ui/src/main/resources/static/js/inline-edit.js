// In-place editing of a record card's fields (htmx swaps the field's form into its dd): the input
// gets the focus when the form arrives, Esc inside it cancels like its Cancel link, and after a
// save or cancel the focus goes back to the field's Edit link, so the keyboard never gets lost.
(function () {
  'use strict';
  document.addEventListener('htmx:afterSwap', function (event) {
    var target = event.detail.target;
    if (!target || !target.querySelector) {
      return;
    }
    var input = target.querySelector('form.inline-edit [name=value]');
    if (input) {
      input.focus();
      if (input.select && input.type === 'text') {
        input.select();
      }
      return;
    }
    var edit = target.querySelector('a.edit-field');
    if (edit && target.hasAttribute('data-field')) {
      edit.focus();
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') {
      return;
    }
    var form = event.target.closest && event.target.closest('form.inline-edit');
    var cancel = form && form.querySelector('[data-cancel]');
    if (cancel) {
      event.preventDefault();
      cancel.click();
    }
  });
})();
