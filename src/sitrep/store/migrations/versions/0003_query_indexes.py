"""Indexes for the workspace's queries over large stores.

A type-led covering index for the map, the timeline and type-filtered claim lists: a query for a few event types over
a date range reads only those types' index entries (a quarter of the date range for three types of twelve) instead
of every claim of the range, and never the wide claim rows.

A covering index by claim id for the filters that select claims by id (actor, place, full text): each candidate's
status, type, date and order keys are read from a narrow index instead of its wide row (whose `data` holds the whole
claim), so counting them and finding the newest page no longer touch the claim rows.

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_claims_type_map", "claims",
                    ["type", "date", "status", "lat", "lon", "precision", "modality", "id"])
    op.create_index("ix_claims_id_cover", "claims", ["id", "status", "type", "date", "report_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_claims_id_cover", table_name="claims")
    op.drop_index("ix_claims_type_map", table_name="claims")
