/** Placeholder: being built (issue 6). */
import { useDocumentTitle } from '../use-document-title';

export function AssessmentsPage() {
  useDocumentTitle('Assessments');
  return <h1>Assessments</h1>;
}
