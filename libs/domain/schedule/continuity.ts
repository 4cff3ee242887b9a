/**
 * Words that make an action continuous (SCHEDULES.md "Kinds"), and vague frequencies which are
 * treated as continuous but flagged, because a coordinator may want to pin them down.
 */
import { alt, wordRegex } from './normalize';

const CONTINUOUS = [
  // sv
  'löpande', 'kontinuerligt', 'kontinuerlig', 'kontinuerliga', 'fortlöpande', 'fortlöpande', 'regelbundet', 'regelbundna',
  'regelbunden', 'regelbundes', 'regelmässigt', 'regelmässiga', 'regelmässig', 'stående punkt', 'stående inslag', 'ständigt',
  'återkommande', 'pågående', 'pågår', 'fortgående', 'hela året', 'året runt', 'med jämna mellanrum', 'fortlöpande',
  'kontinuerligt arbete', 'tills vidare', 'permanent',
  // da
  'løbende', 'fortløbende', 'regelmæssigt', 'regelmæssig', 'regelmæssige', 'fast punkt', 'fast dagsordenspunkt', 'vedvarende',
  'året rundt', 'hele året', 'igangværende', 'tilbagevendende', 'med jævne mellemrum', 'til stadighed', 'indtil videre',
  // nb
  'løpende', 'fortløpende', 'kontinuerleg', 'regelmessig', 'regelmessige', 'regelmessigt', 'jevnlig', 'jevnlige', 'jevnleg',
  'jevnlig', 'pågåande', 'tilbakevendende', 'med jevne mellomrom', 'inntil videre', 'stadig',
  // en
  'ongoing', 'on-going', 'continuous', 'continuously', 'continual', 'continually', 'regularly', 'regular', 'standing item',
  'standing agenda item', 'on a regular basis', 'on an ongoing basis', 'throughout the year', 'all year', 'all year round',
  'year-round', 'year round', 'recurring', 'recurrent', 'until further notice', 'constantly',
];

const VAGUE = [
  // sv
  'ibland', 'vid behov', 'efter behov', 'när behov finns', 'när behov uppstår', 'när det behövs', 'vid tillfälle', 'emellanåt',
  'då och då', 'sporadiskt', 'periodvis', 'några gånger', 'några ggr', 'flera gånger', 'flera ggr', 'ett par gånger',
  'ett par ggr', 'ett antal gånger', 'vid förfrågan', 'på begäran', 'vid lämpliga tillfällen', 'flertal gånger',
  // da
  'ved behov', 'efter behov', 'når der er behov', 'når behovet opstår', 'af og til', 'indimellem', 'nogle gange', 'flere gange',
  'et par gange', 'lejlighedsvis', 'efter aftale', 'på forespørgsel',
  // nb
  'etter behov', 'ved behov', 'når det er behov', 'av og til', 'innimellom', 'iblant', 'noen ganger', 'flere ganger',
  'et par ganger', 'sporadisk', 'etter avtale', 'ved anledning',
  // en
  'as needed', 'when needed', 'if needed', 'as required', 'when required', 'ad hoc', 'ad-hoc', 'sometimes', 'occasionally',
  'from time to time', 'now and then', 'a few times', 'several times', 'a couple of times', 'as necessary', 'when necessary',
  'on demand', 'on request', 'as appropriate', 'periodically',
];

const CONTINUOUS_RE = wordRegex(alt(CONTINUOUS), 'u');
const VAGUE_RE = wordRegex(alt(VAGUE), 'u');

/** The continuous marker found in a normalised text, if any. */
export function findContinuous(text: string): string | undefined {
  return CONTINUOUS_RE.exec(text)?.[0];
}

/** The vague frequency found in a normalised text, if any. */
export function findVague(text: string): string | undefined {
  return VAGUE_RE.exec(text)?.[0];
}
