// The overview's Portfolio form: one strategy on the symbols sharing one account, at most N positions, POSTed to
// /api/portfolio, which answers at once (no job), with the job's execution (costs, slippage, exits for every position) and
// symbols that trade a strategy of their own. A grid or several counts is many portfolios: POSTed to /api/jobs as a
// portfolio job, answered with a link to its page. A refused request's one-line error shows under the field the API
// names (its problem's "field"; "portfolio" is the portfolio's own settings, said under Max positions), else beside Run.
// Every server text goes in through textContent.
import { postJson, Unauthorized } from './api.js';
import { element } from './format.js';
import { PortfolioReport } from './portfolio-view.js';

const form = document.getElementById('portfolio-form');
const button = document.getElementById('pf-run');
const outcome = document.getElementById('pf-status');
const report = new PortfolioReport(document.getElementById('pf-result'), 'pf-');
const value = (id) => document.getElementById(id).value.trim();

// The API's field names that have a place of their own, with the input each marks.
const fieldInputs = {
  strategy: 'pf-strategy', symbols: 'pf-symbols', from: 'pf-from', portfolio: 'pf-max-positions', costs: 'pf-costs',
  slippage_bps: 'pf-slippage-bps', stop: 'pf-stop', target: 'pf-target', trail: 'pf-trail', per_symbol: 'pf-per-symbol',
};

// The number fields: blank is the node's default; anything else must read as a number here (the node checks the range).
const numberFields = [['slippage_bps', 'pf-slippage-bps', 'basis points'], ['stop', 'pf-stop', 'a percentage'], ['target', 'pf-target', 'a percentage'], ['trail', 'pf-trail', 'a percentage']];

// "SBIN=macd, LT=rsi(period=7, lower=25)": split at the commas outside parentheses, each entry SYMBOL=STRATEGY.
function perSymbol(text) {
  const entries = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if ((c === ',' && depth === 0) || i === text.length) {
      const entry = text.slice(start, i).trim();
      if (entry !== '') entries.push(entry);
      start = i + 1;
    }
  }
  const map = {};
  for (const entry of entries) {
    const at = entry.indexOf('=');
    const symbol = at > 0 ? entry.slice(0, at).trim().toUpperCase() : '';
    const strategy = at > 0 ? entry.slice(at + 1).trim() : '';
    if (symbol === '' || strategy === '') return { error: `'${entry.slice(0, 40)}' is not SYMBOL=STRATEGY, e.g. SBIN=macd.` };
    map[symbol] = strategy;
  }
  return { map };
}

// The strategy language's grid marks: a set of values (7|14) or a range (7..21). The node checks the text either way.
const isGrid = (strategy) => /\||\.\./.test(strategy);

function clearErrors() {
  for (const [field, input] of Object.entries(fieldInputs)) {
    document.getElementById(`pf-${field}-error`).hidden = true;
    document.getElementById(input).removeAttribute('aria-invalid');
  }
  outcome.hidden = true;
}

function showOutcome(...parts) {
  outcome.replaceChildren(...parts);
  outcome.className = '';
  outcome.hidden = false;
}

function showError(field, text) {
  // A job's strategies are its 'strategies'; this form calls them its strategy.
  if (field === 'strategies') field = 'strategy';
  if (!Object.hasOwn(fieldInputs, field ?? '')) {
    outcome.textContent = text;
    outcome.className = 'error';
    outcome.hidden = false;
    return;
  }
  const place = document.getElementById(`pf-${field}-error`);
  place.textContent = text;
  place.hidden = false;
  const input = document.getElementById(fieldInputs[field]);
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', place.id);
}

// The request as the API reads it: one portfolio, or a portfolio job (a grid, or several counts). A count that is not a
// whole number is said here; blanks take the node's defaults.
function request() {
  const strategy = value('pf-strategy');
  const symbols = value('pf-symbols').split(/[\s,]+/).filter((s) => s !== '');
  const counts = [];
  for (const text of value('pf-max-positions').split(/[\s,|]+/).filter((s) => s !== '')) {
    const n = Number(text);
    if (!Number.isInteger(n)) return { error: ['portfolio', `'${text.slice(0, 40)}' is not a whole number of positions.`] };
    counts.push(n);
  }
  const optional = Object.fromEntries([['rank', value('pf-rank')], ['size', value('pf-size')]].filter(([, v]) => v !== ''));
  const costs = value('pf-costs');
  const execution = costs === '' ? {} : { costs };
  for (const [field, id, what] of numberFields) {
    const text = value(id);
    if (text === '') continue;
    const n = Number(text);
    if (!Number.isFinite(n)) return { error: [field, `'${text.slice(0, 40)}' is not a number (${what}).`] };
    execution[field] = n;
  }
  const own = perSymbol(value('pf-per-symbol'));
  if (own.error) return { error: ['per_symbol', own.error] };
  if (Object.keys(own.map).length) optional.per_symbol = own.map;
  if (counts.length > 1 || isGrid(strategy)) {
    const portfolio = { max_positions: counts.length ? counts : [10], ...optional };
    return { job: true, body: { strategies: strategy, symbols, from: value('pf-from'), to: value('pf-to'), ...execution, portfolio } };
  }
  const body = { strategy, symbols, from: value('pf-from'), to: value('pf-to'), ...execution, ...optional };
  if (counts.length === 1) body.max_positions = counts[0];
  return { job: false, body };
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  report.clear();
  const { body, job, error } = request();
  if (error) {
    showError(...error);
    return;
  }
  button.disabled = true;
  try {
    const answer = await postJson(job ? '/api/jobs' : '/api/portfolio', body);
    if (job && answer.status === 201) {
      const id = answer.body.id;
      showOutcome('Queued portfolio ', element('a', { id: 'pf-submitted', href: `/job.html?id=${encodeURIComponent(id)}`, textContent: `job ${id}` }),
        `: ${answer.body.tasks_total} portfolios; its page ranks them and shows the best.`);
    } else if (!job && answer.status === 200 && answer.body) report.render(answer.body);
    else showError(answer.body?.field, answer.body?.detail ?? `The portfolio failed: HTTP ${answer.status}`);
  } catch (failure) {
    if (!(failure instanceof Unauthorized)) showError(null, `The portfolio failed: ${failure.message}`);
  } finally {
    button.disabled = false;
  }
});
