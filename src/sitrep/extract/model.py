"""The typed document that flows through the extraction pipeline.

Each stage reads a ``Doc`` and fills in its part: sentences, mentions of places, actors, persons, outlets and dates,
then claims. Offsets are character offsets into ``Doc.text`` (the report's decoded text, boilerplate included), so an
analyst can always be shown the exact span a field came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Footnote:
    number: int
    text: str
    start: int          # offset of the footnote line in Doc.text
    end: int
    outlet: str | None = None       # "Eyeofeuphrates.com"
    date: str | None = None         # ISO date the footnote gives
    markers: list[int] = field(default_factory=list)  # offsets of "[n]" markers in the body


@dataclass(slots=True)
class ReportMeta:
    id: str                      # content hash
    origin: str                  # path or URL
    title: str | None = None
    published: str | None = None  # ISO YYYY-MM-DD
    publisher: str | None = None
    dispatch: str | None = None   # "Special Dispatch No. 10981"
    footnotes: list[Footnote] = field(default_factory=list)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0
    boilerplate: bool = False   # publisher furniture: left out of extraction
    heading: bool = False       # a headline or section heading (restates body claims)


# ---- entities ---------------------------------------------------------------------------------------------------

@dataclass(slots=True)
class Place:
    name: str                    # canonical name
    kind: str                    # country / region / city / district / facility / water
    country: str | None = None   # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    precision: int = 1           # ACLED geo_precision: 1 the place itself, 2 near or part of it, 3 a region
    admin1: str | None = None
    id: str | None = None        # gazetteer id ("geonames:170794", "curated:sikak-crossing")
    anchor: str | None = None    # for spatial phrases: canonical name of the anchor place
    relation: str | None = None  # "in", "near", "east of", "outskirts", "desert area", "part of" ...


@dataclass(slots=True)
class Actor:
    name: str                    # canonical name
    kind: str = "organisation"   # state / force / unit / militia / collective / party / organisation / unknown
    country: str | None = None
    parent: str | None = None
    known: bool = True           # False: found by form, not in the knowledge base


@dataclass(slots=True)
class Person:
    name: str
    title: str | None = None     # "Brigadier General", "Hajj"
    role: str | None = None      # "commander of the Fifth Legion"
    affiliation: str | None = None  # canonical actor name


@dataclass(slots=True)
class Outlet:
    name: str
    kind: str = "website"        # website / telegram / newspaper / agency / tv / statement / monitor
    country: str | None = None
    orientation: str | None = None


@dataclass(slots=True)
class DateValue:
    value: str | None            # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str = "day"       # day / week / month / year
    anchor: str | None = None    # what a relative expression was resolved against ("published", "cited report")


@dataclass(slots=True)
class Mention:
    """A span of text that names an entity or a value."""
    start: int
    end: int
    text: str
    entity: Any                  # Place / Actor / Person / Outlet / DateValue
    role: str | None = None      # set by later stages where a mention plays a role


# ---- claims -----------------------------------------------------------------------------------------------------

@dataclass(slots=True)
class Quantity:
    value: float | None
    unit: str
    qualifier: str | None = None   # "more than", "about", "dozens", "several"
    span: Span | None = None


@dataclass(slots=True)
class SourceChain:
    """Who says so: the publisher, the outlet it cites, and that outlet's stated sourcing."""
    publisher: str | None = None
    outlet: Outlet | None = None
    outlet_mention: Span | None = None
    outlet_date: str | None = None      # the cited report's date
    footnote: int | None = None
    sourcing: str | None = None         # "exclusive sources", "local sources"

    @property
    def name(self) -> str | None:
        return self.outlet.name if self.outlet else None


@dataclass(slots=True)
class ClaimActor:
    actor: Actor
    mention: Span
    role: str = "agent"          # agent / participant / target


@dataclass(slots=True)
class ClaimPlace:
    place: Place
    mention: Span
    role: str = "site"           # origin / route / destination / site


@dataclass(slots=True)
class Claim:
    type: str
    evidence: Span
    modality: str = "occurred"   # occurred / planned
    negated: bool = False
    certainty: str | None = None  # the hedge as written: "reportedly", "allegedly", "claimed"
    date: DateValue | None = None
    actors: list[ClaimActor] = field(default_factory=list)
    places: list[ClaimPlace] = field(default_factory=list)
    persons: list[Mention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    equipment: list[str] = field(default_factory=list)
    source: SourceChain | None = None
    trigger: Span | None = None
    optional: bool = False        # background, headline or summary restatement
    restates: int | None = None   # index of the body claim a headline/summary claim restates
    fields: dict[str, Span] = field(default_factory=dict)  # field name -> span it came from


@dataclass(slots=True)
class Doc:
    text: str
    meta: ReportMeta
    body: list[tuple[int, int]] = field(default_factory=list)   # ranges of extractable text
    sentences: list[Sentence] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    actors: list[Mention] = field(default_factory=list)
    persons: list[Mention] = field(default_factory=list)
    sources: list[Mention] = field(default_factory=list)
    dates: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # what a stage derives from the text for the stages after it (the word list places and actors share)
    cache: dict = field(default_factory=dict, repr=False, compare=False)
