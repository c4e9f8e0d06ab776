#!/usr/bin/env python3
"""Writes report.pdf (a two-page committee report) and, for the fixture
council, ../council/site/library-report.pdf and annual-report.pdf: one
line of text per page, in the plainest PDF 1.4 (Helvetica, no
compression), so that pdftotext's page split can be checked.
Run: python3 gen_pdf.py"""
import os

here = os.path.dirname(os.path.abspath(__file__))


def write(path, pages):
    objs = []
    objs.append("<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>")
    font = 3 + 2 * len(pages)
    for i, text in enumerate(pages):
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET"
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R /Resources << /Font << /F1 {font} 0 R >> >> >>")
        objs.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = b"%PDF-1.4\n"
    offsets = []
    for n, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{o}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    open(path, "wb").write(out)


write(os.path.join(here, "report.pdf"), [
    "Cabinet report: Library opening hours. Page one.",
    "Recommendation: approve the new hours. Page two.",
])
write(os.path.join(here, "..", "council", "site", "library-report.pdf"), [
    "Library opening hours: report to Cabinet",
    "The Cabinet is recommended to approve the revised operational hours.",
])
write(os.path.join(here, "..", "council", "site", "annual-report.pdf"), [
    "Annual report 2025",
    "We fixed 400 potholes.",
])
