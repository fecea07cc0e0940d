// Live updates over server-sent events. The pages work without this script: it only shows what another
// agent or the client did meanwhile, so that nobody answers the same client twice.
(() => {
  const root = document.querySelector('[data-live]');
  if (!root || !window.EventSource) return;
  const banner = document.getElementById('live-banner');
  const source = new EventSource(root.dataset.live);
  let interrupted = false;

  function tell(text) {
    banner.querySelector('.text').textContent = text;
    banner.hidden = false;
  }

  function highlight(element) {
    element.classList.add('fresh');
    setTimeout(() => element.classList.remove('fresh'), 4000);
  }

  // data-live-state says whether updates are flowing (tests wait for "open").
  source.addEventListener('error', () => {
    interrupted = true;
    root.dataset.liveState = 'interrupted';
  });
  source.addEventListener('open', () => {
    if (interrupted) tell('The live connection was interrupted; reload to be sure you see everything.');
    interrupted = false;
    root.dataset.liveState = 'open';
  });

  // Ticket page: a new note appears above the reply box; other changes ask for a reload.
  source.addEventListener('note', event => {
    const note = JSON.parse(event.data);
    if (!document.querySelector('[data-note="' + CSS.escape(note.noteId) + '"]')) {
      const template = document.createElement('template');
      template.innerHTML = note.html.trim();  // rendered and escaped by the server's own template
      const section = template.content.firstElementChild;
      document.querySelector('form.reply').before(section);
      highlight(section);
      tell('New message from ' + note.author + '.');
    }
    // The note is on screen, so the page's forms may carry its version; a gap means a missed change.
    const version = Number(root.dataset.version);
    if (note.version === version + 1) {
      root.dataset.version = note.version;
      document.querySelectorAll('input[name=version]').forEach(input => { input.value = note.version; });
    }
  });
  source.addEventListener('changed', event => {
    const change = JSON.parse(event.data);
    if (root.classList.contains('board')) {
      updateCard(change);
    } else if (change.version > Number(root.dataset.version)) {  // not what this page already shows
      tell(change.text + ' Reload to see it.');
    }
  });

  // Board: a moved card moves; other changes update the card or ask for a reload.
  function card(number) {
    return document.querySelector('.card[data-ticket="' + CSS.escape(number) + '"]');
  }

  function setVersion(element, version) {
    const input = element.querySelector('input[name=version]');
    if (Number(input.value) < version) input.value = version;
  }

  function recount() {
    document.querySelectorAll('.column').forEach(column => {
      column.querySelector('.count').textContent = column.querySelectorAll('.card').length;
    });
  }

  function updateCard(change) {
    const element = change.number && card(change.number);
    if (!element) {
      if (change.text) tell(change.text + '. Reload to see it.');
      return;
    }
    setVersion(element, change.version);
    if (change.title) element.querySelector('a').lastChild.textContent = ' ' + change.title;
    if (change.unread !== null && change.unread !== undefined) element.classList.toggle('unread', change.unread);
  }

  // Board: a ticket created meanwhile appears on top of its column, drawn from the page's own card template.
  source.addEventListener('created', event => {
    const ticket = JSON.parse(event.data);
    const column = [...document.querySelectorAll('.column')].find(c => c.dataset.stage === ticket.stage);
    const template = document.getElementById('new-card');
    if (card(ticket.number) || !template) return;
    if (!column) {
      tell('New ticket ' + ticket.number + ': ' + ticket.title + '. Reload to see it.');
      return;
    }
    const element = template.content.firstElementChild.cloneNode(true);
    element.dataset.ticket = ticket.number;
    element.classList.toggle('unread', ticket.unread);
    const link = element.querySelector('a');
    link.href = '/ui/tickets/' + encodeURIComponent(ticket.id);
    link.querySelector('.number').textContent = ticket.number;
    link.querySelector('.title').textContent = ticket.title;
    element.querySelector('.client').textContent = ticket.client;
    element.querySelector('.priority').textContent = ticket.priority;
    const form = element.querySelector('form.move');
    form.action = '/ui/tickets/' + encodeURIComponent(ticket.id) + '/stage';
    form.querySelector('input[name=version]').value = ticket.version;
    const select = form.querySelector('select[name=stage]');
    select.id = 'move-' + ticket.id;
    select.value = ticket.stage;
    const label = form.querySelector('label');
    label.htmlFor = select.id;
    label.textContent = 'Move ' + ticket.number + ' to';
    column.querySelector('h2').after(element);
    recount();
    highlight(element);
    tell('New ticket ' + ticket.number + ': ' + ticket.title + '.');
  });

  source.addEventListener('moved', event => {
    const move = JSON.parse(event.data);
    const element = card(move.number);
    const column = [...document.querySelectorAll('.column')].find(c => c.dataset.stage === move.stage);
    if (!element || !column) {
      tell(move.number + ' moved to ' + move.stage + '. Reload to see it.');
      return;
    }
    setVersion(element, move.version);
    element.querySelector('select[name=stage]').value = move.stage;
    if (element.closest('.column') !== column) {
      column.querySelector('h2').after(element);
      recount();
      highlight(element);
    }
  });
})();
