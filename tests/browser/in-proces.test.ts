// Every browser test that prints in the test process, in one file: vitest runs a file in one worker, and each worker
// keeps one Chromium for every PDF printed in it (tests/setup/shared-browser.ts). A Chromium costs about 5 s of CPU
// to start on this machine, more than printing a report; as four files these tests usually ran on both workers, and
// each worker started one. The tests that run bin/cter as its own process, with its own Chromium, stay files of their
// own (voorbeeld, batch-afbreken), so the other worker runs them meanwhile.
// The PdfRenderer first: its crash test kills the worker's Chromium before it printed anything, and the one that
// replaces it prints the rest.
import './in-proces/report-pdf.js';
import './in-proces/beeld-pdf.js';
import './in-proces/batch.js';
import './in-proces/kwartaal.js';
