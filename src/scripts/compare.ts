/**
 * The comparison page (部门对比): reads the choice from the address
 * (?year=2022&b=a,b), loads compare/data/<year>.json and shows the chosen
 * bureaus side by side. Every figure is computed at build time; this script
 * only chooses columns and keeps the address in step with the form.
 */
interface CompareData {
  year: string;
  measures: { key: string; label: string; unit: string }[];
  bureaus: { id: string; name: string; shortName: string; href: string; cells: string[] }[];
  notes: string[];
}

const form = document.querySelector<HTMLFormElement>('#compare-form');
const statusEl = document.querySelector<HTMLElement>('#compare-status');
const result = document.querySelector<HTMLElement>('#compare-result');
const yearSelect = document.querySelector<HTMLSelectElement>('#compare-year');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** The bureaus in the address: b=a,b or b=a&b=b. */
function chosenFromUrl(params: URLSearchParams): string[] {
  return params
    .getAll('b')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

const cache = new Map<string, Promise<CompareData>>();
function load(year: string): Promise<CompareData> {
  let p = cache.get(year);
  if (!p) {
    p = fetch(form!.dataset.json!.replace('YEAR', year)).then((r) => {
      if (!r.ok) throw new Error(`${r.status}`);
      return r.json() as Promise<CompareData>;
    });
    cache.set(year, p);
  }
  return p;
}

function boxes(): HTMLInputElement[] {
  return [...form!.querySelectorAll<HTMLInputElement>('input[name="b"]')];
}

/** Show only the bureaus that have the year; keep the address in step. */
function syncForm(year: string, chosen: string[]) {
  for (const box of boxes()) {
    const item = box.closest('li')!;
    const has = (item.dataset.years ?? '').split(' ').includes(year);
    item.hidden = !has;
    box.checked = has && chosen.includes(box.value);
  }
}

function currentChoice(): { year: string; chosen: string[] } {
  const year = yearSelect!.value;
  const chosen = boxes()
    .filter((b) => b.checked && !b.closest('li')!.hidden)
    .map((b) => b.value);
  return { year, chosen };
}

function writeUrl(year: string, chosen: string[]) {
  const query = `?year=${encodeURIComponent(year)}${chosen.length ? `&b=${chosen.map(encodeURIComponent).join(',')}` : ''}`;
  history.replaceState(null, '', `${location.pathname}${query}`);
}

async function render(year: string, chosen: string[]) {
  result!.replaceChildren();
  if (chosen.length === 0) {
    statusEl!.textContent = `请选择 ${year} 年度要对比的部门。`;
    return;
  }
  statusEl!.textContent = '正在载入…';
  let data: CompareData;
  try {
    data = await load(year);
  } catch {
    statusEl!.textContent = `无法载入 ${year} 年度的数据。`;
    return;
  }
  const picked = chosen.map((id) => data.bureaus.find((b) => b.id === id)).filter((b): b is CompareData['bureaus'][number] => b !== undefined);
  statusEl!.textContent = `${year} 年度：已选 ${picked.length} 个部门。`;
  const scroll = el('div', undefined, { class: 'table-scroll', role: 'region', 'aria-labelledby': 'compare-caption', tabindex: '0' });
  const table = el('table', undefined, { class: 'data compare-table', id: 'compare-table' });
  table.append(el('caption', `${year} 年度部门对比（${picked.map((b) => b.shortName).join('、')}）`, { id: 'compare-caption' }));
  const head = el('tr');
  head.append(el('th', '项目', { scope: 'col' }));
  for (const b of picked) {
    const th = el('th', undefined, { scope: 'col', class: 'num' });
    th.append(el('a', b.name, { href: b.href }));
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  data.measures.forEach((m, i) => {
    const tr = el('tr');
    tr.append(el('th', `${m.label}（${m.unit}）`, { scope: 'row' }));
    for (const b of picked) tr.append(el('td', b.cells[i] ?? '—', { class: 'num' }));
    tbody.append(tr);
  });
  table.append(thead, tbody);
  scroll.append(table);
  result!.append(scroll, ...data.notes.map((n) => el('p', `注：${n}`, { class: 'table-notes' })));
}

function update() {
  const { year, chosen } = currentChoice();
  writeUrl(year, chosen);
  void render(year, chosen);
}

if (form && statusEl && result && yearSelect) {
  const params = new URLSearchParams(location.search);
  const wanted = params.get('year');
  if (wanted && [...yearSelect.options].some((o) => o.value === wanted)) yearSelect.value = wanted;
  syncForm(yearSelect.value, chosenFromUrl(params));
  void render(yearSelect.value, currentChoice().chosen);
  yearSelect.addEventListener('change', () => {
    syncForm(yearSelect.value, currentChoice().chosen);
    update();
  });
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).matches('input[name="b"]')) update();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
}
