"""A place of a fiche: its address, a map link that opens the phone's map app, its opening hours."""

from __future__ import annotations

import urllib.parse

from generator import labels
from generator.localize.common import LanguageContext
from generator.localize.views import PlaceView
from generator.opening_hours import parse_opening_hours


def place_view(context: LanguageContext, place) -> PlaceView:
    _ = context.gettext
    lines = [line for line in (place.address, " ".join(filter(None, (place.postcode, place.city)))) if line]
    query = ", ".join([place.name, *lines])
    if place.latitude is not None:
        geo = f"geo:{place.latitude},{place.longitude}"
        map_url = (
            f"https://www.openstreetmap.org/?mlat={place.latitude}&mlon={place.longitude}"
            f"#map=17/{place.latitude}/{place.longitude}"
        )
    else:
        geo = "geo:0,0?q=" + urllib.parse.quote(query)
        map_url = "https://www.openstreetmap.org/search?query=" + urllib.parse.quote(query)
    hours = []
    if place.opening_hours:
        for rule in parse_opening_hours(place.opening_hours):
            days = ", ".join(_(labels.DAYS[day]) for day in rule.days)
            times = ", ".join(f"{a}–{b}" for a, b in rule.intervals) or _("Fermé")
            hours.append((days, times))
    wheelchair = _(labels.WHEELCHAIR[place.wheelchair]) if place.wheelchair else None
    return PlaceView(place.name, lines, geo, map_url, hours, wheelchair)
