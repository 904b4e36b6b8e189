"""Code tables shipped with geopol: CAMEO, PLOVER, quad-class conventions, countries.

Tables are read from the package's data files on first use and cached.

>>> cameo("042").name
'Make a visit'
>>> quad_class("190"), quad_class("190", convention="phoenix")
(4, 4)
>>> plover_for_cameo("042")
'CONSULT'
>>> country("PRK").cow, country("PRK").fips
(731, 'KN')
"""

from ._tables import (
    CameoCode,
    Country,
    PloverMode,
    PloverType,
    QUAD_CONVENTIONS,
    cameo,
    cameo_codes,
    cameo_names,
    countries,
    country,
    country_by_cow,
    country_by_fips,
    country_by_icews_name,
    cow_shared_codes,
    cow_states,
    goldstein,
    plover_for_cameo,
    plover_modes,
    plover_types,
    quad_class,
    quad_label,
    to_iso3,
)

__all__ = [
    "CameoCode",
    "Country",
    "PloverMode",
    "PloverType",
    "QUAD_CONVENTIONS",
    "cameo",
    "cameo_codes",
    "cameo_names",
    "countries",
    "country",
    "country_by_cow",
    "country_by_fips",
    "country_by_icews_name",
    "cow_shared_codes",
    "cow_states",
    "goldstein",
    "plover_for_cameo",
    "plover_modes",
    "plover_types",
    "quad_class",
    "quad_label",
    "to_iso3",
]
