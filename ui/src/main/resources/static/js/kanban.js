// Deal board: drag a card to another column to move the deal. The card's own form (stage select
// and button) does the same without script; this posts that form with fetch, so the server decides
// and a refusal (closed deal, stale card) is shown instead of moving the card.
(function () {
  'use strict';

  var board = document.querySelector('.board');
  var message = document.getElementById('board-message');
  if (!board) {
    return;
  }
  var dragged = null;

  function show(text) {
    message.textContent = text;
    message.className = 'board-message flash flash-error';
  }

  // "Show more" in a column: load its next cards in place instead of opening the filtered list.
  board.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-more-url]');
    if (!link) {
      return;
    }
    event.preventDefault();
    var item = link.closest('.board-more');
    link.setAttribute('aria-busy', 'true');
    fetch(link.dataset.moreUrl, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status + ' ' + response.statusText);
        }
        return response.text();
      })
      .then(function (html) {
        item.insertAdjacentHTML('beforebegin', html);
        item.remove();
      })
      .catch(function (error) {
        link.removeAttribute('aria-busy');
        show(message.dataset.failed || String(error));
      });
  });

  board.addEventListener('dragstart', function (event) {
    var card = event.target.closest && event.target.closest('.deal-card');
    if (!card) {
      return;
    }
    dragged = card;
    card.classList.add('dragging');
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', card.dataset.dealId);
  });

  board.addEventListener('dragend', function () {
    if (dragged) {
      dragged.classList.remove('dragging');
    }
    board.querySelectorAll('.drop-target').forEach(function (c) { c.classList.remove('drop-target'); });
  });

  board.addEventListener('dragover', function (event) {
    var column = event.target.closest && event.target.closest('.board-column');
    if (column && dragged) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      column.classList.add('drop-target');
    }
  });

  board.addEventListener('dragleave', function (event) {
    var column = event.target.closest && event.target.closest('.board-column');
    if (column && !column.contains(event.relatedTarget)) {
      column.classList.remove('drop-target');
    }
  });

  board.addEventListener('drop', function (event) {
    var column = event.target.closest && event.target.closest('.board-column');
    if (!column || !dragged) {
      return;
    }
    event.preventDefault();
    column.classList.remove('drop-target');
    var card = dragged;
    dragged = null;
    var from = card.closest('.board-column');
    if (from === column) {
      return;
    }
    var form = card.querySelector('.move-form');
    var data = new URLSearchParams(new FormData(form));
    data.set('stageId', column.dataset.stageId);
    var headers = Object.assign({ Accept: 'application/json' }, window.flowcrm.csrfHeaders());
    card.setAttribute('aria-busy', 'true');
    fetch(form.action, { method: 'POST', body: data, headers: headers, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (!result.ok) {
          card.removeAttribute('aria-busy');
          show(result.body.message);
          window.flowcrm.announce(result.body.message);
          return;
        }
        // Counts and sums come from the server: reload the board with the deal in its new column.
        window.location.reload();
      })
      .catch(function (error) {
        card.removeAttribute('aria-busy');
        show(message.dataset.failed || String(error));
      });
  });
})();
