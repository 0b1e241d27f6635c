"""Events: from each sentence's predicates and their arguments, the typed claims an analyst would write down.

For every extractable sentence (headings included; they are linked to the body claims they restate later, by the
attribution stage):

1. the reporting frame is set apart ("On December 22, the website reported that ..."): triggers are looked for in
   the content only;
2. triggers come from the lexicon (``data/lexicons/triggers.yaml``): verbs, phrases and event nouns. A bare lemma is
   a verb only after "to" or a modal; a noun is an event when a light verb takes it ("held a meeting"), when an
   occurrence verb follows ("a meeting was held") or when it names an event on its own ("clashes"). Triggers in a
   topic ("met to discuss the attacks"), in a background phrase ("amid clashes") or in the complement of a directive
   ("ordered them to target ...") are not events of their own;
3. motion verbs are typed by what moves: personnel make a movement, materiel a transfer ("a lorry laden with rockets
   drove in" is a transfer, "five buses carrying operatives entered" a movement);
4. each trigger gets a scope in its sentence; the actors before it are agents, after it participants or targets; the
   places take a role from their preposition (from: origin, through/via: route, to/into/towards: destination);
5. modality (planned: "intend to", "would", "were ordered to"), negation and hedging come from the words before the
   trigger; quantities and equipment from the scope;
6. a sentence whose subject refers back ("The operatives ...", "They ...", "The talks were also joined by") adds
   to the claim it continues instead of making a new one; so does a later mention of the same event that shares two
   of its actors and places.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from sitrep.extract.dates import to_date
from sitrep.extract.events_frames import NAMING_VERBS, find_frame
from sitrep.extract.events_lexicon import Guarded, lexicon
from sitrep.extract.model import Claim, ClaimActor, ClaimPlace, Doc, Mention, Quantity, Span

# Patterns used inline below, compiled once.
_WORD_WITH_DOTS = re.compile(r"[\w'’.-]+")
_SPACES = re.compile(r"\s+")
_CLAUSE_PUNCT = re.compile(r"[,;.]")
_SUBJECT_CUT = Guarded(re.compile(r"[;]|\bthat\b|\bwhich\b|\bwho\b|,\s(?=[a-z])"), (";", ",", "that", "wh"))
_HEAD_CUT = re.compile(r",|\b(?:of|from|belonging)\b")
_AUX_ONLY = re.compile(r"\s*(?:(?:had|has|have|was|were|is|are|been|being|be|also|reportedly|allegedly|then|later)\s+)*",
                      re.I)
_THEME_CUT = re.compile(r";|\bthat\b|\bwhich\b|\bwho\b")
_CARRIED_LOAD = re.compile(r"\b(?:carrying|loaded\s+with|laden\s+with|transporting|with)\b(.{0,80})", re.I)
_RELATIVE_WORD = re.compile(r"\b(?:which|who|where|that)\b")
_ANAPHORIC_SUBJECT = re.compile(r"\s*(?:these|those|such|they)\b", re.I)
_RELATIVE_LEAD = re.compile(r"\s*,?\s*(?:which|who)\s+(?:was|were|had\s+been)?\s*(?:then\s+)?")
_WHICH_OR_WHO = re.compile(r"\b(?:which|who)\b")
_CLAUSE_BREAK = Guarded(re.compile(r";|\bwho\b|\bwhich\b|\bwhere\b|\bthat\b|\bwhile\b"), (";", "wh", "that"))
_COMMA_OR_SEMICOLON = re.compile(r"[,;]")
_HELD_RELATIVE = Guarded(re.compile(r"[^,;]{0,50}?\b(?:that|which)\s+(?:was|were)\s+(?:held|carried\s+out|conducted)\b"),
               ("held", "carried", "conducted"))
_DATED_AFTER = Guarded(re.compile(r"\b(?:on|in)\s+[A-Z][a-z]+\s+\d"), "0123456789")
_RECENT_BEFORE = re.compile(r"\brecent\s+(?:[\w-]+\s+)?$", re.I)
_BACKGROUND_STOP = re.compile(r"[;.]|\b(?:following|after|which|while)\b")
_WHICH = re.compile(r"\bwhich\b")
_POSITIONS_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?(?:positions|sites|bases|front|areas|area|region)\b", re.I)
_BY_OR_OF_END = re.compile(r"\b(?:by|of)\s*$")
_CLAUSE_BREAK_WIDE = re.compile(r";|\bwhile\b|\bwhich\b|\bwho\b|\bwhere\b|\bwhen\b")
_DEMONSTRATIVE_NOUN = re.compile(r"\s*(?:the|these|this|those|such)\s+((?:[\w'’-]+\s+){0,2}?)([\w-]+)\b", re.I)
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+)?$")
_GIVEN_BY_AFTER = re.compile(r"\s+(?:given|issued|carried\s+out|held|conducted)\s+by\b")
_RELATIVE_PRONOUN = re.compile(r"\b(?:which|who|where|when)\b")
_REPORTED_THAT = re.compile(r"\b(?:claim|claiming|claimed|adding|added|saying|said|noting|noted|reported)\s+that\b")
_PASSIVE_AUX_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$")
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$")
_BE = re.compile(r"\b(?:was|were|been|being|is|are)\b")
# Between two coordinated subjects: "A, B and C met", "A and the regime's B held".
_COORD_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|as\s+well\s+as|&)\s+)(?:the\s+)?")
# The speaker's own men as the subject: "the ministry said its units had been placed on alert", "the SDF spokesman
# said the force's security units arrested ...": the speaker is the agent.
_OWN_FORCES = re.compile(r"(?<!\bof\s)\b(?:its|the\s+(?:force|group|ministry|army|faction|militia|organi[sz]ation|movement|service"
                         r"|brigade|division)['’]s)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:forces|units|fighters|troops|members|"
                         r"men|personnel|operatives|militants|patrols)\b", re.I)
_LEAD_CUT = Guarded(re.compile(r"[,;]\s|\bthat\b|\bwhich\b|\bwho\b"), (",", ";", "that", "wh"))
_PLAIN_WORD = re.compile(r"[\w'’]+")
_HAVE_AFTER = re.compile(r"\s+have\b")
_HABITUAL_TO = re.compile(r"\b(?:used|continued|began|started|managed|went|came)\s+to\s*$", re.I)
_INTENTION_NOUN_TO = Guarded(re.compile(r"\b(?:the\s+)?(?:intention|plans?|decision|preparations?|attempts?|efforts?)\s+(?:to|for)\s+\W?$",
                           re.I), ("intention", "plan", "decision", "preparation", "attempt", "effort"), fold=True)
# A finite verb still to come in the clause: after "its units deployed in the Badia", "had been placed" says the
# participle only described the units.
_FINITE_AHEAD = re.compile(r"[^,;:()]{0,60}?\b(?:had|has|have|was|were|is|are|would|will)\b", re.I)
_POSSESSED_NOUN_END = re.compile(r"\b(?:its|their|his|her|the|whose)\s+(?:[\w-]+\s+){0,2}?([\w-]+)\s+$", re.I)
_DEPICTED = re.compile(r"\b(?:photos?|photographs?|videos?|images?|footage|pictures?|clips?)\b[^.;:]{0,40}?"
                       r"\b(?:show(?:s|ed|ing)?|depict(?:s|ed|ing)?)\b[^.;:]*$", re.I)
_WHILE_DOING = re.compile(r"\bwhile\s+(?:(?:they|he|she|it|we)\s+(?:was|were)\s+)?(?:(?:reportedly|allegedly|apparently)\s+)?"
                          r"(?:(?:trying|attempting|seeking)\s+to\s+)?$", re.I)
# A clause that describes a noun, its relative pronoun left out: "a checkpoint (that) they had set up".
_OBJECT_RELATIVE = re.compile(r"\b([\w-]+)\s+(?:that\s+|which\s+)?(?:they|it|he|she|we)\s+(?:had\s+|have\s+|has\s+)?"
                              r"(?:recently\s+|just\s+|previously\s+)?$", re.I)
# Projectiles fired, as against projectiles carried ("a plane loaded with rockets landed").
_FIRED_PROJECTILE = re.compile(r"\b(?:rockets?|missiles?|shells?|mortars?|projectiles?|katyushas?)\s+(?:were\s+|was\s+)?"
                               r"(?:fired|launched|lobbed|shot)\b", re.I)
# Who is told to do what, after a verb of ordering: "urging them to", "ordering its fighters not to".
_ADDRESSEE_TO = re.compile(r"\s+(?:[\w'’-]+\s+){1,4}?(?:not\s+)?to\s+[a-z]", re.I)
# Words for a column of vehicles, that carry people or goods: what they are made of decides.
_CONTAINER = re.compile(r"convoys?|columns?", re.I)


_OBJECT_END = re.compile(r"\b(?:from|to|into|through|via|in|at|near|toward|towards|across|along|on|under|after|"
                         r"before|which|who|where)\b|[;.]")
_MODALS = {"to", "will", "would", "could", "can", "may", "might", "shall", "should", "must", "did", "do", "does",
           "not", "likely", "and", "or", "then", "also", "cannot"}
_NOUN_CONTEXT = {"the", "a", "an", "joint", "military", "new", "of", "for", "in", "at", "on", "its", "their", "his",
                 "her", "these", "those", "this", "that", "such", "security", "recent", "similar", "further", "any",
                 "more", "additional", "previous", "past", "some", "several", "two", "training", "regular", "'s", "’s",
                 "drone", "with", "other", "by", "from", "during", "after", "before", "us", "u.s.", "israeli",
                 "iranian", "russian", "turkish", "american", "syrian", "iraqi", "closed", "intensive", "first",
                 "second", "mutual", "fierce", "heavy", "daily", "repeated", "and"}
_BOUNDARY = re.compile(r";|:|\s[–—]\s|,\s+(?:and|but|while|whereas|as|before|after|where|which|who|when)\b|"
                       r"\s(?:while|whereas|where|which|who|whom|before|after|when|but)\s|,\s(?=[a-z])|\bthen\b")
_ANAPHORIC = re.compile(
    r"^\s*(?:(?:then|later|also|subsequently|afterwards|in addition|additionally|furthermore|moreover)\s*,?\s*)*"
    r"(?:(?:several|some|most|many|all|part|one|two|none|each|the rest|the remainder|half)\s+of\s+(?:the|them|these|those)\b|"
    r"the\s+rest\b|they\b|it\b|he\b|she\b|(?P<det>the|these|those|this|such)\b)", re.I)
_LEADING_ADVERBIAL = re.compile(r"^\s*(?:(?:from\s+there|there|then|later|afterwards|after\s+that|subsequently|also|in\s+addition|"
                                r"additionally|furthermore|moreover|meanwhile|however)\s*,?\s*)+", re.I)
_HAIL = re.compile(r"\b(?:hail(?:s|ed|ing)?\s+from|native\s+of|originally\s+from|come\s+from\s+the\s+same)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
_HAIL_CLAUSE = Guarded(re.compile(r"\b(?:hail(?:s|ed|ing)?\s+from|natives?\s+of|originally\s+from)\b[^,;.]*", re.I),
                       ("hail", "native", "originally"), fold=True)
_BARE_PLACE = re.compile(r"\b(?:the|that|this)\s+(?:same\s+)?(?:town|city|village|area|region|airport|base|crossing|border\s+crossing|camp|governorate|province)\b", re.I)
# ";|,\s|\b(?:when|while|whereas|where|which|who|that|after|before|as|because|since|and|but)\b", written with each
# word's first letter outside its "\b" ("w(?<!\ww)hen" is "\bwhen": no word character before the "w"), so that every
# alternative opens with a plain character and the regex engine skips ahead to those characters.
_CLAUSE_CUT = re.compile(r";|,\s|w(?<!\ww)(?:hen|hile|hereas|here|hich|ho)\b|t(?<!\wt)hat\b|a(?<!\wa)(?:fter|s|nd)\b|"
                         r"b(?<!\wb)(?:efore|ecause|ut)\b|s(?<!\ws)ince\b")
_NEW_EVENT = Guarded(re.compile(r"\b(?:additional|another|other|second|further|new|more|separate|earlier|previous)\b",
                               re.I), ("additional", "other", "second", "further", "new", "more", "separate", "earlier",
                                       "previous"), fold=True)
_PLACE_ROLE = [
    (re.compile(r"(?:\bfrom|\bout\s+of|\bleaving|\bleft)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I), "origin"),
    (re.compile(r"(?:\bthrough|\bvia|\bacross|\balong|\bby\s+way\s+of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I), "route"),
    (re.compile(r"(?:\bto|\binto|\btowards?|\bfor|\breached|\bentered|\benter|\benters|\bentering|\barrived\s+(?:in|at)|"
                r"\barrive\s+(?:in|at)|\blanded\s+(?:in|at)|\bheaded\s+to)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I),
     "destination"),
]
_PREPOSITION = re.compile(r"\b(?:from|out\s+of|leaving|left|through|via|across|along|by\s+way\s+of|to|into|towards?|"
                          r"for|reached|entered|enter|enters|entering|arrived\s+(?:in|at)|arrive\s+(?:in|at)|"
                          r"landed\s+(?:in|at)|in|at|near|on|around|outside|inside|within|between)\b", re.I)
_PREP_ROLE = {"from": "origin", "out of": "origin", "leaving": "origin", "left": "origin", "through": "route",
              "via": "route", "across": "route", "along": "route", "by way of": "route", "to": "destination",
              "into": "destination", "toward": "destination", "towards": "destination", "for": "destination",
              "reached": "destination", "entered": "destination", "enter": "destination", "enters": "destination",
              "entering": "destination", "arrived in": "destination", "arrived at": "destination",
              "arrive in": "destination", "arrive at": "destination", "landed in": "destination",
              "landed at": "destination"}
_DIRECTIVE_COMPLEMENT = re.compile(r"\b(?:to|not\s+to)\s*$", re.I)
_PARTICIPLE_START = re.compile(r"^\s*(?:,\s*)?(?:before|after|while|and|then|also|being|having|been|had|has|have|"
                               r"was|were|is|are|reportedly|allegedly|later|subsequently|\s)*$", re.I)
_MOTION = {"movement", "transfer"}
_SUBORDINATE = Guarded(re.compile(r"\b(?:who|which|when|although|though|whereas)\b|\bsince\s+(?=(?:19|20)\d\d)", re.I),
                       ("wh", "though", "since"), fold=True)
_CLAUSE_END = re.compile(r"[;.]|,\s+(?:and|but|while|whereas|as|before|after)\b|\s[–—]\s")
_PAST_TIME = re.compile(r"\b(?:in\s+(?:the\s+)?(?:previous|past|earlier|recent|former)\s+years|years\s+ago|"
                        r"over\s+the\s+(?:past\s+)?years|in\s+the\s+past\b(?!\s+(?:few|several|two|three)?\s*"
                        r"(?:days?|weeks?|hours?)))", re.I)
_YEAR = re.compile(r"\b(?:in|since|during|of|until)\s+((?:19|20)\d\d)\b")
_COMMENT = re.compile(r"\s*(?:[-•*]\s*)?(?:comment|analysis|assessment|editor['’]s\s+note|note)\s*:", re.I)
_ASSESS = re.compile(r"(?:assess|believ|estimat|judg|consider|think)\w*$", re.I)
_FUTURE_PASSIVE = re.compile(r"\s+(?:(?:will|would|shall)|(?:is|are|was|were)\s+(?:expected\s+|scheduled\s+|due\s+)?to)"
                             r"\s+(?:also\s+|soon\s+)?be\s+\w+", re.I)
_TO_BEGIN_AFTER = re.compile(r"[^,;.:]{0,45}?\b(?:(?:will|would|shall)\s+|(?:is|are)\s+(?:expected\s+|scheduled\s+|due\s+|"
                             r"set\s+|slated\s+|planned\s+)?to\s+)(?:begin|start|take\s+place|commence|open|get\s+under\s*way)\b",
                             re.I)
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+(?:same\s+|final\s+|new\s+)?$", re.I)
_TERMS = Guarded(re.compile(r"\b(?:agreement|deal|accord|truce|ceasefire|understanding|settlement|arrangement)\s+(?:also\s+)?"
                    r"(?:includ\w*|stipulat\w*|provid\w*\s+for|call\w*\s+for|envisag\w*)\b", re.I),
                 ("agreement", "deal", "accord", "truce", "ceasefire", "understanding", "settlement", "arrangement"),
                 fold=True)
# A denial frames what follows as not having happened ("the group denied reports that its fighters had withdrawn",
# "a spokesman denied on Wednesday that ...").
_DENIAL = Guarded(re.compile(r"\bden(?:y|ies|ied|ying)\s+(?:(?:the\s+|any\s+)?(?:reports?|claims?|allegations?|"
                             r"rumou?rs?|accounts?)\b[^;.:]{0,100}?\s+|(?:on\s+)?[\w'’-]+\s+(?:[\w'’-]+\s+)?)?"
                             r"that\b|\bden(?:y|ies|ied|ying)\s+(?:any\s+)?"
                             r"(?:involvement|responsibility|role)\b", re.I), ("den",), fold=True)
# The subject of "target(s)" is a campaign or a message, not a force: its audience, not an attack ("the drive
# targets young men", "a second statement targeted military personnel").
_CAMPAIGN_TARGETS = re.compile(r"\b(?:campaigns?|drives?|efforts?|programmes?|programs?|initiatives?|appeals?|"
                               r"schemes?|calls?|offers?|propaganda|messages?|ads?|advertisements?|statements?|"
                               r"leaflets?|speech(?:es)?|broadcasts?|posts?)\s+(?:(?:also|mainly|mostly|primarily|"
                               r"reportedly|particularly|especially)\s+)*$", re.I)
# People handed over in custody ("the suspects were handed over to the police"): the end of an arrest, not a seizure.
_CUSTODY = re.compile(r"\b(?:men|women|suspects?|detainees?|prisoners?|captives?|individuals|persons|people|"
                      r"bodies|them|he|she)\s+(?:were|was|had\s+been|have\s+been|has\s+been|will\s+be|would\s+be)\s+"
                      r"(?:\w+ly\s+)?$", re.I)
# A purpose or an avoidance ("in order to reduce the movement of recruits", "to avoid gathering in groups"): what
# follows is what someone means to bring about or to prevent, not an event of its own.
_PURPOSE = Guarded(re.compile(
    r"(?:\bin\s+order\s+(?:not\s+)?to|\bso\s+as\s+(?:not\s+)?to|\bto\s+(?:reduce|limit|prevent|minimi[sz]e|curb|restrict|"
    r"hinder|deter|avoid)|\bavoid(?:s|ed|ing)?|\brefrain(?:s|ed|ing)?\s+from)\b"
    r"(?:(?!\b(?:and|but|while|then|after|before|when|where|which|who)\b)[^,;.:])*$", re.I),
    ("order", "so as", "reduc", "limit", "prevent", "minimi", "curb", "restrict", "hinder", "deter", "avoid", "refrain"),
    fold=True)
# The holder of what is attacked or seized: "a base used by coalition forces", "a post manned by the army".
_HELD_BY = Guarded(re.compile(r"\b(?:(?:used|operated|held|manned|controlled|occupied|run|guarded|staffed)\s+by|"
                              r"belonging\s+to|hosting|housing)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,3}$", re.I),
                   (" by ", "belonging", "hosting", "housing"), fold=True)
# "about"/"around" before a number is an approximation, not the topic of talk.
_APPROXIMATE_NUMBER = re.compile(r"\s+(?:\d|(?:some|a\s+few|a\s+dozen|dozens|hundreds|thousands|one|two|three|four|"
                                 r"five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a\s+hundred)\b)", re.I)
# 'described as "a launch point for attacks', "what it called a staging area for raids": the words of a label
_NAMED_AS_BEFORE = re.compile(rf"\b(?:{NAMING_VERBS}|called)\s+(?:it\s+|them\s+)?(?:as\s+)?[\"“][^\"”]*$", re.I)
# "are due to hold talks": a schedule, not the cause that "due to" otherwise gives ("due to the clashes").
_SCHEDULED = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:also\s+|now\s+)?due\s+to$", re.I)
# The place taken is made into something else in the same clause: the conversion is the event.
_CONVERTED_AFTER = re.compile(r"[^;.]{0,120}?\band\s+(?:then\s+|later\s+)?(?:turned|converted|transformed|turning|"
                              r"converting)\s+(?:it|them)\s+into\b", re.I)
# A participle that describes a group ("a militia trained by", "the faction founded by"), not an event told.
_DESCRIBABLE = {"training", "recruitment", "establishment", "meeting"}
_BY_AFTER = re.compile(r"\s+by\b")
_NOUN_PHRASE_END = re.compile(r"\b(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+\s+$", re.I)
_ADJECTIVAL = re.compile(r"\b(?:newly|recently|freshly|previously|already)\s+$", re.I)
_CHECKPOINT = re.compile(r"checkpoints?", re.I)
_ENLIST_COMPLEMENT = re.compile(r"[^.;:]{0,70}?\bto\s+(?:enlist|join\s+(?:the|its|their)\s+ranks|volunteer|register|sign\s+up|"
                                r"report\s+for\s+(?:military\s+)?service|join\s+(?:the\s+)?[\w'’ -]{0,30}?(?:Brigade|"
                                r"Division|Force|Forces|Army|army|units?|battalions?))\b")
_FIRST = itemgetter(0)
# "We found no evidence that ...", "there is no evidence that ...": what follows did not happen, as far as the
# writer can tell.
_NO_EVIDENCE = re.compile(r"\bno\s+(?:evidence|sign|indication|proof|confirmation)\s+(?:\w+\s+){0,2}?that\b", re.I)
# A trend or a habit rather than one event: "has long", "continue to", "has seen repeated", "regularly".
_GENERAL = re.compile(r"\b(?:ha(?:s|ve)\s+long|continu(?:e|es|ing)\s+to|ha(?:s|ve)\s+seen\s+(?:repeated|frequent|several|"
                      r"numerous|a\s+series\s+of|a\s+wave\s+of)|regularly|routinely|frequently|often|usually|"
                      r"periodically)\b[^;.:,]*$", re.I)
# The publisher's own judgement: "The Desk assesses that ...", "We assess that ...".
_ANALYST_VIEW = re.compile(r"\s*(?:the\s+(?:desk|team|unit|analysts?)|we|our\s+analysts?|this\s+(?:report|analysis))\s+"
                           r"(?:also\s+)?(?:assess(?:es)?|judges?|believes?|estimates?|considers?|expects?)\b", re.I)
# The content's subject is the speaker, by a pronoun: "the ministry said it had sent", "the group said they would".
_SPEAKER_PRONOUN = re.compile(r"(?:^|\bthat\b|[\"“,])\s*(?:(?:on|in|last|this|early|late)\s+[\w-]+(?:\s+(?:night|morning|"
                              r"evening|afternoon))?,?\s+)?(?:it|they|we)\s+(?:(?:had|has|have|would|will|was|were|is|"
                              r"are|also|already|recently|then|later|reportedly|successfully)\s+)*$", re.I)
# "..., a source said, adding that a new headquarters would be set up": a complement, not a relative clause
_ADDING_THAT_BEFORE = re.compile(r"\b(?:adding|saying|noting|explaining|stressing)\s+that\b", re.I)
_AUX_AFTER = re.compile(r"\s+(?:would|will|were|are|have|had|must|can|could|may|might|should)\b")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|its|their|his|her|our|new|many|several|some|all)\s+$", re.I)
_PRONOUNS = {"they", "we", "you", "i", "who", "which", "that"}


def _agent_first(x: ClaimActor) -> int:
    return 0 if x.role == "agent" else 1


def _family(t: str) -> str:
    return "motion" if t in _MOTION else t


class _Index:
    """Mentions sorted by start, for range queries."""

    def __init__(self, mentions: list[Mention]):
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def within(self, a: int, b: int) -> list[Mention]:
        starts = self.starts
        i = bisect_left(starts, a)
        j = bisect_left(starts, b, i)
        if i == j:
            return []
        return [m for m in self.items[i:j] if m.end <= b]


class EventFinder:
    """Pipeline stage: ``doc.claims`` from the extractable sentences (headings included, marked optional)."""

    def __init__(self):
        self.lex = lexicon()
        self._last_clause = (None, -1, -1, -1)

    # ---- triggers ------------------------------------------------------------------------------------------------

    def _triggers(self, text: str, a: int, b: int, s0: int):
        """(start, end, entry) of the event triggers in text[a:b]."""
        lex = self.lex
        out = []
        entries = lex.entries
        for m in lex.trigger_re.finditer(text, a, b):
            g = m.group()
            low = g.lower()
            e = entries.get(low if low.isalpha() else _SPACES.sub(" ", low))
            if e is None:
                continue
            m0, m1 = m.start(), m.end()
            if low[-1] == "s" and not e.noun and " " not in low and (
                    _DETERMINER_BEFORE.search(text, max(s0, m0 - 12), m0) or _AUX_AFTER.match(text, m1)):
                continue     # "the recruits", "married recruits would earn": a plural noun, not the verb's third person
            if not (e.noun or e.ing or e.lemma):
                # a finite verb or a phrase, with no noun reading: an event wherever it stands
                if e.verb:
                    out.append((m0, m1, e, "verb"))
                continue
            prev = _WORD_WITH_DOTS.findall(text[max(s0, m0 - 60):m0].lower())[-2:]
            prev1 = prev[-1] if prev else ""
            prev_clean = prev1.strip("\"“”'")
            noun_reading = e.noun and (prev_clean in _NOUN_CONTEXT or g[0].isupper() and m0 > s0)
            if e.verb and not (e.ing and prev_clean in _NOUN_CONTEXT) and not noun_reading:
                out.append((m0, m1, e, "verb"))
                continue
            if e.lemma and (prev_clean in _MODALS or prev_clean.endswith(("n't", "ly")) or prev_clean in _PRONOUNS
                            or (prev_clean.endswith("s") and prev_clean not in _NOUN_CONTEXT and len(prev_clean) > 3
                                and not prev_clean.endswith(("ss", "'s", "’s")))):
                out.append((m0, m1, e, "verb"))
                continue
            if e.noun or e.ing:
                if e.strong:
                    out.append((m0, m1, e, "noun"))
                    continue
                if e.ing and "directive" in e.types and _ADDRESSEE_TO.match(text, m1, b):
                    out.append((m0, m1, e, "verb"))   # "..., urging them to surrender": a participle that orders
                    continue
                before = text[max(s0, m0 - 45):m0]
                after = text[m1:min(b, m1 + 45)]
                lv = None
                for lv in lex.light_re.finditer(before):
                    pass
                if lv is not None and not _CLAUSE_PUNCT.search(before[lv.end():]):
                    out.append((m0, m1, e, "noun"))
                    continue
                om = lex.occurrence_re.search(after)
                if om and not _CLAUSE_PUNCT.search(after[:om.start()]) and om.start() < 40:
                    out.append((m0, m1, e, "noun"))
        # "turn the building into a post", "traded mortar fire": a verb with its object between it and the word that
        # completes it
        for rx, entry in (lex.gapped if lex.gapped_any.search(text, a, b) else ()):
            found = [(gm.start(), gm.end(1), entry, "verb") for gm in rx.finditer(text, a, b)
                     if not any(t[0] <= gm.start() < t[1] for t in out)]
            if found:
                out = sorted(out + found, key=_FIRST)
        return out

    # ---- typing --------------------------------------------------------------------------------------------------

    def _theme_type(self, text: str, t0: int, t1: int, lo: int, hi: int, types: list[str], default: str) -> str:
        """movement or transfer (or seizure for "hand over") from what moves."""
        lex = self.lex
        after = text[t1:min(hi, t1 + 90)]
        cut = _OBJECT_END.search(after)
        obj = after[:cut.start()] if cut else after
        subj = text[max(lo, t0 - 120):t0]
        cut2 = None
        for cut2 in _SUBJECT_CUT.finditer(subj):
            pass
        if cut2 is not None:
            subj = subj[cut2.end():]
        # What is carried decides first: "buses carrying operatives", "a lorry laden with rockets".
        carried = _CARRIED_LOAD.search(subj + " " + obj)
        # In the passive, what is moved, handed over or captured is the subject ("three trucks of ammunition had
        # been handed over by the IRGC", "the suspect was captured").
        word = text[t0:t1].lower()
        theme = obj
        passive = _PASSIVE_AUX_BEFORE.search(text, max(lo, t0 - 25), t0) is not None
        if passive:
            theme = text[max(lo, t0 - 120):t0]       # an apposition may stand between ("The suspect, identified as X,")
            cut3 = None
            for cut3 in _THEME_CUT.finditer(theme):
                pass
            if cut3 is not None:
                rest = theme[cut3.end():]
                if _AUX_ONLY.fullmatch(rest):
                    # "trucks carrying ammunition that had been sent": the relative clause's subject is what it follows
                    theme = theme[max(0, cut3.start() - 80):cut3.start()]
                    carried = carried or _CARRIED_LOAD.search(theme)
                else:
                    theme = rest
        if "seizure" in types and word.startswith(("entered", "had entered")) and (
                lex.materiel_re.search(subj) or lex.conveyance_re.search(subj) or _CONTAINER.search(subj)):
            types, default = ["movement"], "movement"   # "a convoy of trucks had entered Syria": a column moving in
        if "seizure" in types:
            head = _HEAD_CUT.split(theme, 1)[0]     # "two fighters of the X Brigade": the fighters are taken
            if word.startswith(("captur", "seiz")) and lex.captive_re.search(head) and not lex.facility_re.search(head):
                return "arrest"
            if word.startswith("hand") and lex.vehicle_re.search(theme):
                return "transfer"    # "handed over twelve armoured vehicles": materiel given, not ground
            if not lex.materiel_re.search(theme):
                return "seizure"
        if word.startswith(("evacuat", "vacat")) and lex.facility_re.search(obj):
            return "movement"    # "evacuated headquarters and weapons depots": those who held them left
        for zone in ([carried.group(1)] if carried else []) + ([theme, obj] if passive else [obj, subj]):
            pm = lex.personnel_re.search(zone)
            if pm:
                # "a convoy of nine trucks": what makes up the convoy decides
                if _CONTAINER.fullmatch(pm.group()) and (mm := lex.materiel_re.search(zone, pm.end())) and \
                        not lex.personnel_re.search(zone, pm.end(), mm.start()):
                    return "transfer"
                return "movement"
            if lex.materiel_re.search(zone):
                return "transfer"
        return default + "?"     # no evidence either way: the listed type, open to a later part of the event

    # ---- the stage -----------------------------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        lex = self.lex
        actors = _Index(doc.actors)
        places = _Index(doc.places)
        persons = _Index(doc.persons)
        sources = _Index(doc.sources)
        claims: list[Claim] = []
        sent_of_claim: list[int] = []
        published = to_date(doc.meta.published)
        for si, s in enumerate(doc.sentences):
            if s.boilerplate:
                continue
            s0, s1 = s.start, s.end
            if not lex.trigger_re.occurs(text, s0, s1) and not lex.gapped_any.search(text, s0, s1):
                continue         # no trigger anywhere in the sentence: nothing to find (most sentences cost this)
            speakers = [(m.start, m.end) for m in sources.within(s0, s1)] + \
                       [(m.start, m.end) for m in actors.within(s0, s1)]
            frame = find_frame(text, s0, s1, lex, speakers)
            c0, c1 = frame.content_start, frame.content_end
            if _COMMENT.match(text, s0, s1) or (frame.verb and _ASSESS.match(text, *frame.verb)) or \
                    _ANALYST_VIEW.match(text, s0, s1):
                continue     # "Comment: the Desk assesses that ...": the analyst's view, not a reported event
            trig = self._triggers(text, c0, c1, s0)
            if trig:
                # a capitalised word of a name is not a trigger ("the Joint Operations Command"); a common noun in
                # a description still is ("the Russian convoy")
                names = [(m.start, m.end) for ix in (actors, places, sources) for m in ix.within(s0, s1)]
                if names:
                    trig = [t for t in trig if not (text[t[0]].isupper() and any(a <= t[0] and t[1] <= b
                                                                               for a, b in names))]
            if not trig:
                continue
            kept = self._suppress(text, trig, c0, c1, published)
            if not kept:
                continue
            typed = self._type(text, kept, c0, c1, actors, persons, places)
            if not typed:
                continue
            merged = self._group(text, typed)
            if len(merged) > 1:
                # "it was agreed at the meetings": the meeting already told leaves the scope of the trigger before it
                # whole (a lone one is dropped below, after it has had its say in the event it elaborates)
                merged = [p for p in merged if not self._told_before(text, p, c0, claims, sent_of_claim, doc)] or merged
            # Scopes: from the boundary before each trigger to the boundary before the next one.
            bounds = [c0]
            for i in range(1, len(merged)):
                gap_a, gap_b = merged[i - 1][1], merged[i][0]
                cut = None
                for cut in _BOUNDARY.finditer(text, gap_a, gap_b):
                    pass
                bounds.append(cut.start() if cut else gap_b)
            bounds.append(c1)
            # A sentence about an event already told ("These exercises included ...", "The meeting was also
            # attended by ..."): its triggers add to that event, unless they open one of their own.
            elaborates = self._elaborated(doc, claims, sent_of_claim, si, text, c0)
            if elaborates is not None:
                target = claims[elaborates]
                for m in places.within(c0, bounds[1] if len(bounds) > 2 else c1):
                    if all(x.place.name != m.entity.name for x in target.places) and \
                            not _HAIL.search(text[max(c0, m.start - 40):m.start]):
                        target.places.append(ClaimPlace(m.entity, Span(m.start, m.end, m.text), "site"))
            sentence_claims: list[int] = []
            for i, (t0, t1, etype, how, parts, open_type) in enumerate(merged):
                if open_type and etype == "movement" and claims and \
                        (cm := _CONTAINER.search(text, max(c0, t0 - 100), t0)) and next(
                            (c.type for c in reversed(claims) if c.type in _MOTION and
                             cm.group().lower().rstrip("s") in c.evidence.text.lower()), None) == "transfer":
                    etype = "transfer"   # "A second convoy ... is expected to cross": like the convoy before it
                a, b = bounds[i], bounds[i + 1]
                if _DEPICTED.search(text, max(c0, t0 - 160), t0) and \
                        any(_family(c.type) == _family(etype) for c in claims):
                    continue     # "a video showing the IRGC buses carrying the operatives": a picture of an event told
                t1 = parts[0][1]
                claim = self._claim(doc, s, frame, etype, t0, t1, a, b, c0, c1, actors, places, persons)
                if len(parts) > 1:
                    claim.fields["triggers"] = Span(parts[0][0], parts[-1][1], text[parts[0][0]:parts[-1][1]])
                clause_start = self._clause_start(text, a, t0)
                subj = text[clause_start:t0]
                if _PARTICIPLE_START.match(subj) or not subj.strip():
                    subj = text[a:t0] if text[a:t0].strip() and not _PARTICIPLE_START.match(text[a:t0]) else text[c0:t0]
                # No agent of its own: a pronoun or a coordinated verb takes the agent of the event before it.
                if not any(ca.role == "agent" for ca in claim.actors):
                    src_claim = None
                    if sentence_claims:
                        if not _RELATIVE_WORD.search(text[a:t0]) or _ADDING_THAT_BEFORE.search(text, a, t0):
                            src_claim = claims[sentence_claims[-1]]
                    elif claims and not s.heading and \
                            (_ANAPHORIC.match(_LEADING_ADVERBIAL.sub("", subj)) or not subj.strip()) \
                            and doc.sentences[sent_of_claim[-1]].paragraph >= s.paragraph - 1:
                        # the event told last, or the last one before it that says who acted
                        src_claim = next((claims[j] for j in range(len(claims) - 1, max(-1, len(claims) - 4), -1)
                                          if any(ca.role == "agent" for ca in claims[j].actors)
                                          and doc.sentences[sent_of_claim[j]].paragraph >= s.paragraph - 1),
                                         claims[-1])
                    elif claims and not s.heading and not claim.actors and not claim.places \
                            and claims[-1].type == etype \
                            and doc.sentences[sent_of_claim[-1]].paragraph >= s.paragraph - 1:
                        # "a new course would be launched ...": an event of the same kind as the one just told,
                        # saying neither who nor where, is that actor's
                        src_claim = claims[-1]
                    if src_claim is not None:
                        for ca in src_claim.actors:
                            if ca.role == "agent" and all(x.actor.name != ca.actor.name for x in claim.actors):
                                claim.actors.insert(0, ClaimActor(ca.actor, ca.mention, "agent"))
                    elif si > 0 and _ANAPHORIC_SUBJECT.match(subj):
                        # "These operations include ...": the actor of the sentence before.
                        ps = doc.sentences[si - 1]
                        prev_actors = actors.within(ps.start, ps.end)
                        if prev_actors and ps.paragraph == s.paragraph:
                            m = prev_actors[0]
                            claim.actors.insert(0, ClaimActor(m.entity, Span(m.start, m.end, m.text), "agent"))
                # "The ministry said its units had been placed on alert": the speaker's own men, the speaker acts.
                if frame.speaker is not None and not any(ca.role == "agent" for ca in claim.actors) \
                        and ((om := _OWN_FORCES.search(text, c0, t0)) and not _BE.search(text, om.end(), t0)
                             or _SPEAKER_PRONOUN.search(text, c0, t0)):
                    # ("The ministry said it had sent reinforcements": "it" is the speaker too.)
                    spoken = actors.within(frame.speaker[0], frame.speaker[1] + 1) or \
                        self._affiliation_of(persons.within(frame.speaker[0], frame.speaker[1] + 1), actors)
                    if spoken and all(x.actor.name != spoken[-1].entity.name for x in claim.actors):
                        m = spoken[-1]
                        claim.actors.insert(0, ClaimActor(m.entity, Span(m.start, m.end, m.text), "agent"))
                # "to the town": the place last named before it.
                bp = _BARE_PLACE.search(text, t1, b) if not claim.places else None
                if bp is not None:
                    noun = bp.group().lower().split()[-1]
                    kinds = {"town": ("city",), "city": ("city",), "village": ("city",), "airport": ("facility",),
                             "base": ("facility",), "crossing": ("facility",), "camp": ("facility",),
                             "governorate": ("region",), "province": ("region",)}.get(noun)
                    prev_places = [m for m in places.within(max(0, s0 - 400), t0)
                                   if kinds is None or getattr(m.entity, "kind", None) in kinds]
                    if prev_places:
                        m = prev_places[-1]
                        claim.places.append(ClaimPlace(m.entity, Span(m.start, m.end, m.text),
                                                       "destination" if etype in _MOTION else "site"))
                if elaborates is not None and (_family(claims[elaborates].type) == _family(etype) or
                                               claims[elaborates].type in ("meeting", "training")) \
                        and not self._opens_new(text, t0, t1, a, b, c0, claim, how):
                    self._merge(claims[elaborates], claim, text)
                    continue
                # A relative clause that carries the same load on ("..., which was then transported to ...").
                if sentence_claims and _family(claims[sentence_claims[-1]].type) == _family(etype) == "motion" and \
                        _RELATIVE_LEAD.match(text[a:t0]) and _WHICH_OR_WHO.search(text[a:t0]):
                    self._merge(claims[sentence_claims[-1]], claim, text)
                    continue
                if self._told_before(text, (t0, t1, etype, how), c0, claims, sent_of_claim, doc):
                    continue     # "the agreement included ...": the agreement already told, not a new one
                target = self._continues(doc, claims, sent_of_claim, si, claim, text, subj, t0)
                if target is not None:
                    self._merge(claims[target], claim, text)
                    continue
                if s.heading:
                    claim.optional = True
                claims.append(claim)
                sent_of_claim.append(si)
                sentence_claims.append(len(claims) - 1)
        self._place_from_context(doc, claims, sent_of_claim, places)
        # A claim that says neither who nor where cannot be placed on a map or tied to anyone: not recorded.
        doc.claims = [c for c in claims if c.actors or c.places]
        return doc

    @staticmethod
    def _told_before(text, trigger, c0, claims, sent_of_claim, doc) -> bool:
        """Is the trigger a definite agreement or meeting noun ("the agreement", "the meetings") for one already told
        in the body?"""
        t0, _t1, etype, how = trigger[:4]
        return how == "noun" and etype in ("agreement", "meeting") and \
            _DEFINITE.search(text, max(c0, t0 - 14), t0) is not None and \
            any(c.type == etype and not doc.sentences[sent_of_claim[j]].heading for j, c in enumerate(claims))

    @staticmethod
    def _affiliation_of(speakers: list[Mention], actors: _Index) -> list[Mention]:
        """A mention of the body a speaking person belongs to ('"We moved 40 fighters," Serhat said': Serhat's
        force), where the report names it."""
        for p in reversed(speakers):
            name = getattr(p.entity, "affiliation", None)
            if name:
                same = [m for m in actors.items if m.entity.name == name]
                if same:
                    return same[:1]
        return []

    @staticmethod
    def _place_from_context(doc, claims, sent_of_claim, places) -> None:
        """A claim whose sentence names no place happens where its paragraph says, or where the head of its entry
        says ("03/11 - Jubata al-Khashab - Incursion" over "Two residents ... were detained"): the place last named
        before it there."""
        sentences = doc.sentences
        first_of_paragraph: dict[int, int] = {}
        for i, s in enumerate(sentences):
            first_of_paragraph.setdefault(s.paragraph, i)
        for c, si in zip(claims, sent_of_claim):
            if c.places or not c.actors or sentences[si].heading:
                continue     # (a claim with neither who nor where stays unrecorded: context alone does not make it)
            p = sentences[si].paragraph
            lo = sentences[first_of_paragraph[p]].start
            head = first_of_paragraph.get(p - 1)
            if head is not None and sentences[head].heading and not sentences[head].boilerplate:
                lo = sentences[head].start     # the entry's head line above the paragraph
            found = places.within(lo, c.evidence.start)
            if found:
                m = found[-1]
                c.places.append(ClaimPlace(m.entity, Span(m.start, m.end, m.text), "site"))
                c.fields["place_from_context"] = Span(m.start, m.end, m.text)   # said before, not in the claim

    def _clause_start(self, text: str, a: int, t0: int) -> int:
        key = self._last_clause
        if key[0] is text and key[1] == a and key[2] == t0:
            return key[3]        # asked again for the same trigger (by ``_claim``, then by the stage)
        start = a
        for m in _CLAUSE_CUT.finditer(text, a, t0):
            start = m.end()
        self._last_clause = (text, a, t0, start)
        return start

    def _suppress(self, text, trig, c0, c1, published=None):
        """Leave out triggers that are a topic of talk, background, or the content of a directive."""
        lex = self.lex
        kept = []
        directive_end = -1
        for t0, t1, e, how in trig:
            if t0 < directive_end:
                continue
            clause_start = c0
            for bm in _CLAUSE_BREAK.finditer(text[c0:t0]):
                clause_start = c0 + bm.end()
            lead = text[clause_start:t0]
            tm = None
            for tm in lex.topic_re.finditer(lead):
                pass
            if tm is not None and not _COMMA_OR_SEMICOLON.search(lead[tm.end():]) and \
                    not _APPROXIMATE_NUMBER.match(lead, tm.end()):
                continue     # "met to discuss the attacks"; but "a convoy of about 30 trucks entered" is a count
            if _PURPOSE.search(text, max(clause_start, t0 - 70), t0):
                continue     # "in order to reduce the movement of ...", "to avoid gathering": not an event
            if how == "noun" and _NAMED_AS_BEFORE.search(text, max(c0, t0 - 60), t0):
                continue     # 'which it described as "a launch point for attacks"': a name given, not an event
            if how == "noun":
                after = text[t1:min(c1, t1 + 60)]
                occurs = bool(_HELD_RELATIVE.match(after)) or bool(_DATED_AFTER.search(after[:30]))
            if how == "noun" and not occurs:
                window = text[max(c0, t0 - 40):t0]
                bg = None
                for bg in lex.background_re.finditer(window):
                    pass
                if bg is not None and not _COMMA_OR_SEMICOLON.search(window[bg.end():]) and \
                        not _SCHEDULED.search(window, 0, bg.end()):
                    continue
                if _RECENT_BEFORE.search(text[max(c0, t0 - 30):t0]):
                    continue
            if self._background_clause(text, t0, t1, c0, c1, published):
                continue
            if _GENERAL.search(text, max(c0, t0 - 80), t0) and not _DATED_AFTER.search(text, t1, min(c1, t1 + 60)):
                continue     # "the region has seen repeated air strikes", "its remnants continue to carry out attacks"
            kept.append((t0, t1, e, how))
            if "directive" in e.types and len(e.types) == 1:
                # The ordered act is the directive's content, not an event of its own.
                rest = text[t1:c1]
                stop = _BACKGROUND_STOP.search(rest)
                directive_end = t1 + (stop.start() if stop else len(rest))
        return kept

    @staticmethod
    def _background_clause(text, t0, t1, c0, c1, published) -> bool:
        """Is the trigger in a subordinate clause about the past ("members who were killed in Syria in previous
        years", "since 2018, when the SDF ...", "although ISIS lost its last territory in 2019")?"""
        sub = None
        for sub in _SUBORDINATE.finditer(text, c0, t0):
            pass
        if sub is None or _COMMA_OR_SEMICOLON.search(text, sub.end(), t0) and sub.group().lower() in ("who", "which"):
            return False
        end = _CLAUSE_END.search(text, t1, c1)
        # "since 2018, when ...": the time the clause hangs on comes just before it
        clause = text[max(c0, sub.start() - 20):end.start() if end else c1]
        if _PAST_TIME.search(clause):
            return True
        if published is not None:
            for y in _YEAR.finditer(clause):
                if int(y.group(1)) <= published.year - 2:
                    return True
        return False

    def _type(self, text, kept, c0, c1, actors, persons, places):
        lex = self.lex
        typed = []
        arrests = any("arrest" in e.types for _a, _b, e, _h in kept)
        for t0, t1, e, how in kept:
            types = e.types
            if arrests and "attack" in types and text[t0:t1].lower().startswith("raid"):
                continue     # "raided homes ... and arrested six men": the raid is how the arrest was made
            if any(t in _MOTION for t in types) or "seizure" in types:
                etype = self._theme_type(text, t0, t1, c0, c1, types, types[0])
            else:
                etype = types[0]
            word = text[t0:t1].lower()
            if word.startswith(("receiv", "surrender")) and etype != "transfer":
                continue     # "received training", "received orders", "received a delegation": only materiel is a transfer
            if etype.endswith("?"):
                etype = etype[:-1]
                how = how + "?"
            if etype == "establishment":
                into = text.find(" into ", t1, min(c1, t1 + 120))    # "turned the old school ... into a post"
                obj = text[t1:min(c1, max(t1, into) + 70)]
                subj = text[max(c0, t0 - 70):t0]
                if not (lex.facility_re.search(obj) or (_WHICH.search(subj) or _PASSIVE_AUX_BEFORE.search(subj))
                        and lex.facility_re.search(subj)):
                    continue     # what is set up is a facility: after the verb, or its subject in the passive
            if etype == "attack" and word.startswith(("launch", "fire", "fired", "firing")) and " " not in word:
                # what is fired comes after the verb, or before it in the passive ("three rockets were fired at")
                if not lex.attack_object_re.search(text[t1:min(c1, t1 + 50)]) and not (
                        _PASSIVE_AUX_BEFORE.search(text, max(c0, t0 - 25), t0)
                        and lex.attack_object_re.search(text[max(c0, t0 - 60):t0])):
                    continue
            if etype == "attack" and word.startswith("hit") and not (
                    _PASSIVE_AUX_BEFORE.search(text, max(c0, t0 - 25), t0)
                    or lex.attack_object_re.search(text, max(c0, t0 - 50), t0)):
                continue     # "a device hit a vehicle", "the station was hit"; not "prices hit a record"
            if how.startswith("verb") and word.endswith("ed") and _ADJECTIVAL.search(text, max(c0, t0 - 12), t0):
                continue     # "newly recruited fighters", "recently deployed units": a description
            if etype == "attack" and word.startswith("target") and \
                    _CAMPAIGN_TARGETS.search(text, max(c0, t0 - 40), t0):
                continue
            if etype == "seizure" and word.startswith("hand") and _CUSTODY.search(text, max(c0, t0 - 50), t0):
                continue
            if etype == "seizure" and _CONVERTED_AFTER.match(text, t1, c1):
                continue     # "took over a school and turned it into a headquarters": one establishment
            if etype in _DESCRIBABLE and how.startswith("verb") and word.endswith("ed") and \
                    _BY_AFTER.match(text, t1, c1) and _NOUN_PHRASE_END.search(text, max(c0, t0 - 40), t0):
                continue     # "Syrian Hizbullah, a militia trained by Lebanese Hizbullah, ...": a description
            if etype in _MOTION and _WHILE_DOING.search(text, max(c0, t0 - 30), t0):
                continue     # "arrested two men while they were travelling to Damascus": the circumstance of an event
            if etype == "establishment" and (rel := _OBJECT_RELATIVE.search(text, max(c0, t0 - 60), t0)) and \
                    lex.facility_re.search(rel.group(1)):
                continue     # "at a checkpoint they had set up": the place of the event, described
            if etype in _MOTION and word.startswith("land") and _FIRED_PROJECTILE.search(text, max(c0, t0 - 100), t0):
                continue     # "rockets were fired at the base, one of them landing inside": where a shell fell
            if etype in _MOTION and how.startswith("verb") and word.endswith("ed") and \
                    (pm := _POSSESSED_NOUN_END.search(text, max(c0, t0 - 40), t0)) and \
                    lex.personnel_re.search(pm.group(1)) and _FINITE_AHEAD.match(text, t1, c1):
                continue     # "its units deployed in the Badia had been placed on alert": a description
            if etype == "meeting" and how.startswith("verb") and \
                    lex.vehicle_subject_re.search(text, max(c0, t0 - 40), t0):
                continue
            if etype == "establishment" and (fm := lex.facility_re.search(text, t1, min(c1, t1 + 70))) and \
                    _CHECKPOINT.fullmatch(fm.group()):
                etype = "posture"    # new checkpoints are a security measure, not a base
            if etype == "directive" and _ENLIST_COMPLEMENT.match(text, t1, c1):
                etype = "recruitment"    # "calling on men aged 18 to 30 to enlist"
            if etype in _MOTION and word.startswith(("left", "leav")):
                if lex.left_state_re.match(text, t1, c1) or _DEFINITE.search(text, max(c0, t0 - 10), t0) or not (
                        actors.within(max(c0, t0 - 80), t0) or lex.personnel_re.search(text, max(c0, t0 - 80), t0)
                        or lex.conveyance_re.search(text, max(c0, t0 - 80), t0)):
                    continue     # "left two dead", "the left bank", or nobody said to be leaving
            if etype == "meeting" and word.startswith("visit"):
                nxt = text[t1:min(c1, t1 + 70)]
                near = places.within(t1, min(c1, t1 + 40))
                if _POSITIONS_AFTER.match(nxt) or near and not actors.within(t1, near[0].start) \
                        and not lex.host_re.search(text, t1, near[0].start):
                    etype = "movement"     # "visited positions", "visited Al-Bukamal"; not "visited the command in Tyre"
                elif not (actors.within(t1, min(c1, t1 + 70)) or persons.within(t1, min(c1, t1 + 70))
                          or _BY_OR_OF_END.search(text[t1:t1 + 4])):
                    continue
            typed.append((t0, t1, etype, how))
        return typed

    def _group(self, text, typed):
        """One claim per event: triggers of one type (motion counts as one) in one clause are one event."""
        merged: list[list] = []
        for t0, t1, etype, how in typed:
            if merged:
                p = merged[-1]
                gap = text[p[1]:t0]
                same = _family(p[2]) == _family(etype)
                if same and not _CLAUSE_BREAK_WIDE.search(gap) and \
                        (len(gap) < 60 or not _BOUNDARY.search(gap)):
                    p[1] = max(p[1], t1)
                    p[4].append((t0, t1))
                    if etype == "transfer" and p[3].endswith("?") and not how.endswith("?"):
                        p[2] = "transfer"      # "landed ... to deliver cargo": the load makes it a transfer
                    continue
            merged.append([t0, t1, etype, how, [(t0, t1)]])
        for p in merged:
            p.append(p[3].endswith("?"))     # the type is only the lexicon's default: nothing said what moved
            p[3] = p[3].rstrip("?")
        return merged

    def _elaborated(self, doc, claims, sent_of_claim, si, text, c0) -> int | None:
        """The claim a sentence about an already-told event elaborates ("These exercises included ...")."""
        m = _DEMONSTRATIVE_NOUN.match(text[c0:c0 + 80])
        if not m:
            return None
        head = m.group(2).lower()
        e = self.lex.entries.get(head)
        if e is None or not e.noun and head not in ("load", "cargo", "shipment", "convoy", "delegation"):
            if head not in ("load", "cargo", "convoy", "delegation", "operation", "operations", "orders"):
                return None
        if _NEW_EVENT.search(m.group(1) or ""):
            return None
        fams = {_family(t) for t in e.types} if e is not None else {"motion"}
        if head in ("operation", "operations"):
            fams = None
        s = doc.sentences[si]
        for j in range(len(claims) - 1, -1, -1):
            ps = doc.sentences[sent_of_claim[j]]
            if s.paragraph - ps.paragraph > 2:
                break
            if ps.heading:
                continue
            if fams is None or _family(claims[j].type) in fams:
                return j
        return None

    def _opens_new(self, text, t0, t1, a, b, c0, claim, how) -> bool:
        """In a sentence about an event already told, does this trigger open an event of its own?

        It does when it is an indefinite event noun ("a meeting between ... that was held"), has its own agent
        ("orders issued by the garrison chief", "which the brigade turned into"), sits in a "where/when" clause
        ("where they met"), or follows a new report ("claiming that ...").
        """
        before = text[max(a, t0 - 20):t0].lower()
        if how == "noun" and _INDEFINITE_BEFORE.search(before):
            return True
        after = text[t1:min(b, t1 + 40)]
        if _GIVEN_BY_AFTER.match(after):
            return True
        lead = text[a:t0]
        rel = None
        for rel in _RELATIVE_PRONOUN.finditer(lead):
            pass
        if rel is not None and (rel.group() in ("where", "when") or any(
                ca.role == "agent" and ca.mention.start >= a + rel.end() for ca in claim.actors)):
            return True
        if _REPORTED_THAT.search(text[c0:t0]):
            return True
        return False

    # ---- one claim -----------------------------------------------------------------------------------------------

    def _claim(self, doc, s, frame, etype, t0, t1, a, b, c0, c1, actors, places, persons) -> Claim:
        text = doc.text
        lex = self.lex
        claim = Claim(type=etype, evidence=Span(s.start, s.end, s.text), trigger=Span(t0, t1, text[t0:t1]))
        # Actors: in the trigger's clause, before it agents (the subject), after it participants or targets; "by X"
        # is an agent. With no actor in its clause, the first actor of the scope is the subject.
        in_scope = actors.within(a, b)
        if in_scope:
            clause_start = self._clause_start(text, a, t0)
            before_clause = [m for m in in_scope if m.end <= clause_start]
            in_clause_before = [m for m in in_scope if clause_start <= m.start and m.end <= t0]
            chosen = [m for m in in_scope if m.start >= clause_start]
            if not in_clause_before and before_clause:
                chosen = before_clause[:1] + chosen
            elif in_clause_before and before_clause:
                # Coordinated subjects cut by the clause boundary: "leaders of A, B and C had met" -- all agents.
                first = in_clause_before[0]
                for m in reversed(before_clause):
                    if m.end > first.start or not _COORD_GAP.fullmatch(text, m.end, first.start):
                        break
                    chosen.insert(0, m)
                    first = m
        else:
            chosen = in_scope
        passive = None
        for m in chosen:
            if m.end <= t0:
                if passive is None:
                    # "was attacked" is passive; "was instructing" is not
                    passive = bool(_PASSIVE_AUX_BEFORE.search(text[max(a, t0 - 25):t0])) and not text[t0:t1].lower().endswith("ing")
                role = "agent" if not passive else "target" if etype in ("attack", "arrest") else "participant"
            else:
                before = text[max(t0, m.start - 12):m.start].lower()
                if etype in ("attack", "seizure") and _HELD_BY.search(text, max(t0, m.start - 40), m.start):
                    role = "target"      # "targeted a base used by coalition forces": whose base it was
                elif _BY_BEFORE.search(before):
                    role = "agent"
                elif etype in ("attack", "arrest", "seizure") and not _WITH_BEFORE.search(before):
                    role = "target"
                else:
                    role = "participant"
            if any(x.actor.name == m.entity.name for x in claim.actors):
                continue
            claim.actors.append(ClaimActor(m.entity, Span(m.start, m.end, m.text), role))
        if len(claim.actors) > 1:
            claim.actors.sort(key=_agent_first)
        # Places, with a role from the place stage or from the preposition before them.
        hail_spans = []
        for hm in _HAIL_CLAUSE.finditer(text, a, b):
            hail_spans.append(hm.span())
        for m in places.within(a, b):
            if any(h0 <= m.start < h1 for h0, h1 in hail_spans):
                continue
            role = m.role if m.role in ("origin", "route", "destination", "site") else None
            if role is None:
                before = text[max(a, m.start - 40):m.start]
                role = "site"
                pm = None
                for pm in _PREPOSITION.finditer(before):
                    pass
                if pm is not None and not _COMMA_OR_SEMICOLON.search(before[pm.end():]):
                    role = _PREP_ROLE.get(_SPACES.sub(" ", pm.group().lower()), "site")
                if role == "destination" and etype not in _MOTION:
                    role = "site"
            if any(x.place.name == m.entity.name for x in claim.places):
                continue
            claim.places.append(ClaimPlace(m.entity, Span(m.start, m.end, m.text), role))
        for m in persons.within(a, b):
            claim.persons.append(m)
        # Modality, negation, hedging.
        lead = text[max(c0, t0 - 60):t0]
        clause_lead = lead
        cut = None
        for cut in _LEAD_CUT.finditer(lead):
            pass
        if cut is not None:
            clause_lead = lead[cut.end():]
        pm = None
        for pm in lex.planned_re.finditer(clause_lead):
            pass
        words = _PLAIN_WORD.findall(clause_lead.lower())
        prev = words[-1] if words else ""
        if pm is not None and not _HAVE_AFTER.match(clause_lead[pm.end():]):
            claim.modality = "planned"
            claim.fields["modality"] = Span(t0 - len(lead) + (len(lead) - len(clause_lead)) + pm.start(),
                                            t0 - len(clause_lead) + pm.end(), pm.group())
        elif prev == "to" and not _HABITUAL_TO.search(clause_lead):
            claim.modality = "planned"
        elif _INTENTION_NOUN_TO.search(clause_lead):
            claim.modality = "planned"
        elif _TERMS.search(clause_lead):
            claim.modality = "planned"   # the terms of a deal: "the agreement also included handing over ..."
        elif _FUTURE_PASSIVE.match(text, t1, min(c1, t1 + 50)) or _TO_BEGIN_AFTER.match(text, t1, min(c1, t1 + 60)):
            claim.modality = "planned"   # "a new course would be launched", "a course ... is due to begin on Thursday"
        neg = lex.negation_re.search(" ".join(words[-4:]))
        if neg or _DENIAL.search(text, s.start, t0) or _NO_EVIDENCE.search(text, s.start, t0):
            claim.negated = True
        hedge = None
        for hm in lex.hedge_re.finditer(text, s.start, min(s.end, t1 + 25)):
            hedge = hm
        if hedge is not None:
            claim.certainty = hedge.group().lower()
            claim.fields["certainty"] = Span(hedge.start(), hedge.end(), hedge.group())
        # Quantities and equipment in the scope.
        for qm in lex.quantity_re.finditer(text, a, b):
            qual = qm.group("qual")
            value = None
            if qm.group("num"):
                try:
                    value = float(qm.group("num").replace(",", ""))
                except ValueError:
                    value = None
                if value is not None and value.is_integer():
                    value = int(value)
                if value is not None and 1900 <= value <= 2100 and not qual:
                    continue
            elif qm.group("word"):
                value = lex.numbers.get(_SPACES.sub(" ", qm.group("word").lower()))
            else:
                qual = _SPACES.sub(" ", qm.group("vague").lower())
            unit = _SPACES.sub(" ", qm.group("unit").lower())
            claim.quantities.append(Quantity(value, unit, qual.lower() if qual else None,
                                             Span(qm.start(), qm.end(), qm.group())))
        for em in lex.equipment_re.finditer(text, a, b):
            name = _SPACES.sub(" ", em.group().lower())
            if name not in claim.equipment:
                claim.equipment.append(name)
                claim.fields.setdefault("equipment", Span(em.start(), em.end(), em.group()))
        return claim

    # ---- continuation --------------------------------------------------------------------------------------------

    def _continues(self, doc, claims, sent_of_claim, si, claim, text, subj, t0) -> int | None:
        """The index of an earlier claim this one continues, or None."""
        if not claims:
            return None
        s = doc.sentences[si]
        fam = _family(claim.type)
        stripped = _LEADING_ADVERBIAL.sub("", subj)
        am = _ANAPHORIC.match(stripped)
        anaphoric = bool(am) and not _NEW_EVENT.search(subj[:80])
        if anaphoric and am.group("det"):
            # "The Iran-backed militias launched ...": a definite actor, not a reference to an earlier event.
            rest = stripped[am.end():]
            if not self.lex.personnel_re.match(rest.strip().split(" ")[0] if rest.strip() else ""):
                first = next((x for x in claim.actors if x.role == "agent"), None)
                if first is not None and first.mention.start < t0 and \
                        not self.lex.personnel_re.search(text[max(0, t0 - len(subj)):first.mention.start]):
                    anaphoric = False
                elif not self.lex.personnel_re.search(rest) and not self.lex.materiel_re.search(rest) and \
                        not self.lex.conveyance_re.search(rest):
                    anaphoric = False
        claim_names = own_date = None
        for j in range(len(claims) - 1, -1, -1):
            prev = claims[j]
            ps = doc.sentences[sent_of_claim[j]]
            if s.paragraph - ps.paragraph > 2:
                break
            if s.heading or ps.heading:
                continue
            if _family(prev.type) != fam or prev.modality != claim.modality:
                continue
            if anaphoric and sent_of_claim[j] != si:
                lo = max(s.start, t0 - len(subj) - 20)     # the subject and what opens its clause ("On Friday, ")
                if not any(lo <= m.start < t0 for m in doc.dates):
                    return j
                anaphoric = False     # "On Friday, the groups had entered ...": a day of its own, an event of its own
            if claim_names is None:
                claim_names = ({x.actor.name for x in claim.actors}, {x.place.name for x in claim.places})
            shared = len({x.actor.name for x in prev.actors} & claim_names[0]) + \
                len({x.place.name for x in prev.places} & claim_names[1])
            # (a meeting told in a lead and detailed in the very next sentence shares one participant at least)
            needed = 1 if claim.type == "meeting" and sent_of_claim[j] == si - 1 else 2
            if shared >= needed and not _NEW_EVENT.search(subj[:80]) and s.paragraph - ps.paragraph <= 1 \
                    and prev.type == claim.type and sent_of_claim[j] != si:
                if own_date is None:
                    own_date = any(s.start <= m.start < t0 and m.entity.value for m in doc.dates)
                if not own_date and not (needed == 1 and any(s.start <= m.start < s.end for m in doc.dates)):
                    return j
        return None

    def _merge(self, into: Claim, other: Claim, text: str) -> None:
        for ca in other.actors:
            if all(x.actor.name != ca.actor.name for x in into.actors):
                into.actors.append(ca)
        for cp in other.places:
            if all(x.place.name != cp.place.name for x in into.places):
                into.places.append(cp)
        for p in other.persons:
            if all(x.entity.name != p.entity.name for x in into.persons):
                into.persons.append(p)
        for q in other.quantities:
            into.quantities.append(q)
        for e in other.equipment:
            if e not in into.equipment:
                into.equipment.append(e)
        if into.certainty is None and other.certainty:
            into.certainty = other.certainty
        ev = into.evidence
        if other.evidence.start > ev.end and other.evidence.start - ev.end < 600:
            into.evidence = Span(ev.start, other.evidence.end, text[ev.start:other.evidence.end])
        else:
            key = "continued"
            n = 1
            while key in into.fields:
                n += 1
                key = f"continued{n}"
            into.fields[key] = other.evidence
        if other.type == "transfer" and into.type == "movement" and not into.quantities:
            pass
