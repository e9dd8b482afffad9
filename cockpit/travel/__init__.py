"""Travel on the street: speeds per mode (profile), the road graph (network) and travel models.

:class:`~cockpit.travel.model.TravelModel` is the one interface for "how many minutes from here to
there by this mode": :class:`~cockpit.travel.model.StraightLineTravel` estimates from the straight
line, :class:`~cockpit.travel.model.RoadTravel` takes shortest paths on the street's road layer.
"""
