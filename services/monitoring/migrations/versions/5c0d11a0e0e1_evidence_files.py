"""evidence files (佐证材料)

Revision ID: 5c0d11a0e0e1
Revises: 5c0d11a0e0b1
Create Date: 2026-11-30 13:37:53.605794

- ``evidence``: files attached to a household's record (走访照片, 村级评议会议记录, 承诺授权书, 公示照片,
  其他), kept in the object store; this is their record (sha256, size, sniffed type, uploader, time).
- A supporting visit or workflow step must be the same household's: (id, household_id) is made unique
  on ``visits`` and ``transitions`` so that the foreign keys can name both.
- Trigger ``evidence_is_kept``: a row is never deleted, what was uploaded never changes, and a
  withdrawal is final — evidence is withdrawn with a reason, not removed.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '5c0d11a0e0e1'
down_revision: str | None = "5c0d11a0e0b1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEEP_EVIDENCE = """
CREATE FUNCTION monitoring.evidence_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'evidence is withdrawn with a reason, never deleted'
            USING ERRCODE = 'restrict_violation', CONSTRAINT = 'evidence_is_kept';
    END IF;
    IF (NEW.household_id, NEW.kind, NEW.store_key, NEW.sha256, NEW.size_bytes, NEW.media_type,
        NEW.uploaded_by, NEW.uploaded_at)
       IS DISTINCT FROM
       (OLD.household_id, OLD.kind, OLD.store_key, OLD.sha256, OLD.size_bytes, OLD.media_type,
        OLD.uploaded_by, OLD.uploaded_at)
       OR (OLD.withdrawn_at IS NOT NULL AND (NEW.withdrawn_at, NEW.withdrawn_by, NEW.withdrawal_reason)
           IS DISTINCT FROM (OLD.withdrawn_at, OLD.withdrawn_by, OLD.withdrawal_reason)) THEN
        RAISE EXCEPTION 'what was uploaded, and a withdrawal, are kept as recorded'
            USING ERRCODE = 'restrict_violation', CONSTRAINT = 'evidence_is_kept';
    END IF;
    RETURN NEW;
END $$
"""
KEEP_EVIDENCE_TRIGGER = """
CREATE TRIGGER evidence_is_kept BEFORE UPDATE OR DELETE ON monitoring.evidence
    FOR EACH ROW EXECUTE FUNCTION monitoring.evidence_is_kept();
"""


def upgrade() -> None:
    op.create_unique_constraint(op.f('uq_transitions_id_household_id'), 'transitions', ['id', 'household_id'], schema='monitoring')
    op.create_unique_constraint(op.f('uq_visits_id_household_id'), 'visits', ['id', 'household_id'], schema='monitoring')
    op.create_table('evidence',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('visit_photo', 'review_minutes', 'consent', 'notice_photo', 'other', name='evidence_kind', schema='monitoring'), nullable=False),
    sa.Column('visit_id', sa.Uuid(), nullable=True),
    sa.Column('transition_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('file_name', sa.String(length=120), nullable=False),
    sa.Column('store_key', sa.String(length=200), nullable=False),
    sa.Column('media_type', sa.String(length=40), nullable=False),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('uploaded_by', sa.String(length=100), nullable=False),
    sa.Column('uploaded_role', sa.String(length=40), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('withdrawn_by', sa.String(length=100), nullable=True),
    sa.Column('withdrawal_reason', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.CheckConstraint("(withdrawn_at IS NULL) = (withdrawn_by IS NULL) AND (withdrawn_at IS NULL) = (withdrawal_reason IS NULL) AND (withdrawal_reason IS NULL OR btrim(withdrawal_reason) <> '')", name=op.f('ck_evidence_withdrawal_recorded')),
    sa.CheckConstraint("media_type IN ('image/jpeg', 'image/png', 'application/pdf')", name=op.f('ck_evidence_allowed_media_type')),
    sa.CheckConstraint("sha256 ~ '^[0-9a-f]{64}$'", name=op.f('ck_evidence_sha256_hex')),
    sa.CheckConstraint('num_nonnulls(visit_id, transition_id) <= 1', name=op.f('ck_evidence_supports_one_record')),
    sa.CheckConstraint('size_bytes > 0', name=op.f('ck_evidence_not_empty')),
    sa.ForeignKeyConstraint(['household_id'], ['monitoring.households.id'], name=op.f('fk_evidence_household_id_households'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['transition_id', 'household_id'], ['monitoring.transitions.id', 'monitoring.transitions.household_id'], name='fk_evidence_transition_of_the_household', ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['visit_id', 'household_id'], ['monitoring.visits.id', 'monitoring.visits.household_id'], name='fk_evidence_visit_of_the_household', ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence')),
    sa.UniqueConstraint('store_key', name=op.f('uq_evidence_store_key')),
    schema='monitoring'
    )
    op.create_index(op.f('ix_evidence_household_id_updated_at_id'), 'evidence', ['household_id', 'updated_at', 'id'], unique=False, schema='monitoring')
    op.create_index(op.f('ix_evidence_updated_at_id'), 'evidence', ['updated_at', 'id'], unique=False, schema='monitoring')
    op.execute(KEEP_EVIDENCE)
    op.execute(KEEP_EVIDENCE_TRIGGER)


def downgrade() -> None:
    op.execute("DROP TRIGGER evidence_is_kept ON monitoring.evidence")
    op.execute("DROP FUNCTION monitoring.evidence_is_kept()")
    op.drop_index(op.f('ix_evidence_updated_at_id'), table_name='evidence', schema='monitoring')
    op.drop_index(op.f('ix_evidence_household_id_updated_at_id'), table_name='evidence', schema='monitoring')
    op.drop_table('evidence', schema='monitoring')
    op.execute("DROP TYPE monitoring.evidence_kind")
    op.drop_constraint(op.f('uq_visits_id_household_id'), 'visits', schema='monitoring', type_='unique')
    op.drop_constraint(op.f('uq_transitions_id_household_id'), 'transitions', schema='monitoring', type_='unique')
