"""A place of a fiche: its address, a map link that opens the phone's map app, its opening hours."""

from __future__ import annotations

from generator import labels
from generator.localize.common import LanguageContext, french_text, map_links
from generator.localize.views import PlaceView
from generator.opening_hours import parse_opening_hours


def place_view(context: LanguageContext, place) -> PlaceView:
    _ = context.gettext
    lines = [line for line in (place.address, " ".join(filter(None, (place.postcode, place.city)))) if line]
    query = ", ".join([place.name, *lines])
    links = map_links(query, place.latitude, place.longitude)
    hours = []
    if place.opening_hours:
        for rule in parse_opening_hours(place.opening_hours):
            days = ", ".join(_(labels.DAYS[day]) for day in rule.days)
            times = ", ".join(f"{a}–{b}" for a, b in rule.intervals) or _("Fermé")
            hours.append((days, times))
    wheelchair = _(labels.WHEELCHAIR[place.wheelchair]) if place.wheelchair else None
    address = french_text(", ".join(lines)) if lines else None
    return PlaceView(french_text(place.name), address, links.geo_uri, links.map_url, hours, wheelchair)
