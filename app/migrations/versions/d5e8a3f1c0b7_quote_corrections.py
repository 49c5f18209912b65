"""quote corrections: an operator's speaker for one quotation (additive)

Revision ID: d5e8a3f1c0b7
Revises: c41a7d9e2b10
Create Date: 2026-11-30 02:05:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'd5e8a3f1c0b7'
down_revision = 'c41a7d9e2b10'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('quote_correction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('speaker', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'key')
    )
    with op.batch_alter_table('quote_correction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quote_correction_article_id'), ['article_id'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('quote_correction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quote_correction_article_id'))
    op.drop_table('quote_correction')
