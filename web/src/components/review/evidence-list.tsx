/**
 * The passages a pre-grade score rests on: each quote (candidate text, shown as text), what it stands for,
 * and an "unverified" badge when the judge quoted something the submission does not say. Long lists (a
 * smells check can find dozens) show the first few and a button for the rest.
 */
import { useState } from 'react';
import type { Evidence } from '../../review-api';
import { describeLines } from '../../review-evidence';

const SHOWN = 6;

export function EvidenceList({ evidence, label }: { evidence: readonly Evidence[]; label: string }) {
  const [all, setAll] = useState(false);
  if (evidence.length === 0) return null;
  const shown = all ? evidence : evidence.slice(0, SHOWN);
  return (
    <div className="evidence">
      <p className="evidence-heading">
        {label} ({evidence.length})
      </p>
      <ul>
        {shown.map((item, index) => (
          // Evidence items have no id; their position in the pre-grade is stable while it is shown.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index} className="evidence-item">
            {item.in === 'lines' ? (
              <span className="evidence-lines">{describeLines(item.start, item.end)}</span>
            ) : (
              <q className="evidence-quote">{item.quote}</q>
            )}
            {item.label && <span className="evidence-label">{item.label}</span>}
            {item.in !== 'text' && item.in !== 'lines' && <span className="evidence-label">in the {item.in}</span>}
            {!item.verified && <span className="badge badge-warning">unverified</span>}
          </li>
        ))}
      </ul>
      {evidence.length > SHOWN && (
        <button type="button" className="button button-quiet button-small" onClick={() => setAll((on) => !on)}>
          {all ? 'Show fewer' : `Show all ${evidence.length}`}
        </button>
      )}
    </div>
  );
}
