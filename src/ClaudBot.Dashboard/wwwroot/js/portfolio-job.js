// A portfolio job on its page (docs/portfolio.md, "As a cluster job"): every parameter set ran as one portfolio of all
// the job's symbols once per positions count, each count a lane whose label is a result's symbol ("2 positions"). The
// section says the settings, lists the best setting of each lane (the results summary's best per symbol, here per
// lane) and shows a setting's report (GET /api/jobs/{id}/portfolio: the best by default, or ?strategy=&positions=) with
// the overview's report code. Every text from the API goes in as text, never HTML.
import { getJson, Unauthorized } from './api.js';
import { element, number, percent } from './format.js';
import { PortfolioReport } from './portfolio-view.js';

// A lane's label as the cluster writes it (PortfolioJobSettings.LaneLabel).
export const laneLabel = (positions) => `${positions} position${positions === 1 ? '' : 's'}`;

// "1, 2 or 3", as PortfolioJobSettings.Describe lists the counts.
function counts(values) {
  return values.length === 1 ? String(values[0]) : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

export function describeSettings(portfolio, symbols) {
  const most = portfolio.max_positions;
  return `Every parameter set ran as one portfolio of ${symbols} symbols, at most ${counts(most)} position${most.length === 1 && most[0] === 1 ? '' : 's'}, `
    + `sized by ${portfolio.size}, ranked by ${portfolio.rank}; its benchmark is their equal-weight buy and hold.`;
}

const cell = (text, className = 'num') => element('td', { className, textContent: text });

function signed(text, value) {
  const td = cell(text);
  if (value != null) td.classList.add(value >= 0 ? 'pos' : 'neg');
  return td;
}

function laneRow(row, positions) {
  return element('tr', {},
    cell(String(positions)),
    cell(row.strategy_text ?? row.strategy, 'parameters'),
    signed(percent(row.total_return), row.total_return),
    signed(percent(row.excess_return), row.excess_return),
    cell(percent(row.cagr)),
    cell(number(row.sharpe)),
    cell(percent(row.max_drawdown)),
    cell(String(row.trades)));
}

export class PortfolioJobView {
  // section: #portfolio-section with #pj-settings, #pj-lanes, #pj-title and #pj-report; onShown(view) after each report;
  // onError(message) when a report cannot be had.
  constructor(section, { onShown = () => {}, onError = () => {} } = {}) {
    this.section = section;
    this.find = (name) => section.querySelector(`#pj-${name}`);
    this.report = new PortfolioReport(this.find('report'), 'pj-');
    this.onShown = onShown;
    this.onError = onError;
    this.url = null;
    this.asked = 0; // the latest request's number: a slower earlier answer must not replace a later choice
  }

  // The positions count a result's lane label names, or null where it names none of the job's.
  positionsOf(label) {
    return this.portfolio?.max_positions.find((n) => laneLabel(n) === label) ?? null;
  }

  // job: the finished job's view (spec.portfolio, portfolio_url); summary: its results summary.
  render(job, summary) {
    this.portfolio = job.spec.portfolio;
    this.url = job.portfolio_url;
    this.find('settings').textContent = describeSettings(this.portfolio, job.spec.symbols.length);
    const lanes = summary.best_by_symbol
      .map((row) => ({ row, positions: this.positionsOf(row.symbol) }))
      .filter((lane) => lane.positions != null)
      .sort((a, b) => a.positions - b.positions);
    this.find('lanes').tBodies[0].replaceChildren(...lanes.map(({ row, positions }) => {
      const tr = laneRow(row, positions);
      tr.dataset.positions = String(positions);
      tr.dataset.strategy = row.strategy_text ?? row.strategy;
      tr.tabIndex = 0;
      const choose = () => this.show(tr.dataset.strategy, positions);
      tr.addEventListener('click', choose);
      tr.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        choose();
      });
      return tr;
    }));
    this.section.hidden = false;
    return this.load(this.url); // the best setting, by the results' one ranking
  }

  show(strategy, positions) {
    return this.load(`${this.url}?${new URLSearchParams({ strategy, positions: String(positions) })}`);
  }

  async load(url) {
    const asked = ++this.asked;
    let view;
    try {
      view = await getJson(url);
    } catch (error) {
      if (!(error instanceof Unauthorized) && asked === this.asked) this.onError(error.message);
      return;
    }
    if (asked !== this.asked) return;
    this.find('title').textContent = `${view.strategy}, ${laneLabel(view.max_positions)}`;
    for (const tr of this.find('lanes').tBodies[0].rows) {
      const chosen = tr.dataset.strategy === view.strategy && tr.dataset.positions === String(view.max_positions);
      tr.classList.toggle('selected', chosen);
      tr.setAttribute('aria-selected', String(chosen));
    }
    this.report.render(view);
    const chart = this.find('chart');
    chart.dataset.strategy = view.strategy; // lets a test wait for the drawing of the setting it chose
    chart.dataset.positions = String(view.max_positions);
    this.onShown(view);
  }
}
