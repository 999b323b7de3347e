/**
 * A candidate's Markdown, rendered for a reviewer. The text is untrusted, so on top of what <Brief> does
 * (raw HTML dropped by skipHtml, javascript: and other unsafe URLs emptied by react-markdown's default URL
 * filter) images are shown as text rather than loaded (a candidate's image URL would be a request to a server
 * of their choosing, and one the CSP refuses), and links open in a new tab without a referrer.
 */
import type { ComponentProps } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

const remarkPlugins = [remarkGfm];

const components: Components = {
  img: ({ alt, src }) => (
    <span className="md-image">
      [image{alt ? `: ${alt}` : ''}
      {typeof src === 'string' && src ? ` (${src})` : ''}]
    </span>
  ),
  a: ({ href, children }: ComponentProps<'a'>) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    ) : (
      <span className="md-dead-link">{children}</span>
    ),
};

export function CandidateMarkdown({ markdown }: { markdown: string }) {
  if (markdown.trim() === '') return <p className="muted">(empty)</p>;
  return (
    <div className="brief candidate-markdown">
      <Markdown remarkPlugins={remarkPlugins} components={components} skipHtml>
        {markdown}
      </Markdown>
    </div>
  );
}
