#!/usr/bin/env node
// Generates the fictional sample data in data-samples/: signal exports in the dialects analysts really receive
// (police, zorg- en veiligheidshuis, online monitoring), trend notes, a README listing every deliberate error with its
// file and line, and verwacht.json with the same facts for tests. Deterministic: the same reference data gives the same
// bytes, so the committed files can be checked against a fresh run (tests/unit/voorbeelddata.test.ts).
//
//   node scripts/gen-samples.mjs [map]      (default: data-samples/)
//
// Plain Node ESM without dependencies on purpose: it must run before `npm ci`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(process.argv[2] ?? join(ROOT, 'data-samples'));
const SEED = 20251001;

// ---------------------------------------------------------------------------------------------------------------
// Randomness (mulberry32: small, fast and stable across Node versions)
// ---------------------------------------------------------------------------------------------------------------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;
function weighted(weights) {
  const entries = Object.entries(weights);
  let r = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) if ((r -= w) < 0) return key;
  return entries[entries.length - 1][0];
}
function poisson(mean) {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

// ---------------------------------------------------------------------------------------------------------------
// Reference: the 32 gemeenten of the Noord-Holland police unit (VR10, VR11, VR12) from the project's own data
// ---------------------------------------------------------------------------------------------------------------
function parseCsvLine(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') field += line[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') fields.push(field), (field = '');
    else field += c;
  }
  fields.push(field);
  return fields;
}
function readReference(file) {
  const [header, ...rows] = readFileSync(join(ROOT, 'data/reference', file), 'utf8').trim().split(/\r?\n/);
  const names = parseCsvLine(header);
  return rows.map((row) => Object.fromEntries(parseCsvLine(row).map((v, i) => [names[i], v])));
}
const GEMEENTEN = readReference('gemeenten.csv')
  .filter((g) => ['VR10', 'VR11', 'VR12'].includes(g.veiligheidsregio_code))
  .map((g) => ({ code: g.cbs_code, naam: g.naam, inwoners: Number(g.inwoners) }));
if (GEMEENTEN.length !== 32) throw new Error(`expected 32 gemeenten in VR10-VR12, found ${GEMEENTEN.length}`);
const byName = (naam) => GEMEENTEN.find((g) => g.naam === naam) ?? fail(`unknown gemeente ${naam}`);
function fail(message) {
  throw new Error(message);
}
/** The name as people say it in a sentence: "Bergen", not "Bergen (NH.)". */
const spoken = (g) => g.naam.replace(/ \(.*\)$/, '');

// ---------------------------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------------------------
const DAY = 86_400_000;
const QUARTERS = [];
for (const year of [2024, 2025]) {
  for (let q = 1; q <= 4; q++) {
    const start = Date.UTC(year, (q - 1) * 3, 1);
    const end = Date.UTC(year, q * 3, 1) - DAY;
    QUARTERS.push({ label: `${year}-Q${q}`, start, end });
  }
}
// The data runs until 20 October 2025: 2025-Q3 is the latest complete quarter, 2025-Q4 has just begun.
const LAST_DAY = Date.UTC(2025, 9, 20);
QUARTERS[7].end = LAST_DAY;
const POLICE_FIRST_EXPORT_END = Date.UTC(2025, 8, 30);

const pad = (n, width = 2) => String(n).padStart(width, '0');
const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MAANDEN_KORT = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** A moment: day (UTC midnight of the local date) and local time in minutes. */
function moment(day, minutes) {
  const d = new Date(day);
  return { day, minutes, y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}
const randomDay = (start, end) => start + int(0, Math.round((end - start) / DAY)) * DAY;
const isoDay = (t) => `${t.y}-${pad(t.m)}-${pad(t.d)}`;
/** Europe/Amsterdam offset in hours: summer time from the last Sunday of March to the last Sunday of October. */
function amsterdamOffset(t) {
  const lastSunday = (month) => {
    const last = new Date(Date.UTC(t.y, month, 0));
    return Date.UTC(t.y, month - 1, last.getUTCDate() - last.getUTCDay());
  };
  return t.day >= lastSunday(3) && t.day < lastSunday(10) ? 2 : 1;
}
const DATE_FORMATS = {
  politie: (t) => `${pad(t.d)}-${pad(t.m)}-${t.y} ${pad(Math.floor(t.minutes / 60))}:${pad(t.minutes % 60)}`,
  zvh: (t, short) => `${t.d} ${(short ? MAANDEN_KORT : MAANDEN)[t.m - 1]} ${t.y}`,
  online(t, utc, seconds) {
    const offset = amsterdamOffset(t);
    const local = Math.floor(t.minutes / 60);
    const clock = (h) => `${pad(h)}:${pad(t.minutes % 60)}:${pad(seconds)}`;
    // Times stay between 08:00 and 21:00 local, so the UTC form never crosses midnight.
    return utc ? `${isoDay(t)}T${clock(local - offset)}Z` : `${isoDay(t)}T${clock(local)}+0${offset}:00`;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Signal texts. Kinds are the fenomenen plus 'vaag' (nothing to go on: should stay onbekend), 'twijfel' (two fenomenen
// equally strong: onbekend, for the review queue) and 'lijkt-op' (look-alikes: religious practice, games, history; not
// extremism). Channels: P politie, Z zorg- en veiligheidshuis,
// O online monitoring. Types and sources use the canonical values of data/waarden.json; each export spells them its own
// way (see SPELLING).
// ---------------------------------------------------------------------------------------------------------------
// Persons in the texts are referred to as 'hij' (the templates are written that way).
const SLOTS = {
  leerling: ['Leerling (14)', 'Leerling (15)', 'Leerling (16)', 'Scholier (15)', 'Leerling (17)', 'Mbo-student (18)'],
  jongere: ['Jongen (16)', 'Jongen (17)', 'Jongeman (19)', 'Jongeman (22)', 'Jongvolwassene (20)', 'Jongen (15)'],
  inwoner: ['Inwoner', 'Buurtbewoner', 'Man (47)', 'Man (58)', 'Man (62)', 'Bewoner', 'Man (39)'],
  plek: [
    'bij het station', 'in het winkelcentrum', 'bij de bushalte', 'bij het gemeentehuis', 'bij de sporthal',
    'onder het viaduct', 'bij een middelbare school', 'in de fietstunnel', 'op lantaarnpalen langs de dijk',
    'bij het buurthuis',
  ],
  platform: ['TikTok', 'Telegram', 'Instagram', 'X', 'Snapchat', 'Discord', 'Facebook'],
};

const T = (kind, type, kanalen, bronnen, tekst, extra = {}) => ({ kind, type, kanalen, bronnen, tekst, ...extra });
const TEMPLATES = [
  // jihadisme
  T('jihadisme', 'online uiting', 'PZ', ['school'], "{leerling} deelt in de klassenapp filmpjes van IS-strijders en spreekt over het kalifaat.", { persoon: true }),
  T('jihadisme', 'online uiting', 'O', ['online'], 'Account uit {gemeente} deelt op {platform} nasheeds met IS-vlaggen en verheerlijkt het martelaarschap.'),
  T('jihadisme', 'gedragsverandering', 'PZ', ['school'], "Docent meldt dat {leerling} klasgenoten 'ongelovigen' noemt en zegt dat de gewapende jihad een plicht is.", { persoon: true }),
  T('jihadisme', 'reisbeweging', 'PZ', ['politie', 'jeugdzorg'], '{jongere} zoekt online contact met uitreizigers in Syrië en vraagt hoe hij kan uitreizen.', { persoon: true }),
  T('jihadisme', 'gedragsverandering', 'Z', ['wijkteam', 'jeugdzorg'], "Moeder maakt zich zorgen: zoon (17) isoleert zich, luistert naar preken die de gewapende jihad verheerlijken en noemt zijn familie 'afvalligen'.", { persoon: true }),
  T('jihadisme', 'online uiting', 'O', ['online'], 'In een Telegramgroep met jongeren uit de regio wordt propaganda van IS gedeeld met een oproep tot steun aan gevangen strijders.'),
  T('jihadisme', 'online uiting', 'PO', ['politie', 'online'], '{jongere} noemt in een chatgroep de IS-dader van een aanslag in Europa een martelaar en roept op tot navolging.', { persoon: true }),
  T('jihadisme', 'dreiging', 'PZ', ['politie'], '{jongere} vraagt in een Telegramgroep van IS-aanhangers naar instructies om explosieven te maken en spreekt over een aanslag op een kerstmarkt.', { persoon: true, ernst: 'hoog' }),
  T('jihadisme', 'dreiging', 'P', ['politie', 'burger'], "Informatie dat {jongere} een mes heeft aangeschaft en op {platform} dreigt 'ongelovigen' te doden in naam van IS.", { persoon: true, ernst: 'hoog' }),
  T('jihadisme', 'gedragsverandering', 'Z', ['reclassering'], 'Reclassering meldt dat cliënt na detentie voor een terroristisch misdrijf weer contact heeft met zijn oude jihadistische netwerk.', { persoon: true }),
  T('jihadisme', 'online uiting', 'PZ', ['school'], "{leerling} heeft een IS-vlag als profielfoto en zei tegen klasgenoten dat 'het kalifaat terugkomt'.", { persoon: true }),
  T('jihadisme', 'online uiting', 'O', ['online'], 'Vertaalde jihadistische propaganda van ISKP gedeeld op {platform} door een account dat zich richt op jongeren in Noord-Holland.'),
  T('jihadisme', 'reisbeweging', 'Z', ['wijkteam', 'professional'], "Zus meldt bij het wijkteam dat haar broer (20) online door IS-aanhangers wordt geronseld om naar een 'strijdgebied' te reizen en zijn spaargeld heeft opgenomen.", { persoon: true }),
  // rechts-extremisme
  T('rechts-extremisme', 'sticker of graffiti', 'P', ['burger', 'gemeente'], "Stickers met 'Remigratie nu' en een Keltisch kruis aangetroffen {plek}.", { tag: 'stickers' }),
  T('rechts-extremisme', 'sticker of graffiti', 'P', ['burger', 'politie'], "Hakenkruis en de tekst '88' op een muur gespoten {plek}.", { tag: 'stickers' }),
  T('rechts-extremisme', 'online uiting', 'O', ['online'], "Account uit {gemeente} deelt op {platform} memes over 'omvolking' en verheerlijkt de dader van de aanslag in Christchurch."),
  T('rechts-extremisme', 'gedragsverandering', 'PZ', ['school'], '{leerling} brengt in de klas een Hitlergroet en maakt grappen over gaskamers.', { persoon: true }),
  T('rechts-extremisme', 'online uiting', 'PO', ['politie', 'online'], "{jongere} is lid van een Telegramgroep waarin accelerationistische teksten en handleidingen voor het bouwen van wapens worden gedeeld.", { persoon: true, ernst: 'hoog' }),
  T('rechts-extremisme', 'sticker of graffiti', 'P', ['burger'], "Flyers met de tekst 'Nederland blijft wit' en een zwarte zon in brievenbussen gevonden in de wijk.", { tag: 'stickers' }),
  T('rechts-extremisme', 'sticker of graffiti', 'P', ['gemeente', 'politie'], "Spandoek met 'Geen azc, remigratie nu' en een Keltisch kruis opgehangen aan een viaduct langs de provinciale weg."),
  T('rechts-extremisme', 'gedragsverandering', 'Z', ['jeugdzorg', 'wijkteam'], 'Ouders melden dat zoon (15) op gameservers zit waar neonazistische symbolen en racistische teksten gewoon zijn; hij gebruikt die taal nu ook thuis.', { persoon: true }),
  T('rechts-extremisme', 'online uiting', 'O', ['online'], "In een Facebookgroep roept een inwoner van {gemeente} op om 'de vreemdelingen eruit te schoppen' en deelt foto's met hakenkruisen."),
  T('rechts-extremisme', 'dreiging', 'PO', ['politie', 'online'], '{jongere} dreigt online een moskee in brand te steken en plaatst een foto van een vuurwapen naast een hakenkruisvlag.', { persoon: true, ernst: 'hoog' }),
  T('rechts-extremisme', 'sticker of graffiti', 'P', ['politie'], "Graffiti met 'white power' en SS-runen aangetroffen {plek}.", { tag: 'stickers' }),
  T('rechts-extremisme', 'gedragsverandering', 'PZ', ['school'], "Mentor ziet dat {leerling} een rechts-extremistisch manifest op zijn telefoon heeft en online contact zoekt met neonazi's.", { persoon: true }),
  // links-extremisme
  T('links-extremisme', 'sticker of graffiti', 'P', ['politie'], "Graffiti 'ACAB' en anarchistische symbolen aangebracht op de gevel van het politiebureau."),
  T('links-extremisme', 'online uiting', 'O', ['online'], 'Een anonieme antifa-groep zet op {platform} de persoonsgegevens van een lokale politicus online (doxing).'),
  T('links-extremisme', 'incident', 'P', ['politie'], 'Brandstichting bij een bouwbedrijf dat meebouwt aan een nieuwe gevangenis; claim van autonomen op een anarchistische website.', { ernst: 'hoog' }),
  T('links-extremisme', 'incident', 'P', ['politie', 'burger'], "Ruiten van een partijkantoor ingegooid; de teksten 'fascisten rot op' en 'antifa' zijn op de deur gespoten."),
  T('links-extremisme', 'online uiting', 'PO', ['online'], "Oproep op {platform} om een bijeenkomst van een rechtse partij in {gemeente} 'met alle middelen' te verstoren; antifa-groepen mobiliseren."),
  T('links-extremisme', 'incident', 'P', ['politie'], "Sabotage aan een zendmast; ter plaatse een pamflet met anarchistische leuzen als 'smash the state'."),
  // anti-institutioneel extremisme
  T('anti-institutioneel-extremisme', 'incident', 'PZ', ['gemeente'], "Inwoner stuurt een brief aan de gemeente waarin hij zich 'soevereine burger' noemt en het gezag van de rechtbank niet erkent.", { persoon: true, tag: 'soeverein' }),
  T('anti-institutioneel-extremisme', 'incident', 'PZ', ['gemeente'], "{inwoner} weigert een parkeerboete te betalen, stuurt een 'notice of liability' en noemt zichzelf een levend wezen van vlees en bloed.", { persoon: true, tag: 'soeverein' }),
  T('anti-institutioneel-extremisme', 'online uiting', 'O', ['online'], "Op {platform} wordt opgeroepen tot een 'volkstribunaal' voor ministers en burgemeesters; ook het college van {gemeente} wordt genoemd.", { tag: 'soeverein' }),
  T('anti-institutioneel-extremisme', 'incident', 'PZ', ['gemeente'], "{inwoner} levert zijn paspoort in bij de balie: 'Nederland is een bedrijf' en daar heeft hij geen contract mee.", { persoon: true, tag: 'soeverein' }),
  T('anti-institutioneel-extremisme', 'incident', 'P', ['politie'], "Bewoner rijdt met een zelfgemaakte kentekenplaat met de tekst 'soeverein' en toont bij een controle een eigen identiteitsbewijs.", { persoon: true, tag: 'soeverein' }),
  T('anti-institutioneel-extremisme', 'dreiging', 'PZ', ['professional', 'gemeente'], "Deurwaarder meldt dat een schuldenaar dreigt met 'arrestatie door het volk' en verwijst naar een 'Neurenberg 2.0' voor bestuurders.", { persoon: true }),
  T('anti-institutioneel-extremisme', 'incident', 'P', ['gemeente', 'politie'], "Handhavers worden bij een controle gefilmd en uitgescholden; betrokkene erkent het gezag niet en noemt overheid en media één groot complot.", { persoon: true }),
  T('anti-institutioneel-extremisme', 'dreiging', 'PZ', ['gemeente', 'politie'], "Raadslid ontvangt een doodsbedreiging van iemand die bestuurders 'landverraders' noemt en schrijft dat zij 'opgehangen moeten worden'.", { persoon: true, ernst: 'hoog' }),
  T('anti-institutioneel-extremisme', 'bijeenkomst', 'P', ['politie', 'sleutelfiguur'], "Wijkagent ziet een groep bewoners die als soevereine burgers bijeenkomt om zich te 'ontkoppelen' van de staat; zij spreken over een complot van de elite.", { tag: 'soeverein' }),
  T('anti-institutioneel-extremisme', 'incident', 'PZ', ['gemeente'], "{inwoner} stuurt de burgemeester een 'strafrechtelijke aansprakelijkstelling' en kondigt een eigen 'common law court' aan.", { persoon: true, tag: 'soeverein' }),
  T('anti-institutioneel-extremisme', 'online uiting', 'O', ['online'], "Video van een influencer uit de regio noemt 'BV Nederland' illegaal en roept op geen belasting meer te betalen; reacties noemen wethouders van {gemeente} volksverraders."),
  T('anti-institutioneel-extremisme', 'dreiging', 'PZ', ['gemeente'], "Persoon dreigt in een e-mail aan Burgerzaken met geweld tegen ambtenaren en kondigt een 'volkstribunaal' aan voor de 'illegale' overheid.", { persoon: true, ernst: 'hoog' }),
  // polarisatie
  T('polarisatie', 'incident', 'PZ', ['sleutelfiguur', 'politie'], 'Spanningen tussen jongerengroepen na een incident bij de moskee; over en weer worden online bedreigingen geuit en de wijkagent vreest onrust in de wijk.'),
  T('polarisatie', 'online uiting', 'PO', ['burger', 'online'], 'Onrust in de wijk na berichten op sociale media over de komst van een azc; bewoners voelen zich niet gehoord en de toon wordt grimmiger.', { tag: 'azc' }),
  T('polarisatie', 'bijeenkomst', 'P', ['gemeente', 'politie'], 'Bij een informatieavond over noodopvang lopen de emoties hoog op; tijdens protest tegen de komst van een azc wordt een wethouder uitgescholden en bedreigd.', { tag: 'azc' }),
  T('polarisatie', 'demonstratie', 'P', ['politie'], 'Demonstratie tegen de komst van een azc en een tegendemonstratie verlopen grimmig; de politie houdt beide groepen uit elkaar.', { tag: 'azc' }),
  T('polarisatie', 'demonstratie', 'P', ['politie', 'sleutelfiguur'], 'Tijdens een demonstratie over het Midden-Oosten worden antisemitische leuzen geroepen; Joodse inwoners voelen zich onveilig.'),
  T('polarisatie', 'incident', 'P', ['sleutelfiguur', 'politie'], 'Sleutelfiguur meldt groeiende spanning tussen twee groepen jongeren van verschillende afkomst; na een vechtpartij op het schoolplein is er onrust in de wijk.'),
  T('polarisatie', 'incident', 'PZ', ['burger', 'wijkteam'], "Ruzie tussen buren over een Palestijnse vlag op het balkon loopt uit de hand; de wijkagent ziet toenemende polarisatie en spanningen tussen bewoners.", { persoon: true }),
  T('polarisatie', 'online uiting', 'O', ['online'], 'Op {platform} roept een lokale groep op tot protest tegen de komst van een azc in {gemeente}; in de reacties worden adressen van raadsleden gedeeld.', { tag: 'azc' }),
  T('polarisatie', 'incident', 'P', ['politie'], 'Na een voetbalwedstrijd ontstaat een vechtpartij tussen pro-Palestijnse en pro-Israëlische supporters; sindsdien is er onrust in de wijk.'),
  T('polarisatie', 'online uiting', 'PO', ['online', 'sleutelfiguur'], 'Polariserende berichten over moskeebouw in {gemeente} gaan rond in buurtapps; sleutelfiguren merken toenemende spanning tussen groepen bewoners.'),
  // activisme
  T('activisme', 'demonstratie', 'PO', ['online', 'politie'], 'Blokkade van de A12 aangekondigd door klimaatactivisten; oproep om met bussen vanuit {gemeente} naar Den Haag te reizen.'),
  T('activisme', 'demonstratie', 'P', ['politie'], 'Klimaatactivisten plakken zich vast aan de ingang van een bankkantoor uit protest tegen fossiele investeringen.'),
  T('activisme', 'incident', 'P', ['politie', 'burger'], "Dierenrechtenactivisten dringen 's nachts een varkensstal binnen en zetten de beelden online."),
  T('activisme', 'demonstratie', 'PO', ['politie', 'online'], 'Actievoerders blokkeren de toegangsweg naar de privéjetterminal van Schiphol; tientallen klimaatactivisten aangehouden.', { tag: 'schiphol' }),
  T('activisme', 'demonstratie', 'O', ['online'], 'Klimaatactivisten roepen op {platform} op tot een fietsprotest tegen de uitbreiding van Schiphol; geen aanwijzingen voor geweld.', { tag: 'schiphol' }),
  T('activisme', 'incident', 'P', ['politie'], 'Klimaatactivisten besmeuren de gevel van een tankstation met verf en plakken posters tegen fossiele brandstoffen.'),
  T('activisme', 'demonstratie', 'PO', ['politie', 'online'], 'Klimaatactivisten kondigen aan de startbaan van Schiphol te betreden tijdens de drukke zomerperiode.', { tag: 'schiphol' }),
  // overig
  T('overig', 'dreiging', 'PZ', ['gemeente'], 'Man (52) stuurt een wethouder een doodsbedreiging per e-mail na een afgewezen vergunningaanvraag; geen ideologische motieven zichtbaar.', { persoon: true, ernst: 'hoog' }),
  T('overig', 'online uiting', 'PO', ['online', 'politie'], 'Jongeman uit de regio uit op een incelforum haat tegen vrouwen en verheerlijkt geweld tegen hen.', { persoon: true }),
  T('overig', 'incident', 'P', ['school'], 'Anonieme brief met dreigende taal bezorgd bij een basisschool; geen ideologische achtergrond zichtbaar.'),
  // vague: should stay onbekend
  T('vaag', 'gedragsverandering', 'PZ', ['burger'], 'Melding van zorgwekkend gedrag; nadere informatie volgt.', { persoon: true }),
  T('vaag', 'gedragsverandering', 'PZ', ['burger', 'wijkteam'], 'Buurtbewoner maakt zich zorgen over een jongeman die veel alleen is en zich vreemd gedraagt.', { persoon: true }),
  T('vaag', 'gedragsverandering', 'PZ', ['school'], 'Docent maakt zich zorgen over {leerling} die sinds kort andere vrienden heeft en slechter presteert.', { persoon: true }),
  T('vaag', 'incident', 'P', ['burger'], 'Onduidelijke melding via het algemene nummer; melder wilde geen gegevens achterlaten.'),
  T('vaag', 'gedragsverandering', 'Z', ['wijkteam'], 'Signaal doorgezet vanuit het wijkteam ter informatie; geen inhoudelijke toelichting.', { persoon: true }),
  T('vaag', 'online uiting', 'O', ['online'], 'Account uit {gemeente} plaatst cryptische berichten op {platform}; betekenis onduidelijk.'),
  // mixed evidence: two fenomenen equally strong, so the rules leave it to the analyst (review queue)
  T('twijfel', 'online uiting', 'PO', ['online', 'school'], "{jongere} deelt op {platform} zowel IS-propaganda als memes over 'omvolking'; wat hem drijft is onduidelijk.", { persoon: true }),
  T('twijfel', 'demonstratie', 'P', ['politie'], 'Klimaatactivisten en antifa kondigen samen een blokkade aan van een bijeenkomst van een rechtse partij.'),
  // look-alikes: religious practice, games, history; not extremism
  T('lijkt-op', 'gedragsverandering', 'PZ', ['burger', 'wijkteam'], 'Vader vertelt dat zoon sinds kort baard draagt en vaker naar de moskee gaat; geen zorgen over uitlatingen.', { persoon: true, niet: 'jihadisme' }),
  T('lijkt-op', 'gedragsverandering', 'Z', ['school'], '{leerling} draagt sinds kort een hoofddoek en vast tijdens de ramadan; de school meldt dit ter informatie en ziet geen reden tot zorg.', { persoon: true, niet: 'jihadisme' }),
  T('lijkt-op', 'gedragsverandering', 'PZ', ['burger'], 'Buren melden dat de man naast hen vijf keer per dag bidt en een djellaba draagt; de wijkagent ziet geen aanleiding tot zorg.', { persoon: true, niet: 'jihadisme' }),
  T('lijkt-op', 'gedragsverandering', 'Z', ['school'], '{leerling} hield een spreekbeurt over de geschiedenis van de islam en het kalifaat van de Abbasiden; docent ziet geen reden tot zorg.', { persoon: true, niet: 'jihadisme' }),
  T('lijkt-op', 'gedragsverandering', 'PZ', ['jeugdzorg', 'school'], '{jongere} speelt veel oorlogsgames en praat over wapens uit de game; ouders en school horen geen ideologische uitlatingen.', { persoon: true, niet: 'rechts-extremisme' }),
  T('lijkt-op', 'gedragsverandering', 'Z', ['wijkteam'], 'Vrouw (29) is bekeerd tot de islam en volgt lessen in de moskee; familie maakt zich zorgen, maar er zijn geen radicale uitingen.', { persoon: true, niet: 'jihadisme' }),
];
const KIND_WEIGHTS = {
  jihadisme: 17, 'rechts-extremisme': 19, 'links-extremisme': 5, 'anti-institutioneel-extremisme': 16,
  polarisatie: 16, activisme: 9, overig: 5, vaag: 8, twijfel: 2, 'lijkt-op': 5,
};
const CHANNEL_WEIGHT = { P: 6, Z: 3, O: 3 };

// How each export writes the canonical type and source values (all spellings are known to data/waarden.json).
const SPELLING = {
  politie: {
    type: {
      'online uiting': ['Online uiting', 'Online'], gedragsverandering: ['Gedragsverandering', 'Zorgwekkend gedrag'],
      'sticker of graffiti': ['Sticker/graffiti', 'Bekladding'], demonstratie: ['Demonstratie'], incident: ['Incident'],
      dreiging: ['Bedreiging'], bijeenkomst: ['Bijeenkomst'], reisbeweging: ['Uitreisintentie'],
    },
    bron: {
      school: ['School', 'Onderwijs'], burger: ['Melding burger', 'Buurtbewoner'], politie: ['Politie', 'Wijkagent'],
      gemeente: ['Gemeente'], sleutelfiguur: ['Sleutelfiguur'], jeugdzorg: ['Jeugdzorg'], online: ['Politie'],
      professional: ['Hulpverlener'], wijkteam: ['Wijkteam'], reclassering: ['Reclassering'],
    },
  },
  zvh: {
    type: {
      'online uiting': ['Online uiting'], gedragsverandering: ['Zorgwekkend gedrag', 'Gedragsverandering'],
      incident: ['Incident'], dreiging: ['Dreigende uitlating'], reisbeweging: ['Uitreis'], bijeenkomst: ['Bijeenkomst'],
    },
    bron: {
      school: ['School', 'Docent'], burger: ['Wijkteam'], politie: ['Politie'], gemeente: ['Gemeente'],
      jeugdzorg: ['Jeugdzorg', 'Jeugdbescherming'], wijkteam: ['Sociaal wijkteam'], reclassering: ['Reclassering'],
      professional: ['Zorgprofessional'], sleutelfiguur: ['Sleutelfiguur'],
    },
  },
  online: {
    type: { 'online uiting': ['post', 'social media'], dreiging: ['dreigbericht'], demonstratie: ['post'] },
    bron: { online: ['Online monitoring', 'OSINT', 'webmonitoring'] },
  },
};
// Fenomeen labels as analysts and tools write them (the synonyms in data/taxonomie.json know every one).
const LABELS = {
  politie: {
    jihadisme: ['Jihadisme', 'jihadistisch'], 'rechts-extremisme': ['Extreemrechts', 'extreem-rechts', 'Rechts-extremisme'],
    'links-extremisme': ['Extreemlinks', 'Links-extremisme'],
    'anti-institutioneel-extremisme': ['Anti-overheid', 'anti-institutioneel'],
    polarisatie: ['Polarisatie', 'Maatschappelijke onrust'], activisme: ['Klimaatactivisme', 'Activisme'], overig: ['Overig'],
  },
  zvh: {
    jihadisme: ['Jihadisme'], 'rechts-extremisme': ['Rechts-extremisme'], 'links-extremisme': ['Links-extremisme'],
    'anti-institutioneel-extremisme': ['Anti-institutioneel extremisme'], polarisatie: ['Polarisatie'], overig: ['Overig'],
  },
  online: {
    jihadisme: ['jihadisme'], 'rechts-extremisme': ['extreemrechts'], 'links-extremisme': ['extreemlinks'],
    'anti-institutioneel-extremisme': ['anti-institutioneel'], polarisatie: ['polarisatie'], activisme: ['klimaatactivisme'],
  },
};
const LABEL_SHARE = { politie: 0.35, zvh: 0.25, online: 0.6 };
const ZVH_FOLLOW_UP = [
  'Besproken in het casusoverleg; afspraak: de wijkagent gaat op huisbezoek.',
  'Casus ingebracht bij het ZVH; leerplicht en jeugdzorg sluiten aan bij het volgende overleg.',
  'Ouders zijn geïnformeerd; school houdt contact met het wijkteam.',
  'Afspraak: de gemeente voert een gesprek met betrokkene (persoonsgerichte aanpak).',
  'Nog geen vervolgafspraak; casus blijft in monitoring.',
];
const POLICE_FOLLOW_UP = [
  'Info doorgezet naar het ZVH.', 'Wijkagent is op de hoogte.', 'Ter informatie vastgelegd.', 'Melder wil anoniem blijven.',
  'Camerabeelden worden opgevraagd.', 'Afgestemd met de gemeente (OOV).',
];
// How a registration often starts; lower-cases the template's first letter after it.
const POLICE_OPENERS = ['Melder geeft aan: ', 'Via de wijkagent: ', 'Telefonische melding: ', 'Tijdens surveillance: '];

// ---------------------------------------------------------------------------------------------------------------
// Volumes: about RATE signals per 10,000 inhabitants a quarter, with trends and events on top
// ---------------------------------------------------------------------------------------------------------------
const RATE = 2.3;
const ZAANSTAD_BASE = [22, 25, 21, 27, 24, 23, 25]; // 2024-Q1 .. 2025-Q3; fixed so the 2025-Q3 rise is significant
const EVENTS = [
  // Zaanstad: soevereinen and anti-government rhetoric grow through a local Telegram group (2025-Q3).
  { gemeente: 'Zaanstad', kind: 'anti-institutioneel-extremisme', aantal: 17, van: Date.UTC(2025, 6, 1), tot: Date.UTC(2025, 8, 30) },
  // Velsen: unrest after an information evening on emergency shelter for asylum seekers (12 November 2024).
  { gemeente: 'Velsen', kind: 'polarisatie', tag: 'azc', aantal: 12, van: Date.UTC(2024, 10, 12), tot: Date.UTC(2024, 11, 6) },
  // Haarlemmermeer: climate blockades at Schiphol (May-June 2025).
  { gemeente: 'Haarlemmermeer', kind: 'activisme', tag: 'schiphol', aantal: 10, van: Date.UTC(2025, 4, 10), tot: Date.UTC(2025, 5, 20) },
  // Hoorn: a wave of far-right stickers (February 2025).
  { gemeente: 'Hoorn', kind: 'rechts-extremisme', tag: 'stickers', aantal: 7, van: Date.UTC(2025, 1, 3), tot: Date.UTC(2025, 1, 28) },
];
// Some gemeenten simply see more or fewer signals than their size suggests.
const GEMEENTE_FACTOR = new Map(GEMEENTEN.map((g) => [g.code, 0.8 + random() * 0.4]));

function fillSlots(text, g) {
  return text.replace(/\{(\w+)\}/g, (_, slot) => (slot === 'gemeente' ? spoken(g) : pick(SLOTS[slot])));
}

const persons = new Map(); // gemeente|kind -> person keys
const usedPersonKeys = new Set();
function personFor(g, kind) {
  const key = `${g.code}|${kind}`;
  const pool = persons.get(key) ?? [];
  persons.set(key, pool);
  if (pool.length > 0 && chance(0.35)) return pick(pool);
  let id;
  do id = `P-${int(100000, 999999)}`;
  while (usedPersonKeys.has(id));
  usedPersonKeys.add(id);
  pool.push(id);
  return id;
}

function templateFor(kind, tag, kanaal) {
  const list = TEMPLATES.filter((t) => t.kind === kind && (!tag || t.tag === tag) && (!kanaal || t.kanalen.includes(kanaal)));
  return list.length ? pick(list) : fail(`no template for ${kind} ${tag ?? ''}`);
}

/** One signal, before an export spells it; `kanaal` forces the channel (P, Z or O). */
function makeSignal(g, day, kind, { tag, kanaal: forced } = {}) {
  const template = templateFor(kind, tag, forced);
  const kanaal = forced ?? weighted(Object.fromEntries([...template.kanalen].map((k) => [k, CHANNEL_WEIGHT[k]])));
  const export_ = { P: 'politie', Z: 'zvh', O: 'online' }[kanaal];
  const minutes = export_ === 'online' ? int(8 * 60, 20 * 60 + 59) : int(7 * 60, 22 * 60 + 59);
  const bron = pick(template.bronnen);
  return {
    export: export_,
    gemeente: g,
    when: moment(day, minutes),
    kind,
    template,
    tekst: fillSlots(template.tekst, g),
    type: template.type,
    bron: export_ === 'online' ? 'online' : bron,
    persoon: export_ === 'zvh' || (export_ === 'politie' && template.persoon && chance(0.7)) ? personFor(g, kind) : undefined,
  };
}

const signals = [];
for (const g of GEMEENTEN) {
  const mean = (g.inwoners / 10_000) * RATE * GEMEENTE_FACTOR.get(g.code);
  QUARTERS.forEach((q, i) => {
    const partial = q.end === LAST_DAY ? (LAST_DAY - q.start) / DAY / 92 : 1;
    const n = g.naam === 'Zaanstad' && i < ZAANSTAD_BASE.length ? ZAANSTAD_BASE[i] : poisson(mean * partial);
    for (let k = 0; k < n; k++) signals.push(makeSignal(g, randomDay(q.start, q.end), weighted(KIND_WEIGHTS)));
  });
}
for (const e of EVENTS) {
  for (let k = 0; k < e.aantal; k++) signals.push(makeSignal(byName(e.gemeente), randomDay(e.van, e.tot), e.kind, { tag: e.tag }));
}
// The online monitoring tool also reports a few signals outside the police unit (accepted by ingest, out of scope).
const OUTSIDE = readReference('gemeenten.csv').filter((g) => ['Amsterdam', 'Utrecht', 'Almere'].includes(g.naam));
for (let k = 0; k < 14; k++) {
  const r = pick(OUTSIDE);
  const g = { code: r.cbs_code, naam: r.naam, inwoners: Number(r.inwoners) };
  const kind = pick(['jihadisme', 'rechts-extremisme', 'anti-institutioneel-extremisme']);
  signals.push(makeSignal(g, randomDay(QUARTERS[0].start, POLICE_FIRST_EXPORT_END), kind, { kanaal: 'O' }));
}
signals.sort((a, b) => a.when.day - b.when.day || a.when.minutes - b.when.minutes);

// ---------------------------------------------------------------------------------------------------------------
// Ids, spellings and labels per export
// ---------------------------------------------------------------------------------------------------------------
const counters = {};
function nextId(exp, year) {
  const key = `${exp}${year}`;
  if (exp === 'politie') {
    // Police registration numbers also count non-CTER registrations: gaps between consecutive signals.
    counters[key] = (counters[key] ?? int(800, 2000)) + int(3, 60);
    return `PNH-${year}-${pad(counters[key], 6)}`;
  }
  counters[key] = (counters[key] ?? 0) + 1;
  return exp === 'zvh' ? `ZVH-${year}-${pad(counters[key], 5)}` : `ONL-${year}-${pad(counters[key], 4)}`;
}

/** How the export names the gemeente: mostly the official name, sometimes a variant, an old name or a code. */
function gemeenteSpelling(exp, g) {
  if (exp === 'politie') {
    if (g.naam === 'Bergen (NH.)') return pick(['Bergen (NH.)', 'Bergen NH', 'Bergen (Noord-Holland)']);
    if (g.naam === 'Edam-Volendam' && chance(0.5)) return 'Edam Volendam';
    if (g.naam === 'Purmerend' && chance(0.2)) return 'Beemster';
    if (g.naam === 'Dijk en Waard' && chance(0.35)) return pick(['Heerhugowaard', 'Langedijk']);
    if (g.naam === 'Haarlemmermeer' && chance(0.03)) return 'Haarlemmerliede en Spaarnwoude';
    if (chance(0.03)) return g.code;
    if (chance(0.02)) return g.code.slice(2);
    if (chance(0.02)) return g.naam.toUpperCase();
    return g.naam;
  }
  if (exp === 'zvh') return g.naam;
  if (chance(0.3)) return g.code;
  return chance(0.3) ? g.naam.toLowerCase() : g.naam;
}

const QUOTES = {
  politie: (t) => (chance(0.4) ? t.replace(/'([^']+)'/g, '‘$1’').replace(/ 's /g, ' ’s ') : t),
  zvh: (t) => (chance(0.5) ? t.replace(/'([^']+)'/g, '"$1"') : t),
  online: (t) => t,
};

const lowerFirst = (t) => (/^[A-Z][a-z]/.test(t) ? t[0].toLowerCase() + t.slice(1) : t);
function describe(s) {
  let text = QUOTES[s.export](s.tekst);
  if (s.export === 'zvh' && chance(0.3)) return `${text}\n${pick(ZVH_FOLLOW_UP)}`;
  if (s.export !== 'politie') return text;
  if (chance(0.15)) text = pick(POLICE_OPENERS) + lowerFirst(text);
  return chance(0.3) ? `${text} ${pick(POLICE_FOLLOW_UP)}` : text;
}

function label(s) {
  const labels = LABELS[s.export][s.kind];
  if (!labels) return s.export === 'politie' && chance(0.05) ? pick(['onbekend', 'n.v.t.']) : '';
  return chance(LABEL_SHARE[s.export]) ? pick(labels) : '';
}

const ADMIRALTY = ['B2', 'B2', 'C3', 'B3', 'A2', 'C2', 'c-3', 'b2', 'B-2', 'F6', 'C4', 'D3'];
const FOUR_BY_FOUR = ['B2', 'X4', 'A1', 'B3', 'X3', 'C3'];

/** The row an export writes for a signal, keyed by canonical column; the id is given once the export's order is final. */
function toRow(s) {
  const spelled = SPELLING[s.export];
  return {
    datum: s.export === 'online' ? DATE_FORMATS.online(s.when, chance(0.5), int(0, 59)) : DATE_FORMATS[s.export](s.when, chance(0.2)),
    gemeente: gemeenteSpelling(s.export, s.gemeente),
    type: pick(spelled.type[s.type] ?? spelled.type['online uiting']),
    bron: pick(spelled.bron[s.bron] ?? Object.values(spelled.bron)[0]),
    betrouwbaarheid:
      s.export === 'politie' ? (chance(0.85) ? pick(ADMIRALTY) : '') : s.export === 'zvh' && chance(0.6) ? pick(FOUR_BY_FOUR) : '',
    fenomeen: label(s),
    omschrijving: describe(s),
    persoon_id: s.persoon ?? '',
  };
}

const rows = { politie: [], zvh: [], online: [] };
for (const s of signals) rows[s.export].push({ signal: s, row: toRow(s) });

// Deliberate analyst labels that disagree with the text: the classification should flag them (afwijking) for review.
const DISAGREEMENTS = [
  ['polarisatie', 'azc', 'Extreemrechts'],
  ['activisme', 'schiphol', 'Extreemlinks'],
  ['anti-institutioneel-extremisme', 'soeverein', 'Extreemrechts'],
  ['rechts-extremisme', 'stickers', 'Polarisatie'],
  ['activisme', undefined, 'Anti-overheid'],
];
const disagreeing = DISAGREEMENTS.map(([kind, tag, labelText]) => {
  const candidates = rows.politie.filter(
    (r) => r.signal.kind === kind && (!tag || r.signal.template.tag === tag) && !r.row.fenomeen && r.signal.when.day < Date.UTC(2025, 8, 1),
  );
  const chosen = candidates.length ? pick(candidates) : fail(`no politie signal of ${kind} ${tag ?? ''} to mislabel`);
  chosen.row.fenomeen = labelText;
  chosen.deliberate = true;
  return { chosen, label: labelText, tekstWijstOp: kind };
});

// ---------------------------------------------------------------------------------------------------------------
// Dialects
// ---------------------------------------------------------------------------------------------------------------
const COLUMNS = ['id', 'datum', 'gemeente', 'type', 'bron', 'betrouwbaarheid', 'fenomeen', 'omschrijving', 'persoon_id'];
const NOTE_COLUMNS = ['datum', 'titel', 'notitie', 'fenomeen', 'schaal', 'gemeente', 'regio', 'auteur'];
const DIALECTS = {
  politie: {
    header: ['Registratienummer', 'Datum melding', 'Gemeentenaam', 'Soort signaal', 'Bron melding', 'Beoordeling', 'Categorie', 'Toelichting', 'Persoon ID'],
    columns: COLUMNS,
    delimiter: ';',
    eol: '\r\n',
    encoding: 'windows-1252',
    preamble: 'sep=;',
  },
  zvh: {
    header: ['Kenmerk', 'Meldingsdatum', 'Gemeente', 'Type signaal', 'Melder', 'Betrouwbaarheidscode', 'Fenomeen', 'Beschrijving', 'Betrokkene ID', '', ''],
    columns: [...COLUMNS, '', ''],
    delimiter: ';',
    eol: '\r\n',
    encoding: 'utf-8-bom',
    alwaysQuote: new Set(['omschrijving']),
  },
  online: {
    header: ['signaal_id', 'datum_signaal', 'gemeente', 'type', 'bron', 'stroming', 'samenvatting'],
    columns: ['id', 'datum', 'gemeente', 'type', 'bron', 'fenomeen', 'omschrijving'],
    delimiter: ',',
    eol: '\n',
    encoding: 'utf-8',
  },
  notities: {
    header: NOTE_COLUMNS,
    columns: NOTE_COLUMNS,
    delimiter: ';',
    eol: '\r\n',
    encoding: 'utf-8-bom',
  },
};

function csvField(value, dialect, column) {
  const needsQuotes = /["\r\n]/.test(value) || value.includes(dialect.delimiter);
  return needsQuotes || dialect.alwaysQuote?.has(column) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Serialises a table and returns its text and the line on which each record starts (as an editor numbers lines:
 * line 1 is the first; a line break inside a quoted field starts a new line too). Entries of `body` are rows (objects
 * keyed by canonical column) or the string '' for a stray blank line.
 */
function serialise(dialect, body) {
  const lines = [];
  let line = 1;
  const push = (text) => {
    lines.push(text);
    line += 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
  };
  if (dialect.preamble) push(dialect.preamble);
  push(dialect.header.map((h) => csvField(h, dialect, '')).join(dialect.delimiter));
  const starts = [];
  for (const row of body) {
    if (row === '') {
      push('');
      continue;
    }
    starts.push(line);
    push(dialect.columns.map((c) => csvField(row[c] ?? '', dialect, c)).join(dialect.delimiter));
  }
  // Record-internal line breaks are LF (as Excel writes them); records end with the dialect's line ending.
  return { text: lines.join(dialect.eol) + dialect.eol, starts };
}

// Node's TextDecoder maps windows-1252 like Latin-1 on some versions, so build the table from the standard instead.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function encode(text, encoding) {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.from(`\uFEFF${text}`, 'utf8');
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const high = CP1252_HIGH.indexOf(text[i]);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes[i] = code;
    else if (high >= 0) bytes[i] = 0x80 + high;
    else fail(`character ${text[i]} has no Windows-1252 byte`);
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------------------------
// Deliberate errors, warnings and duplicates
// ---------------------------------------------------------------------------------------------------------------
/** A copy of the row at `index` with some fields changed: a realistic neighbour of the bad value, rejected by ingest. */
function variant(list, index, changes) {
  const { signal, row } = list[index];
  return { signal, row: { ...row, ...changes }, deliberate: true, rejected: true };
}
const FILES = {
  politie: 'politie-export_2024-01_2025-09.csv',
  politieVervolg: 'politie-export_2025-09_2025-10.csv',
  zvh: 'zvh-export_2024-2025.csv',
  online: 'online-monitoring_2024-2025.csv',
  notities: 'trendnotities.csv',
};
// [export, position in its rows, changes, kolom, reden (what the analyst must be told), soort]
const PLANTED = [
  ['politie', 120, { datum: '31-02-2025 10:15' }, 'datum', 'datum bestaat niet (31 februari)', 'fout'],
  ['politie', 333, { gemeente: 'Zaanstadt' }, 'gemeente', 'onbekende gemeente; bedoeld is Zaanstad', 'fout'],
  ['politie', 512, { gemeente: 'Bergen' }, 'gemeente', 'dubbelzinnig: Bergen (NH.) of Bergen (L.)', 'fout'],
  ['politie', 700, { id: '' }, 'id', 'registratienummer ontbreekt', 'fout'],
  ['politie', 845, { datum: '14-13-2024 09:40' }, 'datum', 'maand 13 bestaat niet', 'fout'],
  ['politie', 260, { fenomeen: 'religieus' }, 'fenomeen', 'onbekend fenomeenlabel: rij blijft, naar de classificatie', 'waarschuwing'],
  ['politie', 601, { betrouwbaarheid: 'Z9' }, 'betrouwbaarheid', 'geen Admiralty- of 4x4-code: rij blijft', 'waarschuwing'],
  ['zvh', 90, { datum: '29 februari 2025' }, 'datum', 'datum bestaat niet (2025 is geen schrikkeljaar)', 'fout'],
  ['zvh', 210, { gemeente: '' }, 'gemeente', 'gemeente ontbreekt', 'fout'],
  ['zvh', 301, { gemeente: 'Zaandam' }, 'gemeente', 'woonplaats in Zaanstad: geaccepteerd en geteld bij Zaanstad', 'woonplaats'],
  ['zvh', 150, { bron: 'Leerplicht' }, 'bron', 'onbekende bron: rij blijft', 'waarschuwing'],
  ['online', 75, { datum: '2025-13-02T10:00:00Z' }, 'datum', 'maand 13 bestaat niet', 'fout'],
  ['online', 240, { id: '' }, 'id', 'signaal_id ontbreekt', 'fout'],
  ['online', 377, { gemeente: 'onbekend' }, 'gemeente', 'onbekende gemeente', 'fout'],
];
// Insert from the highest position down so earlier positions stay valid.
for (const [exp, at, changes, , , soort] of [...PLANTED].sort((a, b) => b[1] - a[1])) {
  const list = rows[exp];
  if (soort === 'fout') {
    list.splice(at, 0, variant(list, at, changes));
    continue;
  }
  let i = at;
  // A woonplaats replaces the gemeente of a signal in that gemeente, so the counts stay as they are.
  const woonplaatsVan = soort === 'woonplaats' ? 'Zaanstad' : undefined;
  while (
    list[i].deliberate ||
    (changes.fenomeen && list[i].row.fenomeen) ||
    (woonplaatsVan && list[i].signal.gemeente.naam !== woonplaatsVan)
  ) {
    i++;
  }
  Object.assign(list[i].row, changes);
  list[i].deliberate = true;
}
// Ids in the order of each export (a planted row without id keeps it empty).
for (const list of Object.values(rows)) {
  for (const r of list) if (r.row.id !== '') r.row.id = nextId(r.signal.export, r.signal.when.y);
}
const afwijkingen = disagreeing.map(({ chosen, label, tekstWijstOp }) => ({ id: chosen.row.id, label, tekstWijstOp }));

// The police deliver a second export that overlaps the first: its first rows repeat the end of the first export
// (identical: duplicates), one of them with content the analyst changed meanwhile (the later file wins, with a warning).
const firstExport = rows.politie.filter((r) => r.signal.when.day <= POLICE_FIRST_EXPORT_END);
const secondExport = rows.politie.filter((r) => r.signal.when.day > POLICE_FIRST_EXPORT_END);
const overlap = firstExport.slice(-10).map((r) => ({ ...r, row: { ...r.row } }));
const changed = overlap.find((r) => !r.row.fenomeen && LABELS.politie[r.signal.kind]) ?? fail('no unlabelled overlap row');
changed.row.fenomeen = LABELS.politie[changed.signal.kind][0];
changed.row.omschrijving = `${changed.row.omschrijving} Aanvulling 14-10-2025: betrokkene is inmiddels in beeld bij het ZVH.`;
const secondRows = [...overlap, ...secondExport];

// Stray blank lines in the ZVH export: between records and at the end.
const zvhBody = rows.zvh.map((r) => r.row);
zvhBody.splice(400, 0, '');
zvhBody.splice(181, 0, '', '');
zvhBody.push('', '');

// ---------------------------------------------------------------------------------------------------------------
// Trend notes (the analysts' own text; fictional)
// ---------------------------------------------------------------------------------------------------------------
// regio: the region a note without a gemeente is about (a regional note names one, so it lands in that region's reports).
const N = (datum, titel, notitie, fenomeen, schaal, gemeente, auteur, regio = '') => ({ datum, titel, notitie, fenomeen, schaal, gemeente, regio, auteur });
const NOTES = [
  N('15-01-2024', 'Dreigingsniveau blijft substantieel', 'Het landelijke dreigingsniveau staat op 4 (substantieel). De dreiging komt vooral van jihadistische eenlingen, vaak jong en online geradicaliseerd. Voor de regio betekent dit: alert blijven op signalen van scholen en jongerenwerk over jongeren die propaganda delen.', 'jihadisme', 'landelijk', '', 'Regionaal analist CTER'),
  N('20-02-2024', 'Online radicalisering onder minderjarigen', 'Steeds vaker gaat het om jongeren van 13 tot 17 jaar die in besloten Telegram- en TikTok-groepen in aanraking komen met jihadistische of rechts-extremistische content. Scholen melden vaker signalen uit klassenapps; advies: deskundigheidsbevordering voor mentoren, leerplicht en jongerenwerk.', '', 'online', '', 'Regionaal analist CTER'),
  N('28-03-2024', 'Stickeracties in Noord-Holland Noord', "In Alkmaar, Hoorn en Den Helder zijn stickers met 'Remigratie nu' en Keltische kruizen aangetroffen. Het lijkt te gaan om een kleine groep die zich online organiseert; verwijderen via de buitendienst gaat snel en de wijkagenten zijn geïnformeerd.", 'extreemrechts', 'regionaal', '', 'Analist CTER Noord-Holland Noord', 'Noord-Holland Noord'),
  N('22-04-2024', 'Soevereinen in beeld bij Burgerzaken', "Burgerzaken ziet een handvol inwoners die hun paspoort inleveren of een 'notice of liability' sturen. Tot nu toe losse personen zonder onderlinge verbinding. Advies: medewerkers instrueren over de werkwijze bij soevereine burgers en meldingen doorzetten naar het ZVH.", 'anti-institutioneel', 'lokaal', 'Zaanstad', 'Analist CTER Zaanstad'),
  N('14-05-2024', 'Spanningen rond het conflict in het Midden-Oosten', 'Rond demonstraties over Gaza en Israël lopen de emoties op. Joodse en islamitische sleutelfiguren melden dat jongeren online elkaar uitdagen; tot nu toe blijft het bij woorden. De gemeente houdt contact met beide gemeenschappen.', 'polarisatie', 'lokaal', 'Haarlem', 'Analist CTER Kennemerland'),
  N('30-06-2024', 'Klimaatacties rond Schiphol', 'Klimaatactivisten kondigen nieuwe acties aan bij de privéjetterminal. Het gaat om vreedzaam activisme: relevant voor de openbare orde, niet als extremisme. Wel letten op kleine groepen die sabotage niet uitsluiten.', 'klimaatactivisme', 'regionaal', 'Haarlemmermeer', 'Analist CTER Kennemerland'),
  N('10-07-2024', 'Kwartaalbeeld Zaanstreek-Waterland 2024-Q2', 'Het aantal signalen in Zaanstreek-Waterland is stabiel. Jihadisme en rechts-extremisme blijven de grootste fenomenen; anti-institutionele signalen komen vooral binnen via gemeentelijke loketten.', '', 'regionaal', '', 'Regionaal analist CTER', 'Zaanstreek-Waterland'),
  N('12-08-2024', 'Doxing door extreemlinkse groepen', 'Landelijk zetten anonieme antifa-accounts persoonsgegevens van rechtse activisten en politici online. In de regio één geval in Haarlem. Advies: slachtoffers wijzen op de aangifte van doxing, sinds 2024 strafbaar.', 'extreemlinks', 'landelijk', '', 'Analist CTER Kennemerland'),
  N('05-09-2024', 'Accelerationistische netwerken online', 'Zeer jonge aanhangers van accelerationistische netwerken delen online wapenhandleidingen en manifesten. In de regio twee signalen van scholieren die zulke groepen bezoeken. De combinatie van jonge leeftijd, gamingplatforms en geweldsverheerlijking vraagt om snelle afstemming tussen school, ouders en politie.', 'rechts-extremisme', 'online', '', 'Regionaal analist CTER'),
  N('08-10-2024', 'Herdenkingen en spanningen in oktober', 'Rond de herdenking van 7 oktober is de spanning tussen groepen voelbaar; extra contact met sleutelfiguren in Joodse en islamitische gemeenschappen. Geen incidenten in de regio.', 'maatschappelijke onrust', 'landelijk', '', 'Regionaal analist CTER'),
  N('14-11-2024', 'Onrust over noodopvang in Velsen', "Na de informatieavond over tijdelijke noodopvang van asielzoekers op 12 november is de stemming omgeslagen. Op sociale media circuleren oproepen tot protest en worden wethouders persoonlijk aangevallen; er zijn aanwijzingen dat personen van buiten de gemeente, onder wie bekenden uit het rechts-extremistische milieu, het protest aanjagen.", 'polarisatie', 'lokaal', 'Velsen', 'Analist CTER Kennemerland'),
  N('02-12-2024', 'Velsen: protest verloopt grimmig', 'Het protest van 29 november verliep grimmig maar zonder geweld; de politie hield voor- en tegenstanders uit elkaar. Na het raadsbesluit neemt de spanning af, online blijft het onrustig. Vervolg: gesprekken met buurtbewoners en monitoring van lokale Facebookgroepen.', 'polarisatie', 'lokaal', 'Velsen', 'Analist CTER Kennemerland'),
  N('20-01-2025', 'Jaarbeeld 2024 politie-eenheid', 'Over 2024 zien we in de politie-eenheid geen grote verschuivingen: jihadisme, rechts-extremisme en anti-institutioneel extremisme zijn ongeveer even groot. Opvallend zijn de piek rond de noodopvang in Velsen (polarisatie) en de groei van online signalen onder minderjarigen.', '', 'regionaal', '', 'Regionaal analist CTER', 'Politie-eenheid Noord-Holland'),
  N('18-02-2025', 'Nieuwe stickergolf in Hoorn', "Sinds begin februari zijn in Hoorn opnieuw tientallen stickers met 'Remigratie nu' en een zwarte zon aangetroffen, vooral bij het station en rond scholen. De stijl wijst op dezelfde groep als in 2024; de buitendienst verwijdert ze binnen een dag.", 'extreem-rechts', 'lokaal', 'Hoorn', 'Analist CTER Noord-Holland Noord'),
  N('10-03-2025', 'Internationale context: ISKP en jongeren', 'ISKP blijft internationaal de meest actieve jihadistische organisatie in het werven van Europese jongeren via sociale media. In de regio geen aanwijzingen voor uitreizen, wel enkele jongeren die propaganda delen.', 'jihadistisch', 'internationaal', '', 'Regionaal analist CTER'),
  N('03-04-2025', 'Anti-institutioneel sentiment', 'Landelijk groeit de groep die de legitimiteit van de overheid afwijst. Het gaat vaak om soevereinen die zich onttrekken aan regels, soms met dreigende taal naar bestuurders en ambtenaren. In Noord-Holland vergelijkbare signalen, vooral via gemeentelijke loketten en deurwaarders.', 'anti-overheid', 'landelijk', '', 'Regionaal analist CTER'),
  N('20-05-2025', 'Blokkades bij Schiphol', 'In mei en juni meerdere blokkades van de toegangsweg naar de privéjetterminal, met tientallen aanhoudingen per actie. Het blijft vreedzaam activisme, maar de belasting voor politie en luchthaven is groot; afstemming met de Koninklijke Marechaussee loopt.', 'klimaatactivisme', 'lokaal', 'Haarlemmermeer', 'Analist CTER Kennemerland'),
  N('12-06-2025', 'Dierenrechtenacties in de Kop van Noord-Holland', 'Enkele stalinbraken door dierenrechtenactivisten in Hollands Kroon en Schagen; beelden worden online gezet. Geen geweld tegen personen, wel grote onrust bij boeren.', 'dierenrechtenactivisme', 'regionaal', 'Hollands Kroon', 'Analist CTER Noord-Holland Noord'),
  N('26-06-2025', 'Den Helder: online haat onder jongeren', 'Jongerenwerk ziet dat een groep jongeren in Den Helder elkaar in groepschats ophitst met racistische en antisemitische memes. Nog geen ideologische organisatie zichtbaar; jongerenwerk en school voeren gesprekken.', 'polarisatie', 'lokaal', 'Den Helder', 'Analist CTER Noord-Holland Noord'),
  N('08-07-2025', 'Soevereine burgers in Zaanstad: zorgelijke toename', "Sinds begin juli een duidelijke toename van signalen van soevereine burgers en anti-overheidsretoriek. Het gaat niet meer om losse personen: via een lokale Telegramgroep worden 'volkstribunalen' aangekondigd en ambtenaren en raadsleden bij naam genoemd.\nAdvies: driehoek informeren, medewerkers van Burgerzaken en Handhaving voorbereiden en dreigingen direct melden.", 'anti-institutioneel', 'lokaal', 'Zaanstad', 'Analist CTER Zaanstad'),
  N('19-08-2025', 'Zaanstad: bedreiging van raadsleden', 'Twee raadsleden ontvingen dreigende berichten van personen uit het soevereine netwerk; in één geval een doodsbedreiging. Aangifte is gedaan. De beveiliging van raadsvergaderingen wordt tijdelijk verscherpt.', 'anti-institutioneel', 'lokaal', 'Zaanstad', 'Analist CTER Zaanstad'),
  N('02-09-2025', "Online: trends rond 'remigratie'", "Op TikTok en X groeit het bereik van video's die 'remigratie' als gewoon beleidsidee presenteren. Het begrip schuift op richting het midden; lokaal zien we het terug op stickers en in reacties op nieuws over opvang.", 'rechts-extremisme', 'online', '', 'Regionaal analist CTER'),
  N('23-09-2025', 'Na de zomer: meer signalen van scholen', 'Na de zomervakantie melden scholen in Kennemerland weer vaker signalen van leerlingen die jihadistische of extreemrechtse content delen. Het gaat om het gebruikelijke seizoenspatroon, niet om een trendbreuk.', '', 'regionaal', '', 'Analist CTER Kennemerland', 'Kennemerland'),
  N('06-10-2025', 'Kwartaalbeeld Zaanstreek-Waterland 2025-Q3', 'Het derde kwartaal wordt gedomineerd door de toename van anti-institutionele signalen in Zaanstad. In de rest van Zaanstreek-Waterland is het beeld stabiel. Advies voor het volgende kwartaal: de persoonsgerichte aanpak inzetten op de kern van het lokale netwerk.', 'anti-institutioneel', 'regionaal', '', 'Regionaal analist CTER', 'Zaanstreek-Waterland'),
  N('14-10-2025', 'Dreigingsbeeld oktober', 'Het dreigingsniveau blijft 4. De NCTV wijst op de combinatie van jihadistische dreiging, rechts-extremistische geweldsverheerlijking onder minderjarigen en groeiend anti-institutioneel sentiment. Dit past bij wat wij in de regio zien.', '', 'landelijk', '', 'Regionaal analist CTER'),
];

// ---------------------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------------------
mkdirSync(OUT, { recursive: true });
const written = {};
function write(name, dialect, body) {
  const { text, starts } = serialise(dialect, body);
  writeFileSync(join(OUT, name), encode(text, dialect.encoding));
  written[name] = { starts, records: starts.length };
  return starts;
}
const politieStarts = write(FILES.politie, DIALECTS.politie, firstExport.map((r) => r.row));
const vervolgStarts = write(FILES.politieVervolg, DIALECTS.politie, secondRows.map((r) => r.row));
const zvhStarts = write(FILES.zvh, DIALECTS.zvh, zvhBody);
const onlineStarts = write(FILES.online, DIALECTS.online, rows.online.map((r) => r.row));
write(FILES.notities, DIALECTS.notities, NOTES);

const STARTS = { politie: [firstExport, politieStarts, FILES.politie], zvh: [rows.zvh, zvhStarts, FILES.zvh], online: [rows.online, onlineStarts, FILES.online] };
const planted = PLANTED.map(([exp, , changes, kolom, reden, soort]) => {
  const [list, starts, bestand] = STARTS[exp];
  const index = list.findIndex((r) => r.deliberate && Object.entries(changes).every(([k, v]) => r.row[k] === v));
  if (index < 0) fail(`planted row ${JSON.stringify(changes)} not found`);
  const kopregel = DIALECTS[exp].header[DIALECTS[exp].columns.indexOf(kolom)];
  return { soort, bestand, regel: starts[index], kolom, kopregel, waarde: Object.values(changes)[0], reden, id: list[index].row.id };
});
const fouten = planted.filter((p) => p.soort === 'fout').map(({ soort, ...p }) => p);
const waarschuwingen = planted.filter((p) => p.soort === 'waarschuwing').map(({ soort, ...p }) => p);
const woonplaatsen = planted.filter((p) => p.soort === 'woonplaats').map(({ soort, ...p }) => p);
const changedLineFirst = politieStarts[firstExport.findIndex((r) => r.row.id === changed.row.id)];
const changedLineSecond = vervolgStarts[secondRows.indexOf(changed)];

const perFile = Object.fromEntries(
  [FILES.politie, FILES.politieVervolg, FILES.zvh, FILES.online].map((name) => {
    const afgewezen = fouten.filter((f) => f.bestand === name).length;
    // The overlap's identical records are duplicates in the later file; the changed record's earlier version is
    // superseded by the later one and so counts as a duplicate in the earlier file.
    const dubbel = { [FILES.politieVervolg]: overlap.length - 1, [FILES.politie]: 1 }[name] ?? 0;
    return [name, { regels: written[name].records, afgewezen, dubbel }];
  }),
);
const accepted = Object.values(rows).flat().filter((r) => !r.rejected);
const lookalikeIds = accepted.filter((r) => r.signal.kind === 'lijkt-op').map((r) => ({ id: r.row.id, niet: r.signal.template.niet }));
const vaagIds = accepted.filter((r) => r.signal.kind === 'vaag').map((r) => r.row.id);
const twijfelIds = accepted.filter((r) => r.signal.kind === 'twijfel').map((r) => r.row.id);
const hoogIds = accepted.filter((r) => r.signal.template.ernst === 'hoog').map((r) => r.row.id);

// Counts per gemeente and quarter, for the README and verwacht.json (valid signals only, each once).
const valid = signals.filter((s) => GEMEENTEN.includes(s.gemeente));
const quarterOf = (t) => `${t.y}-Q${Math.ceil(t.m / 3)}`;
const zaanstadPerQuarter = QUARTERS.map((q) => [q.label, valid.filter((s) => s.gemeente.naam === 'Zaanstad' && quarterOf(s.when) === q.label).length]);

const verwacht = {
  _toelichting:
    'Gegenereerd door scripts/gen-samples.mjs; zie README.md. Regelnummers zoals een editor ze telt (regel 1 is de eerste regel van het bestand). ' +
    'kolom: de canonieke kolom; kopregel: de kolomnaam zoals die in het bestand staat.',
  bestanden: perFile,
  notities: { bestand: FILES.notities, regels: NOTES.length },
  fouten,
  waarschuwingen,
  woonplaatsen,
  dubbel: {
    bestand: FILES.politieVervolg,
    identiek: overlap.filter((r) => r !== changed).map((r) => r.row.id),
    gewijzigd: { id: changed.row.id, eerder: { bestand: FILES.politie, regel: changedLineFirst }, later: { bestand: FILES.politieVervolg, regel: changedLineSecond } },
  },
  afwijkingen,
  lijktOp: lookalikeIds,
  vaag: vaagIds,
  twijfel: twijfelIds,
  ernstHoog: hoogIds,
  zaanstadPerKwartaal: Object.fromEntries(zaanstadPerQuarter),
  // Each is a significant rise of the fenomeen against the previous period.
  trends: [
    { gemeente: 'Zaanstad', periode: '2025-Q3', fenomeen: 'anti-institutioneel-extremisme', wat: 'soevereinen en anti-overheidsretoriek via een lokale Telegramgroep; ook alle signalen samen stijgen significant t.o.v. 2025-Q2 en 2024-Q3' },
    { gemeente: 'Velsen', periode: '2024-Q4', fenomeen: 'polarisatie', wat: 'piek rond de informatieavond over noodopvang (12 november 2024)' },
    { gemeente: 'Haarlemmermeer', periode: '2025-Q2', fenomeen: 'activisme', wat: 'klimaatblokkades bij Schiphol' },
    { gemeente: 'Hoorn', periode: '2025-Q1', fenomeen: 'rechts-extremisme', wat: 'stickergolf' },
  ],
};
writeFileSync(join(OUT, 'verwacht.json'), `${JSON.stringify(verwacht, null, 2)}\n`);


const config = {
  regio: 'Politie-eenheid Noord-Holland',
  gemeente: 'Zaanstad',
  signalen: [FILES.politie, FILES.politieVervolg, FILES.zvh, FILES.online],
  notities: [FILES.notities],
  uitvoer: '../uitvoer',
  rubricering: 'Intern',
  tlp: 'AMBER',
  organisatie: 'Voorbeeldregio Noord-Holland (fictieve gegevens)',
};
writeFileSync(join(OUT, 'cter.config.json'), `${JSON.stringify(config, null, 2)}\n`);

const sum = (key) => Object.values(perFile).reduce((n, f) => n + f[key], 0);
const table = (head, list) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...list.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const readme = `# Voorbeeldgegevens (fictief)

**Alle gegevens in deze map zijn verzonnen.** Het zijn geen echte signalen, personen of meldingen: registratienummers
(\`PNH-2025-004512\`, \`ZVH-2025-00123\`, \`ONL-2025-0456\`) en persoonssleutels (\`P-104233\`) zijn willekeurig, teksten zijn
geschreven om op echte signaalteksten te lijken. Gemeenten, inwonertallen en regio's zijn echt (uit \`data/reference/\`).
Gebruik deze map om cter uit te proberen (\`bash scripts/voorbeeld.sh\`) en in de tests.

De bestanden zijn gemaakt door \`node scripts/gen-samples.mjs\` (vast zaadgetal: elke run geeft dezelfde bytes). Pas ze
niet met de hand aan: wijzig de generator en draai hem opnieuw; \`tests/unit/voorbeelddata.test.ts\` controleert dat de
bestanden en de generator overeenkomen.

## Inhoud

${signals.length} signalen uit de 32 gemeenten van de politie-eenheid Noord-Holland (plus ${OUTSIDE.length ? 'enkele' : 'geen'}
van buiten de eenheid in de online-export), van 2024-Q1 tot en met 2025-Q3 en de eerste weken van 2025-Q4 (tot en met
20 oktober 2025): **2025-Q3 is het laatste volledige kwartaal**. Het aantal signalen volgt ongeveer het aantal inwoners
(ongeveer ${RATE} per 10.000 inwoners per kwartaal), met deze bewuste ontwikkelingen, elk een significante stijging
van het fenomeen ten opzichte van het kwartaal ervoor:

${table(['gemeente', 'periode', 'fenomeen', 'wat'], verwacht.trends.map((t) => [t.gemeente, t.periode, t.fenomeen, t.wat]))}

Zaanstad per kwartaal (geldige signalen, alle bronnen): ${zaanstadPerQuarter.map(([q, n]) => `${q}: ${n}`).join(', ')}.

| bestand | wat | dialect | records |
| --- | --- | --- | --- |
| \`${FILES.politie}\` | politie-export tot en met 30 september 2025 | Windows-1252, \`;\`, CRLF, eerste regel \`sep=;\`, datums \`03-07-2025 14:30\`, Admiralty-codes (\`B2\`, \`c-3\`), gemeenten soms als oude naam (Beemster, Heerhugowaard, Langedijk), variant (\`Bergen NH\`, \`Edam Volendam\`) of code (\`GM0479\`, \`0479\`) | ${perFile[FILES.politie].regels} |
| \`${FILES.politieVervolg}\` | vervolgexport van de politie; overlapt de vorige | als hierboven | ${perFile[FILES.politieVervolg].regels} |
| \`${FILES.zvh}\` | export van de zorg- en veiligheidshuizen | UTF-8 met BOM, \`;\`, CRLF, Beschrijving altijd tussen aanhalingstekens, soms over meer regels en met \`;\` en verdubbelde \`""\`, datums \`3 juli 2025\` / \`3 jul 2025\`, 4x4-codes (\`X4\`), losse lege regels, twee lege kolommen aan het eind | ${perFile[FILES.zvh].regels} |
| \`${FILES.online}\` | online monitoring | UTF-8 zonder BOM, \`,\`, LF, ISO 8601-tijden (\`2025-07-03T12:30:05Z\`, \`2025-07-03T14:30:05+02:00\`), kopteksten \`signaal_id,datum_signaal,gemeente,type,bron,stroming,samenvatting\` | ${perFile[FILES.online].regels} |
| \`${FILES.notities}\` | ${NOTES.length} trendnotities van analisten (lokaal, regionaal, landelijk, internationaal, online) | UTF-8 met BOM, \`;\`, CRLF, kolommen \`datum;titel;notitie;fenomeen;schaal;gemeente;regio;auteur\`; een notitie over een regio noemt die in \`regio\` | ${NOTES.length} |
| \`cter.config.json\` | werkmap-configuratie die naar deze bestanden wijst (\`cd data-samples && ../bin/cter trends\`) | JSON | |
| \`verwacht.json\` | alles hieronder in machineleesbare vorm, voor de tests | JSON | |

Fenomeenlabels zijn deels door analisten of het monitoringsysteem ingevuld (\`extreemrechts\`, \`Anti-overheid\`,
\`jihadistisch\`, ...) en vaak leeg: die signalen classificeert cter met zijn regels. Een deel van de teksten lijkt op
extremisme maar is het niet (geloofsbeleving, games, geschiedenis: ${lookalikeIds.length} signalen, \`lijktOp\` in
verwacht.json), een deel is te vaag om iets over te zeggen (${vaagIds.length} signalen, \`vaag\`) en een deel wijst even sterk
naar twee fenomenen (${twijfelIds.length} signalen, \`twijfel\`): die horen \`onbekend\` te blijven en in de beoordelingslijst
te komen.

## Bewuste fouten (records die worden afgewezen)

Regelnummers zoals een editor ze telt: regel 1 is de eerste regel van het bestand (bij de politie-export \`sep=;\`).

${table(['bestand', 'regel', 'kolom', 'waarde', 'waarom'], fouten.map((f) => [`\`${f.bestand}\``, f.regel, f.kolom, f.waarde === '' ? '(leeg)' : `\`${f.waarde}\``, f.reden]))}

## Bewuste waarschuwingen (record blijft)

${table(['bestand', 'regel', 'kolom', 'waarde', 'waarom'], waarschuwingen.map((f) => [`\`${f.bestand}\``, f.regel, f.kolom, `\`${f.waarde}\``, f.reden]))}

## Woonplaatsen (record blijft en telt bij zijn gemeente)

${table(['bestand', 'regel', 'kolom', 'waarde', 'waarom'], woonplaatsen.map((f) => [`\`${f.bestand}\``, f.regel, f.kolom, `\`${f.waarde}\``, f.reden]))}

## Dubbele records

\`${FILES.politieVervolg}\` begint met de laatste ${overlap.length} records van \`${FILES.politie}\` (de exports overlappen):
${overlap.length - 1} daarvan zijn identiek en tellen in de tweede export als \`dubbel\`; \`${changed.row.id}\` is intussen
aangevuld (regel ${changedLineFirst} in de eerste export, regel ${changedLineSecond} in de tweede): de latere versie geldt, met
een waarschuwing die beide noemt, en de eerdere telt in de eerste export als \`dubbel\`.

Telling over de vier signaalbestanden samen: ${sum('regels')} records = ${sum('regels') - sum('afgewezen') - sum('dubbel')} geaccepteerd + ${sum('afgewezen')} afgewezen + ${sum('dubbel')} dubbel.

## Labels die niet bij de tekst passen (voor de beoordeling)

${table(['id', 'label in de export', 'de tekst wijst op'], afwijkingen.map((a) => [a.id, a.label, a.tekstWijstOp]))}
`;
writeFileSync(join(OUT, 'README.md'), readme);

process.stderr.write(
  `gen-samples: ${signals.length} signalen in ${OUT} ` +
    `(politie ${perFile[FILES.politie].regels} + ${perFile[FILES.politieVervolg].regels}, zvh ${perFile[FILES.zvh].regels}, online ${perFile[FILES.online].regels}); ` +
    `Zaanstad ${zaanstadPerQuarter.map(([q, n]) => `${q} ${n}`).join(', ')}\n`,
);
