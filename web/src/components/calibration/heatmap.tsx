/**
 * One criterion's pre-grade × reviewer matrix as a table a person reads at a glance: rows are the
 * pre-grade, columns the reviewer's final score, each cell prints its count and is shaded by it
 * (calibration-heat.ts), and the diagonal, where the two agree, is outlined. A table rather than a picture:
 * screen readers announce each count with its two headers.
 */
import type { CriterionCalibration } from '../../calibration-api';
import { diagonalTotal, heatLevel, largestCount } from '../../calibration-heat';

export function Heatmap({ criterion }: { criterion: CriterionCalibration }) {
  const { matrix, title, n } = criterion;
  const largest = largestCount(matrix);
  const scores = matrix.map((_, score) => score);
  const agreed = diagonalTotal(matrix);
  return (
    <figure className="heatmap" data-testid={`heatmap-${criterion.criterionId}`}>
      <figcaption>
        <h3>{title}</h3>
        <span className="muted">
          max {criterion.max} · {n} compared{n > 0 && ` · ${agreed} on the diagonal`}
        </span>
      </figcaption>
      {n === 0 ? (
        <p className="muted heatmap-empty">Nothing to draw: no scored pre-grade has been confirmed yet.</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls, by keyboard too
        <div className="heatmap-scroll" tabIndex={0}>
          <table className="heatmap-table">
            <caption className="visually-hidden">
              {title}: submissions by pre-grade (rows) and reviewer’s final score (columns)
            </caption>
            <thead>
              <tr>
                <td colSpan={2} rowSpan={2} className="heatmap-corner" />
                <th scope="colgroup" colSpan={scores.length} className="heatmap-axis">
                  reviewer
                </th>
              </tr>
              <tr>
                {scores.map((score) => (
                  <th key={score} scope="col" className="heatmap-score">
                    {score}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.map((row, pre) => (
                // Rows are scores 0..max: the index is the score.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <tr key={pre}>
                  {pre === 0 && (
                    <th scope="rowgroup" rowSpan={matrix.length} className="heatmap-axis heatmap-axis-rows">
                      <span>pre-grade</span>
                    </th>
                  )}
                  <th scope="row" className="heatmap-score">
                    {pre}
                  </th>
                  {row.map((count, final) => (
                    <td
                      // Columns are scores 0..max: the index is the score.
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above
                      key={final}
                      className={`heat heat-${heatLevel(count, largest)}${pre === final ? ' heat-diagonal' : ''}`}
                      title={`pre-grade ${pre}, reviewer ${final}: ${count}`}
                    >
                      {count}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}

/** What the shades and the outline mean, once for every heatmap on the page. */
export function HeatmapLegend() {
  return (
    <p className="heatmap-legend muted">
      <span className="legend-swatches" aria-hidden="true">
        {[1, 2, 3, 4].map((level) => (
          <span key={level} className={`heat heat-${level}`} />
        ))}
      </span>
      Darker cells hold more submissions; each prints its count.
      <span className="heat heat-0 heat-diagonal legend-diagonal" aria-hidden="true" />
      Outlined: the diagonal, where the pre-grade equals the reviewer’s score.
    </p>
  );
}
