// The overview's Schedules section: the list from GET /api/schedules (next run in each schedule's own zone, its last
// job linked, its last error), an add form POSTed to /api/schedules with the API's fields, and a cancel button per row
// that asks once more ("Sure?") before DELETE, as the chat confirms destructive verbs. A refused schedule's one-line
// error shows under the field the API names. Every server text goes in through textContent.
import { getJson, postJson, showLogin, Unauthorized } from './api.js';
import { element } from './format.js';

const table = document.querySelector('#schedules tbody');
const empty = document.getElementById('no-schedules');
const listStatus = document.getElementById('sc-list-status');
const form = document.getElementById('schedule-form');
const button = document.getElementById('sc-add');
const outcome = document.getElementById('sc-status');
const value = (id) => document.getElementById(id).value.trim();

// The API's field names that have a place of their own, with the input each marks.
const fieldInputs = {
  strategies: 'sc-strategies', symbols: 'sc-symbols', period: 'sc-period', every: 'sc-every', at: 'sc-at',
  time_zone: 'sc-time-zone', costs: 'sc-costs', notify: 'sc-notify',
};

// "Tue 8 Dec, 18:00": the instant as the schedule's zone reads its clock (the zone is the one the API stored). Built from
// parts, so it reads the same in every browser locale.
function local(iso, zone) {
  const date = new Date(iso);
  try {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
      timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(date).map((p) => [p.type, p.value]));
    return `${parts.weekday} ${parts.day} ${parts.month}, ${parts.hour}:${parts.minute}`;
  } catch {
    return date.toISOString();
  }
}

const when = (s) => `${s.every.replaceAll(',', ', ')} at ${s.at} (${s.time_zone})`;

function lastRun(s) {
  if (s.last_error) return element('span', { className: 'error', textContent: `failed: ${s.last_error}` });
  if (s.last_job_id) return element('a', { className: 'last-job', href: `/job.html?id=${encodeURIComponent(s.last_job_id)}`, textContent: `job ${s.last_job_id}` });
  return element('span', { className: 'empty', textContent: 'not run yet' });
}

function cancelButton(id) {
  const cancel = element('button', { type: 'button', className: 'cancel', textContent: 'Cancel' });
  cancel.dataset.id = id;
  cancel.addEventListener('click', async () => {
    if (cancel.dataset.armed !== 'true') {
      cancel.dataset.armed = 'true';
      cancel.textContent = 'Sure? Cancel it';
      return;
    }
    cancel.disabled = true;
    const response = await fetch(`/api/schedules/${encodeURIComponent(id)}`, { method: 'DELETE', credentials: 'same-origin' });
    if (response.status === 401) {
      showLogin();
      return;
    }
    if (!response.ok && response.status !== 404) {
      const problem = await response.json().catch(() => null);
      showListError(problem?.detail ?? `Cancelling ${id} failed: HTTP ${response.status}`);
    }
    await load();
  });
  return cancel;
}

function showListError(text) {
  listStatus.textContent = text;
  listStatus.hidden = false;
}

export async function load() {
  let schedules;
  try {
    schedules = await getJson('/api/schedules');
  } catch (failure) {
    if (!(failure instanceof Unauthorized)) showListError(`The schedules could not be read: ${failure.message}`);
    return;
  }
  listStatus.hidden = true;
  table.replaceChildren(...schedules.map((s) => {
    const row = element('tr', {},
      element('td', { className: 'id', textContent: s.id }),
      element('td', { textContent: when(s) }),
      element('td', { className: 'next', textContent: local(s.next_run, s.time_zone) }),
      element('td', { className: 'wide request', textContent: `${s.strategies} on ${s.symbols.join(', ')} over the ${s.period}` }),
      element('td', { className: 'last' }, lastRun(s)),
      element('td', {}, cancelButton(s.id)));
    row.dataset.id = s.id;
    return row;
  }));
  empty.hidden = schedules.length > 0;
}

function clearErrors() {
  for (const [field, input] of Object.entries(fieldInputs)) {
    document.getElementById(`sc-${field}-error`).hidden = true;
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
  const place = document.getElementById(`sc-${field}-error`);
  place.textContent = text;
  place.hidden = false;
  const input = document.getElementById(fieldInputs[field]);
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', place.id);
}

// "telegram:12345:5, terminal:local" as the API's notify list; the node checks each entry (top 1 to 50).
function notify(text) {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '').map((entry) => {
    const [channel, chat, top] = entry.split(':');
    const follower = { channel: channel ?? '', chat: chat ?? '' };
    if (top !== undefined && top !== '') follower.top = Number.isInteger(Number(top)) ? Number(top) : -1;
    return follower;
  });
}

function body() {
  const request = {
    strategies: value('sc-strategies'),
    symbols: value('sc-symbols').split(/[\s,]+/).filter((s) => s !== ''),
    period: value('sc-period'),
    every: value('sc-every'),
    at: value('sc-at'),
  };
  const optional = [['time_zone', value('sc-time-zone')], ['costs', value('sc-costs')]].filter(([, v]) => v !== '');
  const followers = notify(value('sc-notify'));
  return { ...request, ...Object.fromEntries(optional), ...(followers.length ? { notify: followers } : {}) };
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  button.disabled = true;
  try {
    const answer = await postJson('/api/schedules', body());
    if (answer.status === 201) {
      outcome.replaceChildren(`Schedule ${answer.body.id} added; next run ${local(answer.body.next_run, answer.body.time_zone)} (${answer.body.time_zone}).`);
      outcome.className = 'ok';
      outcome.hidden = false;
      await load();
    } else {
      showError(answer.body?.field, answer.body?.detail ?? `The schedule was refused: HTTP ${answer.status}`);
    }
  } catch (failure) {
    if (!(failure instanceof Unauthorized)) showError(null, `The schedule failed: ${failure.message}`);
  } finally {
    button.disabled = false;
  }
});

load();
