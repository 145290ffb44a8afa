"""HubSpot: publish decks and minutes on a company, change its phase, pull the CRM exports.

Layers: :mod:`client` (HTTP, retries, dry runs) and :mod:`auth` (token, address) below;
:mod:`files`, :mod:`engagements`, :mod:`companies` (one API each), :mod:`lists` (pages,
search windows, batch association reads), :mod:`schema` (the portal's properties, pipelines
and owners, kept in the workspace) and :mod:`ledger` (what was already created) in the
middle; :mod:`publish`, :mod:`pull` and :mod:`doctor` (what the commands do) on top.
"""
