// Overview: cluster tiles and the jobs table, kept current by the /ws events without reloading.
import { getJson, Unauthorized } from './api.js';
import { connectLive } from './live.js';
import { dateTime, element, percent, progressBar, setProgress, stateLabel } from './format.js';

window.claudbotLoadedAt ??= Date.now(); // set once per page load; the browser test checks it survives
const jobs = new Map(); // id -> job view (snake_case, as the API sends it)
const rows = new Map(); // id -> <tr>
const tbody = document.querySelector('#jobs tbody');

function renderCluster(cluster) {
  document.getElementById('t-workers').textContent = String(cluster.workers.length);
  document.getElementById('t-slots').textContent = `${cluster.slots_busy}/${cluster.slots_total}`;
  document.getElementById('t-queue').textContent = String(cluster.queue.tasks_waiting);
  document.getElementById('t-cpu').textContent = percent(cluster.cpu_percent / 100, 0);
  document.getElementById('t-mem').textContent = percent(cluster.memory_percent / 100, 0);
  renderWorkers(cluster.workers);
  renderBoxes(cluster.boxes ?? []); // a node older than boxes sends none
}

// One row a box (its workers by host): workers, busy/slots, oldest heartbeat, the box's CPU and memory, and whether it
// takes work (refused with its reason, draining, drained), as the CLI's status block says it.
function renderBoxes(boxes) {
  const orNone = (value, text) => (value === undefined || value === null ? '–' : text(value));
  const body = document.querySelector('#boxes tbody');
  body.replaceChildren(...boxes.map((box) => {
    const state = box.state === 'working' ? 'ok' : box.state === 'refused' ? `refused: ${box.reason}` : box.state;
    const row = element('tr', {},
      element('td', { textContent: box.host }),
      element('td', { className: 'num', textContent: String(box.workers) }),
      element('td', { className: 'num', textContent: `${box.busy}/${box.slots}` }),
      element('td', { className: 'num', textContent: box.workers > 0 ? `${Math.round(box.heartbeat_age_seconds)}s ago` : '–' }),
      element('td', { className: 'num', textContent: orNone(box.cpu_percent, (v) => percent(v / 100, 0)) }),
      element('td', { className: 'num', textContent: orNone(box.memory_percent, (v) => percent(v / 100, 0)) }),
      element('td', { className: 'health' }, box.state === 'working' ? 'ok' : element('span', { className: 'state problem', textContent: state })));
    row.dataset.host = box.host;
    return row;
  }));
  document.getElementById('boxes-section').hidden = boxes.length === 0;
}

// One row a worker: live/total slots (dead ones marked as the CLI's status marks them), busy, heartbeat age, health.
function renderWorkers(workers) {
  const body = document.querySelector('#workers tbody');
  body.replaceChildren(...workers.map((worker) => {
    const live = worker.live_slots ?? worker.slots; // workers older than the live count report none
    const slots = element('td', { className: 'num slots', textContent: `${live}/${worker.slots}` });
    const health = element('td', { className: 'health' },
      worker.problem ? element('span', { className: 'state problem', textContent: worker.problem }) : 'ok');
    const row = element('tr', {},
      element('td', { textContent: worker.id }),
      slots,
      element('td', { className: 'num', textContent: String(worker.busy) }),
      element('td', { className: 'num', textContent: `${Math.round(worker.heartbeat_age_seconds)}s ago` }),
      health);
    row.dataset.id = worker.id;
    row.dataset.deadSlots = String(worker.dead_slots);
    row.classList.toggle('dead', worker.dead_slots > 0);
    return row;
  }));
  document.getElementById('no-workers').hidden = workers.length > 0;
}

function request(spec) {
  return `${spec.strategies} · ${spec.symbols.join(', ')} · ${spec.from} → ${spec.to}`;
}

function rowFor(job) {
  let row = rows.get(job.id);
  if (!row) {
    const link = element('a', { href: `/job.html?id=${encodeURIComponent(job.id)}`, textContent: job.id });
    row = element('tr', {},
      element('td', {}, link),
      element('td', {}, element('span', { className: 'state' })),
      element('td', {}, progressBar()),
      element('td', { className: 'num backtests' }),
      element('td', { className: 'wide submitted' }),
      element('td', { className: 'wide request' }));
    row.dataset.id = job.id;
    rows.set(job.id, row);
  }
  const state = row.querySelector('.state');
  state.textContent = stateLabel(job.state);
  state.className = `state ${job.state}`;
  row.dataset.state = job.state;
  setProgress(row.querySelector('.progress'), job.progress);
  const failed = job.tasks_failed ? ` (${job.tasks_failed} failed)` : '';
  row.querySelector('.backtests').textContent = `${job.tasks_done + job.tasks_failed}/${job.tasks_total}${failed}`;
  if (job.spec) {
    row.querySelector('.submitted').textContent = dateTime(job.spec.submitted_at);
    row.querySelector('.request').textContent = request(job.spec);
  }
  return row;
}

// Newest first by submission time; the table is rebuilt from the map, reusing the rows.
function renderJobs() {
  const ordered = [...jobs.values()].sort((a, b) => (b.spec?.submitted_at ?? '').localeCompare(a.spec?.submitted_at ?? ''));
  tbody.replaceChildren(...ordered.map(rowFor));
  document.getElementById('no-jobs').hidden = ordered.length > 0;
}

function upsert(job) {
  jobs.set(job.id, { ...jobs.get(job.id), ...job });
  renderJobs();
}

const finished = (job) => (job?.tasks_done ?? 0) + (job?.tasks_failed ?? 0);

async function refreshJob(id) {
  try {
    const fetched = await getJson(`/api/jobs/${encodeURIComponent(id)}`);
    const known = jobs.get(id);
    // A progress event can overtake this answer: never step the bar back to the older counts.
    upsert(finished(known) > finished(fetched)
      ? { ...fetched, state: known.state, tasks_done: known.tasks_done, tasks_failed: known.tasks_failed, progress: known.progress }
      : fetched);
  } catch (error) {
    if (!(error instanceof Unauthorized)) console.warn(error);
  }
}

let clusterTimer = 0;
async function refreshCluster() {
  clearTimeout(clusterTimer);
  try {
    renderCluster(await getJson('/api/cluster'));
  } catch (error) {
    if (error instanceof Unauthorized) return;
    console.warn(error);
  }
  clusterTimer = setTimeout(refreshCluster, 5000); // CPU and memory have no events: poll them
}

function onLive(message) {
  const known = message.job_id ? jobs.get(message.job_id) : undefined;
  switch (message.type) {
    case 'snapshot':
      renderCluster(message.cluster);
      for (const job of message.jobs ?? []) jobs.set(job.id, job);
      renderJobs();
      break;
    case 'job_queued':
      refreshJob(message.job_id);
      refreshCluster();
      break;
    case 'progress':
    case 'task_failed':
      if (!known) {
        refreshJob(message.job_id);
        break;
      }
      // Counts only grow; events published by different slots can arrive out of order.
      if (finished(message) < finished(known)) break;
      upsert({
        id: message.job_id,
        state: message.state ?? (known.state === 'queued' ? 'running' : known.state),
        tasks_done: message.tasks_done ?? known.tasks_done,
        tasks_failed: message.tasks_failed ?? known.tasks_failed,
        tasks_total: message.tasks_total ?? known.tasks_total,
        progress: message.progress ?? known.progress,
      });
      break;
    case 'job_done':
    case 'job_cancelled':
      if (known) upsert({ id: message.job_id, state: message.state ?? known.state, progress: message.progress ?? known.progress });
      refreshJob(message.job_id);
      refreshCluster();
      break;
    case 'worker_joined':
    case 'worker_lost':
      refreshCluster();
      break;
    default:
      break;
  }
}

async function start() {
  try {
    const page = await getJson('/api/jobs?page_size=50');
    for (const job of page.items) jobs.set(job.id, job);
    renderJobs();
  } catch (error) {
    if (error instanceof Unauthorized) return;
    console.warn(error);
  }
  refreshCluster();
  connectLive(onLive, document.getElementById('live'));
}

start();
