/**
 * The e-mails' wording lives in templates/email/*.hbs (STYLE: wording only in
 * templates). Compiled once per process in an isolated Handlebars
 * environment, strict (a missing field throws, never prints "undefined"),
 * without HTML escaping: the bodies are plain text, and subjects are checked
 * for line breaks after rendering.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

export const emailTemplateNames = ['letter', 'letter-subject', 'confirmation', 'confirmation-subject'] as const;
/** Partials the templates include: `{{> copy-reason}}`, why a copy's recipient receives it (para 17). */
export const emailPartialNames = ['copy-reason'] as const;
export type EmailTemplateName = (typeof emailTemplateNames)[number];

/** A compiled template: view model in, text out. */
export type EmailTemplate = (view: object) => string;
export type EmailTemplates = Record<EmailTemplateName, EmailTemplate>;

/** The bundled templates/email folder (from src/distribution or dist/src/distribution). */
export function bundledEmailTemplateDir(): string {
  const candidates = ['../../templates/email', '../../../templates/email'].map((p) =>
    fileURLToPath(new URL(p, import.meta.url)),
  );
  return candidates.find((dir) => existsSync(join(dir, 'letter.hbs'))) ?? candidates[0]!;
}

const cache = new Map<string, EmailTemplates>();

/** Compiles the e-mail templates of a folder once per process. */
export function emailTemplates(dir: string = bundledEmailTemplateDir()): EmailTemplates {
  const cached = cache.get(dir);
  if (cached) return cached;
  const env = Handlebars.create();
  for (const name of emailPartialNames) {
    const source = readFileSync(join(dir, `${name}.hbs`), 'utf8');
    env.registerPartial(name, env.compile(source, { strict: true, noEscape: true }));
  }
  const compiled = {} as Record<EmailTemplateName, EmailTemplate>;
  for (const name of emailTemplateNames) {
    const file = join(dir, `${name}.hbs`);
    const source = readFileSync(file, 'utf8');
    const template = env.compile(source, { strict: true, noEscape: true });
    compiled[name] = (view: object) => {
      try {
        return template(view);
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
      }
    };
  }
  cache.set(dir, compiled);
  return compiled;
}

/** A subject: the template's output on one line. */
export function renderSubject(template: EmailTemplate, view: object): string {
  return template(view).trim();
}
