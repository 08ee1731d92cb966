// Read-only process diagram (camunda-cloud-navigated-viewer bundle, global BpmnNavigatedViewer):
// pan and zoom, and the element named by ?highlight=<elementId> marked, e.g. a deal's current step.
// Badges with waiting instances and incidents come from process-counts.js.
(function () {
  'use strict';

  var root = document.getElementById('viewer');
  var status = document.getElementById('viewer-status');
  var viewer = new window.BpmnNavigatedViewer({ container: root });
  window.flowcrm = Object.assign(window.flowcrm || {}, { viewer: viewer });

  fetch(root.dataset.diagramUrl, { headers: { Accept: 'application/xml' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.text();
    })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      var canvas = viewer.get('canvas');
      canvas.zoom('fit-viewport', 'auto');
      var highlight = root.dataset.highlight;
      if (highlight) {
        var element = viewer.get('elementRegistry').get(highlight);
        if (element) {
          canvas.addMarker(element, 'flowcrm-highlight');
          var name = element.businessObject && element.businessObject.name;
          status.textContent = root.dataset.highlightedMessage.replace('{0}', name || highlight);
        } else {
          status.textContent = root.dataset.missingMessage;
        }
      }
      return window.flowcrm.showProcessCounts(viewer, root);
    })
    .then(function () {
      root.dataset.state = 'ready';
    })
    .catch(function (error) {
      root.dataset.state = 'error';
      status.textContent = root.dataset.errorMessage + ' ' + error.message;
      console.error(error);
    });
})();
