/**
 * The judge's default model. ANTHROPIC_MODEL overrides it (read in env.ts, passed in by the caller); this is
 * only the fallback. It must be a current Sonnet from the SDK's `Model` list that the SDK does not mark
 * deprecated: the SDK warns on every request to a model in its DEPRECATED_MODELS table
 * (@anthropic-ai/sdk/internal/data/deprecated-models); tests keep this id in the SDK's `Model` union and out
 * of that table.
 */
export const DEFAULT_MODEL = 'claude-sonnet-5-5';
