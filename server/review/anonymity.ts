/**
 * Who the candidate is, as staff may see it: with the assessment's `anonymous` setting on, name and email stay
 * hidden until every exercise of the attempt is confirmed, so that a reviewer scores the work, not the person.
 */
export type CandidateShown = { label: string; name: string | null; email: string | null; hidden: boolean };

export function candidateShown(row: {
  attemptId: string;
  anonymous: boolean;
  attemptReviewed: boolean;
  candidateName: string | null;
  candidateEmail: string | null;
}): CandidateShown {
  const alias = `Candidate ${row.attemptId.replaceAll('-', '').slice(0, 6)}`;
  if (row.anonymous && !row.attemptReviewed) return { label: alias, name: null, email: null, hidden: true };
  return {
    label: row.candidateName ?? row.candidateEmail ?? alias,
    name: row.candidateName,
    email: row.candidateEmail,
    hidden: false,
  };
}
