// cter never downloads a browser: it uses an installed Chrome/Chromium/Edge (see README).
module.exports = { skipDownload: true };
