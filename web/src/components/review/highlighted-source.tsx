/**
 * A field of the submission exactly as the candidate typed it (line breaks and spacing kept, nothing
 * interpreted), with the selected evidence marked. React renders the text as text: this is the safe view of
 * even the most hostile submission.
 */
import { useMemo } from 'react';
import { type Span, segmentsOf } from '../../review-evidence';

export function HighlightedSource({ text, spans, label }: { text: string; spans: readonly Span[]; label: string }) {
  const segments = useMemo(() => segmentsOf(text, spans), [text, spans]);
  if (text === '') return <p className="muted">(empty)</p>;
  return (
    <section aria-label={label}>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <pre className="submission-source" tabIndex={0}>
        {segments.map((segment) =>
          segment.spans.length > 0 ? (
            <mark key={segment.start} className="evidence-mark" data-evidence-mark="">
              {segment.text}
            </mark>
          ) : (
            <span key={segment.start}>{segment.text}</span>
          ),
        )}
      </pre>
    </section>
  );
}
