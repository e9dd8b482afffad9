"""The vocabulary of grid governance: the bottom layer of the core, which imports nothing above it.

Domain enums and targets (:mod:`.domain`), the typed events every source publishes (:mod:`.events`),
the category table (:mod:`.categories`) and the closed loop's state machine (:mod:`.lifecycle`).
Everything else in the cockpit speaks these terms; none of them knows a street, a twin or a source.
"""
