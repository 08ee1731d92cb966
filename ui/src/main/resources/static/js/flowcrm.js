// Flowcrm: the few lines of script every page shares. Pages work without it where they can.
(function () {
  'use strict';

  // The CSRF header, once Spring Security renders the token into the layout's meta tags.
  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = {};
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  // Announce a message to screen readers through the layout's aria-live region.
  function announce(text) {
    var region = document.getElementById('announcer');
    if (region) {
      region.textContent = '';
      window.setTimeout(function () { region.textContent = text; }, 50);
    }
  }

  window.flowcrm = Object.assign(window.flowcrm || {}, { csrfHeaders: csrfHeaders, announce: announce });

  document.addEventListener('htmx:configRequest', function (event) {
    Object.assign(event.detail.headers, csrfHeaders());
  });

  document.addEventListener('DOMContentLoaded', function () {
    if (window.htmx) {
      // 422 carries validation or engine errors rendered for the user: swap it like a success.
      window.htmx.config.responseHandling = [
        { code: '204', swap: false },
        { code: '[23]..', swap: true },
        { code: '422', swap: true, error: false },
        { code: '503', swap: true, error: false },
        { code: '[45]..', swap: false, error: true }
      ];
    }
  });
})();
