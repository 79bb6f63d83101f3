// A portfolio's answer (POST /api/portfolio, docs/portfolio.md) on the overview, worded as the chat's reply
// (PortfolioSummary): the settings and the verdict against the equal-weight buy and hold, the two rows of figures,
// exposure and positions, the chart, each traded symbol's contribution (largest P&L first) and the trades (the last
// 50 in a collapsed box, with the count). Every text from the answer goes in as text, never HTML.
import { element, number, percent, rupees } from './format.js';
import { drawPortfolioChart, clearPortfolioChart } from './portfolio-chart.js';

const SHOWN_TRADES = 50;
const result = document.getElementById('pf-result');
const cell = (text, className = 'num') => element('td', { className, textContent: text });

// One row of the figures table; buy and hold has no trades or turnover of its own to show, as in the chat.
export function figureCells(name, f, own) {
  return [
    name,
    percent(f.total_return),
    percent(f.cagr),
    number(f.sharpe),
    percent(f.max_drawdown),
    own ? String(f.trades) : '–',
    rupees(f.fees),
    own ? `${number(f.turnover)}×` : '–',
  ];
}

function figureRow(name, f, own) {
  const [label, ...figures] = figureCells(name, f, own);
  return element('tr', {}, element('th', { textContent: label, scope: 'row' }), ...figures.map((text) => cell(text)));
}

function summary(view) {
  const mine = view.portfolio.total_return;
  const hold = view.buy_hold.total_return;
  const verdict = mine != null && hold != null && mine >= hold ? 'beat' : 'trailed';
  return `Portfolio of ${view.strategy} on ${view.symbols} symbols, at most ${view.max_positions} positions (${view.size}, ranked by ${view.rank}), `
    + `${view.from} to ${view.to}: return ${percent(mine)} ${verdict} the equal-weight buy and hold's ${percent(hold)}.`;
}

function tradeRow(t) {
  const ret = cell(percent(t.return));
  ret.classList.add(t.return >= 0 ? 'pos' : 'neg');
  return element('tr', {},
    cell(t.symbol, ''), cell(t.entry_date, ''), cell(number(t.entry_price)), cell(t.exit_date, ''), cell(number(t.exit_price)),
    cell(Number.isInteger(t.shares) ? String(t.shares) : number(t.shares, 4)), cell(rupees(t.fees)), ret, cell(t.reason, ''));
}

export function renderPortfolio(view) {
  document.getElementById('pf-summary').textContent = summary(view);
  document.querySelector('#pf-figures tbody').replaceChildren(figureRow('portfolio', view.portfolio, true), figureRow('buy & hold', view.buy_hold, false));
  document.getElementById('pf-exposure').textContent = `Invested ${percent(view.mean_exposure)} of the time on average; `
    + `${number(view.mean_positions, 1)} positions held on average, at most ${view.max_positions_held}.`;
  document.getElementById('pf-notes').replaceChildren(...view.notes.map((note) => element('p', { className: 'notes', textContent: note })));

  const traded = view.contribution.filter((c) => c.trades > 0).sort((a, b) => b.profit_loss - a.profit_loss);
  document.querySelector('#pf-contribution tbody').replaceChildren(...traded.map((c) => {
    const row = element('tr', {}, cell(c.symbol, ''), cell(rupees(c.profit_loss)), cell(percent(c.share)), cell(String(c.trades)));
    row.cells[1].classList.add(c.profit_loss >= 0 ? 'pos' : 'neg');
    row.dataset.symbol = c.symbol;
    return row;
  }));

  const last = view.trades.slice(-SHOWN_TRADES);
  const count = view.trades.length;
  document.getElementById('pf-trades-count').textContent = count > last.length
    ? `Trades: ${count} (the last ${last.length} shown)` : `Trades: ${count}`;
  document.querySelector('#pf-trades tbody').replaceChildren(...last.map(tradeRow));

  result.hidden = false; // before the chart: uPlot sizes it to the visible container
  drawPortfolioChart(document.getElementById('pf-chart'), view);
}

export function clearPortfolio() {
  result.hidden = true;
  clearPortfolioChart(document.getElementById('pf-chart'));
}
