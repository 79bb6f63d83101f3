// The overview's Portfolio form: one strategy on the symbols sharing one account, at most N positions, POSTed to
// /api/portfolio, which answers at once (no job). A refused request's one-line error shows under the field the API
// names (its problem's "field"; "portfolio" is the portfolio's own settings, said under Max positions), else beside Run.
// Every server text goes in through textContent.
import { postJson, Unauthorized } from './api.js';
import { PortfolioReport } from './portfolio-view.js';

const form = document.getElementById('portfolio-form');
const button = document.getElementById('pf-run');
const outcome = document.getElementById('pf-status');
const report = new PortfolioReport(document.getElementById('pf-result'), 'pf-');
const value = (id) => document.getElementById(id).value.trim();

// The API's field names that have a place of their own, with the input each marks.
const fieldInputs = { strategy: 'pf-strategy', symbols: 'pf-symbols', from: 'pf-from', portfolio: 'pf-max-positions', costs: 'pf-costs' };

function clearErrors() {
  for (const [field, input] of Object.entries(fieldInputs)) {
    document.getElementById(`pf-${field}-error`).hidden = true;
    document.getElementById(input).removeAttribute('aria-invalid');
  }
  outcome.hidden = true;
}

function showError(field, text) {
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

// The request as the API reads it; a max positions that is not a whole number is said here, blank takes the default.
function request() {
  const body = {
    strategy: value('pf-strategy'),
    symbols: value('pf-symbols').split(/[\s,]+/).filter((s) => s !== ''),
    from: value('pf-from'),
    to: value('pf-to'),
  };
  const max = value('pf-max-positions');
  if (max !== '') {
    const n = Number(max);
    if (!Number.isInteger(n)) return { error: ['portfolio', `'${max.slice(0, 40)}' is not a whole number of positions.`] };
    body.max_positions = n;
  }
  const costs = value('pf-costs');
  if (costs !== '') body.costs = costs;
  return { body };
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  report.clear();
  const { body, error } = request();
  if (error) {
    showError(...error);
    return;
  }
  button.disabled = true;
  try {
    const answer = await postJson('/api/portfolio', body);
    if (answer.status === 200 && answer.body) report.render(answer.body);
    else showError(answer.body?.field, answer.body?.detail ?? `The portfolio failed: HTTP ${answer.status}`);
  } catch (failure) {
    if (!(failure instanceof Unauthorized)) showError(null, `The portfolio failed: ${failure.message}`);
  } finally {
    button.disabled = false;
  }
});
