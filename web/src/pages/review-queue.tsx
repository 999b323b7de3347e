/** Placeholder: being built (issue 6). */
import { useDocumentTitle } from '../use-document-title';

export function ReviewQueuePage() {
  useDocumentTitle('Review queue');
  return <h1>Review queue</h1>;
}
