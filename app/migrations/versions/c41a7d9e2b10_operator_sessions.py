"""operator sessions kept on the server, so signing out ends them

Revision ID: c41a7d9e2b10
Revises: b7d1e3f0a219
Create Date: 2026-11-30 01:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'c41a7d9e2b10'
down_revision = 'b7d1e3f0a219'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('operator_session',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('operator_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['operator_id'], ['operator.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('operator_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_operator_session_operator_id'), ['operator_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_operator_session_created_at'), ['created_at'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('operator_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_operator_session_created_at'))
        batch_op.drop_index(batch_op.f('ix_operator_session_operator_id'))
    op.drop_table('operator_session')
