// PDF rendering with an installed Chromium through puppeteer-core: one browser, a pool of pages, reused for many
// reports (batch renders dozens). The page runs no JavaScript and may load nothing from the network: the document is
// self-contained (inline CSS, data: URIs). Chromium writes a tagged PDF with an outline from the h1-h3 headings;
// the metadata Chromium leaves out (author, subject, keywords, producer) is then appended (src/report/pdf-info.ts),
// keeping the structure tree and outline intact.

import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, PDFOptions } from 'puppeteer-core';
import { writeFileAtomic } from '../util/atomic-write.js';
import { CterError, EXIT } from '../util/errors.js';
import { CHROMIUM_PROFIEL, ruimOp } from '../util/leftovers.js';

export interface PdfMetadata {
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  /** "cter 0.1.0". */
  producer: string;
  language: string;
  created: Date;
}

export interface PdfDocument {
  html: string;
  /** Chromium header/footer templates (inline styles; pageNumber/totalPages classes). */
  headerTemplate: string;
  footerTemplate: string;
  metadata: PdfMetadata;
}

export interface PdfResult {
  path: string;
  pages: number;
  bytes: number;
}

export interface PdfRendererOptions {
  executablePath: string;
  /** Pages rendering at the same time (batch); default 1. */
  parallel?: number;
  /**
   * Browser processes the pages are spread over; default one per processor core but one, never more than `parallel`
   * and at least one.
   */
  browsers?: number;
  /**
   * Whether puppeteer handles Ctrl-C (closes the browser and exits at once; the default). `false` leaves it to the
   * caller: batch stops cleanly itself and then calls close().
   */
  handleSignals?: boolean;
}

export interface RenderOptions {
  timeoutMs?: number;
  /** Aborted (Ctrl-C): a document that has not begun printing is not printed. */
  signal?: AbortSignal;
}

/** A render that took longer than its time limit; the page was discarded. */
export class RenderTimeoutError extends CterError {
  constructor(readonly timeoutMs: number) {
    super(`het maken van de PDF duurde langer dan ${Math.round(timeoutMs / 1000)} seconden en is afgebroken.`, 1);
    this.name = 'RenderTimeoutError';
  }
}

/** Chromium failed to print (e.g. the browser crashed); the renderer starts a new browser for the next document. */
export class RenderError extends CterError {
  constructor(detail: string) {
    super(`de browser kon de PDF niet maken: ${detail.split('\n')[0]}`, 1);
    this.name = 'RenderError';
  }
}

/** Page margins; the header and footer templates sit inside the top and bottom margins. */
const PAGE_MARGIN = { top: '21mm', bottom: '19mm', left: '18mm', right: '18mm' } as const;

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Chromium's print options for a report: A4, backgrounds, header and footer, tagged, with an outline.
 * @public used by bench/pdf-kind.mjs (through dist/).
 */
export function pdfOptions(doc: Pick<PdfDocument, 'headerTemplate' | 'footerTemplate'>, timeoutMs = DEFAULT_TIMEOUT_MS): PDFOptions {
  return {
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: doc.headerTemplate,
    footerTemplate: doc.footerTemplate,
    margin: PAGE_MARGIN,
    tagged: true,
    outline: true,
    timeout: timeoutMs,
  };
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** The URL schemes a page could load anything from outside the document with (data: URIs are the document's own). */
const NETWERK_SCHEMAS = ['http', 'https', 'file', 'ftp', 'ws', 'wss', 'blob', 'filesystem'] as const;

/**
 * Fails every request of the page to anything outside the document. Only those requests are paused and sent to cter:
 * the data: URIs of the charts (about 240 kB a report) load inside Chromium. Puppeteer's request interception would
 * pause every request and send each data: URI whole through the DevTools pipe and back.
 */
async function blockNetwork(page: Page): Promise<void> {
  const session = await page.createCDPSession();
  session.on('Fetch.requestPaused', (event) => {
    session.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'BlockedByClient' }).catch(() => undefined);
  });
  await session.send('Fetch.enable', { patterns: NETWERK_SCHEMAS.map((schema) => ({ urlPattern: `${schema}:*` })) });
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RenderTimeoutError(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Sets the document information Chromium does not write; the printed objects (structure tree, outline) stay as they
 * are. Appended as an incremental update where Chromium's file has the expected shape, else rewritten with pdf-lib.
 */
async function setPdfMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<{ bytes: Uint8Array; pages: number }> {
  // pdf-lib joins keywords with spaces; multi-word keywords ("Departementaal Vertrouwelijk") need their own separator.
  const keywords = meta.keywords.join('; ');
  const { infoUpdate } = await import('./pdf-info.js');
  const update = infoUpdate(pdf, { ...meta, keywords, creator: meta.producer });
  if (update) return { bytes: Buffer.concat([pdf, update.tail]), pages: update.pages };
  const { PDFDocument, ParseSpeeds } = await import('pdf-lib');
  // No yielding to the event loop between objects: the file is small and a batch wants the throughput.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setSubject(meta.subject);
  doc.setAuthor(meta.author);
  doc.setKeywords([keywords]);
  doc.setProducer(meta.producer);
  doc.setCreator(meta.producer);
  doc.setLanguage(meta.language);
  doc.setCreationDate(meta.created);
  doc.setModificationDate(meta.created);
  return { bytes: await doc.save({ useObjectStreams: false, objectsPerTick: Infinity }), pages: doc.getPageCount() };
}

/**
 * Chromium prints the report and must make no network request of its own (component updates, sync, safe browsing,
 * metrics, field trials, DNS prefetch): every background service is off, and no host name resolves at all. The
 * report is self-contained, so nothing it needs is lost.
 */
export const CHROMIUM_ZONDER_NETWERK: readonly string[] = [
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--disable-crash-reporter',
  '--metrics-recording-only',
  '--safebrowsing-disable-auto-update',
  '--no-pings',
  '--dns-prefetch-disable',
  '--disable-field-trial-config',
  '--no-service-autorun',
  '--disable-features=OptimizationHints,OptimizationGuideModelDownloading,MediaRouter,DialMediaRouteProvider,Translate,' +
    'AutofillServerCommunication,CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying,SafeBrowsingOnly',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--mute-audio',
];

/**
 * One Chromium process, started on first use: its temporary profile, and its pages for reuse. A browser that crashed
 * (disconnected) is replaced by a new one at the next use.
 */
class BrowserProcess {
  private browser: Browser | undefined;
  private starting: Promise<Browser> | undefined;
  private warming: Promise<void> | undefined;
  private profileDir: string | undefined;
  private readonly idle: Page[] = [];
  /** Pages of this browser printing now. */
  busy = 0;

  constructor(private readonly options: PdfRendererOptions) {}

  /** The running browser, launched when there is none (one launch at a time). */
  async ensure(): Promise<Browser> {
    if (this.browser?.connected) return this.browser;
    this.starting ??= this.launch().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async launch(): Promise<Browser> {
    await this.discard();
    const { default: puppeteer } = await import('puppeteer-core');
    // Profiles of cter processes that were killed go first; the pid in the name keeps a live sibling's profile safe.
    await ruimOp(tmpdir(), CHROMIUM_PROFIEL);
    this.profileDir = await mkdtemp(join(tmpdir(), `cter-chromium-${process.pid}-`));
    const args = [...CHROMIUM_ZONDER_NETWERK, ...(isRoot() ? ['--no-sandbox'] : [])];
    try {
      const browser = await puppeteer.launch({
        executablePath: this.options.executablePath,
        headless: true,
        pipe: true,
        userDataDir: this.profileDir,
        args,
        handleSIGINT: this.options.handleSignals ?? true,
        handleSIGTERM: this.options.handleSignals ?? true,
        handleSIGHUP: this.options.handleSignals ?? true,
        timeout: 30_000,
      });
      browser.on('disconnected', () => {
        if (this.browser === browser) this.browser = undefined;
        this.idle.length = 0;
      });
      this.browser = browser;
      return browser;
    } catch (err) {
      await this.removeProfile();
      throw new CterError(
        `de browser '${this.options.executablePath}' start niet: ${(err as Error).message.split('\n')[0]}. ` +
          "Controleer de installatie, of wijs een andere browser aan met 'browser' in cter.config.json of CTER_BROWSER.",
      );
    }
  }

  /** Launches the browser and opens a page for the first document, ahead of it (idempotent). */
  async warm(): Promise<void> {
    this.warming ??= this.page()
      .then((page) => this.keep(page))
      .finally(() => {
        this.warming = undefined;
      });
    await this.warming;
  }

  /** A page of this browser: a pooled one, or a new one. */
  async page(): Promise<Page> {
    const pooled = this.idle.pop();
    if (pooled && this.usable(pooled)) return pooled;
    const browser = await this.ensure();
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await blockNetwork(page);
    return page;
  }

  /** A pooled page is only reused in the browser it belongs to (after a restart the old pages are gone). */
  private usable(page: Page): boolean {
    return !page.isClosed() && this.browser?.connected === true && page.browser() === this.browser;
  }

  /** A page that printed goes back to the pool. */
  keep(page: Page): void {
    if (this.usable(page)) this.idle.push(page);
  }

  private async removeProfile(): Promise<void> {
    if (this.profileDir) await rm(this.profileDir, { recursive: true, force: true }).catch(() => undefined);
    this.profileDir = undefined;
  }

  /** Drops a crashed or old browser and its profile. */
  private async discard(): Promise<void> {
    const old = this.browser;
    this.browser = undefined;
    this.idle.length = 0;
    if (old) await old.close().catch(() => undefined);
    await this.removeProfile();
  }

  /** Closes the browser and removes its temporary profile. */
  async close(): Promise<void> {
    await this.starting?.catch(() => undefined);
    await this.discard();
  }
}

/**
 * Chromium for many PDFs. Pages print `parallel` at a time, spread over one browser per processor core but one (at most
 * one per page): Chromium prints the pages of one browser one after the other, so a second browser is what lets two
 * reports print at once where a core is free for it. `start()` launches the browsers, `render()` prints a document once (a browser that crashed is
 * replaced by a new one for the next document; trying a report again is the batch's decision, not the renderer's),
 * `close()` shuts them down and removes their temporary profiles.
 */
export class PdfRenderer {
  private readonly browsers: BrowserProcess[];
  private busy = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly parallel: number;

  constructor(options: PdfRendererOptions) {
    this.parallel = Math.max(1, options.parallel ?? 1);
    // One core stays with cter, which makes the next report's charts and HTML while others print: on two cores two
    // browsers printed the police unit's 36 reports in 36.7-40.4 s against 32.8-33.8 s for one (2026-11-30, quiet).
    const count = Math.max(1, Math.min(this.parallel, options.browsers ?? availableParallelism() - 1));
    this.browsers = Array.from({ length: count }, () => new BrowserProcess(options));
  }

  /** Launches the browsers, each with a page ready (idempotent). */
  async start(): Promise<void> {
    await Promise.all(this.browsers.map((b) => b.warm()));
  }

  /**
   * A page of the least busy browser, waiting while `parallel` pages are busy. A document still waiting when `signal`
   * aborts is not printed (Ctrl-C: the documents printing now are finished, no other starts).
   */
  private async acquire(signal?: AbortSignal): Promise<{ browser: BrowserProcess; page: Page }> {
    while (this.busy >= this.parallel && !signal?.aborted) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (signal?.aborted) {
      this.waiting.shift()?.();
      throw new CterError('afgebroken voordat het afdrukken begon.', EXIT.INTERRUPTED);
    }
    this.busy++;
    const browser = this.browsers.reduce((a, b) => (b.busy < a.busy ? b : a));
    browser.busy++;
    try {
      return { browser, page: await browser.page() };
    } catch (err) {
      this.release(browser);
      throw err;
    }
  }

  private release(browser: BrowserProcess, page?: Page): void {
    if (page) browser.keep(page);
    browser.busy--;
    this.busy--;
    this.waiting.shift()?.();
  }

  /**
   * Prints one document to `outPath` (atomically: temp file + rename). The page goes back to the pool as soon as
   * Chromium has printed, so the browser can start on the next document while this one gets its metadata.
   */
  async render(doc: PdfDocument, outPath: string, { timeoutMs = DEFAULT_TIMEOUT_MS, signal }: RenderOptions = {}): Promise<PdfResult> {
    const pdf = await this.printOnce(doc, timeoutMs, signal);
    const { bytes, pages } = await setPdfMetadata(pdf, doc.metadata);
    await writeFileAtomic(outPath, bytes);
    return { path: outPath, pages, bytes: bytes.length };
  }

  private async printOnce(doc: PdfDocument, timeoutMs: number, signal?: AbortSignal): Promise<Uint8Array> {
    const { browser, page } = await this.acquire(signal);
    try {
      const pdf = await withTimeout(this.print(page, doc, timeoutMs), timeoutMs);
      this.release(browser, page);
      return pdf;
    } catch (err) {
      // A page that timed out or whose browser crashed is not reused; the next document gets a new browser.
      await page.close().catch(() => undefined);
      this.release(browser);
      if (err instanceof CterError) throw err;
      throw new RenderError((err as Error).message);
    }
  }

  private async print(page: Page, doc: PdfDocument, timeoutMs: number): Promise<Uint8Array> {
    await page.setContent(doc.html, { waitUntil: 'load', timeout: timeoutMs });
    return page.pdf(pdfOptions(doc, timeoutMs));
  }

  /** Closes the browsers and removes their temporary profiles. */
  async close(): Promise<void> {
    await Promise.all(this.browsers.map((b) => b.close()));
  }
}
