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

// The header's notification badge: the server renders the unread count; with script it stays
// current from crm-api's server-sent events (the count on connect, then each new notification).
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var link = document.querySelector('[data-notification-stream]');
    var count = link && link.querySelector('[data-unread-count]');
    if (!count || !window.EventSource) {
      return;
    }
    function show(n) {
      count.textContent = String(n);
      count.parentNode.classList.toggle('badge-accent', n > 0);
    }
    var stream = new EventSource(link.getAttribute('data-notification-stream'));
    stream.addEventListener('unread-count', function (e) { show(JSON.parse(e.data).count); });
    stream.addEventListener('notification', function (e) {
      show((parseInt(count.textContent, 10) || 0) + 1);
      var text = link.getAttribute('data-live-text') || '{0}';
      window.flowcrm.announce(text.replace('{0}', JSON.parse(e.data).title));
    });
    window.addEventListener('pagehide', function () { stream.close(); });
  });
})();
