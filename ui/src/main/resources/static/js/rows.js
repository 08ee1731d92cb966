// Product rows of a deal: totals while typing (the server recalculates on save and is what is
// stored), and product search by first letters filling name, price and tax from the catalog.
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

  form.addEventListener('input', function (event) {
    var input = event.target;
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
