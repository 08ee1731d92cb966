// Badges on a process diagram (viewer or modeler): per element of the latest deployed version, the
// instances waiting there now and the open incidents, from the engine's element statistics
// (GET <data-statistics-url>). Left out quietly when the reader may not see reports (403) or no
// engine answers: the diagram is still usable without them.
(function () {
  'use strict';

  function badge(className, count, label) {
    var span = document.createElement('span');
    span.className = 'analytics-badge ' + className;
    span.textContent = String(count);
    span.title = count + ' ' + label;
    return span;
  }

  function showProcessCounts(diagram, root) {
    if (!root.dataset.statisticsUrl) {
      return Promise.resolve();
    }
    return fetch(root.dataset.statisticsUrl, { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (counts) {
        var overlays = diagram.get('overlays');
        var registry = diagram.get('elementRegistry');
        overlays.remove({ type: 'counts' });
        counts.forEach(function (c) {
          var element = registry.get(c.elementId);
          if (!element || element.waypoints) {
            return;
          }
          var holder = document.createElement('div');
          holder.className = 'analytics-counts';
          holder.dataset.elementId = c.elementId;
          holder.style.width = element.width + 'px';
          holder.style.height = element.height + 'px';
          if (c.active > 0) {
            holder.appendChild(badge('analytics-waiting', c.active, root.dataset.waitingLabel));
          }
          if (c.incidents > 0) {
            holder.appendChild(badge('analytics-incidents', c.incidents, root.dataset.incidentsLabel));
          }
          overlays.add(c.elementId, 'counts', { position: { top: 0, left: 0 }, html: holder });
        });
      })
      .catch(function (error) { console.warn('No instance counts:', error.message); });
  }

  window.flowcrm = Object.assign(window.flowcrm || {}, { showProcessCounts: showProcessCounts });
})();
