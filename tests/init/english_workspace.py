"""A workspace of English-header HubSpot exports that no other test uses, written in code.

Headers as a HubSpot portal in English exports them, with custom properties named the way
a portal's admin would ("Last Meeting Date", "Time to close SLA status"...), ISO dates and
HubSpot's priority codes.
"""

from __future__ import annotations

import csv
from datetime import datetime, timedelta
from pathlib import Path

COMPANIES = [
    ["Record ID", "Company name", "Company owner", "CS Owner", "Customer phase",
     "Days between meetings", "Last Meeting Date", "Become a Customer Date", "Industry",
     "Create Date"],
    ["5001", "Northwind Logistics", "Ana Lima", "Paul Reed", "Active customer", "30",
     "2026-09-15", "2025-03-01", "Logistics", "2025-01-10 09:00"],
    ["5002", "Blue Harbor Foods", "Ana Lima", "Paul Reed", "Onboarding", "45",
     "2026-10-01", "2026-06-01", "Food", "2026-05-02 11:30"],
]
TICKET_HEADERS = [
    "Ticket ID", "Ticket name", "Pipeline", "Ticket status", "Priority", "Category",
    "Create date", "Close date", "First agent reply date", "Ticket owner",
    "Associated Company IDs", "Associated Company", "Time to close SLA status",
    "Last activity date",
]
PIPELINES = ["Support Pipeline", "Onboarding", "Engineering"]
CATEGORIES = ["Product issue", "Billing", "Feature request", "Training"]
PRIORITIES = ["LOW", "MEDIUM", "HIGH", "URGENT"]
SURVEY_HEADERS = ["Record ID", "Survey type", "Response value", "Response", "Submission date",
                  "Associated Company IDs", "Contact"]


def _tickets() -> list[list[str]]:
    rows = []
    start = datetime(2026, 6, 2, 9, 0)
    for n in range(60):
        created = start + timedelta(days=2 * n, hours=n % 7)
        closed = n % 5 != 0
        close = created + timedelta(hours=6 + 3 * (n % 9)) if closed else None
        company = ("5001", "Northwind Logistics") if n % 2 else ("5002", "Blue Harbor Foods")
        rows.append([
            str(900100 + n), f"Request {n}", PIPELINES[n % 3],
            "Closed" if closed else ("Waiting on contact" if n % 2 else "New"),
            PRIORITIES[n % 4], CATEGORIES[n % 4], created.strftime("%Y-%m-%d %H:%M"),
            close.strftime("%Y-%m-%d %H:%M") if close else "",
            (created + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"), "Paul Reed",
            company[0], company[1],
            ("Completed on time" if n % 4 else "Completed late") if closed else "",
            created.strftime("%Y-%m-%d %H:%M"),
        ])
    return rows


def _surveys() -> list[list[str]]:
    rows = []
    for n in range(24):
        kind = "NPS" if n % 2 else "CSAT"
        value = str(10 - n % 5) if kind == "NPS" else str(5 - n % 3)
        rows.append([str(770000 + n), kind, value, f"Comment {n}" if n % 3 == 0 else "",
                     f"2026-{6 + n % 5:02d}-{1 + n:02d}T10:00:00Z",
                     "5001" if (n // 2) % 2 else "5002",
                     f"person{n}@example.com"])
    return rows


def write(folder: Path) -> Path:
    """Write the exports into ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = {
        "hubspot-crm-exports-all-companies-2026-11-02.csv": COMPANIES,
        "hubspot-crm-exports-all-tickets-2026-11-02.csv": [TICKET_HEADERS, *_tickets()],
        "hubspot-crm-exports-feedback-submissions-2026-11-02.csv":
            [SURVEY_HEADERS, *_surveys()],
    }
    for name, rows in tables.items():
        with (folder / name).open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(rows)
    return folder
