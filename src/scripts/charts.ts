/**
 * Draws the charts of a page with Chart.js (bundled, only the parts used).
 * Each chart's numbers come from its figure's data-chart attribute (no inline
 * script); the data table stays in the page for screen readers and print.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip);

interface Series {
  label: string;
  values: (number | null)[];
  text: string[];
}
interface ChartData {
  kind: 'bar' | 'doughnut';
  stacked: boolean;
  categories: string[];
  series: Series[];
  title: string;
}

/** Colour-blind-safe palette (Okabe–Ito, darkened for contrast on white). */
const COLOURS = ['#0b5394', '#c0504d', '#2e7d32', '#b26b00', '#6a3d9a', '#00838f', '#ad1457', '#5d4037', '#455a64', '#827717'];

const FONT = getComputedStyle(document.body).fontFamily;
Chart.defaults.font.family = FONT;
Chart.defaults.color = '#1b1b1b';
Chart.defaults.animation = false;

function config(data: ChartData): ChartConfiguration {
  const tooltip = {
    callbacks: {
      label: (ctx: { datasetIndex: number; dataIndex: number; dataset: { label?: string } }) => {
        const s = data.series[ctx.datasetIndex];
        const text = s?.text[ctx.dataIndex] ?? '';
        return data.kind === 'doughnut' ? ` ${data.categories[ctx.dataIndex]}：${text}` : ` ${ctx.dataset.label ?? ''}：${text}`;
      },
    },
  };
  if (data.kind === 'doughnut') {
    return {
      type: 'doughnut',
      data: {
        labels: data.categories,
        datasets: data.series.map((s) => ({
          label: s.label,
          data: s.values.map((v) => v ?? 0),
          backgroundColor: data.categories.map((_, i) => COLOURS[i % COLOURS.length]!),
          borderColor: '#fff',
          borderWidth: 2,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom' }, tooltip },
      },
    } as ChartConfiguration;
  }
  return {
    type: 'bar',
    data: {
      labels: data.categories,
      datasets: data.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: COLOURS[i % COLOURS.length]!,
        maxBarThickness: 56,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: data.series.length > 1, position: 'bottom' }, tooltip },
      scales: {
        x: { stacked: data.stacked, grid: { display: false } },
        y: { stacked: data.stacked, beginAtZero: true, title: { display: true, text: '万元' } },
      },
    },
  } as ChartConfiguration;
}

for (const box of document.querySelectorAll<HTMLElement>('[data-chart]')) {
  const canvas = box.querySelector('canvas');
  const figure = box.closest('figure');
  if (!canvas || !figure) continue;
  try {
    const data = JSON.parse(box.dataset.chart ?? '') as ChartData;
    box.hidden = false;
    new Chart(canvas, config(data));
    figure.classList.add('is-drawn');
    // The data table is now only for screen readers and print: keep it out of the tab order.
    figure.querySelector('.chart__data')?.removeAttribute('tabindex');
  } catch (error) {
    box.hidden = true;
    console.warn('图表绘制失败', error);
  }
}

// Redraw at print size and back, so printed charts fit the A4 column.
window.addEventListener('beforeprint', () => {
  for (const id in Chart.instances) Chart.instances[id]?.resize();
});
window.addEventListener('afterprint', () => {
  for (const id in Chart.instances) Chart.instances[id]?.resize();
});
