"""Resource allocation: coverage of households by resources, the staffing standard and placement.

Built on :mod:`cockpit.travel` (how long from a resource to a household) and the resources of the
street model; the command line is ``cockpit resources coverage|staffing|plan``.
"""
