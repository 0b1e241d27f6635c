"""The initial store: reports with their originals, footnotes, claims with actors and places, full-text search.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sitrep_info",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("content_type", sa.String(32), nullable=False),
        sa.Column("encoding", sa.String(32), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("published", sa.String(10), index=True),
        sa.Column("publisher", sa.String(200)),
        sa.Column("dispatch", sa.String(100)),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("entities", sa.JSON(), nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "footnotes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("report_id", sa.String(64), sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("outlet", sa.String(200)),
        sa.Column("date", sa.String(10)),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("markers", sa.JSON(), nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("report_id", sa.String(64), sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(32), nullable=False, index=True),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("certainty", sa.String(64)),
        sa.Column("date", sa.String(10), index=True),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("source", sa.String(200), index=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("optional", sa.Boolean(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.UniqueConstraint("report_id", "seq"),
    )
    op.create_index("ix_claims_lat_lon", "claims", ["lat", "lon"])
    op.create_table(
        "claim_actors",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.String(32), sa.ForeignKey("claims.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("name", sa.String(200), nullable=False, index=True),
        sa.Column("mention", sa.Text()),
        sa.Column("role", sa.String(32)),
    )
    op.create_table(
        "claim_places",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.String(32), sa.ForeignKey("claims.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("name", sa.String(200), nullable=False, index=True),
        sa.Column("mention", sa.Text()),
        sa.Column("role", sa.String(32)),
        sa.Column("kind", sa.String(32)),
        sa.Column("country", sa.String(2)),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("precision", sa.Integer()),
    )
    if op.get_bind().dialect.name == "sqlite":
        from sitrep.store.sqlite import create_fts_v1
        create_fts_v1(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        from sitrep.store.sqlite import drop_fts
        drop_fts(op.get_bind())
    for table in ("claim_places", "claim_actors", "claims", "footnotes", "reports", "sitrep_info"):
        op.drop_table(table)
