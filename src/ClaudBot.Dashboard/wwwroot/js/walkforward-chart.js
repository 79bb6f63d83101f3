// A walk-forward's stitched out-of-sample curve of one symbol against buy and hold (and the default parameters where
// the strategy has them), drawn with uPlot (vendored, global uPlot) as the job page's equity chart is: each curve
// relative to its first day. A dashed line marks the start of each window's out-of-sample part, where the pick
// changes; the lines are elements over the plot (not canvas strokes) so each carries its window's date as a tooltip.
import { element } from './format.js';

const day = (iso) => Date.parse(`${iso}T00:00:00Z`) / 1000;
const relative = (equity) => equity.map((v) => (v == null ? null : v / equity[0]));
const change = (u, v) => (v == null ? '–' : `${((v - 1) * 100).toFixed(1)}%`);

let chart = null;

// Keeps one marker per window over the plot, moved to its date on every redraw (the plot's width changes on resize).
function boundaryMarkers(windows) {
  const boundaries = windows.map((w) => ({ x: day(w.out_first), label: `window ${w.index + 1}: out of sample from ${w.out_first}` }));
  let markers = [];
  return {
    hooks: {
      draw: (u) => {
        if (markers.length === 0) {
          markers = boundaries.map((b) => element('div', { className: 'wf-boundary', title: b.label }));
          u.over.append(...markers);
        }
        boundaries.forEach((b, i) => {
          markers[i].style.left = `${u.valToPos(b.x, 'x')}px`;
        });
      },
    },
  };
}

function width(container) {
  return Math.max(260, container.clientWidth - 10);
}

export function drawWalkForwardChart(container, symbol) {
  chart?.destroy();
  container.replaceChildren();
  const line = (label, stroke, extra = {}) => ({ label, stroke, width: 1.5, points: { show: false }, value: change, ...extra });
  const series = [{}, line('Walk-forward', '#2563eb', { width: 2 })];
  const data = [symbol.dates.map(day), relative(symbol.stitched.equity)];
  if (symbol.defaults) {
    series.push(line('Defaults', '#d97706', { dash: [2, 3] }));
    data.push(relative(symbol.defaults.equity));
  }
  series.push(line('Buy & hold', '#9ca3af', { dash: [6, 4] }));
  data.push(relative(symbol.buy_hold.equity));
  const w = width(container);
  chart = new uPlot({
    width: w,
    height: Math.round(Math.min(320, Math.max(200, w * 0.45))),
    scales: { x: { time: true } },
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    series,
    axes: [{}, { values: (u, values) => values.map((v) => `${((v - 1) * 100).toFixed(0)}%`), size: 52 }],
    plugins: [boundaryMarkers(symbol.windows)],
  }, data, container);
  return chart;
}

export function resizeWalkForwardChart(container) {
  chart?.setSize({ width: width(container), height: chart.height });
}
