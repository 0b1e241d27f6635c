"""The store's tables. Portable SQLAlchemy 2 models: nothing here is specific to SQLite or PostgreSQL."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class StoreInfo(Base):
    """Marks a database as a sitrep store (a --db that lacks it is refused, never overwritten)."""
    __tablename__ = "sitrep_info"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Report(Base):
    __tablename__ = "reports"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)          # sha256 of the original bytes
    origin: Mapped[str] = mapped_column(Text)
    content_type: Mapped[str] = mapped_column(String(32))                   # text / html
    encoding: Mapped[str] = mapped_column(String(32))
    raw: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)          # the original, untouched
    text: Mapped[str] = mapped_column(Text)                                 # decoded (HTML: main text) text
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    publisher: Mapped[str | None] = mapped_column(String(200))
    dispatch: Mapped[str | None] = mapped_column(String(100))
    body: Mapped[list] = mapped_column(JSON)                                # [[start, end], ...] extractable ranges
    entities: Mapped[dict] = mapped_column(JSON)                            # the report's entity lists (export shape)
    extractor_version: Mapped[str] = mapped_column(String(32))
    ingested_at: Mapped[datetime] = mapped_column(DateTime)

    footnotes: Mapped[list[FootnoteRow]] = relationship(back_populates="report", cascade="all, delete-orphan",
                                                        order_by="FootnoteRow.number")
    claims: Mapped[list[ClaimRow]] = relationship(back_populates="report", cascade="all, delete-orphan",
                                                  order_by="ClaimRow.seq")


class FootnoteRow(Base):
    __tablename__ = "footnotes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    date: Mapped[str | None] = mapped_column(String(10))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    markers: Mapped[list] = mapped_column(JSON)
    report: Mapped[Report] = relationship(back_populates="footnotes")


class ClaimRow(Base):
    __tablename__ = "claims"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)           # stable: report + type + evidence span
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(32), index=True)
    modality: Mapped[str] = mapped_column(String(16))
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    certainty: Mapped[str | None] = mapped_column(String(64))
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    source: Mapped[str | None] = mapped_column(String(200), index=True)
    evidence: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    optional: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict] = mapped_column(JSON)                                # the whole claim, export shape
    extractor_version: Mapped[str] = mapped_column(String(32))
    # Centroid of the claim's most precise place, for map queries by bounding box.
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    # ACLED geo_precision of that place (1 exact, 2 near/part, 3 region): the map draws no precise point for 3.
    precision: Mapped[int | None] = mapped_column(Integer)
    # Analyst review (sitrep.store.review): unreviewed / accepted / corrected / rejected.
    fts_id: Mapped[int | None] = mapped_column(Integer)     # the claim's rowid in the full-text index
    status: Mapped[str] = mapped_column(String(16), default="unreviewed", server_default="unreviewed", index=True)

    report: Mapped[Report] = relationship(back_populates="claims")
    actors: Mapped[list[ClaimActorRow]] = relationship(cascade="all, delete-orphan")
    places: Mapped[list[ClaimPlaceRow]] = relationship(cascade="all, delete-orphan")

    __table_args__ = (UniqueConstraint("report_id", "seq"), Index("ix_claims_lat_lon", "lat", "lon"),
                      Index("ix_claims_map", "date", "type", "status", "lat", "lon", "precision", "modality", "id"),
                      Index("ix_claims_type_map", "type", "date", "status", "lat", "lon", "precision", "modality",
                            "id"),
                      Index("ix_claims_id_cover", "id", "status", "type", "date", "report_id", "seq"),
                      Index("ix_claims_fts_id", "fts_id", unique=True))


class ClaimActorRow(Base):
    __tablename__ = "claim_actors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    mention: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(String(32))


class ClaimPlaceRow(Base):
    __tablename__ = "claim_places"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    mention: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(String(32))
    kind: Mapped[str | None] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(String(2))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    precision: Mapped[int | None] = mapped_column(Integer)

    # Covers the map's route lines: a claim's places with their roles and coordinates, without the wide rows.
    __table_args__ = (Index("ix_claim_places_route", "claim_id", "role", "lat", "lon", "precision", "name"),)


class ReviewRow(Base):
    """One analyst decision on a claim (audit trail). Kept by claim id, without a foreign key, so that a claim's
    reviews survive re-extraction and are re-applied to the claim of the same id (sitrep.store.review.reapply)."""
    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[str] = mapped_column(String(32), index=True)
    report_id: Mapped[str | None] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(16))                         # accept / correct / reject
    field: Mapped[str | None] = mapped_column(String(32))                   # corrected field (correct only)
    previous: Mapped[dict | list | str | None] = mapped_column(JSON)
    new: Mapped[dict | list | str | None] = mapped_column(JSON)
    reviewer: Mapped[str] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
