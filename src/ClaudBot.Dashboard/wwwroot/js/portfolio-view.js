// A portfolio's report (PortfolioView: POST /api/portfolio, GET /api/jobs/{id}/portfolio; docs/portfolio.md), shown by
// the overview's Portfolio form and a portfolio job's page alike, worded as the chat's reply (PortfolioSummary): the
// settings and the verdict against the equal-weight buy and hold, the two rows of figures, exposure and positions, the
// chart, each traded symbol's contribution (largest P&L first) and the trades (the last 50 in a collapsed box, with the
// count). It builds its own elements, each with an id of the page's prefix (pf-summary, pf-figures, ...), so both pages
// show the same report. Every text from the answer goes in as text, never HTML.
import { element, number, percent, rupees } from './format.js';
import { drawPortfolioChart, clearPortfolioChart } from './portfolio-chart.js';

const SHOWN_TRADES = 50;
const cell = (text, className = 'num') => element('td', { className, textContent: text });

// A table in a sideways-scrolling box (phones), its header from [text, numeric] pairs.
function table(id, headers) {
  const head = element('tr', {}, ...headers.map(([text, numeric]) => element('th', { className: numeric ? 'num' : '', textContent: text })));
  return element('div', { className: 'scroll' }, element('table', { id }, element('thead', {}, head), element('tbody')));
}

function markup(prefix) {
  const id = (name) => `${prefix}${name}`;
  const trades = element('details', { id: id('trades-box') },
    element('summary', { id: id('trades-count') }),
    table(id('trades'), [['Symbol'], ['Entry'], ['Price', true], ['Exit'], ['Price', true], ['Shares', true], ['Fees', true], ['Return', true], ['Reason']]));
  return [
    element('p', { id: id('summary') }),
    table(id('figures'), [[''], ['Return', true], ['CAGR', true], ['Sharpe', true], ['Max DD', true], ['Trades', true], ['Fees', true], ['Turnover', true]]),
    element('p', { id: id('exposure') }),
    element('div', { id: id('notes') }),
    element('div', { id: id('chart'), className: 'chart' }),
    element('h3', {}, 'Contribution ', element('small', { textContent: 'symbols that traded, largest P&L first' })),
    table(id('contribution'), [['Symbol'], ['P&L', true], ['of capital', true], ['Trades', true]]),
    trades,
  ];
}

// One row of the figures table; buy and hold has no trades or turnover of its own to show, as in the chat.
function figureCells(name, f, own) {
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
  return `Portfolio of ${view.strategy} on ${view.symbols} symbols, at most ${view.max_positions} position${view.max_positions === 1 ? '' : 's'} (${view.size}, ranked by ${view.rank}), `
    + `${view.from} to ${view.to}: return ${percent(mine)} ${verdict} the equal-weight buy and hold's ${percent(hold)}.`;
}

function tradeRow(t) {
  const ret = cell(percent(t.return));
  ret.classList.add(t.return >= 0 ? 'pos' : 'neg');
  return element('tr', {},
    cell(t.symbol, ''), cell(t.entry_date, ''), cell(number(t.entry_price)), cell(t.exit_date, ''), cell(number(t.exit_price)),
    cell(Number.isInteger(t.shares) ? String(t.shares) : number(t.shares, 4)), cell(rupees(t.fees)), ret, cell(t.reason, ''));
}

export class PortfolioReport {
  // root: the (hidden) element the report fills; prefix: its elements' ids start with it, e.g. 'pf-'.
  constructor(root, prefix) {
    this.root = root;
    this.prefix = prefix;
    root.replaceChildren(...markup(prefix));
  }

  find(name) {
    return this.root.querySelector(`#${this.prefix}${name}`);
  }

  render(view) {
    this.find('summary').textContent = summary(view);
    this.find('figures').tBodies[0].replaceChildren(figureRow('portfolio', view.portfolio, true), figureRow('buy & hold', view.buy_hold, false));
    this.find('exposure').textContent = `Invested ${percent(view.mean_exposure)} of the time on average; `
      + `${number(view.mean_positions, 1)} positions held on average, at most ${view.max_positions_held}.`;
    this.find('notes').replaceChildren(...view.notes.map((note) => element('p', { className: 'notes', textContent: note })));

    const traded = view.contribution.filter((c) => c.trades > 0).sort((a, b) => b.profit_loss - a.profit_loss);
    this.find('contribution').tBodies[0].replaceChildren(...traded.map((c) => {
      const row = element('tr', {}, cell(c.symbol, ''), cell(rupees(c.profit_loss)), cell(percent(c.share)), cell(String(c.trades)));
      row.cells[1].classList.add(c.profit_loss >= 0 ? 'pos' : 'neg');
      row.dataset.symbol = c.symbol;
      return row;
    }));

    const last = view.trades.slice(-SHOWN_TRADES);
    const count = view.trades.length;
    this.find('trades-count').textContent = count > last.length
      ? `Trades: ${count} (the last ${last.length} shown)` : `Trades: ${count}`;
    this.find('trades').tBodies[0].replaceChildren(...last.map(tradeRow));

    this.root.hidden = false; // before the chart: uPlot sizes it to the visible container
    drawPortfolioChart(this.find('chart'), view);
  }

  clear() {
    this.root.hidden = true;
    clearPortfolioChart(this.find('chart'));
  }
}
