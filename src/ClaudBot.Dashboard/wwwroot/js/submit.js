// The new-job form. The strategy box is checked as the user types (POST /api/strategies/validate, debounced): it shows
// the canonical text and the combination count, or the error with a caret under the text, and Submit stays disabled
// until the text in the box is the text last found valid. Every server text goes in through textContent. The execution
// fields (costs, slippage, size, whole shares, stop/target/trail) are sent only when filled: blank takes the node's defaults. A refused
// request's one-line error shows under the field the API names (its problem's "field"), else beside Submit.
import { postJson, Unauthorized } from './api.js';
import { element } from './format.js';

const DEBOUNCE_MS = 250;
const form = document.getElementById('submit-form');
const box = document.getElementById('strategy');
const ok = document.getElementById('strategy-ok');
const problem = document.getElementById('strategy-problem');
const message = document.getElementById('strategy-error');
const caret = document.getElementById('strategy-caret');
const button = document.getElementById('submit');
const outcome = document.getElementById('submit-status');

let validText = null; // the box's text as last found valid; null while unchecked or invalid
let timer = 0;
let asked = 0; // numbers the checks, so an answer overtaken by a newer keystroke is dropped

function showOk(text) {
  ok.textContent = text;
  ok.hidden = false;
  problem.hidden = true;
}

function showError(error, caretBlock) {
  message.textContent = error;
  caret.textContent = caretBlock ?? '';
  caret.hidden = !caretBlock;
  problem.hidden = false;
  ok.hidden = true;
}

function clearCheck() {
  ok.hidden = true;
  problem.hidden = true;
}

const combinations = (n) => `${n} combination${n === 1 ? '' : 's'}`;

async function check() {
  const text = box.value;
  const ticket = ++asked;
  if (text.trim() === '') {
    clearCheck();
    return;
  }
  let answer;
  try {
    answer = await postJson('/api/strategies/validate', { strategy: text });
  } catch (error) {
    if (!(error instanceof Unauthorized) && ticket === asked) showError(`The check failed: ${error.message}`);
    return;
  }
  if (ticket !== asked || text !== box.value) return;
  const result = answer.body;
  if (answer.status !== 200 || !result) {
    showError(result?.detail ?? `The check failed: HTTP ${answer.status}`);
  } else if (result.valid) {
    validText = text;
    showOk(`OK: ${result.canonical} (${combinations(result.combinations)})`);
  } else {
    showError(result.error, result.caret);
  }
  button.disabled = validText === null;
}

box.addEventListener('input', () => {
  validText = null;
  button.disabled = true;
  clearTimeout(timer);
  timer = setTimeout(check, DEBOUNCE_MS);
});

function showOutcome(...children) {
  outcome.replaceChildren(...children);
  outcome.hidden = false;
}

// The fields whose errors have a place of their own, by the API's field name, with their inputs; any other goes beside Submit.
const fieldInputs = { symbols: 'symbols', from: 'from', to: 'to', costs: 'costs', slippage_bps: 'slippage-bps', size: 'size', stop: 'stop', target: 'target', trail: 'trail' };
const fieldErrors = Object.keys(fieldInputs);

function clearFieldErrors() {
  for (const field of fieldErrors) {
    document.getElementById(`${field}-error`).hidden = true;
    document.getElementById(fieldInputs[field]).removeAttribute('aria-invalid');
  }
}

function showFieldError(field, text) {
  if (field === 'strategies') {
    showError(text);
    return true;
  }
  if (!fieldErrors.includes(field)) return false;
  const place = document.getElementById(`${field}-error`);
  place.textContent = text;
  place.hidden = false;
  const input = document.getElementById(fieldInputs[field]);
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', place.id);
  return true;
}

// The execution fields that were filled in, as the API names them; a slippage that is not a number is said here.
function execution() {
  const chosen = {};
  const costs = document.getElementById('costs').value.trim();
  if (costs !== '') chosen.costs = costs;
  const slippage = document.getElementById('slippage-bps').value.trim();
  if (slippage !== '') {
    const bps = Number(slippage);
    if (!Number.isFinite(bps)) return { error: ['slippage_bps', `'${slippage.slice(0, 40)}' is not a number of basis points.`] };
    chosen.slippage_bps = bps;
  }
  const size = document.getElementById('size').value.trim();
  if (size !== '') chosen.size = size;
  const whole = document.getElementById('whole-shares').value;
  if (whole !== '') chosen.whole_shares = whole === 'true';
  // Exits for every strategy of the job, in percent; the node checks their range.
  for (const exit of ['stop', 'target', 'trail']) {
    const text = document.getElementById(exit).value.trim();
    if (text === '') continue;
    const percent = Number(text);
    if (!Number.isFinite(percent)) return { error: [exit, `'${text.slice(0, 40)}' is not a percentage.`] };
    chosen[exit] = percent;
  }
  return { chosen };
}

// Submits the text as checked, not its canonical form: a grid's canonical text lists every value and can outgrow the
// language's length bound where the typed range fits. The job's results name each combination by its canonical rule.
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (validText === null || validText !== box.value) return;
  clearFieldErrors();
  outcome.hidden = true;
  const { chosen, error } = execution();
  if (error) {
    showFieldError(...error);
    return;
  }
  button.disabled = true;
  const symbols = document.getElementById('symbols').value.split(/[\s,]+/).filter((s) => s !== '');
  const body = { strategies: validText.trim(), symbols, from: document.getElementById('from').value, to: document.getElementById('to').value, ...chosen };
  try {
    const answer = await postJson('/api/jobs', body);
    outcome.classList.toggle('error', answer.status !== 201);
    if (answer.status === 201) {
      const id = answer.body.id;
      showOutcome('Queued ', element('a', { id: 'submitted', href: `/job.html?id=${encodeURIComponent(id)}`, textContent: `job ${id}` }), '.');
    } else {
      const detail = answer.body?.detail ?? `HTTP ${answer.status}`;
      if (!showFieldError(answer.body?.field, detail)) showOutcome(detail);
    }
  } catch (error) {
    if (!(error instanceof Unauthorized)) showOutcome(`The submission failed: ${error.message}`);
  } finally {
    button.disabled = validText === null || validText !== box.value;
  }
});
