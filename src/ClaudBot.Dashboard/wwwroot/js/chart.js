// The equity and drawdown chart of one result against buy and hold, drawn with uPlot (vendored, global uPlot).
// The results file has no daily equity, so the curve is rebuilt from the trades: equity steps by
// (1 + return) at each trade's exit; buy and hold follows the prices the trades record (entries and exits).
const day = (iso) => Date.parse(`${iso}T00:00:00Z`) / 1000;

export function equitySeries(result) {
  const trades = [...(result.trades ?? [])].sort((a, b) => a.exit_date.localeCompare(b.exit_date));
  const prices = [];
  for (const t of result.trades ?? []) {
    prices.push([day(t.entry_date), t.entry_price], [day(t.exit_date), t.exit_price]);
  }
  prices.sort((a, b) => a[0] - b[0]);

  const times = new Set([day(result.from), day(result.to)]);
  for (const [time] of prices) times.add(time);
  const xs = [...times].sort((a, b) => a - b);

  const equity = [];
  const hold = [];
  let value = 1;
  let next = 0;
  let p = 0;
  const base = prices.length ? prices[0][1] : null;
  for (const x of xs) {
    while (next < trades.length && day(trades[next].exit_date) <= x) value *= 1 + trades[next++].return;
    equity.push(value);
    while (p + 1 < prices.length && prices[p + 1][0] <= x) p++;
    hold.push(base && prices.length && x >= prices[0][0] ? prices[p][1] / base : (base ? 1 : null));
  }
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
  const stepped = uPlot.paths.stepped({ align: 1 });
  const common = { width, scales: { x: { time: true } }, legend: { show: true }, cursor: { drag: { x: false, y: false } } };
  const equityChart = new uPlot({
    ...common,
    height: Math.round(Math.min(320, Math.max(200, width * 0.45))),
    series: [{}, { label: 'Strategy', stroke: '#2563eb', width: 2, paths: stepped, points: { show: false }, value: (u, v) => (v == null ? '–' : `${((v - 1) * 100).toFixed(1)}%`) },
      { label: 'Buy & hold', stroke: '#9ca3af', width: 1.5, points: { show: false }, value: (u, v) => (v == null ? '–' : `${((v - 1) * 100).toFixed(1)}%`) }],
    axes: [{}, { values: (u, values) => values.map((v) => `${((v - 1) * 100).toFixed(0)}%`), size: 52 }],
  }, [data.xs, data.equity, data.hold], container);
  const drawdownChart = new uPlot({
    ...common,
    height: 140,
    series: [{}, { label: 'Drawdown', stroke: '#dc2626', fill: 'rgba(220,38,38,.15)', width: 1.5, paths: stepped, points: { show: false }, value: (u, v) => (v == null ? '–' : `${(v * 100).toFixed(1)}%`) },
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
