"""Schemathesis hooks for tests/schemathesis.rs: how to put the string bodies of media types
schemathesis has no serializer for on the wire (the bytes of the string, as UTF-8). Nothing
here changes what is generated or what is checked.

RSS and Atom are `+xml` types, which schemathesis would otherwise send through its XML
serializer: that one wraps a string in `<data>...</data>`, so the server would receive another
body than the one generated (and checked). The XML serializer is moved behind ours so that
the exact types match ours first; `application/xml` itself keeps its serializer.
"""

import schemathesis
from schemathesis.transport.requests import REQUESTS_TRANSPORT

TEXT_TYPES = ("application/x-ndjson", "text/html", "application/rss+xml", "application/atom+xml")


@schemathesis.serializer(*TEXT_TYPES)
def as_text(ctx, value):
    """The body's bytes: the generated string as UTF-8. A value that is not a string (generated
    to break the schema) has no text form: it goes as an empty body, which breaks it too."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    return b""


for xml_type in ("application/xml", "text/xml"):
    xml_serializer = REQUESTS_TRANSPORT._serializers.get(xml_type)
    if xml_serializer is not None:
        REQUESTS_TRANSPORT.unregister_serializer(xml_type)
        REQUESTS_TRANSPORT.serializer(xml_type)(xml_serializer)
