"""HubSpot: publish decks and minutes on a company, change its phase, pull the CRM exports.

Layers: :mod:`client` (HTTP, retries, dry runs) and :mod:`auth` (token, address) below;
:mod:`files`, :mod:`engagements`, :mod:`companies` (one API each) and :mod:`ledger` (what was
already created) in the middle; :mod:`publish` and :mod:`pull` (what the commands do) on top.
"""
