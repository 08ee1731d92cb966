// Administration pages, the product catalog and the API tokens page: a button with data-confirm
// asks before its form is sent (the form works without this script; it only adds the question).
document.addEventListener('submit', (event) => {
  const question = event.submitter && event.submitter.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// "Copy" next to a web form's public URL and embed snippet, and a new API token: the text is selected either way, so
// without the clipboard API (or without script) the administrator copies it himself.
document.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-copy]');
  if (!button) {
    return;
  }
  const source = document.getElementById(button.getAttribute('data-copy'));
  source.select();
  const done = () => {
    const announcer = document.getElementById('announcer');
    if (announcer) {
      announcer.textContent = button.getAttribute('data-copied');
    }
    button.setAttribute('data-copied-at', String(Date.now()));
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(source.value).then(done, done);
  } else {
    document.execCommand('copy');
    done();
  }
});
