// The document information of a PDF that Chromium printed (author, subject, keywords, producer), added as an
// incremental update: the printed bytes stay as they are and a new version of the information dictionary, a
// cross-reference section for it and a trailer pointing back to Chromium's are appended (ISO 32000-1, 7.5.6). Reading
// and rewriting the whole file (pdf-lib's load and save) cost a batch about 60 ms of CPU per report; this reads only
// the trailer, the catalog and the page tree. PDF syntax is parsed and written by pdf-lib's own objects. A file this
// does not recognise (no classic cross-reference table, encrypted, a catalog without the language or the title
// preference) is left to the caller's full rewrite.

import {
  PDFBool,
  PDFContext,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';

export interface PdfInfo {
  title: string;
  subject: string;
  author: string;
  /** Written as one entry: pdf-lib and readers join keywords with spaces. */
  keywords: string;
  producer: string;
  /** Also the creator. */
  creator: string;
  /** The catalog's /Lang must already say this (Chromium writes the document's lang attribute). */
  language: string;
  created: Date;
}

export interface InfoUpdate {
  /** Bytes to append to the printed PDF. */
  tail: Uint8Array;
  pages: number;
}

const latin1 = (bytes: Uint8Array, start: number, end: number): string => Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');

/** The byte offsets of the objects in a classic cross-reference table and where its trailer starts, or undefined. */
function parseXref(pdf: Uint8Array, offset: number, end: number): { offsets: Map<number, number>; trailerAt: number } | undefined {
  const text = latin1(pdf, offset, end);
  const trailer = text.indexOf('trailer');
  if (!text.startsWith('xref') || trailer < 0) return undefined;
  const offsets = new Map<number, number>();
  const lines = text.slice(4, trailer).trim().split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; ) {
    const header = /^(\d+) (\d+)\s*$/.exec(lines[i]!);
    if (!header) return undefined;
    const first = Number(header[1]);
    const count = Number(header[2]);
    for (let k = 0; k < count; k++) {
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(lines[i + 1 + k] ?? '');
      if (!entry) return undefined;
      if (entry[3] === 'n') offsets.set(first + k, Number(entry[1]));
    }
    i += 1 + count;
  }
  return { offsets, trailerAt: offset + trailer + 'trailer'.length };
}

function parseAt(pdf: Uint8Array, offset: number, context: PDFContext): PDFObject {
  return PDFObjectParser.forBytes(pdf.subarray(offset), context).parseObject();
}

/** The dictionary of the indirect object `ref`, or undefined when the table does not point at it. */
function objectAt(pdf: Uint8Array, offsets: Map<number, number>, ref: PDFRef, context: PDFContext): PDFDict | undefined {
  const offset = offsets.get(ref.objectNumber);
  if (offset === undefined) return undefined;
  const header = new RegExp(`^\\s*${ref.objectNumber}\\s+${ref.generationNumber}\\s+obj`).exec(latin1(pdf, offset, Math.min(pdf.length, offset + 40)));
  if (!header) return undefined;
  const object = parseAt(pdf, offset + header[0].length, context);
  return object instanceof PDFDict ? object : undefined;
}

const text = (o: PDFObject | undefined): string | undefined =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;

/**
 * The update that sets `info` in a PDF Chromium printed, or undefined when the file is not of the expected shape (the
 * caller then rewrites it whole). Values are encoded as pdf-lib's setters encode them (UTF-16 hex strings, PDF dates).
 */
export function infoUpdate(pdf: Uint8Array, info: PdfInfo): InfoUpdate | undefined {
  const tailStart = Math.max(0, pdf.length - 1024);
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin1(pdf, tailStart, pdf.length));
  if (!end) return undefined;
  const xrefOffset = Number(end[1]);
  const xref = parseXref(pdf, xrefOffset, tailStart + end.index);
  if (!xref) return undefined;
  const context = PDFContext.create();
  const trailer = parseAt(pdf, xref.trailerAt, context);
  if (!(trailer instanceof PDFDict) || trailer.has(PDFName.of('Encrypt'))) return undefined;
  const size = trailer.get(PDFName.of('Size'));
  const root = trailer.get(PDFName.of('Root'));
  const infoRef = trailer.get(PDFName.of('Info'));
  if (!(size instanceof PDFNumber) || !(root instanceof PDFRef)) return undefined;

  const catalog = objectAt(pdf, xref.offsets, root, context);
  const pagesRef = catalog?.get(PDFName.of('Pages'));
  const prefsEntry = catalog?.get(PDFName.of('ViewerPreferences'));
  const prefs = prefsEntry instanceof PDFRef ? objectAt(pdf, xref.offsets, prefsEntry, context) : prefsEntry;
  if (!catalog || !(pagesRef instanceof PDFRef) || text(catalog.get(PDFName.of('Lang'))) !== info.language) return undefined;
  if (!(prefs instanceof PDFDict) || prefs.get(PDFName.of('DisplayDocTitle')) !== PDFBool.True) return undefined;
  const count = objectAt(pdf, xref.offsets, pagesRef, context)?.get(PDFName.of('Count'));
  if (!(count instanceof PDFNumber)) return undefined;

  // The information dictionary keeps what Chromium wrote besides the fields set here, under its own number.
  const ref = infoRef instanceof PDFRef ? infoRef : PDFRef.of(size.asNumber());
  const dict = (infoRef instanceof PDFRef ? objectAt(pdf, xref.offsets, infoRef, context) : undefined) ?? context.obj({});
  const set = (key: string, value: PDFObject) => dict.set(PDFName.of(key), value);
  set('Title', PDFHexString.fromText(info.title));
  set('Subject', PDFHexString.fromText(info.subject));
  set('Author', PDFHexString.fromText(info.author));
  set('Keywords', PDFHexString.fromText(info.keywords));
  set('Producer', PDFHexString.fromText(info.producer));
  set('Creator', PDFHexString.fromText(info.creator));
  set('CreationDate', PDFString.fromDate(info.created));
  set('ModDate', PDFString.fromDate(info.created));

  const newTrailer = context.obj({});
  for (const [key, value] of trailer.entries()) newTrailer.set(key, value);
  newTrailer.set(PDFName.of('Size'), PDFNumber.of(Math.max(size.asNumber(), ref.objectNumber + 1)));
  newTrailer.set(PDFName.of('Info'), ref);
  newTrailer.set(PDFName.of('Prev'), PDFNumber.of(xrefOffset));

  // A file that does not end in an end-of-line gets one before the appended objects.
  const lead = pdf[pdf.length - 1] === 0x0a || pdf[pdf.length - 1] === 0x0d ? '' : '\n';
  const object = `${lead}${ref.objectNumber} ${ref.generationNumber} obj\n${dict.toString()}\nendobj\n`;
  const objectOffset = pdf.length + lead.length;
  const newXref = pdf.length + Buffer.byteLength(object, 'latin1');
  const entry = `${String(objectOffset).padStart(10, '0')} ${String(ref.generationNumber).padStart(5, '0')} n \n`;
  const tail =
    `${object}xref\n${ref.objectNumber} 1\n${entry}trailer\n${newTrailer.toString()}\nstartxref\n${newXref}\n%%EOF\n`;
  return { tail: Buffer.from(tail, 'latin1'), pages: count.asNumber() };
}
