/** Any path the app has no page for. */
import { Link } from 'wouter';
import { useDocumentTitle } from '../use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address.</p>
      <p>
        <Link href="/exercises">Go to the exercise library</Link>
      </p>
    </>
  );
}
