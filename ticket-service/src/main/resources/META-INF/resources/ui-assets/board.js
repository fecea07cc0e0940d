// Drag and drop on the board: dropping a card on a column submits the card's own "Move" form with that
// column's stage, so dragging does exactly what the keyboard-accessible form does.
// Listened for on the board, not on each card, so that cards added live (live.js) drag as well.
const board = document.querySelector('.board');
board.addEventListener('dragstart', event => {
  const card = event.target.closest && event.target.closest('.card[draggable]');
  if (!card) return;
  event.dataTransfer.setData('text/plain', card.dataset.ticket);
  card.classList.add('dragging');
});
board.addEventListener('dragend', event => {
  const card = event.target.closest && event.target.closest('.card');
  if (card) card.classList.remove('dragging');
});
document.querySelectorAll('.column').forEach(column => {
  column.addEventListener('dragover', event => { event.preventDefault(); column.classList.add('over'); });
  column.addEventListener('dragleave', () => column.classList.remove('over'));
  column.addEventListener('drop', event => {
    event.preventDefault();
    column.classList.remove('over');
    const card = document.querySelector('.card[data-ticket="' + CSS.escape(event.dataTransfer.getData('text/plain')) + '"]');
    if (!card || card.closest('.column') === column) return;
    const form = card.querySelector('form.move');
    form.querySelector('select[name=stage]').value = column.dataset.stage;
    form.submit();
  });
});
