/** The marked lines as a list, each with a Remove button: the keyboard- and screen-reader view of the marks. */
import { useId } from 'react';
import { describeRange, type LineRange } from '../../line-marks';

export function MarkedRanges({
  ranges,
  readOnly,
  onRemove,
}: {
  ranges: readonly LineRange[];
  readOnly: boolean;
  onRemove: (range: LineRange) => void;
}) {
  const headingId = useId();
  return (
    <div className="marked-ranges" data-testid="marked-ranges">
      <h3 id={headingId}>Marked lines</h3>
      {ranges.length === 0 ? (
        <p className="muted">No lines marked yet.</p>
      ) : (
        <ul aria-labelledby={headingId}>
          {ranges.map((range) => {
            const text = describeRange(range);
            return (
              <li key={`${range[0]}-${range[1]}`} className="marked-range" data-range={`${range[0]}-${range[1]}`}>
                <span>{text.charAt(0).toUpperCase() + text.slice(1)}</span>
                {!readOnly && (
                  <button
                    type="button"
                    className="button button-quiet button-small"
                    aria-label={`Remove ${text}`}
                    onClick={() => onRemove(range)}
                  >
                    Remove
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
