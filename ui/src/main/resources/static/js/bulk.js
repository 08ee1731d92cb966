// Bulk action bar (bulk/bar.ftlh): shows only the chosen action's argument and asks before a
// delete. Without this script every argument is visible and the form posts all the same.
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-bulk]').forEach(function (form) {
      var action = form.querySelector('select[name="action"]');
      if (!action) {
        return;
      }
      function showArgument() {
        form.querySelectorAll('[data-bulk-arg]').forEach(function (field) {
          field.hidden = field.getAttribute('data-bulk-arg') !== action.value;
        });
      }
      action.addEventListener('change', showArgument);
      showArgument();
      form.addEventListener('submit', function (event) {
        var elsewhere = event.submitter && event.submitter.hasAttribute('data-bulk-elsewhere');
        if (!elsewhere && action.value === 'DELETE' && !window.confirm(form.getAttribute('data-confirm-delete'))) {
          event.preventDefault();
        }
      });
    });
  });
})();
