import path from 'node:path';
import nunjucks from 'nunjucks';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export type EmailRenderer = (template: string, data: Record<string, unknown>) => RenderedEmail;

/** Each template is a folder under templates/ with subject.njk, html.njk and text.njk (Bahasa Indonesia). */
export function createEmailRenderer(templatesDir = path.join(__dirname, 'templates')): EmailRenderer {
  const html = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir), {
    autoescape: true,
    throwOnUndefined: true,
  });
  const plain = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir), {
    autoescape: false,
    throwOnUndefined: true,
  });
  return (template, data) => ({
    subject: plain.render(`${template}/subject.njk`, data).trim(),
    html: html.render(`${template}/html.njk`, data),
    text: plain.render(`${template}/text.njk`, data),
  });
}
