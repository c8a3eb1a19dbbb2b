/**
 * Letter model → document tree: each part of the letter is rendered from its
 * template to Markdown, parsed into blocks and tagged with the part's role;
 * the document's properties are filled from the model and the rendered text.
 */
import { generatorName } from '../ground/version.js';
import type { LetterModel } from './model.js';
import { markdownToBlocks } from './markdown-tree.js';
import { letterParts, type PreparedTemplates } from './templates.js';
import { blockText, type Block, type DocumentMeta, type LetterDocument } from './tree.js';
import { toView } from './view.js';

/** Renders the letter model into the one document tree every writer consumes. Throws on a missing field (strict mode). */
export function renderLetter(
  model: LetterModel,
  templates: PreparedTemplates,
  generator = generatorName,
): LetterDocument {
  const view = toView(model);
  const blocks: Block[] = [];
  for (const part of letterParts) blocks.push(...markdownToBlocks(templates.render(part.name, view), part.role));
  const subject = markdownToBlocks(templates.render('subject', view), 'body').map(blockText).join(' ').trim();
  const heading = blocks.find((b) => b.type === 'heading' && b.depth === 1);
  const title = heading ? blockText(heading) : subject;
  const schoolName = typeof model.school.name === 'string' ? model.school.name : '';
  const meta: DocumentMeta = {
    title,
    subject,
    author: typeof model.inspector.name === 'string' ? model.inspector.name : '',
    language: 'en-GB',
    keywords: ['monitoring inspection', 'requires improvement', `URN ${model.school.urn}`, schoolName].filter(
      (k) => k !== '',
    ),
    urn: model.school.urn,
    visitDate: model.visit.lastDateIso,
    letterDate: model.letterDateIso,
    status: model.status,
    published: model.published,
    generator,
    templateHash: model.templateHash,
  };
  return { meta, blocks };
}
