/**
 * Where to go after signing in: the page that sent the user to /login travels as ?next=. Only a path on
 * this site is followed, so that a crafted link cannot send a user who just signed in somewhere else.
 */
export const HOME_PATH = '/exercises';

export function loginPathFor(returnTo: string): string {
  return returnTo === HOME_PATH || !isLocalPath(returnTo)
    ? '/login'
    : `/login?${new URLSearchParams({ next: returnTo })}`;
}

export function returnPathFrom(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && isLocalPath(next) && !next.startsWith('/login') ? next : HOME_PATH;
}

function isLocalPath(path: string): boolean {
  // "//host" and "/\host" are read by browsers as another origin.
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\');
}
