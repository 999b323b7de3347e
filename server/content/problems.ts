/**
 * A problem found in content: the file, the field and what to do. zod issues become problems whose
 * message ends with the field's description, so an author reads what the field means beside what is wrong.
 */
import type { z } from 'zod';

export type Problem = { file: string; field: string; message: string };

export function zodProblems(file: string, error: z.ZodError, schema: z.ZodType, prefix = ''): Problem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    const field = [prefix, ...path].filter(Boolean).join('.') || '(whole file)';
    const hint = describeAt(schema, path);
    const message = hint && !issue.message.includes(hint) ? `${issue.message} (${hint})` : issue.message;
    return { file, field, message };
  });
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  items?: z.ZodType[];
};

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The `.describe()` text of the field a path leads to, or undefined where the path cannot be followed. */
function describeAt(schema: z.ZodType | undefined, path: string[]): string | undefined {
  if (!schema) return undefined;
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
      return describeAt(def.innerType, path) ?? schema.description;
    case 'pipe':
      return describeAt(def.in, path) ?? schema.description;
    case 'union':
      for (const option of def.options ?? []) {
        const found = path.length > 0 ? describeAt(option, path) : undefined;
        if (found) return found;
      }
      return schema.description;
  }
  const [head, ...rest] = path;
  if (head === undefined) return schema.description;
  if (def.type === 'object') return describeAt(def.shape?.[head], rest) ?? schema.description;
  if (def.type === 'array') return describeAt(def.element, rest) ?? schema.description;
  if (def.type === 'tuple') return describeAt(def.items?.[Number(head)], rest) ?? schema.description;
  return schema.description;
}
