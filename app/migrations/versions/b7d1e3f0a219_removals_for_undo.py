"""removals held back for undo

Revision ID: b7d1e3f0a219
Revises: 5f464549d96a
Create Date: 2026-11-30 01:15:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'b7d1e3f0a219'
down_revision = '5f464549d96a'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('removal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('operator_id', sa.Integer(), nullable=True),
    sa.Column('label', sa.String(length=500), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('files', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['operator_id'], ['operator.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token')
    )
    with op.batch_alter_table('removal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_removal_created_at'), ['created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('removal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_removal_created_at'))
    op.drop_table('removal')
