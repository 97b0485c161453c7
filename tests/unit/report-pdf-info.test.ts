// The document information appended to a printed PDF as an incremental update (src/report/pdf-info.ts): readers see
// the new values, the pages and objects stay as printed, and a file of another shape is left to the full rewrite.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { infoUpdate, type PdfInfo } from '../../src/report/pdf-info.js';

const info: PdfInfo = {
  title: 'Lokaal beeld CTER – Zaanstad, 3e kwartaal 2025',
  subject: 'Lokaal beeld contraterrorisme, extremisme en radicalisering (CTER), gemeente Zaanstad',
  author: 'Gemeente Zaanstad — OOV',
  keywords: 'CTER; lokaal beeld; Departementaal Vertrouwelijk; TLP:AMBER',
  producer: 'cter 9.9.9',
  creator: 'cter 9.9.9',
  language: 'nl',
  created: new Date(Date.UTC(2025, 9, 6, 14, 3, 7)),
};

/** A PDF shaped like Chromium's: classic cross-reference table, /Lang and DisplayDocTitle in the catalog. */
async function printed(options: { pages?: number; lang?: string; objectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < (options.pages ?? 3); i++) doc.addPage().drawText(`pagina ${i + 1}`);
  doc.setTitle('Titel van Chromium', { showInWindowTitleBar: true });
  doc.setCreator('Chromium');
  doc.setProducer('Skia/PDF');
  if (options.lang !== undefined) doc.catalog.set(PDFName.of('Lang'), PDFString.of(options.lang));
  return doc.save({ useObjectStreams: options.objectStreams ?? false });
}

describe('infoUpdate', () => {
  it('appends the information dictionary; pdf-lib and poppler read the new values and the same pages', async () => {
    const pdf = await printed({ lang: 'nl' });
    const update = infoUpdate(pdf, info);
    expect(update?.pages).toBe(3);
    const bytes = Buffer.concat([pdf, update!.tail]);
    // The printed bytes come first, unchanged.
    expect(bytes.subarray(0, pdf.length).equals(Buffer.from(pdf))).toBe(true);

    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe(info.title);
    expect(doc.getSubject()).toBe(info.subject);
    expect(doc.getAuthor()).toBe(info.author);
    expect(doc.getKeywords()).toBe(info.keywords);
    expect(doc.getProducer()).toBe('cter 9.9.9');
    expect(doc.getCreator()).toBe('cter 9.9.9');
    expect(doc.getCreationDate()).toEqual(info.created);
    expect(doc.getModificationDate()).toEqual(info.created);
    expect(doc.getPageCount()).toBe(3);

    const dir = mkdtempSync(join(tmpdir(), 'cter-pdf-info-'));
    writeFileSync(join(dir, 'a.pdf'), bytes);
    const shown = execFileSync('pdfinfo', ['-isodates', join(dir, 'a.pdf')], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
    expect(shown).toMatch(/Title:\s+Lokaal beeld CTER – Zaanstad, 3e kwartaal 2025/);
    expect(shown).toMatch(/Author:\s+Gemeente Zaanstad — OOV/);
    expect(shown).toMatch(/Keywords:\s+CTER; lokaal beeld; Departementaal Vertrouwelijk; TLP:AMBER/);
    expect(shown).toMatch(/CreationDate:\s+2025-10-06T14:03:07Z/);
    expect(shown).toMatch(/Pages:\s+3/);
  });

  it('leaves a file it does not recognise to the full rewrite', async () => {
    // No language in the catalog, another language, or a cross-reference stream instead of a table.
    expect(infoUpdate(await printed(), info)).toBeUndefined();
    expect(infoUpdate(await printed({ lang: 'en' }), info)).toBeUndefined();
    expect(infoUpdate(await printed({ lang: 'nl', objectStreams: true }), info)).toBeUndefined();
    expect(infoUpdate(new TextEncoder().encode('%PDF-1.4\ngeen pdf\n'), info)).toBeUndefined();
  });
});
