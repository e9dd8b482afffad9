"""Printable documents: an HTML body with its pictures laid out on A4 pages by Qt, written as PDF.

The debrief and the daily and weekly reports are documents for people at a meeting: Qt's rich text
(QTextDocument) flows their tables over as many pages as they need, and QPdfWriter writes them with
the application's font, so Chinese text is embedded as it is shown on screen.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

PAGE_MARGIN_MM = 15.0
RESOLUTION_DPI = 150
"""Pictures are placed at this resolution; text stays vector."""


def write_pdf(path: Path, body: str, title: str, images: Mapping[str, QImage] | None = None) -> Path:
    """Write ``body`` (Qt rich-text HTML) as an A4 PDF at ``path``; returns the path.

    ``images`` maps the names used in ``<img src="NAME">`` to the pictures to embed.

    Raises
    ------
    OSError
        If the file cannot be written (the message names it).
    """
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Street Cockpit")
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setDocumentMargin(0)
    for name, image in (images or {}).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(body)
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(writer)
    del writer  # flushes and closes the file
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"{path}: the PDF could not be written")
    return path


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], numeric: Iterable[int] = ()) -> str:
    """An HTML table with a header row; the ``numeric`` columns are right-aligned."""
    right = set(numeric)
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in headers)
    body = []
    for row in rows:
        cells = "".join(f"<td{' align=right' if i in right else ''}>{html.escape(str(v))}</td>" for i, v in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    return (f"<table border=1 cellspacing=0 cellpadding=3 width=100%><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def page(title: str, sections: Iterable[str]) -> str:
    """The HTML of a document: its title, then the sections in order."""
    return f"<html><body><h2>{html.escape(title)}</h2>{''.join(sections)}</body></html>"


def section(heading: str, content: str) -> str:
    """A headed part of a document."""
    return f"<h3>{html.escape(heading)}</h3>{content}"


def picture(name: str, width: int) -> str:
    """An embedded picture (a name given to :func:`write_pdf`'s ``images``), ``width`` pixels wide on the page."""
    return f'<p><img src="{html.escape(name)}" width="{width}"></p>'
