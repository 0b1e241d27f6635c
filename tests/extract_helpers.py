"""Build a Doc with hand-made mentions, so the event and attribution stages are tested apart from the gazetteer
and the actor base."""
import re

from sitrep.extract.attribution import Attributor
from sitrep.extract.dates import DateFinder
from sitrep.extract.events import EventFinder
from sitrep.extract.model import Actor, Doc, Mention, Outlet, Person, Place, ReportMeta
from sitrep.extract.sentences import split_sentences

_STAGES = None


def stages():
    global _STAGES
    if _STAGES is None:
        _STAGES = [DateFinder(), EventFinder(), Attributor()]
    return _STAGES


def make_doc(text, places=(), actors=(), sources=(), persons=(), published="2024-03-15", publisher="Test Monitor"):
    """places: {surface: kind}; actors, sources, persons: {surface: canonical} (a person's value may be a
    (canonical, affiliation) pair)."""
    doc = Doc(text=text, meta=ReportMeta(id="t", origin="t.txt", published=published, publisher=publisher),
              body=[(0, len(text))])
    doc = split_sentences(doc)

    def find(table, make):
        out = []
        for surface, value in dict(table).items():
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                out.append(Mention(m.start(), m.end(), m.group(), make(surface, value)))
        return sorted(out, key=lambda m: m.start)

    doc.places = find(places, lambda s, kind: Place(name=s, kind=kind, country="SY", lat=35.0, lon=38.0))
    doc.actors = find(actors, lambda s, name: Actor(name=name))
    doc.sources = find(sources, lambda s, name: Outlet(name=name))
    doc.persons = find(persons, lambda s, name: Person(name=name[0], affiliation=name[1]) if isinstance(name, tuple)
                       else Person(name=name))
    return doc


def run(text, **kw):
    doc = make_doc(text, **kw)
    for stage in stages():
        doc = stage(doc)
    return doc


def summary(doc):
    return [(c.type, c.modality) for c in doc.claims]
