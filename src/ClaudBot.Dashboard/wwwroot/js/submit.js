// The new-job form. The strategy box is checked as the user types (POST /api/strategies/validate, debounced): it shows
// the canonical text and the combination count, or the error with a caret under the text, and Submit stays disabled
// until the text in the box is the text last found valid. Every server text goes in through textContent.
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

// Submits the text as checked, not its canonical form: a grid's canonical text lists every value and can outgrow the
// language's length bound where the typed range fits. The job's results name each combination by its canonical rule.
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (validText === null || validText !== box.value) return;
  button.disabled = true;
  const symbols = document.getElementById('symbols').value.split(/[\s,]+/).filter((s) => s !== '');
  const body = { strategies: validText.trim(), symbols, from: document.getElementById('from').value, to: document.getElementById('to').value };
  try {
    const answer = await postJson('/api/jobs', body);
    outcome.classList.toggle('error', answer.status !== 201);
    if (answer.status === 201) {
      const id = answer.body.id;
      showOutcome('Queued ', element('a', { id: 'submitted', href: `/job.html?id=${encodeURIComponent(id)}`, textContent: `job ${id}` }), '.');
    } else {
      showOutcome(answer.body?.detail ?? `HTTP ${answer.status}`);
    }
  } catch (error) {
    if (!(error instanceof Unauthorized)) showOutcome(`The submission failed: ${error.message}`);
  } finally {
    button.disabled = validText === null || validText !== box.value;
  }
});
