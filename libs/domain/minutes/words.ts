/**
 * The word lists the rules read minutes with, per language (sv, da, nb, en). Phrases are matched
 * whole-word and case-insensitively; a rule's name and the matched phrase are what a finding
 * gives as its reason, so a coordinator can see why a sentence was picked.
 */

/** "X följer upp": the person or unit before the phrase is to do something. Present or future tense only. */
export const ASSIGNMENT_VERBS: readonly string[] = [
  // sv
  'följer upp', 'återkommer', 'tar fram', 'ansvarar för', 'undersöker', 'utreder', 'kollar', 'kikar på', 'tittar på',
  'ser över', 'utvecklar', 'sammanställer', 'skickar', 'bjuder in', 'kontaktar', 'tar kontakt', 'ordnar', 'bokar',
  'formulerar', 'bereder', 'åtar sig', 'ber om uppdraget', 'får i uppdrag', 'får uppdraget', 'tar ansvar', 'kallar till',
  'fick i uppdrag', 'fick uppdraget', 'utses till', 'utsågs till', 'har ansvar för', 'har ansvaret för', 'arrangerar', 'planerar',
  'sammankallar', 'ser till att',
  // da
  'følger op', 'vender tilbage', 'undersøger', 'sørger for', 'tager ansvar', 'udfører', 'spørger', 'kontakter',
  'tager kontakt', 'indkalder', 'udarbejder', 'kigger på', 'laver', 'påtager sig', 'formulerer', 'sender',
  'arrangerer', 'planlægger', 'udpeges som', 'blev udpeget som', 'har ansvaret for', 'får til opgave', 'tjekker',
  'forbereder', // da and nb alike
  // nb (shared forms such as "sørger for", "tar ansvar", "sender" are listed once above)
  'følger opp', 'kommer tilbake', 'undersøker', 'sjekker', 'lager', 'utarbeider', 'påtar seg', 'innkaller', 'tar ansvar for',
  'har ansvar for', 'planlegger', 'får i oppdrag', 'fikk i oppdrag', 'utpekes som',
  // en
  'will follow up', 'follows up', 'to follow up', 'will look into', 'will check', 'will draft', 'will prepare', 'will contact',
  'will send', 'will circulate', 'will report back', 'will come back', 'will ask', 'will organise', 'will organize',
  'will arrange', 'will update', 'will write', 'will review', 'will investigate', 'will take responsibility',
  'will be responsible', 'will lead', 'takes responsibility', 'is responsible for', 'agreed to', 'volunteered to',
  'to circulate', 'to draft', 'to prepare', 'to contact', 'offered to', 'undertook to', 'was appointed', 'is appointed',
  'will invite', 'will convene',
];

/** "Action: Tom to update the register", "Sarah is to prepare …": an English owner followed by "to" and a verb. */
export const ACTION_TO = /^(?:actions?\s*[:–-]\s*)?(.+?)\s+(?:(?:is|are)\s+)?to\s+\p{Ll}+/iu;

/** Verbs that report what someone said: a "that"-clause after them is news, not a task ("Søren fortalte, at …"). */
export const REPORTING_VERBS =
  /\b(?:berättade|berättar|informerade|informerar|meddelade|meddelar|sa|sade|säger|påtalar|nämnde|fortalte|fortæller|oplyste|orienterede|orienterte|nevnte|sier|noted|said|reported|informed|mentioned|explained|told)\b/i;

/** "uppdrar åt X att …", "Uppdrogs åt X att …": the owner comes after the phrase, up to the closing word. */
export const COMMISSION_PATTERNS: readonly RegExp[] = [
  /\b(?:uppdrar|uppdrog|uppdrogs|uppdras)\s+åt\s+(.+?)\s+att\b/i,
  /\bger\s+(.+?)\s+i\s+uppdrag\s+att\b/i,
  /\b(?:giver|gir)\s+(.+?)\s+(?:til\s+opgave|i\s+oppdrag)\s+(?:at|å)\b/i,
  /\b(?:asked|asks|tasked)\s+(.+?)\s+(?:to|with)\b/i,
];

/** Modal verbs that, with a named subject and an action verb, make an assignment ("Ad-hoc gruppen skal udarbejde"). */
export const MODALS = ['ska', 'skall', 'skal', 'will', 'shall'];

/** Verbs after a modal that describe a state, not something to do ("Referatet skal være kort"). */
export const STATE_VERBS = new Set(['vara', 'være', 'be', 'förvänta', 'forvente', 'kunna', 'kunne', 'kan', 'ha', 'have', 'bli', 'blive', 'finnas', 'findes', 'finnes', 'gälla', 'gælde', 'gjelde']);

/** Adverbs allowed between the modal and its verb. */
export const MODAL_ADVERBS = new Set(['också', 'även', 'også', 'then', 'also', 'gerne', 'gärna', 'hver', 'især', 'var', 'för', 'sig', 'each']);

/** A decision taken with nobody named to carry it out. */
export const DECISION_PHRASES: readonly string[] = [
  // sv
  'det beslutades att', 'det beslöts att', 'beslutades att', 'beslöts att', 'mötet beslutade att', 'vi beslutade att',
  'bestämdes att', 'vi kom överens om att', 'det bestämdes att',
  // da
  'det blev aftalt at', 'det blev besluttet at', 'det blev besluttet, at', 'aftalen blev at', 'det aftaltes at',
  'vi aftalte at', 'det blev vedtaget at', 'mødet besluttede at',
  // nb
  'det ble besluttet at', 'det ble avtalt at', 'det ble vedtatt at', 'møtet besluttet at', 'vi ble enige om at',
  // en
  'it was decided', 'it was agreed', 'the meeting agreed', 'the meeting decided', 'the group agreed', 'we agreed to', 'we decided to',
  // a body decides, nobody named to act: "Rådet enades om att …", "Gruppen besluttede at …", "The committee resolved to …"
  'enades om att', 'beslutade att', 'besluttede at', 'enedes om at', 'vedtog at', 'vedtok at', 'ble enige om', 'resolved to', 'resolved that',
  // "Møtet vedtok å …", "Members agreed that …" (agreeing "var enig om" is read by AGREED_ON)
  'vedtok å', 'besluttet å', 'members agreed', 'all agreed that',
];

/**
 * "Gruppen var enig om att fortsätta …", "blev enige om at …": agreeing is a decision when what
 * was agreed is to be done — an infinitive (sv -a, da/nb -e) or a clause with "must"/"shall" —
 * not a view ("var överens om att den behövs", "var eniga om dessa").
 */
export const AGREED_ON = /(?<![\p{L}])(?:var|blev|ble)\s+(?:enig|eniga|enigt|enige|överens)\s+om\s+(?:att|at|å)\s+(\p{Ll}+)([^.?!]*)/iu;

/** "måste", "skal", "bør": what an agreement says must be done. */
export const OBLIGATION = /(?<![\p{L}])(?:måste|ska|skall|bör|skal|bør|må)(?![\p{L}])/iu;

/** A decision written as a label: "Beslut: …", "Vedtak: …". */
export const DECISION_LABEL = /^(?:beslut|beslutning|vedtak|decision|resolved|agreed)\s*:/i;

/**
 * "It is not clear who …", "Det ble ikke bestemt hvem …", "Frågan om vem …": a question about
 * ownership written as a statement.
 */
export const UNCLEAR_WHO =
  /\b(?:oklart|otydligt|inte klart|uklart|ikke klart|ikke afklaret|ikke avklart|uavklart|unclear|not clear|not yet clear|undecided|inte bestämt|inte beslutat|ikke besluttet|ikke bestemt|not decided|frågan om|spørgsmålet om|spørsmålet om|the question of)\b[^.?!]{0,20}?\b(?:vem|hvem|who)\b/i;

/**
 * "Ingen utsågs att driva frågan", "Nobody has yet been assigned …": nobody named, so still open —
 * unless the sentence also gives a decision, which already says it has no owner.
 */
export const NOBODY_APPOINTED =
  /\b(?:ingen|nobody|no one)\b[^.?!]{0,20}?\b(?:utsågs|utsetts|udpeget|udpeges|utpekt|utnevnt|appointed|assigned|named)\b/i;

/** "Vem deltog …?", "Who attended …?": asking what happened, not who is to carry something. */
export const PAST_WHO_VERBS = new Set(['deltog', 'deltok', 'var', 'kom', 'sa', 'sade', 'sagde', 'attended', 'was', 'were', 'came', 'said', 'did', 'visited']);

/** Questions asking who is to carry something: open items for the balance list. */
export const WHO_WORDS = ['vem', 'hvem', 'who'];

/** Headings of lists of open items: every item in them is open, whatever its wording. */
export const BALANCE_LIST_HEADINGS = /^(?:balanslista|balanslistan|restlista|öppna frågor|udestående|åbne punkter|åpne saker|restanseliste|open (?:items|questions)|outstanding (?:items|actions))$/i;

/** Words that cannot be the owner of an assignment: pronouns, determiners, adverbs. */
export const NOT_OWNERS = new Set([
  'vi', 'man', 'de', 'det', 'den', 'detta', 'dette', 'denne', 'jag', 'jeg', 'han', 'hon', 'hun', 'ni', 'du', 'dere', 'alla', 'alle',
  'någon', 'nogen', 'noen', 'här', 'her', 'där', 'der', 'så', 'nu', 'då', 'sedan', 'därefter', 'herefter', 'deretter', 'then', 'now', 'en', 'ett', 'et', 'ei', 'som', 'hvilket', 'vilket',
  'we', 'they', 'it', 'this', 'that', 'i', 'you', 'everyone', 'someone', 'all', 'here', 'there', 'the', 'a', 'an',
]);

/** Lower-case nouns that name a group or unit and so can own a task ("koordineringsgruppen"). */
export const GROUP_NOUN = /(?:gruppen|gruppe|gruppa|group|sekretariatet|sekretariat|secretariat|förvaltningen|forvaltningen|forvaltning|nämnden|udvalget|utvalget|committee|styrelsen|styret|board|team|teamet|enheten|enheden|kontoret|rådet|council|ledningen|ledelsen|direktionen|kansliet)$/i;

/** Words that join several owners ("Anitta og Inger"). */
export const OWNER_JOINERS = new Set(['och', 'og', 'and', '&', '+', 'samt']);
