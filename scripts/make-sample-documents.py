#!/usr/bin/env python3
"""Build every document from the sample data and render it to PNG for docs/samples/.

    .venv/bin/python scripts/make-sample-documents.py [--out docs/samples] [--dpi 70] [--keep-pdf]

Uses poppler's `pdftoppm` (Debian package poppler-utils). The certificate is signed with a
fixed *demo* key derived from a public string, so the samples are reproducible; it is not a
station key and no keyring trusts it. Also writes the daily report's CSV beside the PNGs.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image

from printing import samples
from printing.documents import (
    bundle_receipt,
    completion_notice,
    daily_report,
    denial_decision,
    deregistration_notice,
    household_certificate,
    move_in_permit,
    not_accepted_notice,
    queue_ticket,
    receipt,
    referral_list,
    supplement_notice,
)
from printing.documents.common import Paper
from printing.report_export import report_csv
from printing.signing import StationSigner

ROOT = Path(__file__).resolve().parent.parent
DEMO_KEY_SEED = hashlib.sha256(b"Station Desk sample documents - demo key, not for use").digest()


def build_all() -> dict[str, bytes]:
    signer = StationSigner(samples.STATION.code, Ed25519PrivateKey.from_private_bytes(DEMO_KEY_SEED))
    return {
        "receipt-80mm": receipt.build_pdf(samples.receipt(), Paper.ROLL_80),
        "receipt-58mm": receipt.build_pdf(samples.receipt(), Paper.ROLL_58),
        "receipt-a4": receipt.build_pdf(samples.receipt(), Paper.A4),
        "queue-ticket-58mm": queue_ticket.build_pdf(samples.queue_ticket(), Paper.ROLL_58),
        "supplement-notice": supplement_notice.build_pdf(samples.supplement_notice()),
        "not-accepted-notice": not_accepted_notice.build_pdf(samples.not_accepted_notice()),
        "denial-decision": denial_decision.build_pdf(samples.denial_decision()),
        "completion-notice": completion_notice.build_pdf(samples.completion_notice()),
        "move-in-permit": move_in_permit.build_pdf(samples.move_in_permit()),
        "household-certificate": household_certificate.build_pdf(samples.household_certificate(), signer=signer),
        "daily-report": daily_report.build_pdf(samples.daily_report()),
        "bundle-receipt": bundle_receipt.build_pdf(samples.bundle_receipt()),
        "referral-list": referral_list.build_pdf(samples.referral_list()),
        "deregistration-notice": deregistration_notice.build_pdf(samples.deregistration_notice()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "samples")
    parser.add_argument("--dpi", type=int, default=70, help="resolution of the PNGs (60–80 keeps them small)")
    parser.add_argument("--keep-pdf", action="store_true", help="also keep the PDFs")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        for name, pdf in build_all().items():
            source = (args.out if args.keep_pdf else Path(tmp)) / f"{name}.pdf"
            source.write_bytes(pdf)
            subprocess.run(["pdftoppm", "-r", str(args.dpi), "-png", str(source), str(args.out / name)], check=True)
            pages = sorted(args.out.glob(f"{name}-*.png"))
            for page in pages:  # the documents are black and grey: 8-bit grey PNGs are a third the size
                with Image.open(page) as image:
                    grey = image.convert("L")
                grey.save(page, optimize=True)
            print(f"{name}: {', '.join(p.name for p in pages)}")
    (args.out / "daily-report.csv").write_bytes(report_csv(samples.daily_report()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
