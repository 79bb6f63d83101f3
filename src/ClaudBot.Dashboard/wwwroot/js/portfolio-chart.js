// A portfolio's account against the equal-weight buy and hold of its symbols, each relative to its first day, and
// below it the positions held each day (a stepped line up to max positions), drawn with uPlot (vendored, global uPlot)
// as the job page's equity chart is. Each container keeps its own charts, so the overview's form and a portfolio job's
// page draw with the same code.
const day = (iso) => Date.parse(`${iso}T00:00:00Z`) / 1000;
const relative = (equity) => equity.map((v) => (v == null ? null : v / equity[0]));
const change = (u, v) => (v == null ? '–' : `${((v - 1) * 100).toFixed(1)}%`);

const drawn = new Map(); // container -> its two uPlot charts
let resizeTimer = 0;

const width = (container) => Math.max(260, container.clientWidth - 10);

export function clearPortfolioChart(container) {
  for (const chart of drawn.get(container) ?? []) chart.destroy();
  drawn.delete(container);
  container.replaceChildren();
  delete container.dataset.drawn;
}

export function drawPortfolioChart(container, view) {
  clearPortfolioChart(container);
  const xs = view.dates.map(day);
  const w = width(container);
  const common = { width: w, scales: { x: { time: true } }, legend: { show: true }, cursor: { drag: { x: false, y: false } } };
  const line = (label, stroke, extra = {}) => ({ label, stroke, width: 1.5, points: { show: false }, value: change, ...extra });
  const equity = new uPlot({
    ...common,
    height: Math.round(Math.min(320, Math.max(200, w * 0.45))),
    series: [{}, line('Portfolio', '#2563eb', { width: 2 }), line('Equal-weight buy & hold', '#9ca3af', { dash: [6, 4] })],
    axes: [{}, { values: (u, values) => values.map((v) => `${((v - 1) * 100).toFixed(0)}%`), size: 52 }],
  }, [xs, relative(view.equity), relative(view.buy_hold_equity)], container);
  const positions = new uPlot({
    ...common,
    height: 110,
    series: [{}, {
      label: 'Positions held', stroke: '#d97706', fill: 'rgba(217,119,6,.15)', width: 1.5, points: { show: false },
      paths: uPlot.paths.stepped({ align: 1 }), value: (u, v) => (v == null ? '–' : String(v)),
    }],
    scales: { x: { time: true }, y: { range: () => [0, Math.max(1, view.max_positions)] } },
    axes: [{}, { size: 52, incrs: [1, 2, 5, 10, 20, 50, 100] }],
  }, [xs, view.positions], container);
  drawn.set(container, [equity, positions]);
  container.dataset.drawn = 'true';
  return [equity, positions];
}

window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    for (const [container, charts] of drawn) {
      for (const chart of charts) chart.setSize({ width: width(container), height: chart.height });
    }
  }, 150);
});
