// The equity and drawdown chart of one result against buy and hold, drawn with uPlot (vendored, global uPlot).
// The daily curves come from the API (GET /api/jobs/{id}/equity), which runs the result again with its
// equity: results files keep no daily equity.
const day = (iso) => Date.parse(`${iso}T00:00:00Z`) / 1000;

export function equitySeries(curves) {
  const xs = curves.dates.map(day);
  const equity = curves.equity.map((v) => v / curves.equity[0]);
  const hold = curves.buy_hold.map((v) => v / curves.buy_hold[0]);
  return { xs, equity, hold, drawdown: drawdown(equity), holdDrawdown: drawdown(hold) };
}

function drawdown(values) {
  let peak = -Infinity;
  return values.map((v) => {
    if (v == null) return null;
    peak = Math.max(peak, v);
    return v / peak - 1;
  });
}

const pct = (u, values) => values.map((v) => `${(v * 100).toFixed(0)}%`);

let charts = [];

export function drawChart(container, result) {
  const data = equitySeries(result);
  for (const chart of charts) chart.destroy();
  container.replaceChildren();
  const width = Math.max(260, container.clientWidth - 10);
  const common = { width, scales: { x: { time: true } }, legend: { show: true }, cursor: { drag: { x: false, y: false } } };
  const equityChart = new uPlot({
    ...common,
    height: Math.round(Math.min(320, Math.max(200, width * 0.45))),
    series: [{}, { label: 'Strategy', stroke: '#2563eb', width: 2, points: { show: false }, value: (u, v) => (v == null ? '–' : `${((v - 1) * 100).toFixed(1)}%`) },
      { label: 'Buy & hold', stroke: '#9ca3af', width: 1.5, dash: [6, 4], points: { show: false }, value: (u, v) => (v == null ? '–' : `${((v - 1) * 100).toFixed(1)}%`) }],
    axes: [{}, { values: (u, values) => values.map((v) => `${((v - 1) * 100).toFixed(0)}%`), size: 52 }],
  }, [data.xs, data.equity, data.hold], container);
  const drawdownChart = new uPlot({
    ...common,
    height: 140,
    series: [{}, { label: 'Drawdown', stroke: '#dc2626', fill: 'rgba(220,38,38,.15)', width: 1.5, points: { show: false }, value: (u, v) => (v == null ? '–' : `${(v * 100).toFixed(1)}%`) },
      { label: 'B&H drawdown', stroke: '#d1a3a3', width: 1, points: { show: false }, value: (u, v) => (v == null ? '–' : `${(v * 100).toFixed(1)}%`) }],
    scales: { x: { time: true }, y: { range: (u, min) => [Math.min(min, -0.01), 0] } },
    axes: [{}, { values: pct, size: 52 }],
  }, [data.xs, data.drawdown, data.holdDrawdown], container);
  charts = [equityChart, drawdownChart];
  return charts;
}

export function resizeCharts(container) {
  const width = Math.max(260, container.clientWidth - 10);
  for (const chart of charts) chart.setSize({ width, height: chart.height });
}
