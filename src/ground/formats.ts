/** The formats a letter is written in. A module of its own, so the batch's main thread loads no renderer. */
export const outputFormats = ['docx', 'pdf', 'md', 'html', 'json'] as const;
export type OutputFormat = (typeof outputFormats)[number];
