// Small formatting helpers shared by the pages.
export const percent = (value, digits = 1) =>
  value == null || !Number.isFinite(value) ? '–' : `${(value * 100).toFixed(digits)}%`;

export const number = (value, digits = 2) =>
  value == null || !Number.isFinite(value) ? '–' : value.toFixed(digits);

// Rupees in a few characters, as the CLI and chat tables show them (RupeesText): 412, 12.3k, 456k, 1.2M; a dash where unknown.
export function rupees(value) {
  if (value == null || !Number.isFinite(value)) return '–';
  const size = Math.abs(value);
  if (size < 999.5) return value.toFixed(0);
  if (size < 99_950) return `${(value / 1e3).toFixed(1)}k`;
  if (size < 999_500) return `${(value / 1e3).toFixed(0)}k`;
  if (size < 99_950_000) return `${(value / 1e6).toFixed(1)}M`;
  return `${(value / 1e6).toFixed(0)}M`;
}

export function dateTime(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

export function element(tag, properties = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, properties);
  node.append(...children);
  return node;
}

// A progress bar (0..1) that can be updated in place.
export function progressBar(big = false) {
  const bar = element('div', { className: big ? 'progress big' : 'progress' }, element('div', { className: 'fill' }), element('span', { className: 'pct' }));
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  return bar;
}

export function setProgress(bar, share) {
  const pct = Math.round(Math.max(0, Math.min(1, share ?? 0)) * 100);
  bar.querySelector('.fill').style.width = `${pct}%`;
  bar.querySelector('.pct').textContent = `${pct}%`;
  bar.setAttribute('aria-valuenow', String(pct));
  bar.classList.toggle('done', pct === 100);
}

export const stateLabel = (state) => (state ?? '').replaceAll('_', ' ');

export const isFinished = (state) => state === 'completed' || state === 'completed_with_errors' || state === 'cancelled';
