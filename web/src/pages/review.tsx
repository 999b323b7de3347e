/** Placeholder: being built (issue 6). */
import { useDocumentTitle } from '../use-document-title';

export function ReviewPage({ id }: { id: string }) {
  useDocumentTitle('Review');
  return <h1>Review {id}</h1>;
}
