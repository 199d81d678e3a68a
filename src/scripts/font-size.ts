/**
 * Font-size control (适老化): sets <html data-font-size="…"> and remembers the
 * choice in localStorage. Sizes are defined in global.css; everything is in rem.
 */
const KEY = 'jsgk-font-size';
const SIZES = ['normal', 'large', 'xlarge'] as const;
type Size = (typeof SIZES)[number];

function stored(): Size {
  try {
    const v = localStorage.getItem(KEY);
    return (SIZES as readonly string[]).includes(v ?? '') ? (v as Size) : 'normal';
  } catch {
    return 'normal';
  }
}

function apply(size: Size): void {
  if (size === 'normal') delete document.documentElement.dataset.fontSize;
  else document.documentElement.dataset.fontSize = size;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-font-size] button[data-size]')) {
    button.setAttribute('aria-pressed', String(button.dataset.size === size));
  }
}

apply(stored());
for (const group of document.querySelectorAll<HTMLElement>('[data-font-size]')) {
  group.hidden = false;
  group.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-size]');
    if (!button) return;
    const size = button.dataset.size as Size;
    try {
      localStorage.setItem(KEY, size);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    apply(size);
  });
}
