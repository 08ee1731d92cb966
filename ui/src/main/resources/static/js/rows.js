// Product rows of a deal, quote or invoice: totals while typing (the server recalculates on save
// and is what is stored), product search by first letters filling name, price and tax from the
// catalog, and a new empty line once the last one is used (without script, saving adds one).
(function () {
  'use strict';

  var form = document.querySelector('.rows-form');
  if (!form) {
    return;
  }
  var locale = form.dataset.locale || 'en';
  var currency = form.dataset.currency || '';
  var suggestions = document.getElementById('product-suggestions');
  var found = {};
  var money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  function number(input) {
    var value = parseFloat(String(input.value || '').replace(',', '.'));
    return isNaN(value) ? 0 : value;
  }

  function round(value) {
    return Math.round(value * 100) / 100;
  }

  function recalculate() {
    var sum = 0;
    form.querySelectorAll('.product-row').forEach(function (row) {
      var name = row.querySelector('.row-name').value.trim();
      var cell = row.querySelector('.row-total');
      if (!name) {
        cell.textContent = '';
        return;
      }
      var gross = number(row.querySelector('.row-quantity')) * number(row.querySelector('.row-price'));
      var net = round(gross - gross * number(row.querySelector('.row-discount')) / 100);
      var total = round(net + round(net * number(row.querySelector('.row-tax')) / 100));
      cell.textContent = money.format(total) + ' ' + currency;
      sum += total;
    });
    document.getElementById('rows-sum').textContent = money.format(round(sum)) + ' ' + currency;
  }

  var pending = null;
  function suggest(input) {
    var q = input.value.trim();
    if (found[q]) {
      return;
    }
    if (pending) {
      window.clearTimeout(pending);
    }
    if (!q) {
      return;
    }
    pending = window.setTimeout(function () {
      fetch(form.dataset.suggestUrl + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (products) {
          suggestions.innerHTML = '';
          products.forEach(function (p) {
            found[p.name] = p;
            var option = document.createElement('option');
            option.value = p.name;
            option.textContent = p.price + ' ' + (p.currency || '');
            suggestions.appendChild(option);
          });
          form.dataset.suggested = String(products.length);
        });
    }, 150);
  }

  // A form whose currency can change (quote, invoice) marks its select; totals follow it.
  var currencySelect = form.querySelector('[data-rows-currency]');
  if (currencySelect) {
    currencySelect.addEventListener('change', function () {
      currency = currencySelect.value;
      recalculate();
    });
  }

  // Copies the last line as an empty one, numbered after it (rows[3].name → rows[4].name).
  function addLineAfter(last) {
    var index = form.querySelectorAll('.product-row').length;
    var line = last.cloneNode(true);
    line.classList.remove('field-invalid');
    line.querySelectorAll('.field-error').forEach(function (e) { e.remove(); });
    line.querySelectorAll('input').forEach(function (input) {
      input.name = input.name.replace(/rows\[\d+\]/, 'rows[' + index + ']');
      if (input.id) {
        input.id = input.id.replace(/^row-\d+-/, 'row-' + index + '-');
      }
      input.removeAttribute('aria-describedby');
      input.setAttribute('aria-invalid', 'false');
      input.value = input.classList.contains('row-quantity') ? '1'
        : input.classList.contains('row-discount') || input.classList.contains('row-tax') ? '0' : '';
    });
    line.querySelector('.row-total').textContent = '';
    var label = line.querySelector('label');
    if (label) {
      label.htmlFor = 'row-' + index + '-name';
    }
    last.parentNode.appendChild(line);
  }

  form.addEventListener('input', function (event) {
    var input = event.target;
    if (input.classList.contains('row-name') && input.value.trim()) {
      var rows = form.querySelectorAll('.product-row');
      var current = input.closest('.product-row');
      if (current === rows[rows.length - 1]) {
        addLineAfter(current);
      }
    }
    if (input.classList.contains('row-name')) {
      var row = input.closest('.product-row');
      var product = found[input.value];
      if (product) {
        row.querySelector('.row-product-id').value = product.id;
        row.querySelector('.row-price').value = product.price;
        row.querySelector('.row-tax').value = product.tax;
      } else {
        row.querySelector('.row-product-id').value = '';
        suggest(input);
      }
    }
    recalculate();
  });
})();
