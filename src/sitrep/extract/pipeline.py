"""The extraction pipeline: report text and metadata in, entities and claims out.

Stages run in order over one ``Doc``; each is a callable ``stage(doc) -> doc``. Knowledge (gazetteer, actor base,
lexicons) is loaded once per process when the pipeline is built, never per report.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from sitrep.extract.model import Doc, ReportMeta

# Bump when a stage changes what it extracts: every stored claim records the version that made it,
# and `sitrep reprocess` brings older claims up to date.
EXTRACTOR_VERSION = "0.2.0"

Stage = Callable[[Doc], Doc]


class Pipeline:
    def __init__(self, stages: list[tuple[str, Stage]]):
        self.stages = stages

    def __call__(self, text: str, meta: ReportMeta, body: list[tuple[int, int]] | None = None) -> Doc:
        doc = Doc(text=text, meta=meta, body=body if body is not None else [(0, len(text))])
        for _name, stage in self.stages:
            doc = stage(doc)
        return doc

    def pipe(self, items: Iterable[tuple[str, ReportMeta, list[tuple[int, int]] | None]]) -> Iterator[Doc]:
        for text, meta, body in items:
            yield self(text, meta, body)


_DEFAULT: Pipeline | None = None


def build_pipeline() -> Pipeline:
    """The standard pipeline, its knowledge loaded once."""
    from sitrep.extract.actors import ActorFinder
    from sitrep.extract.attribution import Attributor
    from sitrep.extract.dates import DateFinder
    from sitrep.extract.events import EventFinder
    from sitrep.extract.places import PlaceFinder
    from sitrep.extract.sentences import split_sentences

    return Pipeline([
        ("sentences", split_sentences),
        ("places", PlaceFinder()),
        ("actors", ActorFinder()),
        ("dates", DateFinder()),
        ("events", EventFinder()),
        ("attribution", Attributor()),
    ])


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = build_pipeline()
    return _DEFAULT


def extract(text: str, meta: ReportMeta, body: list[tuple[int, int]] | None = None) -> Doc:
    """Run the standard pipeline over one report."""
    return default_pipeline()(text, meta, body)
