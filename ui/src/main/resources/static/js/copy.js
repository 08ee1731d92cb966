// "Copy" buttons (invoice card: the public link): a button with data-copy="<input id>" copies that
// field's value and says so. Without this script the button stays hidden and the read-only field
// can be selected and copied by hand.
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
      var field = document.getElementById(button.getAttribute('data-copy'));
      if (!field || !navigator.clipboard) {
        return;
      }
      button.hidden = false;
      button.addEventListener('click', function () {
        field.select();
        navigator.clipboard.writeText(field.value).then(function () {
          button.textContent = button.getAttribute('data-copied');
        });
      });
    });
  });
})();
