"""Alembic environment: always run programmatically by bridge.history.store with a live connection."""

from __future__ import annotations

from alembic import context

from bridge.history.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
