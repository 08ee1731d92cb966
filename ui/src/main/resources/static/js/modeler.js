// The process modeler page: the Camunda 8 distribution of bpmn-js (global BpmnModeler from
// camunda-bpmn-js's camunda-cloud-modeler bundle) with the Zeebe properties panel and our element
// templates. Deploy saves the XML into the deploy form and lets htmx post it; the server answers
// with a fragment (new version, or the engine's problem detail and the elements it names).
(function () {
  'use strict';

  var root = document.getElementById('modeler');
  var status = document.getElementById('modeler-status');
  var form = document.getElementById('deploy-form');
  var result = document.getElementById('deploy-result');
  var ERROR_MARKER = 'flowcrm-error';

  var modeler = new window.BpmnModeler({
    container: '#canvas',
    propertiesPanel: { parent: '#properties' }
  });
  window.flowcrm = Object.assign(window.flowcrm || {}, { modeler: modeler });

  // Templates the modeler refuses (bad JSON schema, unsupported version) are named, not hidden.
  modeler.on('elementTemplates.errors', function (event) {
    var errors = event.errors || [];
    console.warn('Element templates refused', errors);
    status.textContent = root.dataset.templateErrorsMessage + ' ' +
      errors.map(function (e) { return e.message; }).join('; ');
  });

  function fetchOk(url, type) {
    return fetch(url, { headers: { Accept: type } }).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ': HTTP ' + response.status);
      }
      return response;
    });
  }

  function load() {
    return Promise.all([
      fetchOk(root.dataset.diagramUrl, 'application/xml').then(function (r) { return r.text(); }),
      fetchOk(root.dataset.templatesUrl, 'application/json').then(function (r) { return r.json(); })
    ]).then(function (loaded) {
      modeler.get('elementTemplatesLoader').setTemplates(loaded[1]);
      return modeler.importXML(loaded[0]);
    }).then(function (imported) {
      modeler.get('canvas').zoom('fit-viewport', 'auto');
      if (imported.warnings && imported.warnings.length) {
        console.warn('BPMN import warnings', imported.warnings);
      }
      // running instances and incidents per element of the latest deployed version, as badges
      return window.flowcrm.showProcessCounts(modeler, root);
    }).then(function () {
      root.dataset.state = 'ready';
      var button = document.getElementById('deploy-button');
      if (button) {
        button.disabled = false;
      }
    }).catch(function (error) {
      root.dataset.state = 'error';
      status.textContent = root.dataset.errorMessage + ' ' + error.message;
      console.error(error);
    });
  }

  function clearErrorMarkers() {
    var canvas = modeler.get('canvas');
    modeler.get('elementRegistry').forEach(function (element) {
      canvas.removeMarker(element, ERROR_MARKER);
    });
  }

  function markErrors() {
    var problem = result.querySelector('[data-error-elements]');
    if (!problem) {
      return;
    }
    var registry = modeler.get('elementRegistry');
    var canvas = modeler.get('canvas');
    problem.dataset.errorElements.split(' ').forEach(function (id) {
      if (id && registry.get(id)) {
        canvas.addMarker(id, ERROR_MARKER);
      }
    });
  }

  if (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrorMarkers();
      result.textContent = '';
      modeler.saveXML({ format: true }).then(function (saved) {
        form.elements.xml.value = saved.xml;
        window.htmx.trigger(form, 'deploy');
      }).catch(function (error) {
        result.textContent = error.message;
      });
    });
    // A response htmx does not swap (5xx, 4xx other than 422) or no response at all.
    function failed(event) {
      var xhr = event.detail.xhr;
      var code = xhr && xhr.status ? String(xhr.status) : '-';
      result.innerHTML = '';
      var box = document.createElement('div');
      box.className = 'flash flash-error';
      box.textContent = root.dataset.deployFailedMessage.replace('{0}', code);
      result.appendChild(box);
      window.flowcrm.announce(box.textContent);
    }
    form.addEventListener('htmx:responseError', failed);
    form.addEventListener('htmx:sendError', failed);
    document.body.addEventListener('htmx:afterSwap', function (event) {
      if (event.detail.target === result) {
        markErrors();
        window.flowcrm.announce(result.textContent.trim());
      }
    });
  }

  load();
})();
