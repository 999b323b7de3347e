/** Syntax highlighting for the assistant's code, by the `language` the server gives each file. */
import { javascript } from '@codemirror/lang-javascript';
import { python } from '@codemirror/lang-python';
import { sql } from '@codemirror/lang-sql';
import type { Extension } from '@codemirror/state';

export function languageSupport(language: string): Extension {
  switch (language) {
    case 'typescript':
      return javascript({ typescript: true });
    case 'javascript':
      return javascript();
    case 'python':
      return python();
    case 'sql':
      return sql();
    default:
      // Shown as plain text: a language without a grammar here is still readable.
      return [];
  }
}
