"""Analyst review: a status on every claim, the precision of its map point, and the audit table of reviews.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("precision", sa.Integer()))
        batch.add_column(sa.Column("status", sa.String(16), nullable=False, server_default="unreviewed"))
        batch.create_index("ix_claims_status", ["status"])
    # The precision of the place whose centroid the claim already carries (the most precise place).
    op.execute("UPDATE claims SET precision = (SELECT MIN(COALESCE(p.precision, 3)) FROM claim_places p "
               "WHERE p.claim_id = claims.id AND p.lat IS NOT NULL) WHERE lat IS NOT NULL")
    # A covering index for the map and timeline: date-range queries with type, status and a bounding box are answered
    # from the index alone, without reading the wide claim rows (whose `data` holds the whole claim).
    op.create_index("ix_claims_map", "claims", ["date", "type", "status", "lat", "lon", "precision", "modality", "id"])
    # The route legs of movements and transfers (origin → via → destination), from the index alone.
    op.create_index("ix_claim_places_route", "claim_places", ["claim_id", "role", "lat", "lon", "precision", "name"])
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.String(32), nullable=False, index=True),
        sa.Column("report_id", sa.String(64), index=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("field", sa.String(32)),
        sa.Column("previous", sa.JSON()),
        sa.Column("new", sa.JSON()),
        sa.Column("reviewer", sa.String(100), nullable=False),
        sa.Column("note", sa.Text()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("reviews")
    op.drop_index("ix_claims_map", table_name="claims")
    op.drop_index("ix_claim_places_route", table_name="claim_places")
    with op.batch_alter_table("claims") as batch:
        batch.drop_index("ix_claims_status")
        batch.drop_column("status")
        batch.drop_column("precision")
