// A walk-forward job's report (GET /api/jobs/{id}/walkforward, docs/walk-forward.md) on the job page: the settings in a
// line, one row per symbol (the stitched out-of-sample figures beside the defaults' and buy and hold's), and for the
// chosen symbol its chart and its windows' picks. Every text from the report goes in as text (textContent), never HTML.
import { element, number, percent } from './format.js';
import { drawWalkForwardChart, resizeWalkForwardChart } from './walkforward-chart.js';

// A length as PeriodLength.ToString writes it: "2 years", "18 months", "13 weeks", "1 year 15 days".
function length({ months = 0, days = 0 }) {
  const count = (n, unit) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const parts = [];
  if (months > 0) parts.push(months % 12 === 0 ? count(months / 12, 'year') : count(months, 'month'));
  if (days > 0) parts.push(days % 7 === 0 ? count(days / 7, 'week') : count(days, 'day'));
  return parts.length ? parts.join(' ') : '0 days';
}

// Worded as WalkForwardSettings.Describe, so the page, the chat and the CLI say the same; the step defaults to the
// out-of-sample length.
export function describeSettings(s) {
  const trades = `${s.min_trades} trade${s.min_trades === 1 ? '' : 's'}`;
  return `${length(s.in_sample)} in, ${length(s.out_of_sample)} out every ${length(s.step ?? s.out_of_sample)}, `
    + `${s.anchored ? 'anchored' : 'rolling'}, picked by ${s.objective} with at least ${trades}`;
}

const cell = (text, className = 'num') => element('td', { className, textContent: text });

// A CAGR cell, green when it made money and red when it lost, as the results table colours returns.
function cagrCell(metrics) {
  const td = cell(percent(metrics?.cagr));
  if (metrics?.cagr != null) td.classList.add(metrics.cagr >= 0 ? 'pos' : 'neg');
  return td;
}

function symbolRow(symbol) {
  const stitched = symbol.stitched.metrics;
  return element('tr', {},
    cell(symbol.symbol, ''),
    cagrCell(stitched),
    cell(number(stitched.sharpe)),
    cell(percent(stitched.max_drawdown)),
    cell(String(stitched.trades)),
    cagrCell(symbol.defaults?.metrics),
    cell(number(symbol.defaults?.metrics.sharpe)),
    cagrCell(symbol.buy_hold.metrics),
    cell(number(symbol.efficiency)),
    cell(String(symbol.distinct_picks)));
}

function windowRow(w) {
  // A window without a pick says why (the note) where the parameters would be; it was held in cash.
  const pick = w.parameters != null ? cell(w.parameters, 'parameters') : cell(w.note ?? 'no pick', 'parameters note');
  return element('tr', {},
    cell(String(w.index + 1)),
    cell(`${w.in_first} → ${w.in_last}`, ''),
    cell(`${w.out_first} → ${w.out_last}`, ''),
    pick,
    cagrCell(w.in_sample),
    cell(number(w.in_sample?.sharpe)),
    cagrCell(w.out_of_sample),
    cell(number(w.out_of_sample?.sharpe)),
    cell(number(w.efficiency)));
}

export class WalkForwardView {
  // The section's elements: #wf-settings, #wf-median, #wf-symbols, #wf-chart, #wf-chart-title, #wf-windows.
  constructor(section) {
    this.section = section;
    this.find = (name) => section.querySelector(`#wf-${name}`);
    this.report = null;
  }

  render(report) {
    this.report = report;
    this.find('settings').textContent = describeSettings(report.settings);
    this.find('median').textContent = report.median_efficiency == null
      ? 'none (no symbol had a positive in-sample CAGR to compare with)'
      : number(report.median_efficiency);
    this.find('symbols').querySelector('tbody').replaceChildren(...report.symbols.map((symbol) => {
      const tr = symbolRow(symbol);
      tr.dataset.symbol = symbol.symbol;
      tr.tabIndex = 0;
      tr.addEventListener('click', () => this.select(symbol));
      tr.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        this.select(symbol);
      });
      return tr;
    }));
    this.section.hidden = false;
    if (report.symbols.length) this.select(report.symbols[0]);
  }

  select(symbol) {
    for (const tr of this.find('symbols').querySelectorAll('tbody tr')) {
      const chosen = tr.dataset.symbol === symbol.symbol;
      tr.classList.toggle('selected', chosen);
      tr.setAttribute('aria-selected', String(chosen));
    }
    this.find('chart-title').textContent = `${this.report.strategies} on ${symbol.symbol}`;
    this.find('windows').querySelector('tbody').replaceChildren(...symbol.windows.map(windowRow));
    const chart = this.find('chart');
    drawWalkForwardChart(chart, symbol);
    chart.dataset.symbol = symbol.symbol; // lets a test wait for the drawing of the symbol it chose
  }

  resize() {
    if (this.report) resizeWalkForwardChart(this.find('chart'));
  }
}
