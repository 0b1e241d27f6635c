"""Full-text rows keyed by an integer: claims.fts_id, the rowid of the claim's row in claims_fts.

A search then joins the claims through an integer index instead of reading text ids out of the FTS table (on a store
of 100,000 claims, the page of a common word went from about 95 ms to a few). The id is an explicit column, not
SQLite's implicit rowid, which VACUUM and table copies are free to renumber.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("fts_id", sa.Integer()))
    bind = op.get_bind()
    ids = [row[0] for row in bind.execute(sa.text("SELECT id FROM claims ORDER BY report_id, seq"))]
    if ids:
        bind.execute(sa.text("UPDATE claims SET fts_id = :n WHERE id = :id"),
                     [{"n": n, "id": cid} for n, cid in enumerate(ids, 1)])
    op.create_index("ix_claims_fts_id", "claims", ["fts_id"], unique=True)
    if bind.dialect.name == "sqlite":
        from sitrep.store.sqlite import rebuild_claims_fts
        rebuild_claims_fts(bind, keyed_by_fts_id=True)


def downgrade() -> None:
    bind = op.get_bind()
    op.drop_index("ix_claims_fts_id", table_name="claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("fts_id")
    if bind.dialect.name == "sqlite":
        from sitrep.store.sqlite import rebuild_claims_fts
        rebuild_claims_fts(bind, keyed_by_fts_id=False)
