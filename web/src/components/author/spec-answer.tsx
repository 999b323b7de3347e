/** A spec answer to try: Markdown, in the editor candidates write in. */
import { MarkdownEditor } from '../editor/markdown-editor';

const NOTHING = () => {};

export function SpecAnswer({ onChange }: { onChange: (text: string) => void }) {
  return (
    <MarkdownEditor
      label="The spec"
      headingLevel={2}
      initialText=""
      readOnly={false}
      onChange={onChange}
      onBlur={NOTHING}
      placeholder="Paste or write a spec as a candidate would, in Markdown…"
      testId="try-spec"
    />
  );
}
