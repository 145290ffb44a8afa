"""Requests and time of a full ``deckgen pull`` of a large portal, against the fake HubSpot.

The portal: 500 companies, 100,000 tickets and 20,000 survey answers (half linked to their
company, a third to a contact only, the rest to a ticket only), served on 127.0.0.1 by the
strict fake of the tests, which answers 429 past 100 requests per 10 s (and 5 searches a
second), as HubSpot's lowest private-app tier does. The client paces itself under that
limit ([hubspot.pacing] defaults), so the pull cannot take less than ``requests / 10``
seconds: the floor printed beside the wall time. Targets: at most 2 % more requests than one
per list page plus one per 1,000-contact batch and the schema's few, and no 429.
"""

from __future__ import annotations

import math
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "hubspot"))

from fake_hubspot import PORTAL_CONFIG, TOKEN, FakeHubSpot  # noqa: E402

from deckgen.config import load_config  # noqa: E402
from deckgen.hubspot.client import HubSpotClient  # noqa: E402
from deckgen.hubspot.pull import pull  # noqa: E402

COMPANIES, TICKETS, ANSWERS = 500, 100_000, 20_000
PAGE, BATCH = 100, 1_000
RATE = 100 / 10  # requests per second at the lowest tier
SCHEMA_REQUESTS = 5  # owners, pipelines, properties of three objects
CONFIG = PORTAL_CONFIG


def portal() -> tuple[FakeHubSpot, int]:
    """The fake portal and how many contacts answers link to without a company."""
    fake = FakeHubSpot()
    fake.owners = [{"id": str(i), "firstName": f"Owner {i}"} for i in range(1, 21)]
    fake.pipelines = [{"id": "0", "label": "Suporte", "stages": [
        {"id": "1", "label": "Novo", "metadata": {"ticketState": "OPEN"}},
        {"id": "4", "label": "Resolvido", "metadata": {"ticketState": "CLOSED"}}]}]
    phases = ("onboarding", "adocao", "cliente_ativo")
    for number in range(COMPANIES):
        fake.companies[str(10_000 + number)] = {
            "name": f"Cliente {number}", "fase_do_cliente": phases[number % 3],
            "cs_dias_entre_reunioes": "30", "proprietario_cs": str(number % 20 + 1)}
    for number in range(TICKETS):
        fake.tickets[str(100_000 + number)] = {"properties": {
            "subject": f"Chamado {number}", "hs_pipeline": "0",
            "hs_pipeline_stage": "4" if number % 3 else "1", "hs_ticket_priority": "HIGH",
            "createdate": "2026-03-01T12:00:00Z", "hubspot_owner_id": str(number % 20 + 1),
        }, "companies": [str(10_000 + number % COMPANIES)]}
    contacts = 0
    for number in range(ANSWERS):
        company = str(10_000 + number % COMPANIES)
        entry: dict[str, object] = {"properties": {
            "hs_survey_type": "NPS", "hs_value": str(number % 11),
            "hs_submission_timestamp": "2026-04-02T10:00:00Z"}}
        if number % 6 < 3:
            entry["companies"] = [company]
        elif number % 6 < 5:
            contact = str(500_000 + number)
            fake.contacts[contact] = {"properties": {}, "companies": [company],
                                      "primary": company}
            entry["contacts"] = [contact]
            contacts += 1
        else:
            entry["tickets"] = [str(100_000 + number)]
        fake.feedback[str(900_000 + number)] = entry
    return fake, contacts


def main() -> int:
    """Pull the portal once; print requests, wall time and the rate-limit floor."""
    fake, contacts = portal()
    fake.limit(100, 10.0, search=5)
    fake.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder)
            (data / "deckgen.toml").write_text(CONFIG, encoding="utf-8")
            config = load_config(data)
            client = HubSpotClient(fake.url, TOKEN)
            started = time.perf_counter()
            result = pull(client, config, data, echo=lambda line: None)
            seconds = time.perf_counter() - started
    finally:
        fake.stop()
    requests = len(fake.log)
    ideal = (sum(math.ceil(n / PAGE) for n in (COMPANIES, TICKETS, ANSWERS))
             + math.ceil(contacts / BATCH) + SCHEMA_REQUESTS)
    ok = requests <= ideal * 1.02 and result.rows["tickets"] == TICKETS and not fake.refused
    print(f"pull: {COMPANIES:,} companies, {TICKETS:,} tickets, {ANSWERS:,} answers "
          f"({result.attributed}): {requests:,} requests (target {ideal:,} + 2 %), "
          f"{len(fake.refused)} answered 429, {seconds:.0f} s wall at 100 requests / 10 s "
          f"(floor {requests / RATE:.0f} s): {'ok' if ok else 'OVER TARGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
