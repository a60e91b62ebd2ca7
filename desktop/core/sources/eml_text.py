"""An e-mail (.eml) to article parts: the plain-text or HTML body, the subject, the date and the sender.

The standard library's ``email`` package parses the message (RFC 5322/MIME, encoded words, quoted-printable
and base64). The plain-text part is preferred: in press releases and agency mail it is the text as written;
newsletters often send only HTML, which goes through the same extraction as a saved web page. Attachments
are not read. ``format=flowed`` text (RFC 3676) is unwrapped into its paragraphs.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
from dataclasses import dataclass
from email.message import EmailMessage, Message

from desktop.core.sources.decoding import NotText, decode

MAX_PARTS = 1_000  # a newsletter has 2-20 MIME parts

_REPLY_PREFIX = re.compile(r"^(?:\s*(?:re|aw|fwd?|wg|wtr|sv|vs)\s*:\s*)+", re.IGNORECASE)
_HEADER_NAMES = ("from", "subject", "date", "to", "message-id", "mime-version", "content-type", "received")


class EmlProblem(ValueError):
    """A message that gives no article text; the message is the reason shown after the file name."""


@dataclass(frozen=True, slots=True)
class EmlMessage:
    subject: str
    text: str  # the plain-text body, or "" when ``html`` holds the body
    html: str
    published: str
    sender: str


def eml_to_message(data: bytes) -> EmlMessage:
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        if not any(name in message for name in _HEADER_NAMES):
            raise EmlProblem("not an e-mail message (no mail headers at the top)")
        parts = _body_parts(message)
        subject = _REPLY_PREFIX.sub("", _header(message, "subject")).strip()
        published = _date(_header(message, "date"))
        sender = _sender(_header(message, "from"))
    except EmlProblem:
        raise
    except RecursionError:
        raise EmlProblem("not a readable e-mail (its parts are nested too deeply)") from None
    except Exception as error:
        reason = re.sub(r"\s+", " ", str(error)).strip()[:120] or type(error).__name__
        raise EmlProblem(f"not a readable e-mail ({reason})") from None
    plain, html = parts
    if plain.strip():
        return EmlMessage(subject, plain, "", published, sender)
    if html.strip():
        return EmlMessage(subject, "", html, published, sender)
    raise EmlProblem("the message has no text part (only attachments, or empty)")


def _body_parts(message: Message) -> tuple[str, str]:
    """The first inline text/plain and text/html parts, walking at most ``MAX_PARTS`` parts."""
    plain = html = ""
    for count, part in enumerate(message.walk()):
        if count >= MAX_PARTS:
            raise EmlProblem(f"too many MIME parts (over {MAX_PARTS:,})")
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "text/plain" and not plain:
            plain = _unflow(_decoded(part), part)
        elif kind == "text/html" and not html:
            html = _decoded(part)
    return plain, html


def _decoded(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        return ""
    try:
        return decode(payload, part.get_content_charset())
    except NotText as error:
        raise EmlProblem(f"the message text is unreadable: {error}") from None


def _unflow(text: str, part: Message) -> str:
    """RFC 3676: a line ending in a space continues on the next (``DelSp=yes``: that space goes too)."""
    if part.get_param("format", "", header="content-type") != "flowed":
        return text
    delete_space = str(part.get_param("delsp", "", header="content-type")).lower() == "yes"
    out: list[str] = []
    pending = ""
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith(" "):
            line = line[1:]  # space-stuffing
        if line.endswith(" ") and line.strip() != "--":
            pending += line[:-1] if delete_space else line
            continue
        out.append(pending + line)
        pending = ""
    if pending:
        out.append(pending)
    return "\n".join(out)


def _header(message: Message, name: str) -> str:
    value = message.get(name)
    return re.sub(r"\s+", " ", str(value)).strip() if value is not None else ""


def _date(value: str) -> str:
    if not value:
        return ""
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return ""


def _sender(value: str) -> str:
    name, address = email.utils.parseaddr(value)
    return name.strip() or address.partition("@")[2]


__all__ = ["EmailMessage", "EmlMessage", "EmlProblem", "eml_to_message"]
