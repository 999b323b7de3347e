/** Placeholder: being built (issue 6). */
import { useDocumentTitle } from '../use-document-title';

export function UsersPage() {
  useDocumentTitle('Users');
  return <h1>Users</h1>;
}
