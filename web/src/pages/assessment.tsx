/** Placeholder: being built (issue 6). */
import { useDocumentTitle } from '../use-document-title';

export function AssessmentPage({ id }: { id: string }) {
  useDocumentTitle('Assessment');
  return <h1>Assessment {id}</h1>;
}
