namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>The scripts the browser test runs inside the pages.</summary>
internal static class PageScripts
{
    /// <summary>Records every value the jobs table's progress bars show, so the test can tell a live climb from a reload.</summary>
    public const string RecordProgress = """
        () => {
          window.progressSeen = [];
          const tbody = document.querySelector('#jobs tbody');
          new MutationObserver(() => {
            for (const row of tbody.querySelectorAll('tr[data-id]')) {
              const value = row.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow');
              window.progressSeen.push(row.dataset.id + ':' + value);
            }
          }).observe(tbody, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
        }
        """;

    /// <summary>
    /// Pixels of a chart's first uPlot canvas (the equity chart's unless a selector names another) close to the strategy
    /// line's colour (#2563eb), and all painted pixels. Playwright passes null, not undefined, when no argument is given.
    /// </summary>
    public const string ChartPixels = """
        (chart) => {
          const canvas = document.querySelector(`${chart ?? '#chart'} canvas`);
          if (!canvas || canvas.width === 0 || canvas.height === 0) return { line: 0, painted: 0, width: 0, height: 0 };
          const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let line = 0, painted = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3] === 0) continue;
            painted++;
            if (Math.abs(data[i] - 37) < 40 && Math.abs(data[i + 1] - 99) < 40 && Math.abs(data[i + 2] - 235) < 40 && data[i + 3] > 128) line++;
          }
          return { line, painted, width: canvas.width, height: canvas.height };
        }
        """;

    /// <summary>The results table: the sorted column's aria-sort and that column's raw values, top to bottom.</summary>
    public const string SortedColumn = """
        (key) => {
          const headers = [...document.querySelectorAll('#results th')];
          const column = headers.findIndex((th) => th.dataset.key === key);
          return {
            direction: headers[column].getAttribute('aria-sort'),
            values: [...document.querySelectorAll('#results tbody tr')].map((tr) => tr.children[column].dataset.value),
          };
        }
        """;

    /// <summary>The text of every cell of a table's body, row by row.</summary>
    public const string TableCells = """
        (table) => [...document.querySelectorAll(`${table} tbody tr`)].map((tr) => [...tr.cells].map((td) => td.textContent))
        """;

    /// <summary>Where the walk-forward chart's window markers sit (CSS pixels from the plot's left) and the plot's width.</summary>
    public const string BoundaryMarkers = """
        () => {
          const over = document.querySelector('#wf-chart .u-over');
          const lefts = [...over.querySelectorAll('.wf-boundary')].map((m) => parseFloat(m.style.left));
          return { lefts, width: over.clientWidth };
        }
        """;

    /// <summary>
    /// Pixels of the first canvas under a selector close to an RGB colour (within 40 on each channel, mostly opaque):
    /// what one series of a chart painted, where <see cref="ChartPixels"/> counts only the strategy line's blue.
    /// </summary>
    public const string ColourPixels = """
        ({ selector, rgb }) => {
          const canvas = document.querySelector(`${selector} canvas`);
          if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
          const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let count = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3] > 128 && Math.abs(data[i] - rgb[0]) < 40 && Math.abs(data[i + 1] - rgb[1]) < 40 && Math.abs(data[i + 2] - rgb[2]) < 40) count++;
          }
          return count;
        }
        """;
}
