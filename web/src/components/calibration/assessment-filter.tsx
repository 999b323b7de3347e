/**
 * Which assessment the calibration covers: all of them, or one. The list of assessments is a convenience:
 * when it fails to load, the page still works for all of them and says why the choice is missing.
 */
import type { AssessmentOption } from '../../calibration-api';
import type { Resource } from '../../use-resource';
import { FailureMessage } from '../failure-message';

export function AssessmentFilter({
  options,
  selected,
  onSelect,
}: {
  options: Resource<AssessmentOption[]>;
  selected: string | null;
  onSelect: (assessment: string | null) => void;
}) {
  const list = options.state === 'ready' ? options.data : [];
  // An assessment named in the address but not (or not yet) listed is still the one shown.
  const known = selected === null || list.some((a) => a.id === selected);
  return (
    <div className="field calibration-filter">
      <label htmlFor="calibration-assessment">Assessment</label>
      <select
        id="calibration-assessment"
        value={selected ?? ''}
        onChange={(event) => onSelect(event.target.value || null)}
        disabled={options.state === 'loading'}
      >
        <option value="">All assessments</option>
        {!known && selected && <option value={selected}>{selected}</option>}
        {list.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      {options.state === 'failed' && (
        <div className="field-error" role="alert">
          <p>The list of assessments did not load, so only “All assessments” can be chosen:</p>
          <FailureMessage failure={options.failure} />
        </div>
      )}
    </div>
  );
}
