/**
 * The requirement-smell lexicon: for each category, the phrases that indicate it and the context rules that
 * tell a smell from a precise use of the same words ("fast" vs "faster than 200 ms", "all users" vs "all
 * users in the team", "the system may log" vs "the user may cancel"). docs/smells.md explains each rule
 * and records the precision and recall measured on test/fixtures/smells/.
 *
 * A phrase is a regular expression matched case-insensitively on one requirement sentence of the spec's
 * prose (code, quotations of the brief and literals already blanked out), as a whole word: a letter, digit,
 * underscore, hyphen, slash or dot-letter touching either end makes it part of a longer word or identifier
 * ("fast-forward", `fastPath`, fast.ts), which is never a smell unless the compound is itself listed.
 */

export const SMELL_CATEGORIES = [
  'subjective',
  'vague',
  'vague-timing',
  'loophole',
  'open-ended',
  'quantifier',
  'comparative',
  'absolute',
  'incomplete',
  'weak-modal',
  'passive',
  'vague-pronoun',
] as const;
export type SmellCategory = (typeof SMELL_CATEGORIES)[number];

/** Where a phrase matched: the sentence (blanked prose) and the text on either side of the match. */
export type SmellContext = {
  sentence: string;
  before: string;
  match: string;
  after: string;
  /** The sentence before this one in the same paragraph or list item ('' when none). */
  previous: string;
};
export type ContextRule = (c: SmellContext) => boolean;

export type Indicator = {
  category: SmellCategory;
  phrase: string;
  caseSensitive?: boolean;
  /** Punctuation ("...", "???"): matched as it stands, without the whole-word boundaries. */
  bare?: boolean;
  /** The match counts only when this holds. */
  when?: ContextRule;
  /** The match does not count when any of these holds: the context makes it precise. */
  unless?: ContextRule[];
};

// ---- context rules -----------------------------------------------------------------------------------

const followedBy =
  (re: RegExp): ContextRule =>
  (c) =>
    re.test(c.after);
const precededBy =
  (re: RegExp): ContextRule =>
  (c) =>
    re.test(c.before);
const both =
  (...rules: ContextRule[]): ContextRule =>
  (c) =>
    rules.every((r) => r(c));

// "one" and "half" are left out: "one big button" counts buttons, it does not bound "big".
const NUMBER_WORDS =
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|billion|dozen|twice';
const QUANTITY = new RegExp(`(?<![\\p{L}\\p{N}_])\\d[\\d,.]*|\\b(${NUMBER_WORDS})\\b`, 'giu');
/** A number that is part of a name (ISO 8601, RFC 5545, UTF-8, OAuth 2) bounds nothing. */
const NAME_BEFORE_NUMBER = /(\b[A-Z]{2,}|\bOAuth|\bIPv|\bv)[\s-]?$/;

function hasQuantity(text: string): boolean {
  for (const m of text.matchAll(QUANTITY)) {
    if (!NAME_BEFORE_NUMBER.test(text.slice(0, m.index))) return true;
  }
  return false;
}

/** A number (a figure, a unit, "three", "twice") within a few words of the match: the vague word is bounded. */
export const numberNear: ContextRule = (c) => {
  const before = c.before.split(/\s+/).slice(-4).join(' ');
  const after = c.after.split(/\s+/).slice(0, 9).join(' ');
  return hasQuantity(before) || hasQuantity(after);
};
/** A number anywhere in the sentence: a comparative, superlative or vague amount next to a figure is bounded. */
const numberInSentence: ContextRule = (c) => hasQuantity(c.sentence);
/** "Files up to 50 MB. The upload rejects larger files.": the reference is in the sentence before. */
const numberInPrevious: ContextRule = (c) => hasQuantity(c.previous);
/**
 * An explicit reference for a comparison. "Than today", "than before", "than the current one" and "than it
 * is now" (the thing's own present state) name a reference nobody can measure, so they do not count.
 */
const referenceInSentence: ContextRule = (c) =>
  /\b(than(?!\s+(today|before|now|currently|ever|usual|necessary|needed|the (current|existing|old|present)|(it|they|this|that|these|those|things)\s+(is|are|was|were|does|do|did|used to))\b)|compared (to|with)|relative to|instead of|rather than|versus|vs\.?|over (a|an|the))\b/i.test(
    c.sentence,
  );

const SUBORDINATOR =
  /\b(if|when|whenever|once|after|before|until|unless|while|because|since|that|which|who|whom|whose|where|whether|how|what|why|so that|as soon as|as long as)\b/i;

/** The clause the match sits in, up to the match: from the last comma, semicolon, colon or bracket. */
function clauseBefore(before: string): string {
  const cut = Math.max(
    before.lastIndexOf(','),
    before.lastIndexOf(';'),
    before.lastIndexOf(':'),
    before.lastIndexOf('('),
    before.lastIndexOf('—'),
  );
  return before.slice(cut + 1);
}

/** The match is in a main clause: no subordinating word between the clause start and the match. */
const inMainClause: ContextRule = (c) => !SUBORDINATOR.test(clauseBefore(c.before));

/** The sentence (after list markers and emphasis) starts with the match. */
const sentenceInitial: ContextRule = (c) => /^[\s>|*_#+\-–•]*(\d{1,9}[.)]\s*)?(\*\*|__)?[\s*_]*$/.test(c.before);
/** A clause starts at the match: the sentence's start, or after a semicolon, colon or ", and". */
const clauseInitial: ContextRule = (c) => sentenceInitial(c) || /([;:]|,?\s\band)\s*$/i.test(c.before);

/** A Given/When/Then "Then" step, where "should" is the idiom of the scenario, not a weak requirement. */
const inThenStep: ContextRule = (c) =>
  /^[\s>|*_#+\-–•\d.)]*(\*\*|__)?\s*(then|and|but)\b/i.test(c.before) || /(^|[,;]\s*)then\b/i.test(c.before);

// ---- actors: who does what, for modal verbs and pronouns ---------------------------------------------

const HUMAN_NOUNS =
  'users?|admins?|administrators?|owners?|members?|invitees?|inviters?|recipients?|senders?|customers?|candidates?|reviewers?|staff|managers?|guests?|visitors?|operators?|people|persons?|person|buyers?|sellers?|organi[sz]ers?|attendees?|participants?|employees?|founders?|developers?|editors?|viewers?|authors?|moderators?|agents?|team ?leads?|support|you|anyone|everyone|nobody|someone|' +
  // Roles of other domains: a person named by role is a person whatever the product.
  'drivers?|couriers?|dispatchers?|riders?|passengers?|teachers?|students?|instructors?|tutors?|learners?|pupils?|graders?|examiners?|patients?|doctors?|nurses?|clinicians?|physicians?|receptionists?|therapists?|caregivers?|players?|teammates?|opponents?|colleagues?|coworkers?|contractors?|interns?|applicants?|recruiters?|interviewers?|approvers?|requesters?|assignees?|supervisors?|engineers?|technicians?|analysts?|auditors?|accountants?|tenants?|landlords?|subscribers?|merchants?|vendors?|suppliers?|volunteers?|parents?|guardians?|relatives?|coach(es)?|trainers?|trainees?|mentors?|callers?';
const SYSTEM_NOUNS =
  'system|server|service|services|backend|frontend|app|application|api|endpoint|gateway|limiter|importer|exporter|worker|job|jobs|scheduler|queue|database|db|page|screen|ui|form|dialog|email|message|notification|report|export|import|feature|product|platform|tool|module|component|process|function|handler|integration|webhook|cron|script|engine|sync|cache|website|site|dashboard|widget|banner|button|implementation|code|software|bot|browser|client library|sdk|cli|' +
  // Components of other kinds of product: devices, pipelines and the named engines of a domain.
  'device|devices|sensor|sensors|firmware|pipeline|registry|store|broker|uplink|router|tracker|scanner|sorter|matchmaker|algorithm|model|map|calendar|timer|indexer|crawler|parser|renderer|portal|terminal|kiosk|printer|controller|microservice';
const HUMAN = new RegExp(`^(${HUMAN_NOUNS})$`, 'i');
const SYSTEM = new RegExp(`^(${SYSTEM_NOUNS})$`, 'i');
const SYSTEM_PRONOUN = /^(it|this|that)$/i;

/** The subject of the verb at the match: the last actor word of its clause, or null when none is named. */
function subjectKind(before: string): 'human' | 'system' | 'subordinate' | 'unknown' {
  const clause = clauseBefore(before);
  const parts = clause.split(
    /\b(?:and|or|but|so|then|if|when|where|because|once|while|unless|whether|that|which|who)\b/i,
  );
  const subordinate = parts.length > 1 && SUBORDINATOR.test(clause);
  const words = (parts[parts.length - 1] ?? '').toLowerCase().match(/[\p{L}]+/gu) ?? [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] ?? '';
    if (HUMAN.test(w)) return subordinate ? 'subordinate' : 'human';
    if (SYSTEM.test(w) || SYSTEM_PRONOUN.test(w)) return subordinate ? 'subordinate' : 'system';
  }
  return subordinate ? 'subordinate' : 'unknown';
}
const systemSubject: ContextRule = (c) => subjectKind(c.before) === 'system';

const DETERMINER = /\b(the|a|an|each|every|its|their|this|that|another|any)\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/giu;
const FUNCTION_WORD =
  /^(is|are|was|were|be|has|have|had|can|may|must|should|will|shall|would|could|might|to|of|in|on|at|by|for|from|with|and|or|but|then|that|which|who|it|they|fails?|gets?|removes?|transfers?|finish(es)?|cannot|does|do|runs?|sends?|opens?|closes?|creates?|deletes?|updates?|imports?|exports?|receives?|clicks?)$/i;

/** Distinct nouns that a pronoun after the match could refer to, split into people and things. */
function antecedents(before: string): { people: Set<string>; things: Set<string> } {
  const people = new Set<string>();
  const things = new Set<string>();
  for (const m of before.matchAll(DETERMINER)) {
    const first = (m[2] ?? '').toLowerCase();
    const second = (m[3] ?? '').toLowerCase();
    const head = second && !FUNCTION_WORD.test(second) ? second : first;
    const singular = head.replace(/s$/, '');
    if (!HUMAN.test(head) && !HUMAN.test(singular) && (!/s$/.test(head) || /ss$/.test(head))) things.add(head);
  }
  // People are named with or without an article ("when support rejects a refund for a customer").
  for (const word of before.toLowerCase().match(/[\p{L}]+/gu) ?? []) {
    if (HUMAN.test(word) && !/^(you|anyone|everyone|nobody|someone)$/.test(word)) people.add(word.replace(/s$/, ''));
  }
  return { people, things };
}

// ---- word lists ---------------------------------------------------------------------------------------

/**
 * Acts whose actor could as well be a person as the system, so that the passive leaves a real question:
 * communicating, handling, checking and deciding, acting on an account or on money. Verbs of data
 * processing ("rows are created as contacts", "the counter is updated") are left out: a spec reads them as
 * the system's own, and flagging them was wrong in most specs we measured (docs/smells.md).
 */
const ACT_PARTICIPLES =
  'sent|re-?sent|e-?mailed|mailed|notified|informed|alerted|warned|contacted|reminded|messaged|handled|managed|dealt with|taken care of|addressed|resolved|fixed|validated|verified|checked|reviewed|approved|investigated|monitored|escalated|assigned|reassigned|triggered|revoked|cancell?ed|refunded|charged|billed|invoiced|moderated|audited|(de-?)?provisioned|suspended|(de|re)activated|banned|offboarded|onboarded|reimbursed|credited|published|unpublished|announced|detected|graded|assessed|evaluated|inspected|screened|triaged';
/** "by" followed by these names a channel or a key, not an agent: "notified by email". */
const NOT_AN_AGENT =
  /^(e-?mail|mail|sms|text|phone|post|default|design|hand|name|id|date|time|hour|day|week|month|row|column|key|ip|value|position|slack|webhook|push|chat|letter|itself|themselves)\b/i;
const agentFollows: ContextRule = (c) => {
  const m = /^\s+(?:[\p{L}-]+\s+){0,3}?by\s+(?:(?:the|a|an|its|their|our)\s+)?([\p{L}-]+)/iu.exec(c.after);
  return !!m?.[1] && !NOT_AN_AGENT.test(m[1]);
};

const QUALITY =
  'strict|lenient|generous|restrictive|permissive|forgiving|aggressive|secure|reliable|robust|efficient|intuitive|responsive|stable|scalable|accurate|readable|flexible|performant|consistent|usable|user-friendly|accessible|maintainable|convenient|useful|visible|prominent|resilient|predictable|transparent|powerful|modern|friendly|polished|seamless|helpful|expensive|complex|complicated|confusing|elegant|effective|valuable|attractive|appealing';
const RESOURCE =
  'memory|cpu|storage|resources|bandwidth|time|latency|overhead|effort|friction|clicks|steps|load|traffic|errors|bugs|downtime|requests|queries|space|disk';
const OPEN_CLASS =
  'users|customers|people|clients|visitors|devices|browsers|platforms|operating systems|screen sizes|sizes|formats|file types|file formats|types|kinds|cases|edge cases|corner cases|situations|scenarios|circumstances|inputs|languages|locales|environments|things|data|features|integrations|providers|identity providers|currencies|countries|regions|markets|use cases|errors and edge cases';
/** A set named elsewhere in the document: "listed in Appendix A", "defined in the policy". */
const DEFINED_SET =
  /\b(listed|defined|specified|named|enumerated|described)\s+(in|by|under|below|above)\b|\bappendix\b/i;
const RESTRICTION =
  /^\s+(in|of|on|from|listed|defined|specified|described|above|below|that|which|who|whose|with|without|matching|named|shown|mentioned|under|within|belonging|registered|invited|selected|whom|where|except|other than)\b/i;

const TOO =
  'long|many|much|large|big|slow|slowly|often|few|short|high|low|small|quickly|fast|frequently|little|strict|strictly|lenient|aggressive';

/** A plural noun next: "-s" but not "-ss" (address, access). */
const PLURAL = '[\\p{L}]+(?<!s)s';
const PLURAL_NEXT = new RegExp(`^\\s+${PLURAL}\\b`, 'u');
/** "A person can belong to several workspaces": a one-to-many relation, not an unbounded amount. */
const CARDINALITY = /\b(belong to|be in|be a member of|join|have|has|hold|holds|own|owns)\s+$/i;

/** Verbs that report an impression ("feels snappy", "looks clean", "seems reasonable"). */
const PERCEPTION = '(feel|feels|felt|seem|seems|seemed|look|looks|appear to be|appears to be)';
/** What may follow a verb of perception without being a taste predicate: "looks up the plan", "seems to". */
const NOT_A_PREDICATE =
  'up|at|for|into|like|after|through|over|ahead|back|forward|around|out|in|on|to|the|a|an|as|same|identical|free|it|this|that|them|their|its|our|your|and|or|if|whether';
const afterPerception: ContextRule = precededBy(new RegExp(`\\b${PERCEPTION}\\s+([\\p{L}]+ly\\s+)?$`, 'iu'));

/** Quantities that "low" or "high" before them leave unbounded: "a high ping", "low bandwidth". */
const MEASURABLE =
  'ping|pings|latency|latencies|load|traffic|volume|volumes|usage|bandwidth|memory|cpu|throughput|error rates?|failure rates?|response times?|speed|speeds|temperature|temperatures|pressure|battery|rating|ratings|score|scores|numbers?|counts?|amounts?|values?|frequency|accuracy|availability|resolution|quality';

// ---- the indicators -----------------------------------------------------------------------------------

export const INDICATORS: readonly Indicator[] = [
  // subjective: only a person's taste can verify it
  {
    category: 'subjective',
    phrase:
      'user[- ]friendly|easy[- ]to[- ]use|easy|easily|effortless(ly)?|intuitive(ly)?|seamless(ly)?|elegant(ly)?|beautiful(ly)?|pleasant|delightful|sleek|slick|polished|attractive|appealing|awesome|amazing|modern|straightforward|convenient(ly)?|comfortable|obvious(ly)?|helpful|painless|frictionless|hassle[- ]free|annoying|frustrating|confusing|(mobile|seo|printer|developer|beginner)[- ]friendly|smooth(ly)?|engaging|enjoyable|nicely|clearly|weird|strange|tricky|look(s)? and feel|feel(s)? (right|natural|good)|satisfied|satisf(y|ying)',
  },
  // "Must feel snappy", "seems reasonable": whatever the adjective, only the reader's impression can verify it.
  {
    category: 'subjective',
    phrase: `${PERCEPTION} (?!${NOT_A_PREDICATE}\\b)[\\p{L}]+`,
  },
  { category: 'subjective', phrase: 'fair|fairly|unfair', unless: [followedBy(/^\s+(use|share|value)\b/i)] },
  { category: 'subjective', phrase: 'nice', unless: [followedBy(/^\s+to\s+have\b/i)] },
  { category: 'subjective', phrase: 'happy', unless: [followedBy(/^[\s-]+(path|paths|case|flow)\b/i)] },
  {
    category: 'subjective',
    phrase: 'clean',
    when: followedBy(/^\s*([.,;!)]|$|and\b|(ui|interface|design|look|layout|ux|experience|page|screen|view)\b)/i),
  },
  {
    category: 'subjective',
    phrase: 'clear',
    when: followedBy(
      /^\s*([.,;!)]|$|and\b|(error|message|messages|feedback|indication|instructions?|language|wording|explanation|ui|layout|copy|labels?|text|way|visuals?|distinction|separation|warnings?|guidance|call to action|summary|overview|picture|design|structure)\b)/i,
    ),
    unless: [precededBy(/\b(to|will|must|shall|should|can|then|please|and)\s+$/i)],
  },
  {
    category: 'subjective',
    phrase: 'simple',
    when: followedBy(
      /^\s*([.,;!)]|$|and\b|or\b|enough\b|to\s+(use|understand|learn|set up|configure|read|follow|edit|navigate)\b|(ui|interface|design|flow|experience|ux|process|wizard|form|page|layout|onboarding|setup)\b)/i,
    ),
  },
  {
    category: 'subjective',
    phrase: 'good|great',
    unless: [followedBy(/^\s+(standing|faith|news)\b/i), precededBy(/\b(in|as)\s+$/i)],
  },

  // vague adjectives and adverbs: no measurable bound
  {
    category: 'vague',
    phrase:
      'fast|quick|quickly|rapid|rapidly|slow|slowly|speedy|snappy|efficient|efficiently|performant|reasonable|reasonably|sufficient|sufficiently|adequate|adequately|huge|massive|tiny|heavy|lightweight|robust|flexible|scalable|reliable|reliably|resilient|gracefully|properly|suspicious|unusual|abnormal|urgent|risky|intelligent|intelligently|smart|smartly|significant|significantly|substantial|substantially|excessive|excessively|aggressive|abusive|generous|generously|accurate|accurately|high[- ]performance|high[- ]quality|low[- ]latency|highly available|high availability|stale',
    unless: [numberNear, precededBy(/\b(fails?|more|less|most|least)\s+$/i), afterPerception],
  },
  { category: 'vague', phrase: 'close to|nearly|almost', unless: [numberNear] },
  {
    category: 'vague',
    phrase: 'low|high',
    when: both(
      precededBy(/\b(be|is|are|kept|keep|stay|stays|remain|remains)\s+$/i),
      followedBy(/^\s*([.,;!)]|$|and\b|enough\b)/i),
    ),
    unless: [numberNear],
  },
  // "Players with a high ping", "on low bandwidth": a level of a measurable quantity, with no figure.
  {
    category: 'vague',
    phrase: `(low|high) (${MEASURABLE})`,
    unless: [numberNear],
  },
  {
    category: 'vague',
    phrase: 'large|big|small',
    unless: [numberNear, followedBy(/^\s+(number|amount)\s+of\b/i)],
  },
  {
    category: 'vague',
    phrase: 'responsive',
    unless: [numberNear, precededBy(/\b(more|less|most|least)\s+$/i), followedBy(/^\s+(layout|design|web)\b/i)],
  },
  {
    category: 'vague',
    phrase: 'secure',
    when: precededBy(/\b(be|is|are|stay|stays|remain|remains|and|very)\s+$/i),
    unless: [followedBy(/^\s*(\(|,?\s+(using|with|via|by|against)\b)/i)],
  },
  { category: 'vague', phrase: 'securely', unless: [followedBy(/^\s*(\(|,?\s*(using|with|via|by)\b)/i)] },
  {
    category: 'vague',
    phrase: 'old',
    when: followedBy(new RegExp(`^\\s+([\\p{L}]+\\s+)?(${PLURAL}|data|stuff|content|information)\\b`, 'iu')),
    unless: [numberNear],
  },
  {
    category: 'vague',
    phrase: 'sensitive|relevant|important',
    when: followedBy(
      new RegExp(
        `^\\s+(data|fields?|information|details|values|content|info|parts?|events?|actions?|changes|results|([\\p{L}]+\\s+)?${PLURAL})\\b`,
        'iu',
      ),
    ),
    // "The relevant fields listed in Appendix A" names its set; "sensitive endpoints …: `POST /login`" spells
    // it out in the same sentence.
    unless: [(c) => DEFINED_SET.test(c.after) || /[:(]|\b(namely|i\.e\.)/i.test(c.after)],
  },
  {
    category: 'vague',
    phrase: 'relevant|important|useful|meaningful',
    when: both(precededBy(/\b(be|is|are|stay|stays|remain|remains)\s+$/i), followedBy(/^\s*([.,;!)]|$)/)),
  },
  {
    category: 'vague',
    phrase: 'common',
    when: followedBy(new RegExp(`^\\s+([\\p{L}]+\\s+)?${PLURAL}\\b`, 'u')),
    unless: [numberNear],
  },
  {
    category: 'vague',
    phrase: 'normal|typical|usual',
    when: followedBy(/^\s+(load|usage|use|conditions|traffic|circumstances|operation|volume|sizes?|users?)\b/i),
  },
  { category: 'vague', phrase: `too (${TOO})`, unless: [numberNear] },
  {
    category: 'vague',
    phrase: 'long|short',
    when: followedBy(/^\s+(time|period|delay|while|wait|lists?|text|names?|tokens?|strings?|intervals?|timeouts?)\b/i),
    unless: [numberNear],
  },
  {
    category: 'vague',
    phrase: 'correctly',
    when: precededBy(
      /\b(work|works|working|worked|handled?|handles|function|functions|behave|behaves|display|displayed|displays|render|rendered|renders|process|processed|processes|formatted|shown|run|runs|calculated|computed|parsed|converted|rounded|applied|merged|synced|sorted|detected|recorded|charged|billed|translated|encoded)\s+$/i,
    ),
  },
  {
    category: 'vague',
    phrase: 'appropriate|appropriately|suitable|proper',
    unless: [precededBy(/\b(as|where|when|if)\s+$/i)],
  },

  // vague timing: no deadline, duration or frequency
  {
    category: 'vague-timing',
    phrase:
      'shortly|promptly|eventually|timely|in a timely (manner|fashion|way)|asap|as soon as possible|periodically|regularly|from time to time|occasionally|every so often|at some point|after a while|for a while|in a while|in due course|(near[- ])?real[- ]?time|near[- ]instant(ly)?|instantly|instantaneous(ly)?|in a few (seconds|minutes|hours|days)|without delay|right away|(take|takes|taking|took) (a|quite a) while|(take|takes|taking|took) (a long|some) time',
    unless: [numberNear, precededBy(/\btoo\s+$/i)],
  },
  {
    category: 'vague-timing',
    phrase: 'soon',
    unless: [numberNear, both(precededBy(/\bas\s+$/i), followedBy(/^\s+as\b(?!\s+possible)/i))],
  },
  { category: 'vague-timing', phrase: 'often|frequently', unless: [numberNear, precededBy(/\b(how|too|as)\s+$/i)] },
  {
    category: 'vague-timing',
    phrase: 'later',
    when: precededBy(
      /\b(retry|retried|retries|again|sent|send|sends|processed|process|processes|run|runs|done|handled|synced|sync|checked|check|deleted|delivered|deliver|applied|notified|completed|finished|scheduled|cleaned up|resumed|followed up|catch up|picked up)\s+$/i,
    ),
    unless: [followedBy(/^\s+than\b/i), numberNear],
  },
  // "The app syncs the scans later", "we add it at a later stage": deferred with no date. "Decided later" is
  // `incomplete`, "described later" points within the document.
  {
    category: 'vague-timing',
    phrase: 'later|at a later (time|date|stage|point)',
    // In a main clause: "so that sync stays possible later" gives a reason, not a schedule.
    when: both(inMainClause, followedBy(/^\s*([.,;:!?)]|$|(and|or|but|if|when|once|unless|so|on|in a)\b)/i)),
    unless: [
      numberNear,
      precededBy(
        /\b(decided|defined|specified|determined|figured out|worked out|clarified|finali[sz]ed|documented|detailed|described|explained|covered|discussed|see|and|or|no|the|a|much|little)\s+$/i,
      ),
    ],
  },

  // loopholes: make the requirement optional
  {
    category: 'loophole',
    phrase:
      '(if|where|when|whenever) (at all )?possible|as far as possible|to the extent possible|as much as possible|(as|where|when|if) appropriate|(as|where|if|when) applicable|(if|where|as) practical|if practicable|(if|where|when) feasible|(as|if|where|when) necessary|(as|if|when|where) needed|if required|(where|if|when) relevant|as desired|at (its|our|their|the [\\p{L} ]{1,20}?) discretion|ideally|preferably|best[- ]effort|reasonable efforts?|unless otherwise (specified|noted|stated|agreed)|(where|if|when) it makes sense|to some extent',
  },
  { category: 'loophole', phrase: 'as required', unless: [followedBy(/^\s+by\b/i)] },
  {
    category: 'loophole',
    phrase: '(try|tries|trying|attempt|attempts|strive|strives|aim|aims) to',
    unless: [numberNear],
  },

  // open-ended: the list never ends
  {
    category: 'open-ended',
    phrase:
      'etc\\.?|et cetera|and so on|and so forth|(including|included) but not limited to|but (is |are )?not limited to|and/or|or similar|and similar|and the like|among(st)? others|or whatever|and (many )?more(?=\\s*([.,;:)]|$))|and other (similar )?(things|stuff)',
  },
  { category: 'open-ended', phrase: '(\\.\\.\\.|…)', bare: true, when: precededBy(/,[^,.;]{1,30}$/) },

  // quantifiers without a bound or a defined set
  {
    category: 'quantifier',
    phrase:
      'several|various|numerous|countless|a (few|couple of|handful of|bunch of|lot of|large number of|small number of|majority of)|lots of|plenty of|the majority of',
    unless: [numberInSentence, precededBy(CARDINALITY)],
  },
  {
    category: 'quantifier',
    phrase: 'some',
    unless: [numberNear, precededBy(/\b(if|when|unless|whether)\s+$/i), followedBy(/^\s+(point|extent|day)\b/i)],
  },
  {
    category: 'quantifier',
    phrase: 'many',
    unless: [numberNear, precededBy(/\b(how|too|so|as)\s+$/i), precededBy(CARDINALITY)],
  },
  { category: 'quantifier', phrase: 'few', unless: [numberNear, precededBy(/\b(a|too)\s+$/i)] },
  {
    category: 'quantifier',
    phrase: 'most',
    when: followedBy(new RegExp(`^\\s+(of\\b|${PLURAL}\\b)`, 'u')),
    unless: [precededBy(/\b(at|the|a)\s+$/i), numberNear],
  },
  { category: 'quantifier', phrase: 'certain', when: followedBy(PLURAL_NEXT) },
  {
    category: 'quantifier',
    phrase: `(all|every|any)( possible| (kinds?|types?|sorts?) of)? (${OPEN_CLASS})`,
    unless: [followedBy(RESTRICTION)],
  },
  { category: 'quantifier', phrase: '(all|every|any) possible|(all|any) (kinds?|types?|sorts?) of' },
  // "Every identity provider", "all important events": one of an open class, or a set bounded by taste.
  {
    category: 'quantifier',
    phrase:
      '(every|any) (identity provider|provider|device|browser|platform|format|file type|country|language|locale|scenario|situation|edge case|integration|currency|operating system)|all (important|relevant|necessary|key|critical|significant|interesting|meaningful|useful) [\\p{L}]+',
    unless: [followedBy(RESTRICTION)],
  },
  { category: 'quantifier', phrase: 'everything|anything', when: inMainClause, unless: [followedBy(RESTRICTION)] },

  // comparatives and superlatives without a reference
  {
    category: 'comparative',
    phrase:
      'faster|slower|quicker|easier|simpler|cheaper|smaller|larger|bigger|higher|lower|greater|shorter|longer|safer|stronger|weaker|smoother|cleaner|nicer|tighter|looser|stricter|lighter|heavier|sooner|better|worse|improved|enhanced|older|newer',
    unless: [
      referenceInSentence,
      numberInSentence,
      numberInPrevious,
      precededBy(/\b(no|any)\s+$/i),
      both(precededBy(/\bthe\s+$/i), followedBy(/^\s+(of|the)\b/i)),
      // "a lower price than the current plan": a figure of a named thing, which can be measured.
      both(followedBy(/^\s+(price|prices|cost|costs|fee|fees|limit|limits|quota|tier|amount|version|plan)\b/i), (c) =>
        /\bthan\s+the\s+(current|existing|previous)\s+[\p{L}]+/iu.test(c.sentence),
      ),
    ],
  },
  {
    category: 'comparative',
    phrase: `(more|less) (${QUALITY}|${RESOURCE})|fewer`,
    unless: [referenceInSentence, numberInSentence, numberInPrevious],
  },
  {
    category: 'comparative',
    phrase: `best|worst|optimal|optimum|fastest|quickest|easiest|simplest|cheapest|safest|strongest|(most|least) (${QUALITY})|maximum|minimum|maximal|minimal|(maximi[sz]|minimi[sz]|optimi[sz])(e|ed|es|ing)|state[- ]of[- ]the[- ]art|world[- ]class|best[- ]in[- ]class|industry[- ]leading|cutting[- ]edge|as (?!soon\\b|much\\b|far\\b)[\\p{L}]+ as possible`,
    unless: [numberInSentence],
  },

  // absolutes: impossible or untestable
  {
    category: 'absolute',
    phrase: 'always|never',
    when: followedBy(
      /^\s+(be\s+)?(available|up|online|reachable|responsive|fast|quick|accurate|correct|consistent|secure|safe|reliable|up[- ]to[- ]date|in sync|working|fresh|current|instant|on time|perfect|slow|down|unavailable|offline|broken|lose|loses|lost|fail|fails|crash|crashes|go down|goes down|break|breaks|error|errors|work|works|succeed|succeeds|time out|times out|hang|hangs)\b/i,
    ),
  },
  {
    category: 'absolute',
    phrase: 'at all times|all the time',
    unless: [precededBy(/\b(visible|shown|displayed|hidden|enabled|disabled|locked|unlocked|pinned|on screen)\s+$/i)],
  },
  {
    category: 'absolute',
    phrase:
      'no matter what|in any way|under all circumstances|zero[- ]downtime|no downtime|bug[- ]free|error[- ]free|unbreakable|bulletproof|foolproof|infallible|flawless(ly)?|(completely|totally|fully|perfectly|absolutely) (secure|safe|reliable|accurate|stable|bug-free|error-free)',
  },
  {
    category: 'absolute',
    phrase: '100 ?%|100 percent|one hundred percent',
    when: (c) =>
      /^\s*(of the time|uptime|up[- ]?time|availab|accura|reliab|secur|safe|guarantee|correct|bug|error)/i.test(
        c.after,
      ) || /\b(available|accurate|reliable|secure|uptime|correct|safe)\s+$/i.test(c.before),
  },
  {
    category: 'absolute',
    phrase: 'guarantee|guarantees|guaranteed',
    unless: [precededBy(/\b(once|ordering|delivery)\s*$/i)],
  },

  // incompleteness: unfinished
  { category: 'incomplete', phrase: 'TBD|TBA|TBC|TBR|TBS' },
  { category: 'incomplete', phrase: 'TODO|FIXME', caseSensitive: true },
  {
    category: 'incomplete',
    phrase:
      'to be (decided|defined|determined|confirmed|specified|discussed|agreed|clarified|announced|finali[sz]ed|written|completed|worked out|figured out)|not yet (decided|defined|specified|known|determined|clear)|(decided|defined|specified|determined|figured out|worked out|clarified|finali[sz]ed|documented|detailed) later|details to follow|placeholder',
  },
  { category: 'incomplete', phrase: '\\?{2,}', bare: true },

  // weak or optional modal verbs used for a requirement
  { category: 'weak-modal', phrase: 'should', unless: [sentenceInitial, inThenStep] },
  { category: 'weak-modal', phrase: 'could', unless: [followedBy(/^\s+not\b/i)] },
  { category: 'weak-modal', phrase: 'might|ought to' },
  // Hedges do to a requirement what a weak modal does: "maybe send alerts to the team".
  {
    category: 'weak-modal',
    phrase: 'maybe|perhaps|possibly',
    // "answers yes, no or maybe" names a value; "TBD (maybe 10 MB?)" belongs to the TBD.
    unless: [followedBy(/^\s*([.,;:!?)]|$|\d)/)],
  },
  {
    category: 'weak-modal',
    phrase: 'would',
    when: (c) =>
      /^\s+(be (nice|good|great|helpful|ideal|better|useful|cool)|like|prefer|love)\b/i.test(c.after) ||
      systemSubject(c),
  },
  {
    category: 'weak-modal',
    phrase: 'may|can',
    when: systemSubject,
    // "can be undone", "may be bypassed by internal services": a capability or a permission, not a hedge.
    unless: [followedBy(/^\s+(not\s+)?be\s+[\p{L}]+(ed|en|wn|ne|lt|pt|nt)\b/iu)],
  },
  // "Recipients may receive a reminder": a possibility of what the system does to them, not a permission.
  {
    category: 'weak-modal',
    phrase: 'may',
    when: followedBy(/^\s+(receive|get|see|notice|encounter|experience|be (sent|shown|asked|notified|charged))\b/i),
    unless: [systemSubject],
  },
  { category: 'weak-modal', phrase: '(be|is|are) (able to|capable of)', when: systemSubject },

  // passive voice that hides who acts
  {
    category: 'passive',
    phrase: `(is|are|was|were|be|been|being|gets?|got|getting)( (not|never|also|then|only|automatically|immediately|always|still|first|again|just|already|all|eventually|periodically|regularly|promptly|later|usually|now))* (${ACT_PARTICIPLES})`,
    when: inMainClause,
    unless: [
      agentFollows,
      (c) => /\b(automatically|manually)\b/i.test(c.match) || /^\s+(automatically|manually)\b/i.test(c.after),
    ],
  },

  // vague pronouns: the reader cannot tell what they stand for
  {
    category: 'vague-pronoun',
    phrase: 'this|these|those',
    // Only as the subject of a requirement: "This should be configurable". "This is what the standard does"
    // points back at the decision just stated, which readers follow.
    when: both(
      clauseInitial,
      followedBy(/^\s+(will|would|should|must|shall|can|could|may|might|needs?|has to|have to)\b/i),
    ),
  },
  {
    category: 'vague-pronoun',
    phrase: 'that',
    when: both(
      (c) => sentenceInitial(c) || /[;:]\s*$/.test(c.before),
      followedBy(/^\s+(will|would|should|must|shall|can|could|may|might|needs?|has to)\b/i),
    ),
  },
  { category: 'vague-pronoun', phrase: 'the former|the latter|the aforementioned|the above(?!\\s+[\\p{L}])' },
  {
    category: 'vague-pronoun',
    phrase: 'they|he|she',
    when: both(precededBy(/(,|;|\band)\s*$/i), (c) => antecedents(c.before).people.size >= 2),
    unless: [inThenStep],
  },
  {
    category: 'vague-pronoun',
    phrase: 'it',
    when: both(precededBy(/(,|;|\band)\s*$/i), (c) => antecedents(c.before).things.size >= 2),
    unless: [inThenStep],
  },
];
