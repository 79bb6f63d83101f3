// A sweep's parameters value by value (the summary's `parameters`): for each value, its backtests across everything else
// the sweep varied, their mean and best Sharpe, mean return and the share that made money. A value good everywhere is a
// robust choice; one good cell among poor neighbours is luck. The chat shows the same tables.
import { element, number, percent } from './format.js';

export function renderEffects(effects, container) {
  container.replaceChildren(...effects.map((effect) => {
    const head = element('tr', {}, ...[effect.parameter, 'Backtests', 'Mean Sharpe', 'Best Sharpe', 'Mean return', 'Made money']
      .map((name, i) => element('th', { className: i === 0 ? '' : 'num' }, name)));
    const body = effect.values.map((v) => element('tr', {},
      element('td', {}, v.value),
      element('td', { className: 'num' }, v.backtests.toLocaleString('en-IN')),
      element('td', { className: 'num' }, number(v.mean_sharpe)),
      element('td', { className: 'num' }, number(v.best_sharpe)),
      element('td', { className: 'num' }, percent(v.mean_return)),
      element('td', { className: 'num' }, percent(v.positive_share))));
    const table = element('table', { className: 'effects' }, element('thead', {}, head), element('tbody', {}, ...body));
    table.dataset.parameter = `${effect.strategy} ${effect.parameter}`;
    return element('div', { className: 'scroll' }, element('h3', {}, `${effect.strategy} ${effect.parameter}`), table);
  }));
}
