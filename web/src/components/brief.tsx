/**
 * An exercise brief, rendered from Markdown (GitHub flavour) to React elements. Raw HTML in the Markdown is
 * dropped, never rendered, and react-markdown's default URL filter removes javascript: and similar links.
 */
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

const remarkPlugins = [remarkGfm];

export function Brief({ markdown }: { markdown: string }) {
  return (
    <div className="brief">
      <Markdown remarkPlugins={remarkPlugins} skipHtml>
        {markdown}
      </Markdown>
    </div>
  );
}
