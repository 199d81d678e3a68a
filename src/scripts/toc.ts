/** Folds the table of contents on narrow screens (it stays open without JavaScript and on wide screens). */
const toc = document.querySelector<HTMLDetailsElement>('details[data-toc]');
if (toc && window.matchMedia('(max-width: 63.99rem)').matches) {
  toc.open = false;
  // Following a link in the folded contents closes it again.
  toc.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('a')) toc.open = false;
  });
}
