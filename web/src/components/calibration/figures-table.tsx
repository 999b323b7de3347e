/**
 * One exercise's calibration figures: a row per criterion and the exercise's overall row, each with the
 * number compared, the agreement shares, the bias with its direction, κ with its reading, and what was left
 * out. A figure the server could not compute shows as "—".
 */
import type { AgreementFigures, ExerciseCalibration } from '../../calibration-api';
import { formatBias, formatExcluded, formatKappa, formatPercent } from '../../calibration-format';

const COLUMNS = [
  { label: 'Criterion', numeric: false },
  { label: 'Reviewed (n)', numeric: true },
  { label: 'Exact agreement', numeric: true },
  { label: 'Within one point', numeric: true },
  { label: 'Bias (pre − final)', numeric: true },
  { label: 'κ (QWK)', numeric: true },
  { label: 'Left out', numeric: false },
] as const;

export function FiguresTable({ exercise }: { exercise: ExerciseCalibration }) {
  return (
    <div className="table-scroll">
      <table className="exercise-table calibration-table" data-testid={`figures-${exercise.exerciseId}`}>
        <caption className="visually-hidden">Agreement of pre-grade and reviewer for {exercise.title}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {exercise.criteria.map((criterion) => (
            <FiguresRow
              key={`${criterion.criterionId}:${criterion.max}`}
              figures={criterion}
              rowId={criterion.criterionId}
              name={criterion.title}
              detail={`${criterion.criterionId} · max ${criterion.max}`}
            />
          ))}
        </tbody>
        <tfoot>
          <FiguresRow
            figures={exercise.overall}
            rowId="overall"
            name="Whole exercise"
            detail="all criteria pooled: n counts scores"
            overall
          />
        </tfoot>
      </table>
    </div>
  );
}

function FiguresRow({
  figures,
  rowId,
  name,
  detail,
  overall = false,
}: {
  figures: AgreementFigures;
  /** The criterion's id, or "overall": for tests and for whoever inspects the page. */
  rowId: string;
  name: string;
  detail: string;
  overall?: boolean;
}) {
  const bias = formatBias(figures.meanSignedDiff);
  const kappa = formatKappa(figures.qwk);
  return (
    <tr className={overall ? 'overall-row' : undefined} data-row={rowId}>
      <th scope="row" className="title-cell">
        {name}
        <span className="subtle">{detail}</span>
      </th>
      <td className="numeric" data-figure="n">
        {figures.n}
      </td>
      <td className="numeric">{formatPercent(figures.exactAgreement)}</td>
      <td className="numeric">{formatPercent(figures.withinOne)}</td>
      <td className="numeric">
        {bias.text}
        {bias.direction !== 'none' && <span className={`subtle bias-${bias.direction}`}>{bias.reading}</span>}
      </td>
      <td className="numeric">
        {kappa.text}
        <span className={`subtle kappa-${kappa.band ?? 'none'}`}>
          {kappa.band === null ? (figures.n === 0 ? '' : 'undefined: one score throughout') : kappa.reading}
        </span>
      </td>
      <td className="left-out">{formatExcluded(figures.excludedPending, figures.excludedFailed)}</td>
    </tr>
  );
}
