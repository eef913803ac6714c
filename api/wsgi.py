"""The app for WSGI servers: `gunicorn 'api.wsgi:app'`.

It opens the store at import, so a worker with a bad DATABASE_URL or an
out-of-date schema fails to boot instead of answering 503s.
"""

from __future__ import annotations

from . import create_app
from .server import settle

app = create_app()
app.extensions["reactiongraph"].store  # noqa: B018  (open and check the schema now)
settle()  # start-up's objects stay out of later garbage collections (see there)
