"""Bringing streets into the cockpit's database and finding them again: import, export, ``--street``.

This sits above the static street (cockpit/street builds and checks a street from files, without a
database) and beside storage and security: it stores an imported street with its residents'
records encrypted in one transaction, and resolves the ``--street ID --db URL`` every command takes.
"""
