"""Security and data protection: roles, residents' personal data, the tamper-evident audit trail.

Residents' names, ID numbers, phones, addresses and health flags are sensitive personal information
under China's Personal Information Protection Law (PIPL): they are encrypted at rest, masked by
default and unmasked only with a permission and a recorded reason. Every state-changing operator
command is checked against the acting user's role and area, and audited. See docs/security.md.

The submodules are imported directly. How personal data is masked (:mod:`cockpit.vocabulary.masking`)
sits at the bottom of the core, so that storage, ingest and logging mask what they write without
depending on this package, which itself builds on storage.
"""
