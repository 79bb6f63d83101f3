// Job page: the spec, live progress, the sortable results table and the chart of the selected row.
import { getJson, Unauthorized } from './api.js';
import { connectLive } from './live.js';
import { dateTime, element, isFinished, number, percent, progressBar, rupees, setProgress, stateLabel } from './format.js';
import { drawChart, resizeCharts } from './chart.js';
import { renderSurface } from './surface.js';
import { renderEffects } from './effects.js';
import { WalkForwardView } from './walkforward.js';
import { laneLabel, PortfolioJobView } from './portfolio-job.js';

window.claudbotLoadedAt ??= Date.now();
const id = new URLSearchParams(location.search).get('id') ?? location.pathname.split('/').filter(Boolean).pop();
const bar = progressBar(true);
document.getElementById('job-progress').parentElement.replaceWith(bar);
let job = null;
let rows = [];
let sort = { key: 'sharpe', direction: 'descending' };
let selected = null;
let resultsLoaded = false;
const walkForward = new WalkForwardView(document.getElementById('walkforward-section'));
// A portfolio job's rows are lanes, not symbols: choosing one shows its portfolio there instead of charting a symbol.
const portfolio = new PortfolioJobView(document.getElementById('portfolio-section'), {
  onShown: (view) => markSelected(rows.find((r) => (r.strategy_text ?? r.strategy) === view.strategy && r.symbol === laneLabel(view.max_positions))),
  onError: showError,
});
const isPortfolioJob = () => job?.spec.portfolio != null;

const columns = [
  ['strategy_text', (r) => r.strategy_text ?? r.strategy, 'text'],
  ['symbol', (r) => r.symbol, 'text'],
  ['total_return', (r) => percent(r.total_return), 'num'],
  // The strategy's return over buy and hold of the same symbol with the same settings (null in older results).
  ['excess_return', (r) => percent(r.excess_return), 'num'],
  ['beta', (r) => number(r.beta), 'num'],
  ['cagr', (r) => percent(r.cagr), 'num'],
  ['sharpe', (r) => number(r.sharpe), 'num'],
  // Absent (a dash) where not finite.
  ['sortino', (r) => number(r.sortino), 'num'],
  ['max_drawdown', (r) => percent(r.max_drawdown), 'num'],
  ['calmar', (r) => number(r.calmar), 'num'],
  ['trades', (r) => String(r.trades), 'num'],
  ['win_rate', (r) => percent(r.win_rate, 0), 'num'],
  // Charges paid in rupees and value traded over the capital; absent (a dash) in results written before fees were kept.
  ['fees', (r) => rupees(r.fees), 'num'],
  ['turnover', (r) => (r.turnover == null ? '–' : `${number(r.turnover)}×`), 'num'],
];

function showError(message) {
  const error = document.getElementById('error');
  error.textContent = message;
  error.hidden = false;
}

// Slippage, size and whole shares as the job ran them; jobs queued before execution settings have none.
function fills(spec) {
  if (spec.slippage_bps == null && spec.size == null && spec.whole_shares == null) return '–';
  const shares = spec.whole_shares == null ? "model's default shares" : spec.whole_shares ? 'whole shares' : 'fractional shares';
  return `slippage ${spec.slippage_bps ?? 0} bps · size ${spec.size ?? 'all'} · ${shares}`;
}

function renderJob() {
  document.getElementById('job-id').textContent = job.id;
  document.title = `ClaudBot · job ${job.id}`;
  const state = document.getElementById('job-state');
  state.textContent = stateLabel(job.state);
  state.className = `state ${job.state}`;
  setProgress(bar, job.progress);
  const spec = job.spec;
  const facts = [
    ['Strategies', spec.strategies], ['Symbols', spec.symbols.join(', ')], ['Period', `${spec.from} → ${spec.to}`],
    ['Costs', spec.costs ?? `${spec.cost_bps ?? '–'} bps`], ['Fills', fills(spec)], ['Backtests', `${job.tasks_done + job.tasks_failed}/${job.tasks_total}${job.tasks_failed ? ` (${job.tasks_failed} failed)` : ''}`],
    ['Submitted', `${dateTime(spec.submitted_at)} by ${spec.submitted_by}`],
  ];
  document.getElementById('spec').replaceChildren(...facts.flatMap(([k, v]) => [element('dt', { textContent: k }), element('dd', { textContent: v })]));
  document.getElementById('notes').textContent = (job.notes ?? []).join(' ');
  if (isFinished(job.state) && !resultsLoaded) {
    loadResults();
    loadWalkForward();
  }
}

// Only a finished walk-forward job has a report (the job names its URL); any other job's page never asks for one.
async function loadWalkForward() {
  if (!job.walk_forward_url) return;
  try {
    walkForward.render(await getJson(job.walk_forward_url));
  } catch (error) {
    if (!(error instanceof Unauthorized)) showError(error.message);
  }
}

// One line where any row skipped entries, worded as the chat's (ResultTables.SkippedEntriesNote); empty where none did.
function skippedNote(shown) {
  const skipping = shown.filter((r) => r.skipped_entries > 0);
  if (skipping.length === 0) return '';
  const entries = skipping.reduce((n, r) => n + r.skipped_entries, 0);
  const counted = `${entries} ${entries === 1 ? 'entry' : 'entries'}`;
  const who = shown.length === 1 ? `The result skipped ${counted}` : `${skipping.length} of the ${shown.length} results shown skipped ${counted} in all`;
  return `${who}: the size bought zero whole shares (a larger size, or fractional shares, takes them).`;
}

async function loadResults() {
  resultsLoaded = true;
  try {
    const summary = await getJson(`/api/jobs/${encodeURIComponent(id)}/results?top=1000`);
    rows = summary.top;
    const download = document.getElementById('download');
    download.href = `/api/jobs/${encodeURIComponent(id)}/results?full=1`;
    download.download = `job_${id}.json`;
    download.hidden = false;
    document.getElementById('results-section').hidden = rows.length === 0;
    const skipped = document.getElementById('skipped');
    skipped.textContent = skippedNote(rows);
    skipped.hidden = skipped.textContent === '';
    renderRows();
    const surface = document.getElementById('surface-section');
    surface.hidden = !summary.surface;
    if (summary.surface) renderSurface(summary.surface, document.getElementById('surface'), document.getElementById('surface-title'), isPortfolioJob());
    document.getElementById('effects-section').hidden = !summary.parameters;
    if (summary.parameters) renderEffects(summary.parameters, document.getElementById('effects'));
    if (isPortfolioJob() && job.portfolio_url) showPortfolioJob(summary);
    else if (rows.length) select(rows[0]);
  } catch (error) {
    if (!(error instanceof Unauthorized)) showError(error.message);
  }
}

function compare(key, direction) {
  const sign = direction === 'ascending' ? 1 : -1;
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    const order = typeof x === 'string' ? x.localeCompare(y) : (x ?? -Infinity) - (y ?? -Infinity);
    return sign * order || a.index - b.index;
  };
}

function renderRows() {
  // Every output that shows beta says which market it is against (an imported NIFTY 50, or the equal-weight stand-in).
  const index = rows.find((r) => r.market_index)?.market_index;
  if (index) document.querySelector('#results th[data-key="beta"]').title = `Beta against ${index}`;
  const sortKey = sort.key === 'strategy' ? 'strategy_text' : sort.key;
  const sorted = [...rows].sort(compare(sortKey, sort.direction));
  for (const th of document.querySelectorAll('#results th[data-key]')) {
    th.setAttribute('aria-sort', th.dataset.key === sort.key ? sort.direction : 'none');
  }
  document.querySelector('#results tbody').replaceChildren(...sorted.map((row) => {
    const tr = element('tr', {}, ...columns.map(([key, show, kind]) => {
      const td = element('td', { className: kind === 'num' ? 'num' : '', textContent: show(row) });
      td.dataset.value = String(row[key]);
      if (key === 'total_return' || (key === 'excess_return' && row.excess_return != null)) td.classList.add(row[key] >= 0 ? 'pos' : 'neg');
      return td;
    }));
    tr.dataset.index = String(row.index);
    tr.classList.toggle('selected', row === selected);
    tr.addEventListener('click', () => select(row));
    return tr;
  }));
}

// The results table says what its rows are in a portfolio job, and the section shows the best setting's report.
function showPortfolioJob(summary) {
  document.querySelector('#results th[data-key="symbol"]').textContent = 'Positions';
  document.querySelector('#results th[data-key="excess_return"]').title = "Return over the equal-weight buy and hold of the job's symbols";
  document.getElementById('results-hint').textContent = 'Click a column to sort; click a row to show its portfolio above.';
  portfolio.render(job, summary);
}

function markSelected(row) {
  selected = row ?? null;
  for (const tr of document.querySelectorAll('#results tbody tr')) tr.classList.toggle('selected', tr.dataset.index === String(row?.index));
}

async function select(row) {
  markSelected(row);
  if (isPortfolioJob()) {
    const positions = portfolio.positionsOf(row.symbol);
    if (positions != null) portfolio.show(row.strategy_text ?? row.strategy, positions);
    return;
  }
  let result;
  try {
    const query = new URLSearchParams({ strategy: row.strategy_text ?? row.strategy, symbol: row.symbol });
    result = await getJson(`/api/jobs/${encodeURIComponent(id)}/equity?${query}`);
  } catch (error) {
    if (!(error instanceof Unauthorized)) showError(error.message);
    return;
  }
  const section = document.getElementById('chart-section');
  section.hidden = false;
  document.getElementById('chart-title').textContent = `${row.strategy_text ?? row.strategy} on ${row.symbol}`;
  const chart = document.getElementById('chart');
  drawChart(chart, result);
  chart.dataset.drawn = String(row.index);
}

for (const th of document.querySelectorAll('#results th[data-key]')) {
  th.addEventListener('click', () => {
    const key = th.dataset.key;
    const first = th.dataset.type === 'text' ? 'ascending' : 'descending';
    sort = { key, direction: sort.key === key ? (sort.direction === 'ascending' ? 'descending' : 'ascending') : first };
    renderRows();
  });
}

let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    resizeCharts(document.getElementById('chart'));
    walkForward.resize();
    // The portfolio's chart follows the width by itself (portfolio-chart.js).
  }, 150);
});

function onLive(message) {
  if (message.type === 'snapshot') {
    const current = (message.jobs ?? []).find((j) => j.id === id);
    if (current) {
      job = current;
      renderJob();
    }
    return;
  }
  if (message.job_id !== id || !job) return;
  if (message.type === 'progress' || message.type === 'task_failed') {
    job = {
      ...job,
      state: message.state ?? (job.state === 'queued' ? 'running' : job.state),
      tasks_done: message.tasks_done ?? job.tasks_done,
      tasks_failed: message.tasks_failed ?? job.tasks_failed,
      tasks_total: message.tasks_total ?? job.tasks_total,
      progress: message.progress ?? job.progress,
    };
    renderJob();
  } else if (message.type === 'job_done' || message.type === 'job_cancelled') {
    getJson(`/api/jobs/${encodeURIComponent(id)}`).then((fresh) => { job = fresh; renderJob(); }).catch(() => {});
  }
}

async function start() {
  if (!id) {
    showError('No job id: open this page as /job.html?id=<job>.');
    return;
  }
  try {
    job = await getJson(`/api/jobs/${encodeURIComponent(id)}`);
  } catch (error) {
    if (!(error instanceof Unauthorized)) showError(error.message);
    return;
  }
  renderJob();
  if (!isFinished(job.state)) connectLive(onLive, document.getElementById('live'));
  else document.getElementById('live').hidden = true;
}

start();
