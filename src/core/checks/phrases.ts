// What an outreach message should not say, from the practice: calling it an
// "informational interview", attaching a resume nobody asked for, asking for a
// job. The outreach checks look for these meanings in drafts; the drafts Rapport
// writes avoid them (a line quoted from a meeting's notes is passed over if it
// has one: hasUnwelcomePhrase).
//
// Each meaning is a small grammar over the reading of the text (reading.ts:
// lower-case, accents stripped, contractions spelt out, one sentence a line), so
// "My résumé, attached, gives…", "I'm attaching my CV" and "Attached please find
// my resume" are one rule each, not one phrase each. A grammar names the frame
// that makes the words mean the ask ("refer me for", "are you hiring", "is there
// a spot for me") rather than the bare words, which mean other things ("your
// role as design lead", "how you position the product", "the hiring process").
// Denied asks are skipped ("I'm not looking for a job — just your perspective").
// How well they read is measured by `npm run lint-eval` on labelled sentences
// (test/fixtures/outreach-sentences.json).

import { JOB_ASK_MODEL } from './job-ask-weights.js';
import { denied, inQuestion, read, spanOf, type Reading } from './reading.js';
import { SentenceModel } from './sentence-model.js';

export interface Phrase {
  /** Patterns over the reading (reading.ts), with the u and m flags. */
  patterns: RegExp[];
  /** Patterns that count only in a question ("Is Globex hiring?", not "I read Globex is hiring"). */
  questions?: RegExp[];
  /** A sentence means it when it holds both a word of the topic and a word of wanting, in any order (see `together`). */
  together?: { topic: RegExp; want: RegExp; strong: RegExp; notAfter: RegExp; notBefore: RegExp; skip: RegExp };
  /** Read last, the sentences nothing above matched: a model learned from the labelled set (sentence-model.ts). */
  model?: SentenceModel;
}

/** A span of the original text and the words it holds. */
export interface PhraseSpan { start: number; end: number; words: string }

// Building blocks. A word boundary is the edge of a token (tokens are separated by one space).
// The reading is lower-case: a word character is a-z, 0-9, an apostrophe or anything past
// ASCII, so the patterns need no Unicode classes (and no u flag), which made them slow to compile.
const W = String.raw`[a-z0-9\u0080-\uffff']+`;
/** A word's end. */
const B = String.raw`(?![a-z0-9\u0080-\uffff'])`;
/** Up to `n` words, no clause mark among them. */
const gap = (n: number, not = '') => String.raw`(?:${not ? `(?!(?:${not})(?![a-z0-9\u0080-\uffff']))` : ''}${W} ){0,${n}}`;
/** Words that end a noun phrase: a gap of "adjectives" never crosses them. */
const STOP = String.raw`about|on|of|to|in|into|how|what|why|where|when|who|which|advice|with|from|and|or|but|if|is|are|was|were|be|do|does|can|could|would|should|will|share|send|happy|glad|available|request`;
/**
 * `head` where it follows a sentence or clause start and an optional discourse word ("So, are
 * you hiring?", "And is there…"; the quote leaves them out: opening), or not one
 * of `words` (notAfter). The look behind comes after the head's own words: a pattern is tried
 * at every word, and a look behind first is paid at every word, before the head rules it out.
 */
const opening = (head: string) => String.raw`(?:${head})(?<=(?:^|, |: )(?:(?:so|and|also|but|btw|quick question|by the way|out of curiosity|just curious|one more thing|hi|hey|ok|okay|well|oh) (?:, )?)?(?:${head}))`;
const notAfter = (words: string, head: string, between = '') => String.raw`(?:${head})(?<!(?:${words}) ${between}(?:${head}))`;
/** A pattern over whole words: it ends at a word's end; that it begins at a word's start is checked where it is used. */
const rx = (s: string) => new RegExp(String.raw`(?:${s})(?![a-z0-9\u0080-\uffff'])`, 'gm');

/** The words for a job, a position, a role… */
const JOB = String.raw`jobs?|positions?|roles?|openings?|vacanc(?:y|ies)|headcount|internships?|employment|work|opportunit(?:y|ies)|spots?|place|post|gig|seat|placement|contract|apprenticeship|graduate (?:scheme|program(?:me)?)|(?:analyst|training|rotational|internship|graduate) program(?:me)?|(?<!(?:mentorship|mentoring|mba|degree|masters|phd|exchange|study|leadership|speaker|ambassador|volunteer|loyalty|referral|affiliate|partner|podcast|reading|fitness|certificate|certification) )program(?:me)?`;
/** The job words that mean nothing else once qualified ("any openings", "open roles"). */
const OPENINGS = String.raw`openings|vacanc(?:y|ies)|positions|roles|jobs|headcount|internships|opportunities|job opportunities|job openings|employment opportunities|career opportunities|job opportunity|vacant positions`;
/** An opening: "opening" followed by what only a job opening takes ("opening for", not "opening keynote"). */
const OPENING_END = String.raw`(?! (?:in|on) (?:your|my|the) (?:calendar|schedule|diary|agenda|day|week|afternoon|morning)(?![a-z0-9\u0080-\uffff']))(?= (?:for|on|in|at|with|,|\.|\?|!|:)(?![a-z0-9\u0080-\uffff'])|$)`;
/** What a job ask may name after "for", quoted with it ("refer me for the open Senior PM role"). */
const OBJECT = String.raw`(?: (?:the|a|an|any|your|this|that|one of your|a future|future) ${gap(4, STOP)}(?:${JOB}|team|opening))?`;
/** Words that make someone want a job where they follow: "I'd love to work at…", "interested in joining…". */
/** Someone other than the writer, wanting. */
const THIRD = 'you|they|he|she|people|everyone|someone|anyone';
const WANT = String.raw`would love|would like|love to|want|wanted|hope|hoping|keen|eager|interested in|interested to|excited|dream|dreaming|aim|aiming|chance|opportunity|jump at`;
/** Words a resume gap never crosses: an offer ("…and can share my resume") is not an attachment. */
const RESUME_STOP = String.raw`and|or|but|if|can|could|share|send|happy|glad|available|request|upon|on|about|how|what|why|not|no`;
const RESUME = String.raw`resumes?|cvs?|c v|curriculum vitae|vitae`;
const ME = String.raw`me|someone like me|people like me|my profile|myself`;
const TEAM = String.raw`(?:your|the|their) (?:team|company|firm|group|department|org|organization|organisation|office|division|studio|lab|practice|startup)`;
/** The reader's team or company, adjectives and all ("your engineering org", "Globex's data team"). */
const TEAMX = String.raw`(?:your|the|their|${W}'s) ${gap(2, STOP)}(?:team|company|firm|group|department|org|organization|organisation|office|division|studio|lab|practice|startup|agency|squad|crew)`;
/** What one joins that is no job: a call, an event, a community. */
const EVENT = String.raw`(?:${W} ){0,3}(?:calls?|meetings?|webinars?|events?|conversations?|sessions?|panels?|talks?|workshops?|class(?:es)?|courses?|meetups?|community|newsletters?|mailing list|club|discussions?|chats?|streams?|podcasts?|livestreams?|hike|run|walk|dinner|lunch|breakfast|coffee|party|celebration|slack|discord|conferences?|summit|hackathon|program me)${B}`;
/** After "hiring", words that make it a noun's modifier ("hiring-heavy", "hiring process"), not a question whether they hire. */
const HIRING_NOT = String.raw`(?! (?:volunteers|speakers|participants|members|attendees|mentors|judges|sponsors|panelists|for (?:the|a|an|our|your) (?:study|hackathon|event|conference|panel|survey|research|meetup)|heavy|focused|process|processes|freeze|manager|managers|bar|practices|plan|plans|season|spree|pipeline|philosophy|culture|decisions|committee|panel|loop|loops|budget|criteria|strategy|side|trends|mostly|mainly|largely|primarily|usually|typically|generally|more|less|fewer|differently|through|via|from|based)${B})`;
/** After "hire": how they hire, not whether ("Do you hire mostly from bootcamps?"). */
const HIRE_NOT = String.raw`(?! (?:${W} )?(?:from|through|via|based|by|mostly|mainly|usually|often|generally|typically|remotely|internally|externally|for (?:culture|fit|attitude|skills|potential))${B})`;
/** Schools one applies to: no job ("applying to an MBA program"). */
const NOT_SCHOOL = String.raw`(?!(?:${W} ){0,3}(?:mba|phd|masters?|master's|degree|school|schools|college|colleges|university|universities|bootcamp|course|courses|fellowship|grant|grants|conference|conferences)${B})`;
/** An opening in a diary is no job ("any openings in your schedule"). */
const NOT_DIARY = String.raw`(?! (?:in|on|for) (?:your|my|the )?(?:${W} ){0,2}(?:calendar|schedule|diary|agenda)${B})`;
/** Words ending like a person's role (-er, -or, -ist, -ian, -ant) that name no one a team takes on ("another", "a career", "speakers", "a coffee" does not end so). */
const NOT_PEOPLE = String.raw`another|others?|either|neither|rather|whether|whenever|however|whatever|wherever|whoever|forever|senior|seniors|prior|interior|superior|after|over|under|never|ever|together|later|sooner|better|further|summer|winter|number|letters?|newsletters?|papers?|chapters?|orders?|offers?|answers?|matters?|water|dinner|cent(?:er|re)s?|errors?|colou?rs?|favou?rs?|honou?rs?|labou?r|floors?|doors?|minor|major|careers?|masters?|semesters?|quarters?|sectors?|factors?|characters?|encounters?|corners?|borders?|folders?|filters?|posters?|computers?|servers?|browsers?|clusters?|weather|proper|power|tower|cover|transfer|counter|monitors?|lists?|checklists?|playlists?|shortlists?|waitlists?|twist|exist|assist|insist|persist|resist|want|grants?|plants?|important|relevant|significant|pleasant|restaurants?|constant|instant|distant|brilliant|giant|variants?|vacant|speakers?|members?|partners?|customers?|users?|sponsors?|mentors?|volunteers?|readers?|subscribers?|investors?|vendors?|suppliers?|founders?|advisors?|advisers?|testers?|listeners?|viewers?|participants?|panelists?|moderators?|interviewers?|brother|sister|mother|father|daughter|son`;
/**
 * Who a team takes on: a role ("an intern", "new grads", "a data scientist", "someone
 * with my background"), by its name or its ending (-er, -or, -ist, -ian, -ant), not a
 * call or a coffee ("Do you have room for a quick call?"). Its adjectives are a lazy loop
 * that stops at a preposition or an article, not a {0,3}: V8 unrolls a bounded repeat, and
 * that made this one pattern take 15 ms to compile.
 */
const PEOPLE = String.raw`(?:(?!(?:for|to|of|about|with|from|and|or|but|if|how|what|why|the|my|our|at|by|as|in|on|me|than|like|is|are|was|were|be|mostly|mainly|largely|primarily|usually|typically|generally)${B})${W} )*?(?:interns?|grads?|graduates?|juniors?|trainees?|apprentices?|freshers?|newcomers?|career changers?|new hires?|hires?|staff|talent|candidates|applicants|(?:anyone|someone|anybody|somebody|people)(?! to(?![a-z0-9\u0080-\uffff']))|(?:qa|software|manual|game|test) testers?|(?:(?!(?:${NOT_PEOPLE})(?![a-z0-9\u0080-\uffff']))[a-z]{3,}(?:er|or|ist|ian|ant)s?)|analysts?|engineers?|devs?|associates?|assistants?|specialists?|consultants?|accountants?|technicians?|architects?|scientists?|nurses?|paralegals?|clerks?|leads?|heads?|pms?|coordinators?|representatives?|reps?|persons?|pairs? of hands(?! (?:at|for|with) (?:the|a|an|our|my) (?:${W} ){0,2}(?:run|race|event|party|move|moving|fair|festival|meetup|day|weekend|fundraiser|sale|hackathon)${B})|generalists?|profiles? like mine|help (?:on|in|with) ${TEAM})`;

/** A team taking people on: "looking for", "hiring", "open to", "in need of", "have room for"… */
const TAKES_ON = String.raw`(?:currently |still |actively |ever |by any chance |now |also |at all |even |possibly )*(?:(?:be )?(?:able|in a position|ready|planning|going) to (?:use|hire|take on|bring on|add|employ)|looking for|on the lookout for|in the market for|scouting for|take a (?:chance|punt|gamble|bet|risk) on|adding|add|looking to (?:hire|add|bring on|take on)|accepting|taking on|taking|open to|hiring(?! (?:manager|team|committee|panel|lead|partner)${B})|recruiting(?! (?:team|lead|coordinator|manager|partner)${B})|seeking|in need of|needs?|have (?:any |a |the )?(?:need|room|space|capacity|budget|headcount|place|spot) for|(?:have|has|got|had) (?:a|an|any|some) (?:${W} )?(?:jobs?|roles?|positions?|openings?|spots?|places?|work|internships?|vacanc(?:y|ies)|room|seats?|opportunit(?:y|ies)|gigs?|projects?|contracts?|shifts?|placements?|assignments?) (?:going |available |open )?(?:(?:on|in|at|with) ${TEAM} )?for|has (?:any |a |the )?(?:need|room|space|capacity|budget|headcount) for|hire${HIRE_NOT}|employ|take on|take|bring on|consider|considering|could use|use)`;
const TAKER_NOT = 'it|i|we|this|that|there|he|she|my|think|recommend|suggest|advise|know|worth|should|hiring|recruiting|looking|taking|accepting';
/** Who would take them on: the reader or their team, not "it" ("Is it worth hiring a recruiter?") nor the writer. */
const TAKER = String.raw`(?<!(?:what|how|why|which|who|whom|where|when) (?:[a-z]+ )?)(?!(?:${TAKER_NOT})${B})${W} ${gap(2, TAKER_NOT)}`;
/** A way in for the writer: join the team, get onto it, be hired there. */
const WAY_IN = String.raw`(?:join|joining|get onto|get on|get into|getting onto|getting into|be part of|become part of|be a part of|become a part of|get hired (?:at|by|on|onto|into)|getting hired (?:at|by|on)|be hired (?:at|by|on)|get my foot in the door (?:at|with|on)|work for|work at|working for|working at|come on board (?:at|with)|come aboard|land a (?:job|role|position|spot) (?:at|with|on)) (?:it(?= [,.?!]|$)|you(?! (?:for|on|at|in|to)${B})|${TEAM}|your ${gap(2, STOP)}(?:team|company|firm|group|department|org|organization|organisation|office|division|studio|lab|practice|startup|agency|squad|crew|family))`;

/**
 * The long tail of job asks no frame below names ("I'd be honored to join your team in
 * any capacity", "Any leads on roles at Initech would be appreciated"): a sentence that
 * holds a job word and, anywhere in it, a word of wanting or asking, unless the job
 * word is someone else's or another sense ("your role", "the hiring process", "how you
 * position the product") or the sentence asks what, how or why.
 */
const JOB_TOGETHER = {
  topic: rx(String.raw`short (?:handed|staffed)|understaffed|short (?:of |on )?(?:a|an|one|another) (?:hand|pair of hands|${PEOPLE})|jobs?|roles?|positions?|openings?|vacanc(?:y|ies)|hire|hiring(?<!(?:^| )(?:(?:i|we) (?:am|are|was|were|have been|had been|will be)|(?:my|our) (?:${W} ){0,2}(?:is|are|has been|have been|was|were)) (?:also |currently |now |actively |busy |still )?hiring)|hired|applied(?! (?:for|to) (?:${W} ){0,3}(?:elsewhere|somewhere)${B})|recruit|recruiting|recruited|internships?|employment|headcount|applications?|apply|applying|cohort|join (?:your|the|their|${W}'s) ${gap(2, STOP)}team|joining (?:your|the|their|${W}'s) ${gap(2, STOP)}team|join ${TEAM}|joining ${TEAM}|(?:an? |internal |employee )?referrals?(?! (?:to|from) (?:someone|somebody|anyone|a (?:friend|colleague|contact|person|mentor|therapist|doctor|lawyer|specialist))${B})|(?<!(?:the|a|an|your|my|this|that|his|her|their|our) )(?:switch|switching|move|moving|transfer|transferring|jump|jumping|come over) to ${TEAMX}|room for (?:me|${PEOPLE})|in the (?:mix|running)|on (?:your|the) (?:radar|shortlist)|foot in (?:at|with)|(?:entry level|junior|trainee|graduate|internship|paid|intern|full time|part time) (?:spots?|places?|seats?|openings?|roles?|positions?|jobs?)|(?:be|being|become|becoming) (?:a )?(?:part|member) of (?:your|the|their) ${gap(2, STOP)}(?:team|company|firm|family|crew|squad|org|organisation|organization|group|department|lab|studio|startup)|(?:be|being) on (?:your|the|their) ${gap(2, STOP)}team|work alongside (?:you|your)|as (?:a|an) (?:full time|part time|junior|senior|entry level|remote|freelance|contract|permanent)|take a chance on (?:${ME})|foot in the door(?! (?:of|in|into) (?:the )?(?:${W} )?(?:world|industry|field|space|sector|business|scene)${B})|new hire|contract work|freelance work|(?:work|working) (?:at|for) (?!(?:a|an|the|home|night|weekends|free|scale|yourself|myself)(?![a-z0-9\u0080-\uffff']))${W}|interview (?:at|with|for)|vouch for (?:${ME})|(?:take|taking|bring|bringing) on (?:a|an|another|someone|more|new)|(?:work|working) (?:at|for|in) ${TEAM}|(?:as |be |being )?(?:a )?part of (?:your|the|their) ${gap(2, STOP)}team|land (?:at|with) (?!(?:a|an|the|it|that|this)(?![a-z0-9\u0080-\uffff']))(?:your )?${W}|be (?:your|the) (?:${W}'s )?next (?!(?:step|steps|week|meeting|call|time|chat|conversation|guest|speaker)(?![a-z0-9\u0080-\uffff']))${W}|join(?= [.!?]|$)|full time (?:capacity|basis|role|position|job)|in any capacity|as (?:a |an )?(?:new |full time |permanent )?(?:member|part) of (?:your|the|their|${W}'s) ${gap(2, STOP)}team|as an? (?:intern|apprentice|employee|contractor|freelancer|new hire)|work (?:alongside|with) (?:you|your team) at|work next|where i would (?:really )?(?:love|like) to work|(?<!(?:started|start|starting|began|begin|beginning|accepted|accept|took|take|got|landed|have|had|hold|held|holding) )(?:a|an) ${gap(2, STOP)}(?:role|position|job) at`),
  want: rx(String.raw`i am your (?:person|guy|gal|girl|man|woman|huckleberry|candidate)|jump in|step in|can i|count on you|nudge|a (?:good )?word|would help|would (?:really |very much |so |truly |also )?(?:love|like)|would (?:take|accept|consider|welcome)|capacity|budget|would be (?:honou?red|grateful|thrilled|delighted|happy|glad|keen|amazing|great|incredible|wonderful|fantastic|awesome|a dream|an honou?r|a privilege)|would appreciate|hope|hoping|want|wanted|value (?:a|an|your) (?:referral|intro|introduction|recommendation)|looking|seeking|searching|eager|keen|excited|wondering|goal|dream|appreciate|appreciated|grateful|could you|would you|can you|will you|do you (?:know|have)|is there|are there|would there be|flexibility|any (?:leads|chance|tips|pointers)|let me know|please|on the hunt|in the market|might have|may have|happy to|glad to|willing to|possible|would mean|dream|help (?:me )?(?:getting|get)|happen to have|could i|may i|any (?:way|opportunity|chance)|open to|check (?:whether|if)|interested|interest|jump at|(?:the|a|an) (?:chance|opportunity) to|keep me (?:posted|in the loop|updated|informed|in mind)|share my (?:name|resume|cv|profile|details)|pass (?:on |along )?my (?:name|resume|cv|profile|details)`),
  /** Topic words that are the asker's own whatever comes around them ("about joining your team", "work for you as an intern"). */
  strong: /^(?:short|understaffed|join|joining|foot in|land (?:at|with) your|take a chance|vouch|room for|as an? (?!freelancer|contractor)|work (?:alongside|with)|an? (?:\S+ ){0,2}(?:role|position|job) at|be |being |become |becoming )/,
  /** Words before a job word that make it someone else's or another sense. */
  notAfter: /(?:(?:^|\s)(?:info|informational|information|mock|practice|podcast|media|press)\s|(?:^|\s)(?:before|after|when|while|once|until|since) (?:i|we) (?:\S+ )?|(?:^|\s)(?:should (?:i|we)|(?:i|we) should) (?:\S+ ){0,4}|(?:^|\s)(?:your|his|her|their|its|our) (?:new|current|old|last|first|previous|former|recent|present|existing) |(?:^|\s)(?:panel|talk|session|workshop|article|post|book|podcast|webinar|course|class|thoughts|views|perspective|advice|tips|insights?|lessons|opinion|take) (?:on|about|around) (?:\S+ ){0,4}|(?:^|\s)(?:how|what|why|which|when|where|who|whether)\s[^,:]*|(?:^|\s)(?:you|they|we|he|she|companies|teams|people|managers|recruiters|firms|startups|employers) (?:\S+ )?|(?:^|\s)(?:someone|anyone|somebody|anybody|everyone|students|others|those|folks|candidates|grads|graduates|applicants|friend|friends|sister|brother|son|daughter|wife|husband|partner|colleague|colleagues|mentee|student|classmate|cousin|client|clients) (?:\S+ ){0,4}|(?:^|\s)(?:your|his|her|their|its|our|my (?:current|last|previous|first|old|former)|the new|a new|the hiring|what|which|what a|of the|of a|first|last|previous|former|current)|(?:^|\s)(?:into|towards|toward) (?:the |a |an |your )?(?:[a-z0-9\u0080-\uffff']+ ){0,2}|(?:^|\s)(?:with|about|regarding) (?:(?:the|your) )?(?:(?!(?:a|an|any|open|new|future|upcoming) )[a-z0-9\u0080-\uffff']+ ){0,2})\s*$/u,
  /** Words after a job word that make it another sense. */
  notBefore: /^\s*(?:(?:in|on) (?:your|my|the) (?:calendar|schedule|diary|agenda)|interviews?|searching|search|searches|hunting|hunt|hunts|hunters?|seekers?|security|satisfaction|ads?|postings?|listings?|elsewhere|somewhere|anywhere else|to (?:other|others|more|many|several)|of|as|you|they|he|she|model|models|play|plays|played|paper|papers|yourself|myself|himself|herself|themselves|itself|it|them|this|that|these|those|our|your|their|the product|process|processes|bar|freeze|freezes|challenges?|landscape|managers?|practices?|trends?|market|markets|description|descriptions|title|titles|boards?|fair|site|offers? you|loop|loops|panel|rubric|decisions?|criteria|season|spree|plan|plans|strategy|funnel|pipeline|philosophy|culture|like (?:yours|mine|his|hers|theirs|that|this|the one)|keynote|remarks|ceremony|line|act|night|session|talk|statement|scene|to (?:grad|graduate|business|law|medical|art|film|design) school|to (?:an? )?(?:mba|phd|master's|masters|college|university|universities|schools|grants?|conferences?))(?:\s|$)/u,
  /** A sentence that asks what, how or why asks for information. */
  skip: /^(?:(?:so|and|but|also|just curious|out of curiosity) (?:, )?)?(?:what|how|why|which|who|where|when|whose|whom|in what)(?:\s|$)|[,:] (?:so |and |but )?(?:what|how|why|which|where|when|who)(?:\s)[^\n]*\?$/u,
};

export const PHRASES = {
  informationalInterview: {
    // Not where the words name a topic ("tips on informational interviews"), not the meeting.
    // "Informative" only where one is asked for ("an informative interview"): "your informative
    // interview on the BBC" is praise (batch D, measured before this).
    patterns: [rx(String.raw`(?<!(?:tips|advice|guide|guides|book|books|article|articles|post|posts|course|class|questions|question|template|templates) (?:on|about|for|to) (?:doing |running |conducting |good |great )?)(?:info|infos|informa(?:tion|tional|tionnal)|(?<=(?:^|[^a-z0-9\u0080-\uffff'])(?:an|some|more|few|quick|short|brief) )informative|infomational|informatonal|informationl|informaitonal) ?(?:interviews?|interviewing)|info ?view|i ?i (?=request)`)],
  },
  resumeAttached: {
    patterns: [
      // "I've attached my resume", "attaching a copy of my CV", "Attached please find my résumé", "Attached: my resume".
      rx(String.raw`(?<!(?:if i|if we|should i|whether to|whether i|do i|can i|could i|may i|shall i) )(?:(?:attached|attaching|enclosed|enclosing|included|including|pfa|pfb|here is|heres|here are|am sending|am sharing|am forwarding|am also sending|have sent|(?:sending|forwarding|sharing|attaching|enclosing|including)(?<=(?:^|, |: )(?:(?:so|and|also|ok|okay|hereby|herewith) )?(?:sending|forwarding|sharing|attaching|enclosing|including))|(?<!(?:should|do|can|could|may|shall|if|whether|when|would|might) )(?:i|we) (?:enclose|attach|include)) (?:, )?(?:: |is |are )?|(?:i will attach|i will include|i will enclose|let me attach) (?=(?:[^\n,.;]*)?(?:${RESUME})(?![^\n,.;]* (?:if|when|should|once|in case|upon|on request)${B})))(?:(?:a |the )?cop(?:y|ies) of )?${gap(5, RESUME_STOP)}(?:${RESUME})(?! (?:template|templates|tips|advice|guide|guides|example|examples|format|formats|writer|writers|review|reviews|builder|workshop|checklist)${B})`),
      // "I've popped my CV below", "uploaded my resume to this email"
      rx(String.raw`(?<!(?:can|could|will|would|to|happy to|glad to|shall|should|may|might) )(?:popped|dropped|added|uploaded|stuck|tucked|placed|pasted|put) (?:a copy of )?my (?:${RESUME}) (?:below|here|underneath|at the bottom|as an attachment|in (?:the |this )?(?:attachments?|email|message|note)|(?:to|on|onto) (?:this|the) (?:email|message|note|thread))`),
      // "The attachment is my CV"
      rx(String.raw`(?:the |this |my )?attachments? (?:is|are|contains?|has|holds) (?:a copy of )?my (?:updated |latest |current )?(?:${RESUME})`),
      // "My CV can be found attached"
      rx(String.raw`(?:${RESUME}) (?:can|may|will) be (?:found|seen) (?:attached|enclosed|below|in the attachment)`),
      // "My CV is attached", "my résumé, attached,", "Resume attached (PDF)", "my resume along as an attachment".
      rx(String.raw`(?:${RESUME}) (?:, )?(?:(?:pdf|docx?|below|here|too|also) , )?${gap(3, 'if|can|could|would|happy|upon|on|available|request|not|to')}(?:attached|enclosed|included|as an attachment|in attachments?|in the attachments?|in the attached (?:file|pdf|document)|herewith)`),
    ],
  },
  asksForJob: {
    patterns: [
      // Applying, being considered, referred, recommended, interviewed, hired.
      rx(String.raw`${notAfter('when|while|before|after|how|about|for|on|should i|shall i|whether to|whether i|if i should|someone|anyone|somebody|anybody|people|students|others|those|candidates|folks|grads|graduates|everyone|applicants|he|she|they|friend|friends|sister|brother|son|daughter|wife|husband|partner|colleague|colleagues|mentee|student|classmate|cousin|client|clients', 'appl(?:y|ying|ied)', '(?:is |are |was |were |has |have |had |been |also |just |already )*')}(?<!(?:you|they|he|she) (?:[a-z]+ ){0,2}appl(?:y|ying|ied)) (?:for|to) ${NOT_SCHOOL}${gap(4, STOP)}(?:${JOB}|team|company|firm|opening)(?! (?:elsewhere|somewhere|at (?:another|other|a different))${B})|(?:my|an|the|this|formal|job) (?:formal |official |job )?application (?:for|to)(?! ${NOT_SCHOOL.slice(3, -1)})|(?:job |formal )?application for(?<=(?:^|: )(?:job |formal )?application for)|(?:forward|submit|pass) (?:on |along )?my (?:application|${RESUME}|profile|details|name)|(?:job|employment|position|career) (?:inquiry|enquiry|application|request)|^application for`),
      rx(String.raw`(?:be|being|get|getting) considered for(?! (?:${W} ){0,3}(?:mentorship|mentoring|fellowship|scholarship|awards?|grants?|prizes?|panels?|talks?|speakers?|speaking|conferences?|courses?|class|mba|degree|study|trial|feature|podcast|article|spotlight|newsletter|(?<!(?:analyst|training|rotational|internship|graduate|trainee|apprentice|apprenticeship|associate|summer|careers|engineering) )program(?:me)?)${B})${OBJECT}|(?:be|being|get|getting) considered(?= (?:\.|!|\?|,|when|if|once|should)(?![a-z0-9\u0080-\uffff'])|$)|consider(?:ing)? (?:${ME})(?: for${OBJECT}|(?= (?:\.|!|\?|,|when|if|once|should|going forward|in the future|for future|too|as well|as (?:a|an) (?:candidate|applicant|hire|${W} (?:candidate|applicant|hire)))${B}|$))|consider(?:ing)? my (?:candidature|candidacy|application|profile|${RESUME})|(?:be|being|get|getting) considered as (?:a|an) ${gap(2, STOP)}(?:candidate|applicant|hire)|(?:be|being|become) (?:a|an|your) ${gap(2, STOP)}(?:candidate|applicant)(?! for (?:the|a|an) (?:study|trial|program|degree|course)${B})|consider (?:taking|bringing|hiring|adding) (?:${ME})|(?:refer|referring|recommend|recommending|nominate|nominating|put|putting|vouch for|vouching for|endorse|endorsing) (?:${ME})(?: (?:forward|internally|for|as|to (?:the|your|a) (?:recruiter|recruiting|hiring|talent|hr|people team)|\?|\.|,|!)|$)${OBJECT}|put (?:my name|me) forward|send (?:on |along )?my (?:application|resume|cv|profile|details|name) to (?:the|your) (?:talent|recruiting|recruitment|hiring|hr|recruiter|people)|(?:if|whether) (?:the|your) (?:team|company|group|department|firm) (?:needs|is looking for|could use|might need) (?:a|an|someone|another|more)|(?:i|me) ${gap(3)}(?:fit|fitting) (?:into|in|on|with) ${TEAM}|(?:sponsor|sponsoring) (?:a |my |work )?(?:visas?|work permits?)|(?:get|put|place) (?:me|my (?:cv|cvs|resume|name|application|profile)) in front of|vouch(?:ing)? for (?:${ME})|(?:share|sharing|pass|passing|give|giving|mention|mentioning) (?:on |along )?my (?:name|resume|cv|profile|details|application) (?:with|to)(?= (?:the|your|a|whoever|someone|anyone)(?![a-z0-9\u0080-\uffff']))|put in a (?:good )?word|(?:hire|hiring|employ|employing) (?:${ME})|(?:take|taking|bring|bringing) (?:${ME}) (?:on|aboard|onto)|onboard (?:${ME})|keep (?:${ME}) in mind|think of (?:${ME}) (?:for|if|when|should)(?! you (?:ever )?(?:hear|know) of (?:a|an|any|some) (?:good |great )?(?:mentors?|books?|resources?|courses?|events?|meetups?|conferences?|articles?|podcasts?|communit(?:y|ies))${B})|(?:i|me) ${gap(4)}(?:be|get|getting) (?:hired|employed|recruited)|(?:hire|hiring|employ|consider|take on|bring on) (?:a |an |someone |people )?${gap(3, STOP)}like (?:me|myself)|(?:a |an |your |internal )?referral (?:for|to) (?:the|a|an|your|this|that|any|one of) ${gap(3, STOP)}(?:${JOB}|team)`),
      rx(String.raw`(?:get|got|land|set up|arrange|secure|find) (?:${ME}) (?:a|an) (?:job |first )?interview|interview (?:for|with|at) (?:the|a|an|your|this|that|any) ${gap(3, STOP)}(?:${JOB}|team|company)|(?:intro|introduction|referral)s? to (?:the|your|a) (?:hiring (?:manager|team)|recruiters?|recruiting team|talent team|hr)|(?:about|regarding|re|for) (?:the|your|this|that) ${gap(3, STOP)}(?:opening|vacancy|req|requisition)${OPENING_END}|(?:role|position|job|opening|vacancy|req|internship)s? (?:that )?${gap(2, STOP)}(?:posted|advertised|listed|put up|are hiring for|is hiring for)|(?:introduce|connect|put) (?:${ME}) (?:in touch )?(?:to|with) ${gap(2)}(?:hiring manager|recruiter|recruiting team|talent team|hr|whoever is hiring|someone who is hiring|the person who is hiring)`),
      // Seeking: "I'm looking for a new position", "seeking employment", "help me land a job", "I hope to land a job".
      rx(String.raw`(?:ask|asking|asked|request|requesting|requested|beg|begging|plead|pleading) (?:you |your help |kindly |if i could have |if you have |whether you have )?(?:for|about) (?:a |an |any |some )?(?:jobs?|positions?|roles?|employment|work|internships?|openings?|vacanc(?:y|ies)|job opportunit(?:y|ies))|${notAfter('someone|anyone|somebody|anybody|people|students|others|those|candidates|folks|grads|graduates|everyone|applicants|you|they|he|she', 'looking|searching|hunting|seeking|hoping|applying|after|in the market|on the hunt|on the lookout', '(?:[a-z]+ )?')} for (?:a |an |any |some |my |new |another )?${gap(3, STOP + '|their|his|her|your|our')}(?:jobs?|positions?|roles?|employment|work|internships?|openings?|gigs?|placements?|vacanc(?:y|ies)|job opportunit(?:y|ies)|(?<=my next )(?:opportunity|challenge|move|adventure|chapter)|opportunit(?:y|ies) (?:at|on|in|with) ${TEAM})|seek(?:ing)? (?:a |an |new |any )?${gap(2, STOP)}(?:jobs?|positions?|roles?|employment|internships?)|(?:help|helping|assist|assisting|support|supporting) (?:${ME}) (?:to |in |with )?(?:get|getting|find|finding|land|landing|secure|securing|obtain|obtaining) (?:a |an |my |any |some )?${gap(2, STOP)}(?:${JOB}|interview|foot in the door|(?:job )?offers?)|(?:i|me|we) ${gap(4, 'you|they|he|she|others|people|how|what|why|where|when|my|his|her|their|our|your|someone|helping|help|friend|friends|sister|brother|son|daughter|wife|husband|partner|colleague|colleagues|mentee|student|classmate|cousin|client|clients')}(?:land|get|find|secure|obtain) (?:a|an|my|some) ${gap(2, STOP)}(?:jobs?|positions?|roles?|internships?|employment|work)|job (?:hunting|searching|seeking|hunt)(?! (?:next|later|in (?:a|the) (?:year|few|couple|future|spring|summer|autumn|fall|winter))${B})|on the job market|(?:i am|we are) (?:currently |now |back )?(?:in|on) the (?:job|employment) market|(?:who|whoever|someone who|the person who|anyone who) (?:handles|does|is in charge of|leads|runs|manages|oversees|is doing|is responsible for|makes) (?:the )?(?:${W} )?(?:hiring|recruiting|recruitment)(?! (?:process|processes|practices|philosophy|culture|strategy)${B})|looking for work|seeking work`),
      // Wanting to join them: "I'd love to work for you", "I want to join Globex as…", "interested in joining your team".
      rx(String.raw`${notAfter(THIRD, WANT, '(?:[a-z]+ )?')} (?:to )?(?:work|working) (?:for|at) (?!(?:a|an|the|home|night|weekends)(?![a-z0-9\u0080-\uffff']))${W}|${notAfter(THIRD, 'would love|would like|hope|hoping|want|dream|dreaming', '(?:[a-z]+ )?')} to (?:finally |one day |someday |eventually |actually |really )?work (?:there|with you there)(?= [,.!?]| someday| one day| soon|$)|${notAfter(THIRD, WANT, '(?:[a-z]+ )?')} (?:to )?(?:join|joining) (?!(?:you|us|them|him|her|a|an|in|this|that|the (?:call|meeting|webinar|event|conversation|session))(?![a-z0-9\u0080-\uffff'])|${EVENT})${W}|be (?:a )?part of (?:your|the|their|${W}'s) ${gap(2, STOP)}(?:team|company|firm|group|department|org|organization|organisation|studio|lab)|(?:great|good|strong|perfect|ideal|natural|valuable|excellent|real) (?:fit|match|addition|asset|hire) (?:(?:for|to|on) ${TEAMX}|(?:at|with|for) (?!(?:a|an|the|this|that|it|all|first|least|most|best|times?|me|you|us|them)${B})${W}(?= [.!?,]|$))|bring (?:my ${gap(5, 'and|or|but|if|to|how|what|why')}(?:skills|experience|talents|expertise|background|energy|passion|knowledge|years|track record|strengths)(?: (?:in|of|at|with)(?: (?!(?:and|or|but|if|to|how|what|why)${B})${W}){1,3})?|myself) to (?!(?:the table|the conversation|the call|the meeting|the chat|our)${B})${W}|(?:throw|throwing|threw|toss|tossing|put|putting) my (?:hat|name) in(?:to)?(?: the ring| the hat| for${B})|take a chance on (?:${ME})|(?:if|whether|in case|should) (?:you|your team|your company|they|${W}) (?:ever |still |currently )?needs? (?:(?:a|an|another|extra|more) )?(?:someone|somebody|anyone|anybody|hands?(?= (?:on|in|at|with) ${TEAMX}))${B}|explor(?:e|ing) (?:job |career |new |employment )?opportunit(?:y|ies) (?:at|with|on)`),
      // Asking while saying you don't know: "I don't know if you're hiring", "Any chance Globex is hiring?", "Do you know anyone hiring?"
      rx(String.raw`(?:if|whether|any chance|chance that|in case|should) ${gap(3)}(?:are|is|be) (?:currently |still |actively |by any chance |now |ever )?(?:hiring|recruiting)|know (?:of )?(?:anyone|someone|anybody|any (?:companies|teams|firms|startups|places)|companies|teams|people|a company|a team) (?:that are |that is |who are |who is )?(?:hiring|recruiting)`),
      // Asking after openings: "any openings", "open roles", "a spot for me on your team", "if a role opens up".
      rx(String.raw`${notAfter('about|on|regarding|why|how|many|of|the|that|those|these|your|their|our|find|finding|search for|look for|spot', 'any|open|current|future|upcoming|available|new|vacant')} (?:open |job |current |available |new |full time |part time |junior |senior |entry level |mid level |graduate |remote )?(?:${OPENINGS})${NOT_DIARY}|(?:any|open|current|future|upcoming) (?:job |open |current )?opening${OPENING_END}|(?:${OPENINGS}|internships?|apprenticeships?|placements?) (?:are |is )?(?:available|open|offered|on offer)(?![a-z0-9\u0080-\uffff'])|(?:spot|place|role|position|opening|seat|room|opportunit(?:y|ies)|something|anything) (?:for|to) (?:${ME})(?: to (?:join|work|start|contribute|come on board|come aboard|help out|intern)${B}|(?! (?:to|about)(?![a-z0-9\u0080-\uffff'])))|(?:fit|scope|home|space) for (?:${ME})(?: to (?:join|work|start|contribute|come on board|come aboard|help out|intern)${B}| (?:at|on|in|with) (?!(?:the (?:call|meeting|event|conference|workshop|panel|session|table|dinner|lunch))${B})${W})|(?:spot|place|role|position|opening|seat|roles|positions|openings|vacanc(?:y|ies)|job|jobs) (?:ever )?(?:opens?|opening|comes?|coming|becomes?|frees?) (?:up|available)|(?:spot|role|position|opening|seat|vacancy|job) (?:ever )?(?:opens?|frees? up|comes? up) (?:on|in|at) ${TEAMX}|(?:something|anything) (?:ever )?(?:opens?|opening) up|(?:something|anything) (?:ever )?(?:becomes?) available|(?:have|has|had) (?:a|an|any) (?:open |job )?(?:vacanc(?:y|ies)|openings?${OPENING_END}|headcount)|vacanc(?:y|ies) (?:for|on|in|at) |(?:there (?:is|are|be|will be|might be|may be|could be|would be|was)|(?:is|are|was|were|will|would|might|could) (?:there|their)(?: be)?) (?:ever |currently |still |any |a |an |room )*${gap(2, STOP)}(?:openings?${OPENING_END}|vacanc(?:y|ies)|headcount|(?:spot|place|role|position|job|room|work|opportunit(?:y|ies)|fit|match)s? (?:going )?(?:for (?:${ME}|someone|anyone|(?:a|an) (?:${W} ){0,2}(?!(?:call|chat|coffee|meeting|conversation|question|questions|talk|break|lunch|dinner|drink|drinks|walk|visit|demo|session|word|moment|minute|minutes|second|few|quick|short)${B})${W}(?= (?:on|in|at|with|who|that|like|[,.?!:])${B}|$))(?: (?:on|in|at) ${TEAMX})?|(?:on|in|at) ${TEAM}))|(?:do|does|did) ${gap(3)}(?:need|have room for) (?:anyone|someone|another|an extra|more people|people|help on)|(?:ask|asking|inquire|inquiring|enquire|enquiring|hear|learn|know) (?:about|of|after) (?:any |the |your |open |possible |potential |future |current )?(?:job openings|openings|vacanc(?:y|ies)|employment|job opportunit(?:y|ies)|employment opportunit(?:y|ies)|career opportunit(?:y|ies)|open (?:roles|positions))`),
      // The way in, the writer's: "How do I get onto your team?", "is there any way I could join it?", "what would it take to get hired at your company?"
      rx(String.raw`(?:(?:how|way) (?:do|can|could|would|might|should|to|for) (?:i |me |someone like me |one )?(?:to |best |ever |possibly |actually )?(?:go about |start )?|(?:way|how) i (?:could|can|might|would|may) (?:ever |possibly |actually )?|what (?:would|will) it take (?:for me )?to )${WAY_IN}`),
      // Taking anyone on, asked or wondered: "let me know if your team is looking for a designer", "wondering whether you would consider an intern".
      rx(String.raw`(?:if|whether|in case|should) ${TAKER}(?:is |are |would |might |could |will |do |does |would be |might be |ever )?${TAKES_ON} ${PEOPLE}`),
      // The writer's way in: "get me hired", "get me in at Stripe", "help me get into your team", "put my name down", "intern with you".
      rx(String.raw`get (?:me|my foot) (?:hired|employed|recruited|on board|onboard|in (?:at|with|the door)|into ${TEAM}|onto ${TEAM}|into your|onto your)|(?:help|helping) (?:me )?(?:to )?get (?:noticed|seen|spotted|considered|shortlisted|an interview|interviewed|in (?:at|with)|into ${TEAM}|onto ${TEAM}|into your|onto your|hired|on board)|(?:put|add|jot|write|throw) (?:my name|me) (?:down|forward|on the list|in the hat)|keep (?:my name|my (?:cv|resume|profile|application)) (?:in mind|on file)|(?:can|could|may|might) i (?:intern|apprentice|train) (?:with|for|at|on|under|in) (?:you|your|the|${W})|(?:to|i) intern (?:with|at|for|on|under) (?:you|your|${W})|(?:can|could|may|might) i (?:work|start|come) (?:for|at|on|in) ${TEAM}`),
      // Taking any job, interest in one, a resume for one, where to send it: "I'd take any job you have", "I'm interested in the analyst position", "my CV for the role", "Who should I send my CV to?"
      rx(String.raw`(?:take|accept|do|consider|welcome|love|grab) (?:any|whatever) ${gap(2, STOP)}(?:jobs?|roles?|positions?|work|openings?|posts?|internships?|opportunit(?:y|ies)|vacanc(?:y|ies))|(?:i am|am|i would be|i was|i have been|i remain|my|express|expressing|expressed|register|registering|note|noting) (?:(?:very|really|most|particularly|especially|genuinely|keenly|quite|also|still|deeply|extremely|strong|sincere|keen) )*(?:(?:interest|interested) in (?:the|a|an|any|one of your|your open|your)|(?:keen on|excited about|drawn to) (?:the|a|an|any|one of your|your open)) ${gap(3, STOP)}(?:position|role|job|opening|vacancy|internship|post|apprenticeship|placement)s?(?= (?:at|with|on|in|for|and|,|\.|\?|!|:|posted|advertised|listed|you (?:posted|advertised|listed|shared|mentioned))${B}|$)|${notAfter('on|at|over|review|reviewing|improve|improving|tailor|tailoring|polish|polishing|about|with|of|through|edit|editing|fix|fixing|redo|redoing|update|updating', 'my')} (?:${RESUME}|application|portfolio|cover letter|candidacy) ${gap(4, 'of|about|on|how|what|why|if|whether|tips|advice|feedback|look|looks')}for (?:the|a|an|your|this|that|any) ${gap(4, STOP)}(?:position|role|job|opening|vacancy|post|internship|req|requisition|programme|program|scheme|apprenticeship|placement)s?|(?:who|where) (?:should|can|could|do|would|might|shall) (?:i|we) (?:send|submit|direct|address|forward|email) (?:my|an|the) (?:application|${RESUME}|cover letter|portfolio|candidacy)|(?:slip|slide|forward|forwarding|get|getting|hand|handing|pass|passing|give|giving|share|sharing|send|sending|email|emailing|put|putting|flag|flagging|mention|mentioning|recommend|recommending) (?:on |along |over )?(?:me|my (?:application|${RESUME}|profile|details|name|portfolio)) (?:on |along |over )?(?:to|with|in front of) (?:the|your|a) ${gap(2, STOP)}(?:hiring|recruiter|recruiters|recruiting|recruitment|talent|hr|people|manager|boss|lead|head of|cto|ceo|founder|director|right person|right people|decision maker)|(?:recommend|refer|put|vouch for) (?:${ME}|my name) (?:to|with) (?:the|your) (?:boss|manager|hiring manager|team lead|director|head of|cto|ceo|founder)|(?:any|a|an) ${gap(2, STOP)}(?:jobs?|posts?|positions?|roles?|openings?|vacanc(?:y|ies)|internships?|placements?) (?:is |are |might be |may be |would be |were |still |currently )*(?:available|vacant|going (?:for|at|on|in))|any (?:paid |freelance |contract |part time |temporary )?work (?:available|going|for me)|(?:if|when|should|as) ${gap(3)}(?:is |are )?(?:ever )?(?:expanding|growing|staffing up|scaling up|hiring|recruiting)[^\n]{0,60}?(?:count me in|keep me in mind|think of me|consider me)`),
      rx(String.raw`(?:possibility|chance|prospect|odds|hope) (?:of|for) (?:a|an|any|getting a|landing a|getting an) ${gap(3, STOP)}(?:jobs?|roles?|positions?|openings?|vacanc(?:y|ies)|internships?|posts?|placements?|apprenticeships?)|(?:how|where|when) (?:i|one|someone like me) (?:can|could|should|might|may|would|do|to) (?:best |go about |formally |still )?(?:apply|applying)(?! (?:to|for) ${NOT_SCHOOL.slice(3, -1)})${B}|(?:can|could|may|might) i (?:still |also |even )?apply(?! (?:to|for) ${NOT_SCHOOL.slice(3, -1)})${B}|(?:be|act as) my (?:inside |internal |employee )?(?:referral|referrer|reference)|(?:fast track|expedite|push|nudge|flag|champion|boost|escalate|back|endorse|pass along|pass on|put forward|walk) my (?:application|candidacy|candidature)|(?:have|has|had|got) (?:any |some )?(?:open |job )?(?:vacancies|openings${OPENING_END})|(?:come|coming|climb|climbing|jump|jumping|hop|hopping|get|getting) (?:on board|aboard|onboard)(?! (?:with (?:the|this|that) (?:idea|plan|proposal))${B})|(?:i could|i can|i would|happy to|glad to|i am available to|i am ready to) (?:happily |gladly |even |also |still |readily )?(?:help out|help|pitch in|work|start|contribute|join) (?:full time|part time|as (?:a|an) (?:${W} )?(?:intern|employee|contractor|freelancer|hire|member))|(?:any|an|a) (?:opening|role|position|job|vacancy|post|internship)s? (?:that )?(?:suits?|matches?|fits?|fitting|suiting|matching) (?:my|me)${B}|for me to (?:work|intern|start|join) (?:in|at|for|on|with) ${TEAMX}|(?:any|have|has|got|is there|are there) (?:a |any )?requirements? (?:for (?:a |an )?${PEOPLE}|is there|are there)|my (?:profile|resume|cv|application|name|details|candidacy) (?:be|get|gets|being|could be|can be) (?:forwarded|passed|sent|shared|put forward|referred|considered|submitted|flagged)|(?:opportunit(?:y|ies)|openings?|roles?|positions?|room|place|spot|jobs?|vacanc(?:y|ies)) (?:at (?:${W} )?)?for (?:someone|somebody|a person|people|candidates|anyone|a profile|profiles) (?:like (?:me|myself|mine)|with my)|(?:use|used|mention|drop|list|listed|cite|cited|name|named|put down) (?:you|your name) (?:as (?:a |my )?(?:referral|reference|referrer)|when i apply|in my application|on my application)|(?:bring|add|contribute|offer) ${gap(4)}to ${TEAMX} as (?:a|an)${B}|(?:join|be on|work (?:on|in|with|for)) ${TEAMX} as (?:a|an)${B}|(?:growing|expanding|hiring|recruiting|scaling|scaling up|staffing up) ?[?.!]\n(?:so |and )?(?:i )?(?:${WANT}) (?:to )?(?:be (?:a )?part of|join|be on board (?:with|for)) (?:it|that|this|them|you)|(?:can|could|may|might) i (?:ever |possibly |please |maybe |also )?${WAY_IN}|(?:my|any) chances? (?:of|at) (?:getting hired|being hired|joining ${TEAMX}|landing (?:a|an) (?:job|role|position|offer|interview)(?! like)|getting (?:a|an) (?:job|role|position|offer|interview)(?! like))|(?:come|coming) (?:and )?(?:work|intern) (?:with|for|at) (?:you|${TEAMX}|${W})(?! (?:on|for a|sometime)${B})|(?:i would|i will|i could|the first to|happy to|glad to|love to|like to|eager to|keen to|ready to) apply(?= ?[.!?,]| in a heartbeat| right away| immediately| tomorrow| today| asap|$)`),
      rx(String.raw`(?:keep|keeping|kept) (?:an eye|your eyes?|your ears?) (?:open |out )?(?:for|on) (?:any |new |open |future |upcoming )?(?:${OPENINGS}|roles?|positions?|jobs?|openings?|vacanc(?:y|ies)|internships?)|(?:if|when|should) you (?:ever )?(?:hear|know|learn) (?:of|about) (?:any (?:openings?|roles?|positions?|jobs?|vacanc(?:y|ies)|opportunit(?:y|ies))|(?:anything|something) (?:(?:on|in|at) (?:your|the) ${gap(2, STOP)}team|for me|that (?:fits|suits) me))|(?:be|become|being) (?:one of |among )?your (?:next |new |newest |future )?(?:hires?|interns?|employees?|recruits?|team members?|colleagues?|teammates?)${B}|(?:tell|let|remind|convince) (?:the|your) ${gap(2, STOP)}(?:recruiters?|hiring manager|hiring team|recruiting team|hr|talent team|boss|manager) (?:know )?(?:that |about )?(?:me|i)${B}|(?:where|the place|the company|the team) i (?:most |really |truly |have always |always )?(?:want|wanted|would love|would like|would want|hope|dream|dreamed|dreamt) to (?:work|be|join|land|end up)(?= [.!?,]|$| (?:someday|one day|next|after)${B})|(?:roles?|positions?|jobs?|openings?) (?:that |which )?(?:you think |you feel |you believe )?(?:i|me) (?:would |might |could |may )?(?:fit|suit|be (?:a )?(?:good |great )?fit for)${B}`),
      rx(String.raw`(?:i am|am) (?:currently |now |really |actively )?(?:available|free|ready|open) (?:for|to start|to join|to take on) (?:full time |part time |freelance |contract |immediate |new )?(?:work|employment|roles?|positions?|a role|a position|a job|jobs|opportunit(?:y|ies))${B}|(?:happy|glad|available|free|keen|ready|able|eager) to interview(?! (?:you|someone|people|them|him|her|customers|users)${B})|am (?:really |currently |now |actually )?after (?:a|an|any|some|my next|a new) ${gap(2, STOP)}(?:jobs?|roles?|positions?|internships?|placements?|gigs?|openings?|work|contracts?)${B}|(?:a|any|the|my) (?:way|path|route|road) (?:onto|into|on to|in to) ${TEAMX}|count on you for (?:a |an )?(?:referral|reference|intro|introduction to (?:the )?(?:hiring|recruit))|(?:opportunity|chance) to (?:work|intern) (?:with|for|at|on|in) ${TEAMX}|(?:a |any )?(?:chance|shot|crack) at (?:the|a|an|your|this|that) ${gap(3, STOP)}(?:roles?|positions?|jobs?|openings?|internships?|posts?|vacanc(?:y|ies))${B}|(?:send|email|submit|forward|share) (?:you |over |along )?my (?:application|candidacy)${B}|(?:anything|something) (?:available|open|going) (?:on|in|at) ${TEAMX}|(?:be|become|being) (?:a )?part of (?:that|this|the|your|its) (?:growth|expansion)${B}|(?:a|any) way in(?= [?.!,]| (?:at|to|for)${B}|$)|(?:have|has|had|got) (?:a|an|any) (?:spot|place|seat|role|position|opening|vacancy|room) (?:on|in|at|for) ${TEAMX}|(?:with a view to|with an eye to|with an eye towards|in the hope of|in hopes of) (?:joining|working (?:for|at|with)|being hired|being taken on|a (?:job|role|position))|(?:be|being|get|getting) (?:referred|recommended|put forward|nominated) (?:for|to) (?:the|a|an|your|this|that|any) ${gap(4, STOP)}(?:${JOB}|team|opening)|(?:speak|talk|chat) (?:to|with) (?:your|the) (?:recruiters?|hiring manager|hr|talent team|recruiting team|hiring team) (?:about|regarding) (?:any |the |open |possible |current |upcoming )?(?:openings?|roles?|positions?|jobs?|vacanc(?:y|ies)|opportunit(?:y|ies)|applying)${B}`),
      rx(String.raw`(?:possibility|chance|opportunity|possible|way) (?:for me )?to ${WAY_IN}|(?:get|getting|be|being) placed (?:in|at|with) (?:${TEAMX}|(?!(?:a|an|the)${B})${W})|(?:scope|room|space|place|need|demand|openings?|vacanc(?:y|ies)) for ${PEOPLE} (?:in|on|at|with) ${TEAMX}|(?:how|where|when) (?:do|can|could|should|would|might|may) (?:i|one) (?:best |go about |formally |still )?(?:apply|applying)(?= ?[?.!,]|$| (?:to|for) (?:the|your|this|that|it|one)${B})|(?:can|could|would|will) you (?:please |kindly )?refer(?= ?[?.!,]|$)|(?:update|news|status|word|progress) (?:on|about|regarding) (?:the|my) ${gap(3, STOP)}(?:application|candidacy|position|role|job|opening)${B}|(?:role|position|job|opening|internship|vacancy)s? (?:that )?i (?:applied|am applying|have applied|just applied|recently applied) (?:for|to)${B}|my (?:application|candidacy|cv|resume) (?:was|has been|is being|got|is|gets) (?:received|reviewed|seen|considered|looked at)${B}|(?:prove myself|show (?:you )?what i can do|make my mark) (?:on|in|at|with|for) ${TEAMX}|(?:start|begin|launch|build|grow|continue) my career (?:at|with|on) (?!(?:a|an|the|some|one)${B})${W}|(?:apply|applying) (?:and |, )?(?:mention|use|drop|cite|list) (?:you|your name)|(?:who|whom) (?:i |to )?(?:should |could |can |might |would )?(?:contact|reach out to|talk to|speak to|speak with|email|ask|approach) (?:about|regarding|for) (?:the |any |open |possible |current |upcoming |a |an )?(?:openings?|vacanc(?:y|ies)|roles?|positions?|jobs?|applying|an application|a referral|opportunit(?:y|ies))${B}|(?:be|being) (?:an? )?(?:asset|addition) to ${TEAMX}|(?:room|space|a place|a spot|a seat) (?:on|in|at) ${TEAMX} for (?:me|${PEOPLE})|(?:something|anything) (?:ever )?(?:comes up|pops up|turns up|opens up|becomes available|is available) (?:on|in|at|with) (?:your|the) ${gap(2, STOP)}(?:side|end|team|company|firm|group|department|org|organization|organisation|office|division|studio|lab|practice|startup|agency)`),
      // A job someone has for a person ("do you have a role for a self-taught developer?", "got a spot for a new grad?"),
      // an application sent with its attachment ("CV attached for the Senior Analyst opening"), a good word put in,
      // being open to work, a company the writer wants to be part of ("I'd love to be a part of Hooli someday").
      rx(String.raw`(?:attached|enclosed|included|attaching|enclosing|submitted|submitting) (?:for|re|regarding) (?:the|your|this|that|a|an) ${gap(4, STOP)}(?:position|role|job|opening|vacancy|post|internship|req|requisition|apprenticeship|placement)s?${B}|(?:put|say|drop|put in) (?:a|in a) (?:good |kind )?word (?:in )?(?:for me|for my|on my behalf)|(?:i am|am) (?:currently |now |actively |also )?open to (?:new )?(?:work|roles|positions|job offers|job opportunities|employment)(?! (?:on|with|as|about)${B})|${notAfter(THIRD, WANT, '(?:[a-z]+ )?')} to (?:be|become) (?:a )?part of (?!(?:it|this|that|the|a|an|your|our|their|his|her|my|something|history|any|what|how|such|these|those|them|him|us|you)${B})${W}(?= [.!?]|$| (?:someday|one day|soon|too|as well|eventually|next|in the future)${B})|${notAfter(THIRD, WANT, '(?:[a-z]+ )?')} to ${WAY_IN}|(?:the|a|any) (?:best |right |easiest |quickest |proper |usual |fastest )?(?:way|route|process|channel) (?:for me |for someone like me )?to (?:apply|get hired)(?= ?[?.!,]|$| (?:for|to) (?:the|a|an|your|this|that|one)${B}(?!(?:${W} ){0,3}(?:mba|phd|masters?|degree|school|schools|college|university|bootcamp|course|courses|fellowship|grant|grants|conference|conferences)${B}))|(?:be|being|get|getting) (?:interviewed|shortlisted|screened|assessed|evaluated|looked at|fast tracked|short listed) for (?:the|a|an|any|your|this|that|one of your|a future|future) ${gap(4, STOP)}(?:${JOB})${B}|(?:your|the) (?:hiring manager|recruiters?|recruiting team|talent team|hiring team|hr) (?:be |would be |might be |is |are )?(?:open|willing|happy|available|up|free) (?:to|for) ${gap(4)}(?:about|regarding|on|for) (?:the|this|that|your|an?|any|open) ${gap(3, STOP)}(?:role|position|opening|job|vacancy|req)s?${B}|(?:interest|interested|keen) in (?:the|a|an|your) (?:open |vacant |advertised )?(?:position|post|role) of (?!(?:the|a|an|ai|technology|data in|design in|research in)${B})${W}|(?:if|whether|in case|any chance|chance that) (?:your|ur) (?:currently |still |ever |actively )?(?:hiring|recruiting)(?! (?:manager|team|process)${B})|(?:advice|tips|pointers|help|guidance|way|chance|chances) (?:on|for|about|with|of|to) (?:getting|get|being) hired (?:at|by|with|on|onto|into) (?!(?:a|an|some|big|large|small|startups|companies|places|tech|places|anywhere)${B})${W}|(?:at the )?top of my (?:list|wishlist|wish list)(?= [.!?,]|$| of (?:companies|employers|places|dream)${B})|(?:who|whoever|the person who|someone who) (?:is )?(?:hiring|recruiting) for (?:the|your|this|that|a|an) ${gap(3, STOP)}(?:team|role|position|opening|job|vacancy)s?${B}|(?:dream|goal|aim|hope|plan|ambition) (?:is|would be|has always been|was always|has been) to (?:(?:join|work (?:at|for|with)) (?!(?:you|us|a|an|the|some|one)${B})${W}|land (?:a|an) (?:${W} )?(?:spot|role|job|position|place|seat|internship) (?:on|in|at|with) ${TEAMX})|(?:if|whether) ${gap(2)}(?:are|is) (?:still |currently |actively )?interviewing (?:candidates )?for (?:the|a|an|your|this|that) ${gap(3, STOP)}(?:${JOB})${B}|(?:pass|forward|send|share|give|hand) (?:it|them|this|that) (?:on |along )?(?:to|with) (?:your|the|a) ${gap(2, STOP)}(?:recruiters?|hiring (?:manager|team)|recruiting team|talent team|hr|people team)${B}|(?:kill|die|give anything|give my right arm) for (?:a|the|that|this|any) ${gap(2, STOP)}(?:spot|role|job|position|place|seat|internship)${B}|contribute (?:to ${TEAMX} |there |at ${W} )?as (?:a |an )?(?:member of (?:staff|the team|your team)|staff member|employee|team member)${B}|(?:any ${gap(2, STOP)}(?:openings?|roles?|positions?|jobs?|vacanc(?:y|ies)|posts?|internships?)(?: there| at ${W}| on ${TEAMX}| in ${TEAMX})?|(?:an?|the) ${gap(2, STOP)}(?:openings?|roles?|positions?|jobs?|vacanc(?:y|ies)|posts?|internships?)(?: there| at ${W}| on ${TEAMX}| in ${TEAMX})) (?:that |which )?(?:would |might |could |may )?(?:suit|fit|match|be right for|be a fit for) (?:me|my|someone like me|a person like me|someone with my)${B}|(?:be|being|get|getting|put me|keep me) in the (?:frame|running|mix) for${B}|(?:if|whether) ${W} (?:${W} )?(?:has|have|had|might have|would have|could have) (?:anything|something) (?:suitable |open |available |going |coming up )?for (?:me|someone|somebody|a|an)${B}|(?:is|are|was) my (?:first|top|number one|dream) (?:choice|pick|option|company|employer)${B}|(?<!(?:had|have had|did|after|during|from|since|enjoyed|loved|about|of|on) )(?:a|an|any) (?:quick |short |brief |first )?(?:conversation|chat|call|meeting|intro|introduction) with (?:your|the) (?:hiring manager|recruiters?|recruiting team|talent team|hiring team)${B}|(?:hear|know|learn) (?:of|about) (?:anything|something) (?:going |open |available |suitable )?(?:at|with) (?!(?:the|a|an|it|that|this|your|my|our)${B})${W}(?= [.!?,]|$)`),
      // A growing team, then wanting in ("Is Zendo growing its analytics team? I'd jump at the chance."); someone
      // with my background considered; the process for applying; any roles they are trying to fill; a subject
      // that names an opening ("Re: Senior Data Engineer opening", "Referral request — Product Analyst"); the
      // person to talk to about joining.
      rx(String.raw`(?:growing|expanding|hiring|recruiting|scaling|scaling up|staffing up)(?: ${W}){0,6} (?:[?.!]\n|, )(?:so |and |if so (?:, )?)?(?:i )?(?:would |will |could )?(?:really |definitely |absolutely )?(?:love|like|jump at|welcome|be keen|be eager|be interested|be glad|be happy|be thrilled|be delighted|want|hope) (?:to )?(?:be (?:a )?part of|join|be on board|the chance|the opportunity|a chance|a shot|in)(?= [.!?,]|$| (?:it|that|this|them|you|the team|your team)${B})|(?:hire|consider|take on|bring on|interview|employ|hiring|considering) (?:someone|somebody|a person|people|candidates|a candidate|anyone) (?:with|from|of) (?:my|a similar) (?:background|profile|experience|skills?|skill set|cv|resume)${B}|(?<!(?:was|were) )(?:the|your) (?:process|procedure|steps?) (?:for|of|to) (?:applying|apply)(?: (?:to|for) (?:the|a|an|your|this|that) ${gap(3, STOP)}(?:${JOB}))?(?= [?.!,]|$| (?:at|with|on|in) ${W})|any ${gap(2, STOP)}(?:roles?|positions?|jobs?|openings?|vacanc(?:y|ies)|seats?|spots?) (?:that |which )?(?:you are|you have been|your team is|you|they are|you might be) (?:trying|looking|hoping|needing|struggling|working|planning) to fill|(?<!(?:decide|decides|decided|know|knows|determine|how|why) )(?:when|once|as soon as|whenever) (?:the|a|your|any) (?:next |new )?${gap(2, STOP)}(?:role|position|job|opening|vacancy|internship|req)s? (?:is |are |gets |get |goes |go )?(?:posted|advertised|listed|opens?|opened|opens up|open up|goes live|go live|announced|available)${B}|(?:give|offer) (?:me|someone like me) (?:a |an )?(?:chance|shot|break|try|opportunity|trial|start|job|role|position|internship)(?= (?:in|at|with|on) ${TEAMX}| to (?:join|work|prove|intern)${B})|(?:contribute|work|help out|help) (?:to |for |with |on )?${TEAMX} (?:full time|part time|permanently|as (?:an? )?(?:employee|hire|member|intern|team member))${B}|(?:if|whether) (?:the|that|this|your|any) ${gap(3, STOP)}(?:role|position|opening|job|vacancy|req|internship)s? (?:(?:at|on|with) ${W} )?(?:is |are )?(?:still |currently )*(?:open|available|up for grabs|unfilled|being filled|filled)${B}|(?:listing|posting|ad|advert|advertisement|job post|job ad) (?:on|in|at) (?:your|the) (?:careers?|jobs?|company|hiring) (?:page|site|website|board|portal)|^re : (?:${W} ){0,4}(?:opening|role|position|vacancy|req|internship|job)s?(?= [.!?]|$)|^(?:(?:quick|a) )?(?:referral|job|internship) (?:request|ask|inquiry|enquiry)(?= [,:.!?]|$)|(?:talk|speak|chat|reach out|write|ask|contact|email)(?: to| with)? (?:you |someone |them )?about (?:joining ${TEAMX}|(?:any|an|a|open) (?:open )?(?:role|position|opening|job|vacanc(?:y|ies)|internship)s? (?:at|on|in|with) ${TEAMX})`),
    ],
    questions: [
      // "Are you guys looking for interns?", "Is the team open to new grads?", "Would you hire a self-taught developer?", "Need a junior dev?"
      rx(String.raw`(?:(?:(?:are|is|do|does|would|will|could|might|can|have|has) ${TAKER}|(?:you|they|${TEAMX}) (?:would|might|could|will) )${TAKES_ON}|${opening('need|needing|looking for|hiring|recruiting|taking on|any need for|any room for|room for|got room for|any space for|space for|got space for')}) ${PEOPLE}`),
      // "Job opportunity at Acme?"
      rx(String.raw`(?:job|employment|career|work) (?:opportunit(?:y|ies)|openings?|vacanc(?:y|ies)) (?:at|with|on|in) ${W}`),
      // "Would there be room in the budget for a junior analyst?"
      rx(String.raw`(?:is|are|would|will|might|could) there (?:be )?(?:any )?(?:room|space|budget|headcount|capacity|a need|need|demand) (?:in (?:the|your) ${W} )?for ${PEOPLE}`),
      // "Is your team looking to hire anyone?", "Is Globex open to hiring career changers?"
      rx(String.raw`(?:are|is) ${gap(3)}(?:looking|planning|hoping|going|about) to (?:hire|recruit|add|bring on|grow)|(?:open to|considering|willing to) (?:hiring|hire|taking on|take on|bringing on|bring on)`),
      // "Do you have anything for a mid-level designer?"
      rx(String.raw`(?:do|does|would|might) ${gap(2)}(?:have|has) (?:anything|something) (?:open |available )?for (?:a|an|someone)`),
      // "Is Globex accepting applications?"
      rx(String.raw`(?:accepting|taking|open to) (?:new |any )?(?:applications|applicants|resumes|cvs|candidates)`),
      // "Is the analyst position still open?"
      rx(String.raw`(?:is|are) (?:the|that|this|your|any) ${gap(3, STOP)}(?:role|position|opening|job|vacancy|req|internship)s? (?:still |currently |already )*(?:open|available|being filled|unfilled|filled|up for grabs)`),
      // "Are you still bringing people on?"
      rx(String.raw`(?:are|is|do|does|would|will|could|might) ${TAKER}(?:currently |still |actively |ever |also )?(?:bringing|taking|bring|take) (?:new |more |any )?(?:people|anyone|someone|staff|folks|hires|grads|interns|juniors|engineers|designers|analysts|developers) (?:on|in|aboard|onboard)${B}`),
      // "Are applications open yet for the autumn internship?", "Are they still interviewing for the PM role?"
      rx(String.raw`(?:are|is) (?:applications?|hiring|recruitment|recruiting|the application) (?:still |now |currently |already )?(?:open|closed)(?: yet)?(?! (?:for|to) (?:${W} ){0,3}(?:mba|phd|masters?|degree|school|schools|college|university|bootcamp|course|courses|fellowship|grant|grants|conference|conferences|award|awards|scholarship|scholarships)${B})|${opening('are|is')} ${gap(2)}(?:still |currently |actively )?interviewing (?:candidates )?for (?:the|a|an|your|this|that) ${gap(3, STOP)}(?:${JOB})${B}`),
      // "Has the PM position been filled yet?"
      rx(String.raw`(?:has|have) (?:the|that|this|your) ${gap(3, STOP)}(?:role|position|opening|job|vacancy|req|internship)s? (?:already |yet )?been (?:filled|taken)`),
      // "Is there any possibility of an internship at Globex?"
      rx(String.raw`(?:a|an|any) ${gap(1, STOP)}(?:internships?|apprenticeships?)(?= (?:at|with|on|in|for)(?![a-z0-9\u0080-\uffff'])| \?)`),
      // "Are you hiring?", "Is your company hiring data scientists?", "And is Globex recruiting?", "Hiring?"
      rx(String.raw`${opening('are|is|will|would')} ${gap(5)}(?:currently |still |actively |by any chance |now |ever )?(?:hiring${HIRING_NOT}|recruiting${HIRING_NOT}|staffing up|taking on|looking for (?:a|an|any|someone|people|more|new|junior|senior))|^hiring ?\?|${opening('do|does')} ${gap(3)}(?:hire|recruit)(?![a-z0-9\u0080-\uffff'])${HIRE_NOT}`),
    ],
    together: JOB_TOGETHER,
    model: new SentenceModel(JOB_ASK_MODEL),
  },
} satisfies Record<string, Phrase>;

export type Meaning = keyof typeof PHRASES;

/**
 * Each list of patterns as few: one pass over the reading per regular expression, not per
 * pattern. But not all in one, and no part longer than JOINED_MAX characters of source:
 * V8 runs a regular expression above some size far slower (measured on the 10k corpus's
 * outreach: parts of 14–16 kB as fast as base, 20 kB sometimes 1.6x slower, 24 kB 10x; a
 * single 21 kB pattern made the whole reading 4x slower). No single pattern may be longer
 * than a part (a unit test holds it): split a long one into two rx() at a top-level "|".
 */
export const JOINED_MAX = 14_000;
const JOINED = new WeakMap<RegExp[], RegExp[]>();
function joined(patterns: RegExp[]): RegExp[] {
  let out = JOINED.get(patterns);
  if (!out) {
    const parts: string[][] = [];
    let size = Infinity;
    for (const p of patterns) {
      if (size + p.source.length > JOINED_MAX) (parts.push([]), (size = 0));
      parts[parts.length - 1].push(p.source);
      size += p.source.length + 1;
    }
    JOINED.set(patterns, (out = parts.map((part) => new RegExp(part.join('|'), 'gm'))));
  }
  return out;
}

/**
 * `re` as it is searched, global, from a word's start: V8 finds the next place the pattern
 * can begin in its own machine code. A word's start is `\b` (the reading is lower-case
 * ASCII but for rare letters, and no pattern begins with a clause mark), then not after a
 * letter beyond ASCII or an apostrophe: `\b` is the cheapest check V8 makes at each place
 * (a look behind first took 1.35x the time). Trying a sticky copy at each word from
 * JavaScript, as before, cost a call per word and pattern; leaving the word's start to be
 * checked after each match let short heads ("i", "a", "be") match inside every other word.
 */
const SCANNER = new WeakMap<RegExp, RegExp>();
function scanner(re: RegExp): RegExp {
  let g = SCANNER.get(re);
  if (!g) SCANNER.set(re, (g = compiled(new RegExp(String.raw`\b(?<![\u0080-\uffff'])(?:${re.source})`, 'gm'))));
  return g;
}

/** A text long enough that V8 compiles a regular expression run on it to machine code at once. */
const LONG_TEXT = ' '.repeat(1024);

/**
 * `re`, run once on a long empty text. V8 first runs a regular expression in its interpreter
 * (compiled to bytecode), and compiles it to machine code on its second run, unless the text
 * of a run is 1,000 characters or more: then at once. A message is shorter, so each of these
 * large patterns was compiled twice; once is about half the CPU (measured for all three checks).
 */
function compiled(re: RegExp): RegExp {
  re.lastIndex = 0;
  re.exec(LONG_TEXT);
  re.lastIndex = 0;
  return re;
}

/** Where the word after the one at `i` begins: past the next space or line break (or the end). */
function nextWord(norm: string, i: number): number {
  for (let j = i; j < norm.length; j++) {
    const c = norm.charCodeAt(j);
    if (c === 32 || c === 10) return j + 1;
  }
  return norm.length;
}

/** Where `phrase` is meant in `text`, denied ones skipped; each span with the words it quotes. */
export function phraseSpans(text: string, phrase: Phrase, reading: Reading = read(text)): PhraseSpan[] {
  const out: PhraseSpan[] = [];
  const hits: number[] = []; // where in the reading each match begins
  /** The matches of `re` in `part` of the reading, which begins at `offset` in it. */
  const found = (re: RegExp, part: string, offset: number) => {
    const at = scanner(re);
    at.lastIndex = 0;
    for (let m = at.exec(part); m; m = at.exec(part)) {
      let from = m.index;
      const to = from + m[0].length;
      if (to === from) {
        at.lastIndex = nextWord(part, from);
        continue;
      }
      at.lastIndex = part.charCodeAt(to - 1) === 32 || part.charCodeAt(to - 1) === 10 ? to : nextWord(part, to);
      // The quoted words begin at a word: past the clause mark or space a pattern's opening may hold.
      while (from < to && !/[a-z0-9\u0080-\uffff]/u.test(part[from])) from++;
      if (from >= to || denied(reading, offset + from, offset + to)) continue;
      const span = spanOf(reading, offset + from, offset + to);
      out.push({ ...span, words: text.slice(span.start, span.end) });
      hits.push(offset + from);
    }
  };
  for (const re of joined(phrase.patterns)) found(re, reading.norm, 0);
  // The questions only in the sentences that ask: each is searched alone (the patterns never
  // cross a line), not the whole text, most of which asks nothing.
  if (phrase.questions) {
    const { norm } = reading;
    for (let start = 0; start < norm.length; ) {
      let end = norm.indexOf('\n', start);
      if (end < 0) end = norm.length;
      if (inQuestion(reading, start)) {
        const line = norm.slice(start, end);
        for (const re of joined(phrase.questions)) found(re, line, start);
      }
      start = end + 1;
    }
  }
  // The long tail only where no frame matched: a frame quotes the ask more exactly.
  if (phrase.together) out.push(...together(text, reading, phrase.together, hits.sort((a, b) => a - b)));
  if (phrase.model) {
    const quoted = (from: number, to: number) => out.some((s) => s.start < reading.ends[to - 1] && s.end > reading.starts[from]);
    for (const { from, to } of phrase.model.sentences(reading, quoted)) {
      const start = reading.starts[from];
      const end = reading.ends[to - 1];
      out.push({ start, end, words: text.slice(start, end) });
    }
  }
  // One span per place, in reading order; a span inside another is the same finding.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  let end = -1;
  return out.filter((s) => s.start >= end && ((end = s.end), true));
}

/**
 * The sentences without a match in `hits` that hold a topic word and a wanting word
 * (Phrase.together), each quoted from the first of the two to the last. The topic is
 * searched in the whole reading at once, not sentence by sentence (a search per sentence
 * cost more than the searching), and its first match a sentence accepts is the one.
 */
function together(text: string, reading: Reading, t: NonNullable<Phrase['together']>, hits: number[]): PhraseSpan[] {
  const out: PhraseSpan[] = [];
  const { norm } = reading;
  const topics = scanner(t.topic);
  let h = 0;
  let lineStart = 0;
  let lineEnd = -1;
  let passed = false; // the sentence has a frame's match already, or asks what, how or why
  topics.lastIndex = 0;
  for (let m = topics.exec(norm); m; m = topics.exec(norm)) {
    const at = m.index;
    if (at > lineEnd) {
      lineStart = norm.lastIndexOf('\n', at - 1) + 1;
      lineEnd = norm.indexOf('\n', at);
      if (lineEnd < 0) lineEnd = norm.length;
      while (h < hits.length && hits[h] < lineStart) h++;
      passed = (h < hits.length && hits[h] < lineEnd) || t.skip.test(norm.slice(lineStart, lineEnd));
    }
    if (passed) {
      topics.lastIndex = lineEnd + 1;
      continue;
    }
    const end = at + m[0].length;
    const accepted = (t.strong.test(m[0]) || (!t.notAfter.test(norm.slice(Math.max(lineStart, at - 80), at)) && !t.notBefore.test(norm.slice(end, Math.min(lineEnd, end + 40))))) && !denied(reading, at, end);
    if (!accepted) {
      topics.lastIndex = at + 1;
      continue;
    }
    const want = first(norm.slice(lineStart, lineEnd), scanner(t.want), () => true);
    if (want) {
      const from = Math.min(at, lineStart + want.index);
      const to = Math.max(end, lineStart + want.index + want[0].length);
      const span = spanOf(reading, from, to);
      out.push({ ...span, words: text.slice(span.start, span.end) });
    }
    topics.lastIndex = lineEnd + 1;
  }
  return out;
}

/** The first match of `re` in `line` that `ok` accepts. */
function first(line: string, re: RegExp, ok: (m: RegExpExecArray) => boolean): RegExpExecArray | undefined {
  re.lastIndex = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index > 0 && line.charCodeAt(m.index - 1) !== 32) re.lastIndex = m.index + 1; // inside a word (see rx)
    else if (ok(m)) return m;
  }
  return undefined;
}

/** Does the text say anything an outreach check would warn about? */
export function hasUnwelcomePhrase(text: string): boolean {
  const reading = read(text);
  return Object.values(PHRASES).some((p) => phraseSpans(text, p, reading).length > 0);
}
