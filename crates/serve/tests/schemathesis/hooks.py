"""Schemathesis hooks for tests/schemathesis.rs: how to put the string bodies of media types
schemathesis has no serializer for on the wire (the bytes of the string, as UTF-8). Nothing
here changes what is generated or what is checked."""

import schemathesis


@schemathesis.serializer("application/x-ndjson", "text/html", "application/rss+xml", "application/atom+xml")
def as_text(ctx, value):
    if isinstance(value, bytes):
        return {"data": value}
    return {"data": str(value).encode("utf-8")}
