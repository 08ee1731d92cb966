// Process analytics heat map (camunda-cloud-navigated-viewer bundle, global BpmnNavigatedViewer):
// the deployed diagram with, per element of the table, a coloured layer (by instances waiting now
// or by median time spent, relative to the busiest element) and badges with the waiting and
// incident counts. The figures come from the server-rendered table, so the page needs no second
// request and reads the same numbers the table shows.
(function () {
  'use strict';

  // picking another version shows it at once (the button is there for pages without script)
  var version = document.getElementById('analytics-version');
  if (version) {
    version.addEventListener('change', function () { version.form.submit(); });
  }

  var root = document.getElementById('viewer');
  if (!root) {
    return;
  }
  var status = document.getElementById('viewer-status');
  var viewer = new window.BpmnNavigatedViewer({ container: root });
  window.flowcrm = Object.assign(window.flowcrm || {}, { viewer: viewer });

  function figures() {
    return Array.prototype.map.call(
      document.querySelectorAll('td[data-element-id]'),
      function (cell) {
        return {
          id: cell.dataset.elementId,
          waiting: Number(cell.dataset.waiting || 0),
          incidents: Number(cell.dataset.incidents || 0),
          median: cell.dataset.medianMs === '' ? null : Number(cell.dataset.medianMs)
        };
      });
  }

  function badge(className, count, label) {
    var span = document.createElement('span');
    span.className = 'analytics-badge ' + className;
    span.textContent = String(count);
    span.title = count + ' ' + label;
    return span;
  }

  function paint(by) {
    var overlays = viewer.get('overlays');
    var registry = viewer.get('elementRegistry');
    overlays.remove({ type: 'analytics' });
    var rows = figures();
    var max = rows.reduce(function (m, r) {
      var v = by === 'median' ? r.median : r.waiting;
      return v != null && v > m ? v : m;
    }, 0);
    rows.forEach(function (r) {
      var element = registry.get(r.id);
      if (!element || element.waypoints) {
        return;
      }
      var value = by === 'median' ? r.median : r.waiting;
      var heat = document.createElement('div');
      heat.className = 'analytics-heat';
      heat.dataset.elementId = r.id;
      heat.style.width = element.width + 'px';
      heat.style.height = element.height + 'px';
      // 0 = cool (transparent) … 1 = the hottest element (opaque red)
      var share = max > 0 && value != null ? value / max : 0;
      heat.style.backgroundColor = 'rgba(214, 40, 40, ' + (0.08 + 0.5 * share).toFixed(2) + ')';
      heat.dataset.heat = share.toFixed(2);
      if (r.waiting > 0) {
        heat.appendChild(badge('analytics-waiting', r.waiting, root.dataset.waitingLabel));
      }
      if (r.incidents > 0) {
        heat.appendChild(badge('analytics-incidents', r.incidents, root.dataset.incidentsLabel));
      }
      overlays.add(r.id, 'analytics', { position: { top: 0, left: 0 }, html: heat });
    });
  }

  fetch(root.dataset.diagramUrl, { headers: { Accept: 'application/xml' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.text();
    })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      viewer.get('canvas').zoom('fit-viewport', 'auto');
      var checked = document.querySelector('input[name=colour]:checked');
      paint(checked ? checked.value : 'waiting');
      document.querySelectorAll('input[name=colour]').forEach(function (input) {
        input.addEventListener('change', function () { paint(input.value); });
      });
      root.dataset.state = 'ready';
    })
    .catch(function (error) {
      root.dataset.state = 'error';
      status.textContent = root.dataset.errorMessage + ' ' + error.message;
      console.error(error);
    });
})();
