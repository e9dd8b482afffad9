"""The vocabulary of grid governance: the bottom layer of the core, which imports nothing above it.

Domain enums (:mod:`.domain`), the published KPI targets (:mod:`.targets`, from
resources/targets.toml), the typed events every source publishes (:mod:`.events`),
the category table (:mod:`.categories`), the closed loop's state machine (:mod:`.lifecycle`), the
local timezone (:mod:`.local_time`) and how residents' personal data is masked (:mod:`.masking`).
Everything else in the cockpit speaks these terms; none of them knows a street, a twin or a source.
"""
