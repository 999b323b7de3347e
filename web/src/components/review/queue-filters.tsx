/** The review queue's filters: assessment, exercise and state, each a labelled menu; changes go to the address bar. */
import { type FilterOptions, type QueueFilters, STATE_PRESETS, type StatePreset } from '../../review-filters';

export function QueueFilterBar({
  filters,
  options,
  onChange,
}: {
  filters: QueueFilters;
  options: FilterOptions;
  onChange: (filters: QueueFilters) => void;
}) {
  return (
    <form className="queue-filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      <label>
        Assessment
        <select
          value={filters.assessment ?? ''}
          onChange={(event) => onChange({ ...filters, assessment: event.target.value || null })}
          data-testid="filter-assessment"
        >
          <option value="">All assessments</option>
          {withSelected(options.assessments, filters.assessment).map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Exercise
        <select
          value={filters.exercise ?? ''}
          onChange={(event) => onChange({ ...filters, exercise: event.target.value || null })}
          data-testid="filter-exercise"
        >
          <option value="">All exercises</option>
          {withSelected(options.exercises, filters.exercise).map(([id, title]) => (
            <option key={id} value={id}>
              {title}
            </option>
          ))}
        </select>
      </label>
      <label>
        State
        <select
          value={filters.state}
          onChange={(event) => onChange({ ...filters, state: event.target.value as StatePreset })}
          data-testid="filter-state"
        >
          {(Object.keys(STATE_PRESETS) as StatePreset[]).map((preset) => (
            <option key={preset} value={preset}>
              {STATE_PRESETS[preset].label}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}

/** The options sorted by name, with the selected one kept even when no row shows it (a shared link). */
function withSelected(options: Map<string, string>, selected: string | null): [string, string][] {
  const entries = [...options.entries()];
  if (selected && !options.has(selected)) entries.push([selected, selected]);
  return entries.sort((a, b) => a[1].localeCompare(b[1]));
}
