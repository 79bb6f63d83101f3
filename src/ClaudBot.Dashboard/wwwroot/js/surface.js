// The heatmap of a sweep over two parameters of one strategy: the median Sharpe across symbols for each pair of values,
// drawn as a table so every cell's number can be read and copied. Colours follow viridis (purple low, yellow high),
// the same map as the chat's picture.
import { element } from './format.js';

const stops = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];

export function viridis(t) {
  const at = Math.min(Math.max(t, 0), 1) * (stops.length - 1);
  const i = Math.min(Math.floor(at), stops.length - 2);
  const f = at - i;
  const [r, g, b] = stops[i].map((c, k) => Math.round(c + (stops[i + 1][k] - c) * f));
  return { css: `rgb(${r}, ${g}, ${b})`, light: (0.299 * r + 0.587 * g + 0.114 * b) > 140 };
}

// portfolio: a portfolio job's surface, whose lanes are position counts rather than symbols.
export function renderSurface(surface, table, title, portfolio = false) {
  const values = surface.median.flat().filter((v) => v !== null && v !== undefined);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const lane = portfolio ? 'position count' : 'symbol';
  const across = surface.symbols === 1 ? `on its ${lane}` : `median across ${surface.symbols} ${lane}s`;
  title.textContent = `${surface.strategy}: ${surface.metric} by ${surface.x} and ${surface.y} (${across})`;
  const head = element('tr', {}, element('th', {}, `${surface.y} \\ ${surface.x}`), ...surface.xs.map((x) => element('th', {}, String(x))));
  // The largest value of the parameter down comes first, so values grow upwards as on the chat's picture.
  const body = surface.ys.map((y, row) => ({ y, row })).reverse().map(({ y, row }) => element('tr', {},
    element('th', {}, String(y)),
    ...surface.xs.map((x, column) => {
      const value = surface.median[row][column];
      if (value === null || value === undefined) return element('td', { className: 'missing', title: `${surface.x} ${x}, ${surface.y} ${y}: no result` }, '');
      const colour = viridis(high === low ? 0.5 : (value - low) / (high - low));
      const cell = element('td', { title: `${surface.x} ${x}, ${surface.y} ${y}` }, value.toFixed(2));
      cell.style.background = colour.css;
      cell.style.color = colour.light ? '#000' : '#fff';
      return cell;
    })));
  table.replaceChildren(element('thead', {}, head), element('tbody', {}, ...body));
}
